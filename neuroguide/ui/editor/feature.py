"""The routine editor as a feature of the window: built the first time it is opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from neuroguide.ui.context import AppContext, Home

if TYPE_CHECKING:
    from neuroguide.present.metrics import Metrics
    from neuroguide.ui.editor.screen import EditorScreen

SCREEN = "editor"


class EditorFeature(QObject):
    """The routine editor: the person's routines, own exercises and shared programmes."""

    def __init__(self, ctx: AppContext, home: Home) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.home = home
        self._screen: EditorScreen | None = None
        ctx.window.add_screen(SCREEN, self._build)
        ctx.follow_look(self._look_changed)

    def _build(self) -> EditorScreen:
        from neuroguide.content.routines import RoutineFiles
        from neuroguide.ui.editor.screen import EditorScreen

        files = RoutineFiles(self.ctx.paths, self.ctx.content)
        self._screen = EditorScreen(self.ctx, self.home, files)
        return self._screen

    @property
    def screen(self) -> EditorScreen:
        """The editor (built on first use)."""
        from neuroguide.ui.editor.screen import EditorScreen

        return self.ctx.window.screen_as(SCREEN, EditorScreen)

    def show(self) -> None:
        """Open the routine editor at its list of routines."""
        editor = self.screen
        editor.set_metrics(self.ctx.metrics)
        editor.show_list()
        self.ctx.window.show_screen(SCREEN)

    def _look_changed(self, metrics: Metrics) -> None:
        if self._screen is not None:
            self._screen.set_metrics(metrics)
