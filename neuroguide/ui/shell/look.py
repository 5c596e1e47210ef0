"""The look of the whole window: theme, text size and the large-button mode, by one rule.

Every change of these settings (the home screen's buttons, the settings screen, the header's
switch) goes through the settings store; the look follows the store, restyles the
application and the window, then tells every part that asked (``subscribe``) the new sizes.
So a screen built anywhere gets a text-size change made anywhere.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from neuroguide.present.metrics import Metrics
from neuroguide.settings import THEMES
from neuroguide.settings_store import SettingsStore
from neuroguide.ui.shell.main_window import MainWindow
from neuroguide.ui.shell.theme import Theme, apply_look, resolve_theme

LOOK_KEYS = frozenset({"text_scale", "theme", "large_buttons"})
TEXT_SIZES = (100, 125, 150, 175, 200)


class Look:
    """Theme, sizes and mode now in force; applies them and tells the parts that follow."""

    def __init__(self, window: MainWindow, store: SettingsStore, *, large_forced: bool = False):
        self.window = window
        self.store = store
        self.large = store.settings.large_buttons or large_forced
        """Large-button mode (``--large`` turns it on for this run until switched off)."""
        self._listeners: list[Callable[[Metrics], None]] = []
        store.subscribe(self._large_changed, {"large_buttons"})
        store.subscribe(self.apply, {"text_scale", "theme"})
        window.large_toggled.connect(self.set_large)

    @property
    def metrics(self) -> Metrics:
        """Sizes for the current mode and text size."""
        return Metrics(large=self.large, text_scale=self.store.settings.text_scale)

    @property
    def theme(self) -> Theme:
        """The colours in force (``system`` resolved)."""
        return resolve_theme(self.store.settings.theme)

    def subscribe(self, listener: Callable[[Metrics], None]) -> None:
        """Call ``listener`` with the new sizes after every change of the look."""
        self._listeners.append(listener)

    def apply(self) -> None:
        """Restyle the application and the window, then tell every listener."""
        app = QApplication.instance()
        metrics = self.metrics
        if isinstance(app, QApplication):
            apply_look(app, self.theme, metrics)
        self.window.set_metrics(metrics)
        for listener in list(self._listeners):
            listener(metrics)

    def set_large(self, large: bool) -> None:
        """Large-button mode on or off, remembered in the settings."""
        self.large = large
        self.store.update(large_buttons=large)

    def next_text_size(self) -> None:
        """Step through the text sizes: 100 % up to 200 %, then back."""
        current = self.store.settings.text_scale
        larger = [size for size in TEXT_SIZES if size > current]
        self.store.update(text_scale=larger[0] if larger else TEXT_SIZES[0])

    def next_theme(self) -> None:
        """Step through the colour themes."""
        themes = list(THEMES)
        current = self.store.settings.theme
        following = (
            themes[(themes.index(current) + 1) % len(themes)] if current in themes else "light"
        )
        self.store.update(theme=following)

    def _large_changed(self) -> None:
        self.large = self.store.settings.large_buttons
        self.apply()
