"""The large countdown: a ring that empties as the phase runs, with the seconds in its middle.

A single click or tap anywhere on it pauses or resumes; no double-click, no drag.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
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
        words = f"{text} {detail}".strip()
        self.setAccessibleName(f"Countdown: {words}")
        self.update()

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
        side = min(self.width(), self.height()) - 8
        if side <= 0:
            return
        pen_width = max(8.0, side / 14)
        square = QRectF(
            (self.width() - side) / 2 + pen_width / 2,
            (self.height() - side) / 2 + pen_width / 2,
            side - pen_width,
            side - pen_width,
        )
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QColor(self.palette().color(self.foregroundRole()))
        track.setAlphaF(0.15)
        painter.setPen(QPen(track, pen_width))
        painter.drawEllipse(square)
        pen = QPen(self._ring, pen_width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(square, 90 * 16, int(self._fraction * 360 * 16))
        painter.setPen(self.palette().color(self.foregroundRole()))
        inner = square.adjusted(pen_width, pen_width, -pen_width, -pen_width)
        font = QFont(self.font())
        length = max(2, len(self._text))
        font.setPixelSize(max(12, int(min(inner.height() * 0.42, inner.width() * 1.5 / length))))
        font.setBold(True)
        painter.setFont(font)
        figure = QRectF(inner.left(), inner.top(), inner.width(), inner.height() * 0.7)
        painter.drawText(figure, Qt.AlignmentFlag.AlignCenter, self._text)
        if self._detail:
            small = QFont(self.font())
            small.setPixelSize(max(12, int(inner.height() * 0.1)))
            painter.setFont(small)
            below = QRectF(inner.left(), inner.top() + inner.height() * 0.62, inner.width(), 0)
            below.setHeight(inner.height() * 0.2)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, self._detail)
        painter.end()
