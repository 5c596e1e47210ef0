"""The session flow: home, safety check, player and summary, and the hooks between them.

Hooks let other parts take a turn without this module knowing them:

* ``before_session(routine, proceed)`` runs when a routine is chosen, before the safety
  check; call ``proceed()`` to go on (or never, to cancel). A check-in screen goes here.
* ``after_session(summary, proceed)`` runs when a session ends, before the summary screen;
  call ``proceed()`` to show the summary. A "how did it feel" screen goes here.
* ``prepare_routine(routine, proceed)`` runs first of all; call ``proceed(routine)`` with the
  routine to run (the seated version, a gentler dose), or never, to cancel.

All are optional attributes, ``None`` by default.
"""

from __future__ import annotations

import binascii
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Signal

from neuroguide.present.metrics import Metrics
from neuroguide.settings import THEMES
from neuroguide.settings_store import SettingsStore
from neuroguide.ui.home.view import HomeView, HomeWords
from neuroguide.ui.shell.main_window import APP_TITLE, MainWindow
from neuroguide.ui.shell.theme import apply_look, resolve_theme

if TYPE_CHECKING:
    from neuroguide.content import Content
    from neuroguide.core.clock import Clock
    from neuroguide.core.library import Routine
    from neuroguide.core.listeners import SessionListener
    from neuroguide.core.records import Summary
    from neuroguide.present.progress import ProgressSource
    from neuroguide.speech.speaker import Speaker
    from neuroguide.ui.session.player_presenter import PlayerPresenter
    from neuroguide.ui.session.player_view import PlayerView
    from neuroguide.ui.session.safety_view import SafetyView
    from neuroguide.ui.session.session_controller import SessionController
    from neuroguide.ui.session.summary_view import SummaryView

BeforeHook = Callable[["Routine", Callable[[], None]], None]
AfterHook = Callable[["Summary", Callable[[], None]], None]
PrepareHook = Callable[["Routine", Callable[["Routine"], None]], None]
TEXT_SIZES = (100, 125, 150, 175, 200)
ContentSource = Callable[[], "Content"]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_HasId)


def _suggested_of(items: Sequence[_Item], wanted: str) -> _Item | None:
    """The suggested routine (or its card): the one the settings name, else the first."""
    return next((item for item in items if item.id == wanted), items[0] if items else None)


class SessionFlow(QObject):
    """Moves the person from screen to screen and runs one session at a time.

    Signals:
        session_started: a session began; carries its SessionController.
        session_ended: a session ended; carries its Summary.
    """

    session_started = Signal(object)
    session_ended = Signal(object)

    def __init__(
        self,
        window: MainWindow,
        content: Content | ContentSource,
        store: SettingsStore,
        *,
        clock: Clock,
        speaker: Speaker,
        progress: ProgressSource,
        listeners: Sequence[SessionListener] = (),
        illustrations: Path,
        large_forced: bool = False,
        cached_home: Mapping[str, Any] | None = None,
        first_paint_cards: int | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        # Content may come as a loader: with ``cached_home`` (the home screen's words from
        # the last start, see neuroguide.home_cache) the home screen is painted first and the
        # content loaded on first use, right after.
        self._content: Content | None = None if callable(content) else content
        self._load_content: ContentSource | None = content if callable(content) else None
        self._cached_home = cached_home if self._content is None else None
        self.store = store
        self.clock = clock
        self.speaker = speaker
        self.progress = progress
        self.listeners: list[SessionListener] = list(listeners)
        self.before_session: BeforeHook | None = None
        self.after_session: AfterHook | None = None
        self.prepare_routine: PrepareHook | None = None
        self.large = store.settings.large_buttons or large_forced
        self.controller: SessionController | None = None
        self.presenter: PlayerPresenter | None = None
        self.routine: Routine | None = None
        self.summary: Summary | None = None
        self._illustrations = illustrations
        self._resources_dir = illustrations.parent  # illustrations/ and sounds/ sit side by side
        self._safety: SafetyView | None = None
        self._player: PlayerView | None = None
        self._summary_view: SummaryView | None = None
        # Only the home screen is built now; the others on first use (or by prepare_screens
        # after the first paint), so the home screen appears quickly.
        self.home = HomeView(self.metrics)
        window.add_screen("home", self.home, self._home_key)
        self._connect()
        self.apply_look()
        # ``first_paint_cards``: build only that many routine cards (the first row, the rest
        # is below the fold) until the next refresh_home, right after the first paint.
        self.refresh_home(cards=first_paint_cards)
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
        window.stack.currentChanged.connect(lambda _index: self._update_history_button())

    @property
    def content(self) -> Content:
        """The exercise library and the routines (loaded now if they come from a loader)."""
        if self._content is None:
            assert self._load_content is not None
            self._content = self._load_content()
            self._cached_home = None
        return self._content

    @property
    def content_loaded(self) -> bool:
        """Whether the content is in memory (not only the cached home screen)."""
        return self._content is not None

    @property
    def safety(self) -> SafetyView:
        """The safety-check screen (built on first use)."""
        if self._safety is None:
            from neuroguide.ui.session.safety_view import SafetyView

            view = self._safety = SafetyView(self.metrics)
            view.confirmed.connect(self._safety_confirmed)
            view.cancelled.connect(self.go_home)
            view.switched_off.connect(self._safety_switched_off)
            self.window.add_screen("safety", view, self._safety_key)
        return self._safety

    @property
    def player(self) -> PlayerView:
        """The player screen (built on first use)."""
        if self._player is None:
            from neuroguide.ui.session.player_view import PlayerView

            self._player = PlayerView(self.metrics)
            self.window.add_screen("player", self._player, self._player_key)
        return self._player

    @property
    def summary_view(self) -> SummaryView:
        """The summary screen (built on first use)."""
        if self._summary_view is None:
            from neuroguide.ui.session.summary_view import SummaryView

            view = self._summary_view = SummaryView(self.metrics)
            view.home_requested.connect(self.go_home)
            view.again_requested.connect(self.again)
            self.window.add_screen("summary", view, self._summary_key)
        return self._summary_view

    def prepare_screens(self) -> None:
        """Build the screens not shown yet, so the first session starts without a wait."""
        self.safety, self.player, self.summary_view  # noqa: B018 (building them is the point)

    def _built_views(self) -> list[Any]:
        views: list[Any] = [self.home, self._safety, self._player, self._summary_view]
        return [view for view in views if view is not None]

    @property
    def metrics(self) -> Metrics:
        """Sizes for the current mode and text size."""
        return Metrics(large=self.large, text_scale=self.store.settings.text_scale)

    def apply_look(self) -> None:
        """Apply theme, sizes and spacing to the whole window."""
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        theme = resolve_theme(self.store.settings.theme)
        metrics = self.metrics
        if isinstance(app, QApplication):
            apply_look(app, theme, metrics)
        self.window.set_metrics(metrics)
        for view in self._built_views():
            view.set_metrics(metrics)
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

    def home_words(self) -> HomeWords:
        """What the home screen shows of the content: the cached words until it is loaded."""
        if self._content is None and self._cached_home is not None:
            cached = HomeWords.from_cache(self._cached_home)
            if cached is not None:
                return cached
        from neuroguide.present.routine_words import routine_info

        return HomeWords(
            [routine_info(r) for r in self.routines()],
            len({p.file for p in self.content.catalog.problems}),
        )

    def refresh_home(self, *, cards: int | None = None) -> None:
        """Routines (the first ``cards`` of them, if given), the suggestion, progress and
        problems."""
        words = self.home_words()
        wanted = self.store.settings.suggested_routine
        self.home.set_suggested(_suggested_of(words.routines, wanted))
        self.home.set_routines(words.routines[:cards])
        self.home.set_progress(
            self.progress.minutes_today(),
            self.progress.minutes_this_week(),
            self.progress.weekly_goal_minutes,
        )
        self.home.set_problems(words.problem_files)
        self._update_history_button()

    def _update_history_button(self) -> None:
        self.home.set_history_available(self.window.has_screen("history"))

    def go_home(self) -> None:
        """Back to the home screen, with fresh figures."""
        self._end_player()
        self.refresh_home()
        self.window.setWindowTitle(APP_TITLE)
        self.window.show_screen("home")

    def show_problems(self) -> None:
        """List the routine files that could not be loaded, one located line each."""
        from PySide6.QtCore import Qt  # not at import time: see widgets.TAB_FOCUS
        from PySide6.QtWidgets import QMessageBox  # its enums cost the first paint ~1 ms

        problems = "\n".join(str(p) for p in self.content.catalog.problems)
        box = QMessageBox(self.window)
        box.setWindowTitle("Routine files left out")
        box.setText("These routine files could not be loaded. Fix the line named, then restart.")
        box.setInformativeText(problems)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        self.problems_box = box

    def show_keys(self) -> None:
        """The list of keys."""
        from PySide6.QtCore import Qt  # not at import time: see widgets.TAB_FOCUS

        from neuroguide.ui.shell.keys_dialog import KeysDialog

        dialog = KeysDialog(self.metrics, self.window)
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
        """Begin ``routine_id``: the before-session hook, the safety check, then the player."""
        routine = self.content.catalog.routines[routine_id]
        if self.prepare_routine is not None:
            self.prepare_routine(routine, self._begin)
        else:
            self._begin(routine)

    def _begin(self, routine: Routine) -> None:
        self.routine = routine
        if self.before_session is not None:
            self.before_session(routine, lambda: self._check_safety(routine))
        else:
            self._check_safety(routine)

    def _check_safety(self, routine: Routine) -> None:
        if routine.has_standing_balance and self.store.settings.safety_check:
            self.safety.set_routine(routine.name)
            self.window.show_screen("safety")
        else:
            self._run(routine)

    def _safety_confirmed(self) -> None:
        if self.routine is not None:
            self._run(self.routine)

    def _safety_switched_off(self) -> None:
        self.store.update(safety_check=False)
        self._safety_confirmed()

    def _run(self, routine: Routine) -> None:
        from neuroguide.speech.tones import TonePlayer
        from neuroguide.ui.session.player_presenter import PlayerPresenter
        from neuroguide.ui.session.session_controller import SessionController

        self._end_player()
        settings = self.store.settings
        listeners: list[SessionListener] = list(self.listeners)
        if hasattr(self.progress, "handle"):
            listeners.append(self.progress)  # type: ignore[arg-type]
        controller = SessionController(
            routine,
            self.clock,
            speaker=self.speaker,
            tones=TonePlayer(self._resources_dir) if settings.tones else None,
            listeners=listeners,
            get_ready_seconds=settings.get_ready_seconds,
            auto_advance=settings.auto_advance,
            captions=settings.captions,
            parent=self,
        )
        presenter = PlayerPresenter(
            self.player, controller, resolve_theme(settings.theme), self._illustrations, self
        )
        presenter.title_changed.connect(self.window.setWindowTitle)
        controller.finished.connect(self._finished)
        self.controller, self.presenter = controller, presenter
        self.window.show_screen("player")
        self.session_started.emit(controller)
        controller.start()

    def _finished(self, summary: Summary) -> None:
        self.summary = summary
        self.session_ended.emit(summary)
        if self.after_session is not None:
            self.after_session(summary, lambda: self._show_summary(summary))
        else:
            self._show_summary(summary)

    def _show_summary(self, summary: Summary) -> None:
        from neuroguide.core.library import format_duration
        from neuroguide.present.phase_text import summary_heading, summary_lines

        self._end_player()
        routine = self.content.catalog.routines.get(summary.routine_id)
        planned = format_duration(summary.planned_seconds)
        figures = (
            f"Active time: {format_duration(summary.active_seconds)} of {planned} planned.\n"
            f"Completed: {summary.completed}. Skipped: {summary.skipped}."
        )
        self.summary_view.show_summary(
            summary_heading(summary),
            routine.name if routine else summary.routine_id,
            figures,
            summary_lines(summary, self.content.library.exercises),
        )
        self.window.setWindowTitle(f"{APP_TITLE} — finished")
        self.window.show_screen("summary")

    def again(self) -> None:
        """Run the routine of the last session again."""
        if self.summary is not None and self.summary.routine_id in self.content.catalog.routines:
            self.start_routine(self.summary.routine_id)

    def _end_player(self) -> None:
        if self.presenter is not None:
            self.presenter.detach()
            self.presenter.deleteLater()
            self.presenter = None
        if self.controller is not None:
            self.controller.shutdown()
            self.controller.deleteLater()
            self.controller = None

    def on_closing(self) -> None:
        """Stop a running session (so it is recorded) and remember the window's place."""
        if self.controller is not None:
            self.controller.stop()
        geometry = bytes(self.window.saveGeometry().toBase64().data()).decode("ascii")
        self.store.update(window_geometry=geometry)

    def restore_geometry(self) -> bool:
        """Put the window where it was last time; ``False`` if nothing was saved."""
        saved = self.store.settings.window_geometry
        if not saved:
            return False
        try:
            # binascii, not QByteArray, whose first use costs the first paint ~0.4 ms.
            geometry = binascii.a2b_base64(saved.encode("ascii"))
        except (binascii.Error, UnicodeEncodeError):
            return False
        return bool(self.window.restoreGeometry(geometry))

    # ----------------------------------------------------------------- keys

    def _home_key(self, key: int) -> bool:
        from PySide6.QtCore import Qt

        if key == Qt.Key.Key_Space:
            self.start_suggested()
            return True
        return False

    def _safety_key(self, key: int) -> bool:
        from PySide6.QtCore import Qt

        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._safety_confirmed()
        elif key == Qt.Key.Key_Escape:
            self.go_home()
        else:
            return False
        return True

    def _player_key(self, key: int) -> bool:
        return self.presenter is not None and self.presenter.handle_key(key)

    def _summary_key(self, key: int) -> bool:
        from PySide6.QtCore import Qt

        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.go_home()
            return True
        return False
