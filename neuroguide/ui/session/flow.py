"""The window's flow: the home screen, the look, and the session steps behind a routine card.

The steps of one session (seated offer, gentle dose, check-ins, safety check, the player,
the summary) are :class:`~neuroguide.ui.session.steps.SessionSteps`; this module fills the
home screen, changes the look, and starts the steps when a routine is chosen.
"""

from __future__ import annotations

import binascii
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from neuroguide.present.metrics import Metrics
from neuroguide.present.routine_words import routine_info
from neuroguide.present.schedule_words import with_schedule
from neuroguide.settings import THEMES
from neuroguide.settings_store import SettingsStore
from neuroguide.ui.home.view import HomeView
from neuroguide.ui.session.steps import SessionSteps
from neuroguide.ui.shell.main_window import MainWindow
from neuroguide.ui.shell.theme import apply_look, resolve_theme

if TYPE_CHECKING:
    from datetime import date

    from neuroguide.content.loader import Content
    from neuroguide.core.clock import Clock
    from neuroguide.core.library import Routine
    from neuroguide.core.records import Summary
    from neuroguide.present.progress import ProgressSource
    from neuroguide.speech.speaker import Speaker
    from neuroguide.store.history import History
    from neuroguide.ui.session.player_presenter import PlayerPresenter
    from neuroguide.ui.session.player_view import PlayerView
    from neuroguide.ui.session.safety_view import SafetyView
    from neuroguide.ui.session.session_controller import SessionController
    from neuroguide.ui.session.summary_view import SummaryView

TEXT_SIZES = (100, 125, 150, 175, 200)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_HasId)


def _suggested_of(items: Sequence[_Item], wanted: str) -> _Item | None:
    """The suggested routine (or its card): the one the settings name, else the first."""
    return next((item for item in items if item.id == wanted), items[0] if items else None)


class SessionFlow(QObject):
    """Fills the home screen, changes the look, and starts a routine's session steps.

    Signals:
        session_started: a session began; carries its SessionController.
        session_ended: a session ended; carries its Summary.
    """

    session_started = Signal(object)
    session_ended = Signal(object)

    def __init__(
        self,
        window: MainWindow,
        content: Content,
        store: SettingsStore,
        *,
        clock: Clock,
        speaker: Speaker,
        progress: ProgressSource,
        history: History | None = None,
        illustrations: Path,
        large_forced: bool = False,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.content = content
        self.store = store
        self.clock = clock
        self.speaker = speaker
        """The voice in use; the settings screen swaps it when the voice is switched off."""
        self.progress = progress
        self.history = history
        self.large = store.settings.large_buttons or large_forced
        self.home = HomeView(self.metrics)
        window.add_screen("home", self.home, self._home_key)
        self.steps = SessionSteps(
            window,
            store,
            lambda: self.content,
            clock=clock,
            speaker=lambda: self.speaker,
            history=history,
            progress=progress,
            illustrations=illustrations,
            metrics=lambda: self.metrics,
        )
        self.steps.session_started.connect(self.session_started)
        self.steps.session_ended.connect(self._session_ended)
        self.steps.left.connect(self.go_home)
        self.summary: Summary | None = None
        self._connect()
        self.apply_look()
        self.refresh_home()
        window.show_screen("home")

    # ----------------------------------------------------------------- set-up

    def _connect(self) -> None:
        home, window = self.home, self.window
        home.start_suggested.connect(self.start_suggested)
        home.routine_chosen.connect(self.start_routine)
        home.history_requested.connect(lambda: self.window.show_screen("history"))
        home.problems_requested.connect(self.show_problems)
        home.text_size_requested.connect(self.next_text_size)
        home.theme_requested.connect(self.next_theme)
        window.large_toggled.connect(self.set_large)
        window.keys_requested.connect(self.show_keys)
        window.closing.connect(self.on_closing)
        window.stack.currentChanged.connect(lambda _index: self.update_history_button())

    # ------------------------------------------------- the session, for others

    @property
    def controller(self) -> SessionController | None:
        """The running session's controller, if a session runs."""
        return self.steps.controller

    @property
    def presenter(self) -> PlayerPresenter | None:
        """The player's presenter while a session runs."""
        return self.steps.presenter

    @property
    def routine(self) -> Routine | None:
        """The routine of the session being prepared or run (after the seated and gentle steps)."""
        return self.steps.plan.routine if self.steps.plan is not None else None

    @property
    def safety(self) -> SafetyView:
        """The safety-check screen (built on first use)."""
        return self.steps.safety

    @property
    def player(self) -> PlayerView:
        """The player screen (built on first use)."""
        return self.steps.player

    @property
    def summary_view(self) -> SummaryView:
        """The summary screen (built on first use)."""
        return self.steps.summary_view

    def _built_views(self) -> list[object]:
        return [self.home, *self.steps.built_views()]

    @property
    def metrics(self) -> Metrics:
        """Sizes for the current mode and text size."""
        return Metrics(large=self.large, text_scale=self.store.settings.text_scale)

    def apply_look(self) -> None:
        """Apply theme, sizes and spacing to the whole window."""
        app = QApplication.instance()
        theme = resolve_theme(self.store.settings.theme)
        metrics = self.metrics
        if isinstance(app, QApplication):
            apply_look(app, theme, metrics)
        self.window.set_metrics(metrics)
        for view in self._built_views():
            view.set_metrics(metrics)  # type: ignore[attr-defined]
        self.home.set_display(self.store.settings.text_scale, self.store.settings.theme)
        if self.presenter is not None:
            self.presenter.theme = theme
            self.presenter.refresh()

    def set_large(self, large: bool) -> None:
        """Large-button mode on or off, remembered in the settings."""
        self.large = large
        self.store.update(large_buttons=large)
        self.apply_look()

    def next_text_size(self) -> None:
        """Step through the text sizes: 100 % up to 200 %, then back."""
        current = self.store.settings.text_scale
        larger = [size for size in TEXT_SIZES if size > current]
        self.store.update(text_scale=larger[0] if larger else TEXT_SIZES[0])
        self.apply_look()

    def next_theme(self) -> None:
        """Step through the colour themes."""
        themes = list(THEMES)
        current = self.store.settings.theme
        following = (
            themes[(themes.index(current) + 1) % len(themes)] if current in themes else "light"
        )
        self.store.update(theme=following)
        self.apply_look()

    # ----------------------------------------------------------------- home

    def routines(self) -> list[Routine]:
        """The routines on offer (only seated ones when the person asked for that)."""
        routines = self.content.catalog.ordered()
        if self.store.settings.seated_only:  # each routine's seated version, where it has one
            from neuroguide.core.seated import seated_choices

            routines = seated_choices(routines, self.content.library)
        return routines

    def suggested(self) -> Routine | None:
        """The routine the big Start begins."""
        return _suggested_of(self.routines(), self.store.settings.suggested_routine)

    def refresh_home(self) -> None:
        """Routines, the suggestion, progress and problems."""
        done = self.done_this_week()
        routines = [
            with_schedule(routine_info(r, self.steps.heard_seconds(r)), r, done)
            for r in self.routines()
        ]
        self.home.set_suggested(_suggested_of(routines, self.store.settings.suggested_routine))
        self.home.set_routines(routines)
        self.home.set_progress(
            self.progress.minutes_today(),
            self.progress.minutes_this_week(),
            self.store.settings.weekly_goal_minutes,
        )
        self.home.set_problems(len({p.file for p in self.content.catalog.problems}))
        self.update_history_button()

    def done_this_week(self) -> dict[str, int]:
        """Counted sessions per routine since Monday (empty without a history)."""
        from datetime import date

        from neuroguide.core.schedule import week_start

        today = date.today()
        return self.done_between(week_start(today), today)

    def done_between(self, first: date, last: date) -> dict[str, int]:
        """Counted sessions per routine from ``first`` to ``last`` (empty without a history)."""
        if self.history is None:
            return {}
        from neuroguide.store.adherence import sessions_done

        return sessions_done(self.history, first, last)

    def update_history_button(self) -> None:
        """Enable the home screen's History button when a History screen is registered."""
        self.home.set_history_available(self.window.has_screen("history"))

    def go_home(self) -> None:
        """Back to the home screen, with fresh figures."""
        if self.steps.plan is not None:
            self.steps.leave()  # comes back here through ``left``
            return
        self.refresh_home()
        self.home.scroll_to_top()  # home comes back as it first was, its Start in view
        self.window.show_screen("home")

    def show_problems(self) -> None:
        """List the routine files that could not be loaded, one located line each."""
        problems = "\n".join(str(p) for p in self.content.catalog.problems)
        from PySide6.QtWidgets import QMessageBox  # only for this rare message

        box = QMessageBox(self.window)
        box.setWindowTitle("Routine files left out")
        box.setText("These routine files could not be loaded. Fix the line named, then restart.")
        box.setInformativeText(problems)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        self.problems_box = box

    def show_keys(self) -> None:
        """The list of keys."""
        from neuroguide.ui.shell.keys_dialog import KeysDialog

        dialog = KeysDialog(self.metrics, self.window, can_learn=self.steps.plan is None)
        dialog.learn_requested.connect(self.window.learn_switch_requested)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.keys_dialog = dialog

    # -------------------------------------------------------------- a session

    def start_suggested(self) -> None:
        """Start the suggested routine."""
        routine = self.suggested()
        if routine is not None:
            self.start_routine(routine.id)

    def start_routine(self, routine_id: str) -> None:
        """Begin ``routine_id``'s session steps (see :mod:`neuroguide.ui.session.steps`)."""
        self.steps.start(self.content.catalog.routines[routine_id])

    def _session_ended(self, summary: Summary) -> None:
        self.summary = summary
        self.session_ended.emit(summary)

    def on_closing(self) -> None:
        """Stop a running session (so it is recorded) and remember the window's place."""
        self.steps.stop_running()
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

    # ----------------------------------------------------------------- keys

    def _home_key(self, key: int) -> bool:
        if key == Qt.Key.Key_Space:
            self.start_suggested()
            return True
        return False
