"""The printed handout: a routine on A4 in large black print, one block per exercise.

Each block has the picture on the left and the name, the dose, the numbered steps and the
safety words on the right; a block is never split over two pages. Needs a QGuiApplication
(the command line makes an offscreen one).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPdfWriter,
    QPen,
)

from neuroguide.core.library import Routine
from neuroguide.present.handout_words import Handout, HandoutExercise, handout_of
from neuroguide.ui.reports.pdf import a4_writer

BODY_POINTS = 13.0
"""Large print: body text at 13 pt, headings larger (the report uses 10 pt)."""
RESOLUTION = 150
_BLACK = QColor("#000000")
_WRAP = int(Qt.TextFlag.TextWordWrap)


class _Sheet:
    """Measures and draws text blocks down A4 pages."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        self.area = QRectF(painter.viewport())
        self.y = self.area.top()
        self.pages = 1

    def font(self, scale: float = 1.0, *, bold: bool = False) -> QFontMetricsF:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(BODY_POINTS * scale)
        font.setBold(bold)
        self.painter.setFont(font)
        return QFontMetricsF(font, self.writer)

    def measure(self, text: str, width: float, scale: float = 1.0, *, bold: bool = False) -> float:
        metrics = self.font(scale, bold=bold)
        return metrics.boundingRect(QRectF(0, 0, width, 1e6), _WRAP, text).height()

    def draw(
        self, text: str, left: float, width: float, scale: float = 1.0, *, bold: bool = False
    ) -> None:
        height = self.measure(text, width, scale, bold=bold)
        self.painter.setPen(_BLACK)
        self.painter.drawText(QRectF(left, self.y, width, height), _WRAP, text)
        self.y += height + self.font(scale).height() * 0.25

    def new_page(self) -> None:
        self.writer.newPage()
        self.pages += 1
        self.y = self.area.top()


def write_handout(routine: Routine, path: Path, illustrations: Path) -> int:
    """Write the handout of ``routine`` to ``path`` (a PDF); returns the number of pages."""
    handout = handout_of(routine)
    writer = a4_writer(
        path, f"NeuroGuide handout: {routine.name}", resolution=RESOLUTION, margins_mm=(15, 12)
    )
    painter = QPainter(writer)
    try:
        sheet = _Sheet(writer, painter)
        painter.fillRect(sheet.area, QColor("#ffffff"))
        _header(sheet, handout)
        for exercise in handout.exercises:
            _exercise(sheet, exercise, illustrations)
        return sheet.pages
    finally:
        painter.end()


def _header(sheet: _Sheet, handout: Handout) -> None:
    left, width = sheet.area.left(), sheet.area.width()
    sheet.draw(handout.title, left, width, 1.8, bold=True)
    if handout.description:
        sheet.draw(handout.description, left, width)
    sheet.draw(f"How often: {handout.schedule}", left, width, 1.1, bold=True)
    sheet.draw(f"You need: {handout.needs}", left, width)
    sheet.draw(
        "Stop at once if you feel pain, dizziness or unsteadiness. Keep breathing.",
        left,
        width,
        bold=True,
    )
    sheet.y += sheet.font().height() * 0.5


def _exercise(sheet: _Sheet, exercise: HandoutExercise, illustrations: Path) -> None:
    picture_side = sheet.area.width() * 0.28
    gap = sheet.font().height()
    left = sheet.area.left() + picture_side + gap
    width = sheet.area.right() - left
    lines = _lines(exercise)
    height = sum(sheet.measure(text, width, scale, bold=bold) for text, scale, bold in lines)
    height += sheet.font().height() * 0.25 * len(lines)
    block = max(height, picture_side) + gap
    if sheet.y + block > sheet.area.bottom() and sheet.y > sheet.area.top():
        sheet.new_page()
    top = sheet.y
    sheet.painter.setPen(QPen(_BLACK, 3))
    sheet.painter.drawLine(int(sheet.area.left()), int(top), int(sheet.area.right()), int(top))
    sheet.y += gap * 0.4
    _picture(
        sheet.painter,
        QRectF(sheet.area.left(), sheet.y, picture_side, picture_side),
        _picture_path(exercise.illustration, illustrations),
    )
    for text, scale, bold in lines:
        sheet.draw(text, left, width, scale, bold=bold)
    sheet.y = max(sheet.y, top + gap * 0.4 + picture_side) + gap * 0.6


def _lines(exercise: HandoutExercise) -> list[tuple[str, float, bool]]:
    lines: list[tuple[str, float, bool]] = [
        (exercise.name, 1.35, True),
        (exercise.dose, 1.1, True),
    ]
    if exercise.note:
        lines.append((exercise.note, 1.0, False))
    lines += [(f"{number}. {step}", 1.0, False) for number, step in enumerate(exercise.steps, 1)]
    if exercise.safety:
        lines.append(("Safety: " + " ".join(exercise.safety), 1.0, True))
    return lines


def _picture_path(illustration: str, illustrations: Path) -> Path | None:
    if not illustration:
        return None
    return illustrations / illustration  # an own picture's absolute path stays as it is


def _picture(painter: QPainter, rect: QRectF, path: Path | None) -> None:
    """Draw the picture scaled into ``rect``; a missing or broken one leaves a plain frame."""
    painter.setPen(QPen(QColor("#000000"), 2))
    painter.drawRect(rect)
    if path is None or not path.is_file():
        return
    if path.suffix.lower() == ".svg":
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(str(path))
        if renderer.isValid():
            renderer.render(painter, rect.adjusted(4, 4, -4, -4))
        return
    image = QImage(str(path))
    if image.isNull():
        return
    scaled = image.scaled(
        int(rect.width()) - 8,
        int(rect.height()) - 8,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    x = rect.left() + (rect.width() - scaled.width()) / 2
    y = rect.top() + (rect.height() - scaled.height()) / 2
    painter.drawImage(int(x), int(y), scaled)
