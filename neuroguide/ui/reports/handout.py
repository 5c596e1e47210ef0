"""The printed handout: a routine on A4 in large black print on white, one block per exercise.

Large print means body text at 16 pt and headings larger (UKAAF's minimum for large print).
Every page starts with the routine's name and "page N of M", so a loose page still says what
it belongs to. Each block has the picture at its top left, the name, the dose, the numbered
steps, the wheelchair words (when asked for) and the safety words; the text runs beside the
picture and then under it at the full width. A block that does not fit goes to the next page
whole, unless it is taller than a page: then it is continued line by line under its name and
"(continued)", never cut. The page is laid out first and drawn second, which is how every page
knows M. Needs a QGuiApplication (the command line makes an offscreen one).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
)

from neuroguide.core.library import Routine
from neuroguide.present.handout_words import Handout, HandoutExercise, handout_of
from neuroguide.ui.reports.pdf import a4_writer

BODY_POINTS = 16.0
"""Large print: body text at 16 pt (UKAAF's minimum); headings are larger."""
HEADING_SCALE = 1.25
TITLE_SCALE = 1.4
RESOLUTION = 150
PICTURE_MM = 36.0
FONT_FAMILY = "DejaVu Sans"
_BLACK = QColor("#000000")
_WHITE = QColor("#ffffff")


@dataclass(frozen=True)
class _Text:
    x: float
    y: float
    text: str
    scale: float
    bold: bool
    right: float | None = None
    """Right-aligned against this x instead of starting at ``x``."""


@dataclass(frozen=True)
class _Picture:
    rect: QRectF
    path: Path | None


@dataclass(frozen=True)
class _Rule:
    y: float


_Op = _Text | _Picture | _Rule


@dataclass
class _Page:
    ops: list[_Op] = field(default_factory=list)


def _font(scale: float = 1.0, *, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(BODY_POINTS * scale)
    font.setBold(bold)
    font.setFeature(QFont.Tag("liga"), 0)  # "first", not "ﬁrst": text copied or read aloud
    return font


class _Layout:
    """Places lines down A4 pages, breaking pages where the next line does not fit."""

    def __init__(self, device: QPaintDevice, area: QRectF, title: str) -> None:
        self.device = device
        self.area = area
        self.title = title
        self.pages: list[_Page] = []
        self.y = area.top()
        self.continued: str = ""
        """The exercise whose block runs on: its name heads the next page's top."""
        self.picture_bottom = -1.0
        self.picture_page = -1
        self.new_page()

    # ------------------------------------------------------------ measures

    def metrics(self, scale: float = 1.0, *, bold: bool = False) -> QFontMetricsF:
        return QFontMetricsF(_font(scale, bold=bold), self.device)

    def line_height(self, scale: float = 1.0, *, bold: bool = False) -> float:
        return self.metrics(scale, bold=bold).lineSpacing()

    @property
    def page(self) -> _Page:
        return self.pages[-1]

    @property
    def bottom(self) -> float:
        return self.area.bottom()

    # ------------------------------------------------------------- placing

    def new_page(self) -> None:
        """A page, its running head (title left, "page N of M" right, drawn once M is known)
        and, inside a block that runs on, the block's name with "(continued)"."""
        self.pages.append(_Page())
        self.y = self.area.top() + self.line_height(TITLE_SCALE, bold=True)
        self.page.ops.append(_Rule(self.y))
        self.y += self.line_height() * 0.4
        if self.continued:
            self.line(f"{self.continued} (continued)", HEADING_SCALE, bold=True)

    def gap(self, lines: float) -> None:
        self.y += self.line_height() * lines

    def room(self) -> float:
        return self.bottom - self.y

    def line(self, text: str, scale: float = 1.0, *, bold: bool = False) -> None:
        """One unwrapped line at the full width."""
        self.paragraph(text, scale, bold=bold)

    def paragraph(
        self, text: str, scale: float = 1.0, *, bold: bool = False, hanging: str = ""
    ) -> None:
        """``text`` wrapped to the width left beside or under the picture, line by line, so a
        paragraph longer than a page runs on to the next one. ``hanging`` ("3. ") is printed
        before the first line and the others are indented to match."""
        font = _font(scale, bold=bold)
        height = self.line_height(scale, bold=bold)
        indent = self.metrics(scale, bold=bold).horizontalAdvance(hanging) if hanging else 0.0
        lines = self._count_lines(text, font, self.area.right() - self._left() - indent)
        room_on_a_page = self.bottom - self.area.top() - self.line_height(TITLE_SCALE) * 3
        if self.y + lines * height > self.bottom and lines * height <= room_on_a_page:
            self.new_page()  # kept whole on the next page; only a longer one runs on
        layout = QTextLayout(text, font, self.device)
        layout.beginLayout()
        first = True
        left = self._left()  # one width for the paragraph: its lines stay aligned
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            if self.y + height > self.bottom:
                self.new_page()
                left = self._left()
            width = self.area.right() - left - indent
            line.setLineWidth(max(width, 10.0))
            part = text[line.textStart() : line.textStart() + line.textLength()].rstrip()
            if first and hanging:
                self.page.ops.append(_Text(left, self.y, hanging, scale, bold))
            self.page.ops.append(_Text(left + indent, self.y, part, scale, bold))
            self.y += height
            first = False
        layout.endLayout()

    def _count_lines(self, text: str, font: QFont, width: float) -> int:
        layout = QTextLayout(text, font, self.device)
        layout.beginLayout()
        count = 0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 10.0))
            count += 1
        layout.endLayout()
        return count

    def _left(self) -> float:
        """Text starts right of the picture while it is beside it, at the margin below it."""
        beside = self.picture_page == len(self.pages) - 1 and self.y < self.picture_bottom
        if beside:
            return self.area.left() + self.picture_side + self.line_height() * 0.8
        return self.area.left()

    @property
    def picture_side(self) -> float:
        return PICTURE_MM / 25.4 * self.device.logicalDpiX()


def write_handout(
    routine: Routine, path: Path, illustrations: Path, *, wheelchair: bool = False
) -> int:
    """Write the handout of ``routine`` to ``path`` (a PDF); returns the number of pages.

    ``wheelchair`` prints each exercise's wheelchair words. Raises :class:`OSError` when the
    file cannot be written (before drawing anything, so no half-drawn page and no painter
    warnings), and when nothing was written after all.
    """
    with open(path, "wb"):  # the real reason (no folder, no permission, a full disk), at once
        pass
    handout = handout_of(routine, wheelchair=wheelchair)
    writer = a4_writer(
        path, f"NeuroGuide handout: {routine.name}", resolution=RESOLUTION, margins_mm=(14, 12)
    )
    page_rect = writer.pageLayout().paintRectPixels(writer.resolution())
    area = QRectF(0, 0, page_rect.width(), page_rect.height())
    layout = _Layout(writer, area, handout.title)
    _header(layout, handout)
    for exercise in handout.exercises:
        _exercise(layout, exercise, illustrations)
    painter = QPainter()
    if not painter.begin(writer):
        path.unlink(missing_ok=True)
        raise OSError(errno.EIO, "the PDF could not be started", str(path))
    try:
        _draw(painter, writer, layout, area)
    finally:
        painter.end()
    if path.stat().st_size == 0:
        raise OSError(errno.EIO, "nothing was written", str(path))
    return len(layout.pages)


def _header(layout: _Layout, handout: Handout) -> None:
    details = handout.details
    if details.patient:
        layout.paragraph(f"For: {details.patient}", HEADING_SCALE, bold=True)
    giver = ", ".join(part for part in (details.giver, details.contact) if part)
    if giver:
        layout.paragraph(f"From: {giver}")
    if handout.description:
        layout.paragraph(handout.description)
    layout.paragraph(f"How often: {handout.schedule}", bold=True)
    layout.paragraph(f"You need: {handout.needs}")
    layout.paragraph(handout.stop_words, bold=True)
    layout.gap(0.3)


def _exercise(layout: _Layout, exercise: HandoutExercise, illustrations: Path) -> None:
    """One block: starts on a new page unless its start (heading and picture) fits here."""
    start = layout.line_height(HEADING_SCALE, bold=True) * 2 + layout.picture_side
    if layout.room() < start:
        layout.new_page()
    if layout.page.ops and not isinstance(layout.page.ops[-1], _Rule):
        layout.page.ops.append(_Rule(layout.y))  # under the running head, its rule is enough
        layout.gap(0.3)
    side = layout.picture_side
    rect = QRectF(layout.area.left(), layout.y, side, side)
    layout.page.ops.append(_Picture(rect, _picture_path(exercise.illustration, illustrations)))
    layout.picture_page, layout.picture_bottom = len(layout.pages) - 1, rect.bottom()
    layout.continued = exercise.name
    layout.paragraph(exercise.name, HEADING_SCALE, bold=True)
    layout.paragraph(exercise.dose, bold=True)
    if exercise.load:
        layout.paragraph(f"With: {exercise.load}", bold=True)
    if exercise.note:
        layout.paragraph(exercise.note)
    for number, step in enumerate(exercise.steps, 1):
        layout.paragraph(step, hanging=f"{number}. ")
    if exercise.wheelchair:
        layout.paragraph(exercise.wheelchair)
    if exercise.safety:
        layout.paragraph("Safety: " + " ".join(exercise.safety), bold=True)
    layout.continued = ""
    if layout.picture_page == len(layout.pages) - 1:
        layout.y = max(layout.y, layout.picture_bottom)
    layout.picture_page = -1
    layout.gap(0.5)


def _draw(painter: QPainter, writer: QPdfWriter, layout: _Layout, area: QRectF) -> None:
    total = len(layout.pages)
    for number, page in enumerate(layout.pages, 1):
        if number > 1:
            writer.newPage()
        painter.fillRect(area, _WHITE)
        title = _Text(area.left(), area.top(), layout.title, TITLE_SCALE, True)
        page_words = _Text(0, area.top(), f"page {number} of {total}", 1.0, False, area.right())
        for op in [title, page_words, *page.ops]:
            if isinstance(op, _Text):
                _draw_text(painter, writer, op)
            elif isinstance(op, _Rule):
                painter.setPen(QPen(_BLACK, 3))
                painter.drawLine(QPointF(area.left(), op.y), QPointF(area.right(), op.y))
            else:
                _picture(painter, op.rect, op.path)


def _draw_text(painter: QPainter, writer: QPdfWriter, op: _Text) -> None:
    font = _font(op.scale, bold=op.bold)
    metrics = QFontMetricsF(font, writer)
    painter.setFont(font)
    painter.setPen(_BLACK)
    x = op.x if op.right is None else op.right - metrics.horizontalAdvance(op.text)
    painter.drawText(QPointF(x, op.y + metrics.ascent()), op.text)


def _picture_path(illustration: str, illustrations: Path) -> Path | None:
    if not illustration:
        return None
    return illustrations / illustration  # an own picture's absolute path stays as it is


def _picture(painter: QPainter, rect: QRectF, path: Path | None) -> None:
    """Draw the picture scaled into ``rect``; a missing or broken one leaves a plain frame."""
    painter.setPen(QPen(_BLACK, 2))
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
