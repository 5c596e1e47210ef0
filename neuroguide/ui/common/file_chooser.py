"""File choosers as large as the rest of the app.

Every file chooser is Qt's own dialog (``OPTIONS``), never the desktop's: only Qt's takes the
app's style sheet (44 px targets, 64 in large mode, rows as tall as a target, edges at 3:1)
and behaves the same on every desktop. Each opens nearly as large as its screen, so long
folder and file names show whole. The app makes every chooser here (:func:`file_dialog`),
so it sizes each as it makes it: no filter on the whole application looks for them, and
start-up imports none of this (decisions 0029, 0032).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

OPTIONS = QFileDialog.Option.DontUseNativeDialog
"""Qt's own chooser, never the desktop's (it takes the app's style sheet)."""
SHARE_OF_SCREEN = 0.9


def file_dialog(
    parent: QWidget, caption: str, start: str, filters: str, *, save: bool
) -> QFileDialog:
    """A chooser for a file to save (``start``: the suggested path) or to open (``start``: the
    folder), 90 % of the parent's screen in size."""
    dialog = QFileDialog(parent, caption, start, filters)
    dialog.setOptions(OPTIONS)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    screen = parent.screen()
    if screen is not None:
        room = screen.availableGeometry()
        dialog.resize(int(room.width() * SHARE_OF_SCREEN), int(room.height() * SHARE_OF_SCREEN))
        dialog.move(room.x() + room.width() // 20, room.y() + room.height() // 20)
    return dialog


def _chosen(dialog: QFileDialog) -> str:
    """The file the person chose in ``dialog`` ("" if they closed it)."""
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return ""
        files = dialog.selectedFiles()
        return files[0] if files else ""
    finally:
        dialog.deleteLater()


def open_file_name(parent: QWidget, caption: str, folder: str, filters: str) -> str:
    """Ask for an existing file, starting in ``folder``; "" if the person closed the chooser."""
    return _chosen(file_dialog(parent, caption, folder, filters, save=False))


def save_file_name(parent: QWidget, caption: str, suggested: str, filters: str) -> str:
    """Ask where to save, suggesting the path ``suggested``; "" if the person closed it."""
    return _chosen(file_dialog(parent, caption, suggested, filters, save=True))
