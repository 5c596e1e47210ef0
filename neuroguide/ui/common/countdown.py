"""The large countdown: a ring that empties as the phase runs, with the seconds in its middle.

A single click or tap anywhere on it pauses or resumes; no double-click, no drag. Paused, the
ring turns grey and a big PAUSED stands above the figures, so it shows from across the room.
The figures take most of the ring's inside: the player sizes the ring by the window, and
:meth:`CountdownRing.digit_height` says how tall the digits come out.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget


class CountdownRing(QWidget):
    """Paints the seconds left and a ring showing the fraction left.

    Signals:
        clicked: the person clicked or tapped the countdown (the player pauses or resumes).
    """

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._detail = ""
        self._fraction = 1.0
        self._paused = False
        self._ring = QColor("#1d4ed8")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName("Countdown")
        self.setAccessibleDescription("Seconds left in this part. Click it to pause or resume.")

    @property
    def text(self) -> str:
        """The big figure shown (seconds, or ``7 of 12`` for reps)."""
        return self._text

    def show_time(self, text: str, fraction: float, detail: str = "") -> None:
        """Show ``text`` big, ``detail`` under it, and a ring ``fraction`` (0..1) full."""
        fraction = min(1.0, max(0.0, fraction))
        if (text, detail, round(fraction, 3)) == (self._text, self._detail, self._fraction):
            return
        self._text, self._detail, self._fraction = text, detail, round(fraction, 3)
        self._name()
        self.update()

    @property
    def paused(self) -> bool:
        """Whether it shows PAUSED."""
        return self._paused

    def set_paused(self, paused: bool) -> None:
        """Grey ring and a big PAUSED while the session is paused."""
        if paused != self._paused:
            self._paused = paused
            self._name()
            self.update()

    def _name(self) -> str:
        words = f"{self._text} {self._detail}".strip()
        name = f"Countdown paused: {words}" if self._paused else f"Countdown: {words}"
        self.setAccessibleName(name)
        return name

    def _geometry(self) -> tuple[float, QRectF, QRectF]:
        """Pen width, the ring's square and the inside of the ring."""
        side = min(self.width(), self.height()) - 8
        pen_width = max(8.0, side / 16)
        square = QRectF(
            (self.width() - side) / 2 + pen_width / 2,
            (self.height() - side) / 2 + pen_width / 2,
            side - pen_width,
            side - pen_width,
        )
        inner = square.adjusted(pen_width / 2, pen_width / 2, -pen_width / 2, -pen_width / 2)
        return pen_width, square, inner

    def figure_font(self) -> QFont:
        """The font of the big figures, sized to the ring."""
        _pen, _square, inner = self._geometry()
        length = max(2, len(self._text))
        font = QFont(self.font())
        size = min(inner.height() * 0.58, inner.width() * 1.15 / length)
        font.setPixelSize(max(12, int(size)))
        font.setBold(True)
        return font

    def digit_height(self) -> int:
        """How tall the digits are drawn, in pixels (what a person sees from a distance)."""
        digits = "".join(c for c in self._text if c.isdigit()) or "88"
        return int(QFontMetrics(self.figure_font()).tightBoundingRect(digits).height())

    def set_ring_colour(self, colour: str) -> None:
        """Colour of the ring (the phase's colour; the phase word is shown beside it)."""
        self._ring = QColor(colour)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """A comfortable square."""
        return QSize(200, 200)  # small: it grows into whatever room there is

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        """A click anywhere inside pauses or resumes."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        """Accept the press so the release comes here."""
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        """Ring and figures, scaled to the widget's size."""
        if min(self.width(), self.height()) <= 16:
            return
        pen_width, square, inner = self._geometry()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(self.foregroundRole())
        track = QColor(text_colour)
        track.setAlphaF(0.15)
        painter.setPen(QPen(track, pen_width))
        painter.drawEllipse(square)
        grey = self.palette().color(QPalette.ColorRole.Mid)
        ring = QColor(grey) if self._paused else self._ring
        pen = QPen(ring, pen_width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if self._paused:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawArc(square, 90 * 16, int(self._fraction * 360 * 16))
        painter.setPen(text_colour)
        font = self.figure_font()
        painter.setFont(font)
        height = inner.height()
        figure = QRectF(inner.left(), inner.top() + height * 0.2, inner.width(), height * 0.62)
        painter.drawText(figure, Qt.AlignmentFlag.AlignCenter, self._text)
        small = QFont(self.font())
        small.setPixelSize(max(12, int(height * 0.1)))
        if self._detail:
            painter.setFont(small)
            below = QRectF(inner.left(), inner.top() + height * 0.77, inner.width(), height * 0.13)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, self._detail)
        if self._paused:
            word = QFont(small)
            word.setBold(True)
            word.setPixelSize(max(14, int(height * 0.12)))
            painter.setFont(word)
            above = QRectF(inner.left(), inner.top() + height * 0.04, inner.width(), height * 0.15)
            painter.drawText(above, Qt.AlignmentFlag.AlignCenter, "PAUSED")
        painter.end()
