"""An exercise drawing, kept in proportion, on a light card even in dark themes.

The drawings use dark strokes on a transparent background. QtSvg is imported the first time a
drawing is shown, so the home screen starts without it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


class Illustration(QWidget):
    """Draws one SVG file scaled to fit, centred, without distortion."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer: Any = None
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
        if path is not None and path.is_file():
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
        return self._renderer is not None

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Small, so that it grows into the room left rather than crowding the countdown."""
        return QSize(80, 80)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        """Scale the drawing into the largest centred square."""
        if self._renderer is None:
            return
        side = min(self.width(), self.height())
        target = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(painter, target)
        painter.end()
