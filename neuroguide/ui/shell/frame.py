"""The window's own parts beside its screens: the Keys list and its remembered place.

Both belonged to no feature (they were in the session flow); the composition root builds
one :class:`WindowFrame` for the window.
"""

from __future__ import annotations

import binascii
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from neuroguide.present.metrics import Metrics
from neuroguide.settings_store import SettingsStore
from neuroguide.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from neuroguide.ui.shell.keys_dialog import KeysDialog


class WindowFrame(QObject):
    """Opens the Keys list on F1, ?, or the Keys button; keeps the window's place on screen."""

    def __init__(
        self,
        window: MainWindow,
        store: SettingsStore,
        metrics: Callable[[], Metrics],
        can_learn: Callable[[], bool] = lambda: True,
    ) -> None:
        """``can_learn`` says whether the Keys list may offer 'Learn my switch' now (not
        during a session, whose keys stay as they are)."""
        super().__init__(window)
        self.window = window
        self.store = store
        self._metrics = metrics
        self._can_learn = can_learn
        self.keys_dialog: KeysDialog | None = None
        window.keys_requested.connect(self.show_keys)
        window.closing.connect(self.remember_geometry)

    def show_keys(self) -> None:
        """The list of keys."""
        from neuroguide.ui.shell.keys_dialog import KeysDialog

        dialog = KeysDialog(self._metrics(), self.window, can_learn=self._can_learn())
        dialog.learn_requested.connect(self.window.learn_switch_requested)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.keys_dialog = dialog

    def remember_geometry(self) -> None:
        """Keep the window's place and size for the next start."""
        geometry = bytes(self.window.saveGeometry().toBase64().data()).decode("ascii")
        self.store.update(window_geometry=geometry)

    def restore_geometry(self) -> bool:
        """Put the window where it was last time; ``False`` if nothing was saved."""
        saved = self.store.settings.window_geometry
        if not saved:
            return False
        try:
            geometry = binascii.a2b_base64(saved.encode("ascii"))
        except (binascii.Error, UnicodeEncodeError):
            return False
        return bool(self.window.restoreGeometry(geometry))
