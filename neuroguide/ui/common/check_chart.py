"""One progress check over time, with the norm's line, drawn with QPainter (screen and PDF).

Results are dots joined by a line, oldest on the left; the norm is a dashed line labelled
"norm"; a change bigger than day-to-day variation gets a ring and the words "real change", so
nothing depends on colour alone. A check stopped for safety leaves a gap with "stopped".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPen

from neuroguide.core.check_norms import norm_line
from neuroguide.core.check_progress import Profile, ProgressPoint
from neuroguide.core.checks import STANCES, CheckId, CheckOutcome
from neuroguide.ui.common.charts import ChartColours

AXIS_TITLE = {
    CheckId.CHAIR_STAND: "stands in 30 seconds (more is better)",
    CheckId.BALANCE: "positions held for 10 seconds (more is better)",
    CheckId.SIT_TO_STAND: "seconds for five stands (less is better)",
}


def chart_top(check: CheckId, points: Sequence[ProgressPoint], line: float | None) -> float:
    """The value at the top of the chart: a round number above every result and the norm."""
    if check is CheckId.BALANCE:
        return float(STANCES)
    values = [p.result.value() or 0.0 for p in points]
    highest = max([*values, line or 0.0, 10.0])
    step = 5.0
    return float(int(highest * 1.15 / step + 1) * step)


def current_line(check: CheckId, points: Sequence[ProgressPoint], profile: Profile) -> float | None:
    """The norm's line for the person now (the latest result's age)."""
    age = points[-1].age if points else None
    return norm_line(check, age, profile.sex)


def paint_check_trend(
    painter: QPainter,
    rect: QRectF,
    check: CheckId,
    points: Sequence[ProgressPoint],
    line: float | None,
    colours: ChartColours,
) -> None:
    """Draw ``points`` of one check in ``rect`` with the norm ``line`` (if any)."""
    painter.save()
    painter.setPen(colours.text)
    metrics = QFontMetricsF(painter.font())
    height = metrics.height()
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), height * 1.3),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        AXIS_TITLE[check],
    )
    left = metrics.horizontalAdvance("000") + height * 0.6
    plot = QRectF(
        rect.left() + left,
        rect.top() + height * 1.6,
        max(10.0, rect.width() - left - height * 0.5),
        max(10.0, rect.height() - height * 3.4),
    )
    top = chart_top(check, points, line)
    ticks = STANCES if check is CheckId.BALANCE else 5
    for n in range(ticks + 1):
        tick = top * n / ticks
        y = plot.bottom() - plot.height() * n / ticks
        painter.setPen(QPen(colours.grid, 0))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(colours.text)
        painter.drawText(
            QRectF(rect.left(), y - height, left - height * 0.3, height * 2),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{tick:g}",
        )
    if line is not None:
        y = plot.bottom() - plot.height() * line / top
        pen = QPen(colours.goal, max(2.0, height / 8))
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(colours.goal)
        painter.drawText(
            QRectF(plot.left() + 4, y - height * 1.15, plot.width() - 8, height),
            Qt.AlignmentFlag.AlignRight,
            f"norm {line:g}",
        )
    if not points:
        painter.setPen(colours.text)
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, "No results yet")
        painter.restore()
        return
    slot = plot.width() / len(points)
    widest = metrics.horizontalAdvance("30 Nov") + height * 0.5
    step = max(1, int(widest // max(1.0, slot)) + 1)
    previous: QPointF | None = None
    radius = height / 4
    for index, point in enumerate(points):
        x = plot.left() + slot * (index + 0.5)
        if index % step == 0 or index == len(points) - 1:
            painter.setPen(colours.text)
            painter.drawText(
                QRectF(x - widest / 2, plot.bottom() + 4, widest, height * 1.2),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                f"{point.day.day} {point.day.strftime('%b')}",
            )
        value = point.result.value()
        if value is None:
            painter.setPen(colours.text)
            label = {
                CheckOutcome.UNSTEADY: "stopped",
                CheckOutcome.NOT_COMPLETED: "not completed",
            }.get(point.result.outcome, "arms")
            painter.drawText(
                QRectF(x - widest / 2, plot.bottom() - height * 1.4, widest, height * 1.2),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
            previous = None
            continue
        at = QPointF(x, plot.bottom() - plot.height() * min(value, top) / top)
        painter.setPen(QPen(colours.bar, max(2.0, height / 7)))
        if previous is not None:
            painter.drawLine(previous, at)
        painter.setBrush(QBrush(colours.bar))
        painter.drawEllipse(at, radius, radius)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if point.real:
            painter.setPen(QPen(colours.text, max(2.0, height / 10)))
            painter.drawEllipse(at, radius * 2.2, radius * 2.2)
            painter.drawText(
                QRectF(x - widest, at.y() - height * 1.9, widest * 2, height),
                Qt.AlignmentFlag.AlignHCenter,
                "real change",
            )
        previous = at
    painter.restore()
