"""History charts drawn with QPainter, for the review screen and the PDF report alike.

Each ``paint_*`` function draws into any paint device (a widget or a PDF page), so what a
person sees on screen and what a clinician gets on paper are the same drawing. Bars and lines
are told apart by shape and labels as well as colour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from neuroguide.core.periods import recent_weeks
from neuroguide.store.models import SCALE_MAX
from neuroguide.store.rows import WeekSymptoms


@dataclass(frozen=True)
class ChartColours:
    """The colours one chart needs (taken from the palette on screen, fixed on paper)."""

    text: QColor
    grid: QColor
    bar: QColor
    goal: QColor
    before: QColor
    after: QColor
    background: QColor


PAPER = ChartColours(
    text=QColor("#000000"),
    grid=QColor("#b0b0b0"),
    bar=QColor("#2b6cb0"),
    goal=QColor("#b7410e"),
    before=QColor("#6b2fa0"),
    after=QColor("#1f7a4d"),
    background=QColor("#ffffff"),
)


ChartPainter = Callable[[QPainter, QRectF, ChartColours], None]
"""Draws one chart into a rectangle with the given colours."""


@dataclass(frozen=True)
class Series:
    """One line of a line chart; ``None`` values leave a gap."""

    name: str
    values: Sequence[float | None]
    colour: QColor
    dashed: bool = False


def week_label(week: date) -> str:
    """A short label for the week starting ``week``, e.g. ``6 May``."""
    return f"{week.day} {week.strftime('%b')}"


def symptom_series(
    weeks: list[WeekSymptoms], name: str, colours: ChartColours
) -> tuple[list[str], list[Series], ChartColours]:
    """Labels and before/after lines of one symptom (shared with the PDF report)."""
    labels = [week_label(entry.week) for entry in weeks]
    series = [
        Series("before", [entry.before[name] for entry in weeks], colours.before),
        Series("after", [entry.after[name] for entry in weeks], colours.after, dashed=True),
    ]
    return labels, series, colours


def _label_step(count: int, width: float, label_width: float) -> int:
    """Label every n-th category so labels never overlap."""
    room = max(1.0, width / max(1, count))
    return max(1, int(label_width // room) + 1)


def _plot_area(painter: QPainter, rect: QRectF, title: str) -> tuple[QRectF, QFontMetricsF]:
    metrics = QFontMetricsF(painter.font())
    line = metrics.height()
    left = metrics.horizontalAdvance("0000") + line * 0.5
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), line * 1.3),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        title,
    )
    plot = QRectF(
        rect.left() + left,
        rect.top() + line * 1.6,
        max(10.0, rect.width() - left - line * 0.5),
        max(10.0, rect.height() - line * 3.2),
    )
    return plot, metrics


def _y_axis(
    painter: QPainter,
    plot: QRectF,
    metrics: QFontMetricsF,
    top_value: float,
    colours: ChartColours,
    ticks: int = 4,
) -> None:
    left_edge = plot.left() - metrics.horizontalAdvance("0000") - metrics.height() * 0.5
    for n in range(ticks + 1):
        value = top_value * n / ticks
        y = plot.bottom() - plot.height() * n / ticks
        painter.setPen(QPen(colours.grid, 0))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(colours.text)
        painter.drawText(
            QRectF(
                left_edge, y - metrics.height(), plot.left() - left_edge - 6, metrics.height() * 2
            ),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            f"{value:.0f}",
        )


def _x_labels(
    painter: QPainter, plot: QRectF, metrics: QFontMetricsF, labels: Sequence[str]
) -> None:
    if not labels:
        return
    slot = plot.width() / len(labels)
    widest = max(metrics.horizontalAdvance(text) for text in labels) + metrics.height() * 0.5
    step = _label_step(len(labels), plot.width(), widest)
    for index in range(0, len(labels), step):
        centre = plot.left() + slot * (index + 0.5)
        painter.drawText(
            QRectF(centre - widest / 2, plot.bottom() + 4, widest, metrics.height() * 1.2),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            labels[index],
        )


def paint_weekly_minutes(
    painter: QPainter,
    rect: QRectF,
    weeks: Sequence[tuple[date, float]],
    goal: float,
    colours: ChartColours,
) -> None:
    """Bars of active minutes per week with a dashed goal line, labelled."""
    painter.save()
    painter.setPen(colours.text)
    plot, metrics = _plot_area(painter, rect, f"Active minutes per week (goal {goal:.0f})")
    top = max([goal * 1.2, *(minutes for _, minutes in weeks), 10.0])
    _y_axis(painter, plot, metrics, top, colours)
    if weeks:
        slot = plot.width() / len(weeks)
        gap = min(slot * 0.25, 6.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colours.bar))
        for index, (_week, minutes) in enumerate(weeks):
            height = plot.height() * minutes / top
            painter.drawRect(
                QRectF(
                    plot.left() + slot * index + gap / 2,
                    plot.bottom() - height,
                    max(1.0, slot - gap),
                    height,
                )
            )
        painter.setPen(colours.text)
        _x_labels(painter, plot, metrics, [week_label(week) for week, _ in weeks])
    goal_y = plot.bottom() - plot.height() * goal / top
    pen = QPen(colours.goal, max(2.0, metrics.height() / 8))
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawLine(QPointF(plot.left(), goal_y), QPointF(plot.right(), goal_y))
    painter.setPen(colours.goal)
    painter.drawText(
        QRectF(
            plot.left() + 4, goal_y - metrics.height() * 1.1, plot.width() - 8, metrics.height()
        ),
        Qt.AlignmentFlag.AlignRight,
        "goal",
    )
    painter.restore()


def paint_symptoms(
    painter: QPainter,
    rect: QRectF,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    colours: ChartColours,
) -> None:
    """Lines of weekly average ratings on the 0-10 scale, with a legend; gaps stay gaps."""
    painter.save()
    painter.setPen(colours.text)
    plot, metrics = _plot_area(painter, rect, title)
    _y_axis(painter, plot, metrics, SCALE_MAX, colours, ticks=5)
    _x_labels(painter, plot, metrics, labels)
    slot = plot.width() / max(1, len(labels))
    # The legend sits on the title line, after the title, clear of the lines.
    legend_x = rect.left() + metrics.horizontalAdvance(title) + metrics.height() * 1.5
    legend_y = rect.top() + metrics.height() * 0.65
    for line in series:
        pen = QPen(line.colour, max(2.0, metrics.height() / 7))
        if line.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        previous: QPointF | None = None
        for index, value in enumerate(line.values):
            if value is None:
                previous = None
                continue
            point = QPointF(
                plot.left() + slot * (index + 0.5),
                plot.bottom() - plot.height() * value / SCALE_MAX,
            )
            if previous is not None:
                painter.drawLine(previous, point)
            _marker(
                painter, point, metrics.height() / 4, filled=not line.dashed, colour=line.colour
            )
            previous = point
        painter.drawLine(
            QPointF(legend_x, legend_y), QPointF(legend_x + metrics.height() * 1.5, legend_y)
        )
        _marker(
            painter,
            QPointF(legend_x + metrics.height() * 0.75, legend_y),
            metrics.height() / 4,
            filled=not line.dashed,
            colour=line.colour,
        )
        painter.setPen(colours.text)
        text_x = legend_x + metrics.height() * 1.8
        painter.drawText(QPointF(text_x, legend_y + metrics.ascent() * 0.4), line.name)
        legend_x = text_x + metrics.horizontalAdvance(line.name) + metrics.height()
    painter.restore()


def _marker(painter: QPainter, at: QPointF, radius: float, *, filled: bool, colour: QColor) -> None:
    painter.save()
    painter.setBrush(QBrush(colour) if filled else Qt.BrushStyle.NoBrush)
    painter.drawEllipse(at, radius, radius)
    painter.restore()


def paint_streak(
    painter: QPainter,
    rect: QRectF,
    active: set[date],
    today: date,
    current: int,
    longest: int,
    colours: ChartColours,
    weeks: int = 5,
) -> None:
    """The last few weeks as a grid of days: active days filled and ticked, others empty."""
    painter.save()
    painter.setPen(colours.text)
    plot, metrics = _plot_area(
        painter, rect, f"Active days in a row: {current} now, {longest} at most"
    )
    label_width = metrics.horizontalAdvance("30 May") + metrics.height() * 0.5
    cell = min((plot.width() - label_width) / 7, plot.height() / (weeks + 1))
    for column, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")):
        painter.drawText(
            QRectF(plot.left() + label_width + column * cell, plot.top(), cell, cell),
            Qt.AlignmentFlag.AlignCenter,
            name[:1] if cell < metrics.horizontalAdvance("Mon") * 1.2 else name,
        )
    for row, days in enumerate(recent_weeks(today, weeks)):
        painter.setPen(colours.text)
        painter.drawText(
            QRectF(plot.left(), plot.top() + (row + 1) * cell, label_width, cell),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            week_label(days[0]),
        )
        for column, day in enumerate(days):
            box = QRectF(
                plot.left() + label_width + column * cell + 3,
                plot.top() + (row + 1) * cell + 3,
                cell - 6,
                cell - 6,
            )
            if day > today:
                continue
            painter.setPen(QPen(colours.text if day == today else colours.grid, 2))
            painter.setBrush(QBrush(colours.bar) if day in active else Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, 4, 4)
            if day in active:
                painter.setPen(QPen(colours.background, max(2.0, cell / 12)))
                painter.drawPolyline(
                    [
                        QPointF(box.left() + box.width() * 0.25, box.center().y()),
                        QPointF(
                            box.left() + box.width() * 0.45, box.bottom() - box.height() * 0.25
                        ),
                        QPointF(box.right() - box.width() * 0.2, box.top() + box.height() * 0.25),
                    ]
                )
    painter.restore()


class ChartWidget(QWidget):
    """A widget that draws one chart with a given painter function and the palette's colours.

    The data is set with :meth:`set_painter`; the accessible description carries a one-line
    summary, and the numbers themselves sit in a table next to the chart.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._draw: ChartPainter | None = None

    def set_painter(self, draw: ChartPainter, summary: str) -> None:
        """``draw(painter, rect, colours)`` paints the chart; ``summary`` is for screen readers."""
        self._draw = draw
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = self.fontMetrics().height()
        return QSize(line * 30, line * 16)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        line = self.fontMetrics().height()
        return QSize(line * 16, line * 12)

    def colours(self) -> ChartColours:
        """Chart colours from the widget's palette, so themes and high contrast apply."""
        palette = self.palette()
        return ChartColours(
            text=palette.windowText().color(),
            grid=palette.mid().color(),
            bar=palette.highlight().color(),
            goal=PAPER.goal if palette.window().color().lightness() > 128 else QColor("#ffb067"),
            before=PAPER.before
            if palette.window().color().lightness() > 128
            else QColor("#d6a8ff"),
            after=PAPER.after if palette.window().color().lightness() > 128 else QColor("#7ee2a8"),
            background=palette.base().color(),
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self._draw is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(QFont(self.font()))
        self._draw(painter, QRectF(self.rect()).adjusted(4, 4, -4, -4), self.colours())
        painter.end()
