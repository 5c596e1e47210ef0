"""File choosers as large as the rest of the app.

Every file chooser is Qt's own dialog (``OPTIONS``), never the desktop's: only Qt's takes the
app's style sheet (44 px targets, 64 in large mode, rows as tall as a target, edges at 3:1)
and behaves the same on every desktop. :class:`LargeFileDialogs` opens each one nearly as
large as the screen, so long folder and file names show whole.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFileDialog

OPTIONS = QFileDialog.Option.DontUseNativeDialog
"""Pass to ``QFileDialog.getOpenFileName`` / ``getSaveFileName`` (after the selected
filter, which may be ``""``)."""
SHARE_OF_SCREEN = 0.9


class LargeFileDialogs(QObject):
    """An application event filter: a file chooser shows at 90 % of its screen."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Size each file chooser as it is first shown; never consumes an event."""
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            screen = watched.screen()
            if screen is not None and not watched.property("neuroguide-sized"):
                room = screen.availableGeometry()
                watched.resize(
                    int(room.width() * SHARE_OF_SCREEN), int(room.height() * SHARE_OF_SCREEN)
                )
                watched.move(room.x() + room.width() // 20, room.y() + room.height() // 20)
                watched.setProperty("neuroguide-sized", True)
        return False
