"""An exercise drawing, kept in proportion, on a light card even in dark themes.

The drawings use dark strokes on a transparent background. QtSvg is imported the first time a
drawing is shown, so the home screen starts without it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


class Illustration(QWidget):
    """Draws one SVG file (or an own exercise's PNG or JPEG) scaled to fit, centred, undistorted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer: Any = None
        self._image: QImage | None = None
        self._path: Path | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)
        self.setAccessibleName("Exercise drawing")

    def load(self, path: Path | None) -> None:
        """Show the drawing at ``path``; a missing or broken file leaves the card empty."""
        if path == self._path:
            return
        self._path = path
        self._renderer = None
        description = ""
        self._image = None
        if path is not None and path.is_file() and path.suffix.lower() != ".svg":
            image = QImage(str(path))  # an own exercise's PNG or JPEG picture
            if not image.isNull():
                self._image = image
                description = f"Your picture {path.name}"
        elif path is not None and path.is_file():
            from PySide6.QtSvg import QSvgRenderer  # only when a drawing is first needed

            renderer = QSvgRenderer(str(path))
            if renderer.isValid():
                self._renderer = renderer
                found = _TITLE.search(path.read_text(encoding="utf-8", errors="replace"))
                description = found.group(1).strip() if found else ""
        self.setAccessibleDescription(description or "No drawing for this exercise.")
        self.update()

    @property
    def has_drawing(self) -> bool:
        """Whether a drawing is shown."""
        return self._renderer is not None or self._image is not None

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Small, so that it grows into the room left rather than crowding the countdown."""
        return QSize(80, 80)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        """Scale the drawing into the largest centred square."""
        if self._renderer is None and self._image is None:
            return
        side = min(self.width(), self.height())
        target = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            size = self._image.size().scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio)
            box = QRectF(0, 0, size.width(), size.height())
            box.moveCenter(target.center())
            painter.drawImage(box, self._image)
        else:
            self._renderer.render(painter, target)
        painter.end()
