"""The home screen's behaviour: filling it, its buttons, and going back to it.

Its layout is :mod:`neuroguide.ui.home.view`; what a routine card starts is the session
flow's, reached through :class:`~neuroguide.ui.context.Sessions`. Other features reach the
home screen through :class:`~neuroguide.ui.context.Home`, which this class implements.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from neuroguide.present.routine_words import routine_info
from neuroguide.present.schedule_words import with_schedule
from neuroguide.ui.context import AppContext, Sessions
from neuroguide.ui.home.view import HomeView

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from neuroguide.core.library import Routine
    from neuroguide.present.metrics import Metrics
    from neuroguide.store.history import History

HOME_KEYS = frozenset({"seated_only", "suggested_routine", "weekly_goal_minutes"})
"""Settings the home screen shows (the routines on offer, the suggestion, the goal)."""


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_HasId)


def _suggested_of(items: Sequence[_Item], wanted: str) -> _Item | None:
    """The suggested routine (or its card): the one the settings name, else the first."""
    return next((item for item in items if item.id == wanted), items[0] if items else None)


class HomeController(QObject):
    """Fills the home screen and answers its buttons; the window's first screen."""

    def __init__(self, ctx: AppContext, sessions: Sessions, history: History | None) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.sessions = sessions
        self.history = history
        self.view = HomeView(ctx.metrics)
        self.problems_box: QMessageBox | None = None
        ctx.window.add_screen("home", self.view, self._home_key)
        self._connect()
        ctx.follow_look(self._look_changed)
        ctx.settings.subscribe(self.refresh, HOME_KEYS)
        sessions.on_left(self.go_home)
        self._look_changed(ctx.metrics)
        self.refresh()
        ctx.window.show_screen("home")

    def _connect(self) -> None:
        view, window, look = self.view, self.ctx.window, self.ctx.look
        view.start_suggested.connect(self.start_suggested)
        view.routine_chosen.connect(self.sessions.start_routine)
        view.history_requested.connect(lambda: window.show_screen("history"))
        view.problems_requested.connect(self.show_problems)
        view.text_size_requested.connect(look.next_text_size)
        view.theme_requested.connect(look.next_theme)
        window.stack.currentChanged.connect(lambda _index: self.update_history_button())

    def _look_changed(self, metrics: Metrics) -> None:
        self.view.set_metrics(metrics)
        settings = self.ctx.settings.settings
        self.view.set_display(settings.text_scale, settings.theme)

    # ----------------------------------------------------------------- Home

    def routines(self) -> list[Routine]:
        """The routines on offer (only seated ones when the person asked for that)."""
        content = self.ctx.content
        routines = content.catalog.ordered()
        if self.ctx.settings.settings.seated_only:  # each routine's seated version, if any
            from neuroguide.core.seated import seated_choices

            routines = seated_choices(routines, content.library)
        return routines

    def suggested(self) -> Routine | None:
        """The routine the big Start begins."""
        return _suggested_of(self.routines(), self.ctx.settings.settings.suggested_routine)

    def refresh(self) -> None:
        """Routines, the suggestion, progress and problems."""
        settings = self.ctx.settings.settings
        done = self.done_this_week()
        length = self.sessions.lengths()
        routines = [with_schedule(routine_info(r, length(r)), r, done) for r in self.routines()]
        self.view.set_suggested(_suggested_of(routines, settings.suggested_routine))
        self.view.set_routines(routines)
        progress = self.ctx.progress
        self.view.set_progress(
            progress.minutes_today(), progress.minutes_this_week(), settings.weekly_goal_minutes
        )
        self.view.set_problems(len({p.file for p in self.ctx.content.catalog.problems}))
        self.update_history_button()

    def add_button(self, button: QWidget) -> None:
        """Put a feature's button beside History."""
        self.view.history_row.add(button)

    def done_this_week(self) -> dict[str, int]:
        """Counted sessions per routine since Monday (empty without a history)."""
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
        """Enable the History button when a History screen is registered."""
        self.view.set_history_available(self.ctx.window.has_screen("history"))

    def go_home(self) -> None:
        """Back to the home screen, with fresh figures (a session being prepared is left)."""
        if self.sessions.leave():
            return  # the session flow comes back here through on_left
        self.refresh()
        self.view.scroll_to_top()  # home comes back as it first was, its Start in view
        self.ctx.window.show_screen("home")

    # ----------------------------------------------------------------- buttons

    def start_suggested(self) -> None:
        """Start the suggested routine."""
        routine = self.suggested()
        if routine is not None:
            self.sessions.start_routine(routine.id)

    def show_problems(self) -> None:
        """List the routine files that could not be loaded, one located line each."""
        problems = "\n".join(str(p) for p in self.ctx.content.catalog.problems)
        from PySide6.QtWidgets import QMessageBox  # only for this rare message

        box = QMessageBox(self.ctx.window)
        box.setWindowTitle("Routine files left out")
        box.setText("These routine files could not be loaded. Fix the line named, then restart.")
        box.setInformativeText(problems)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()
        self.problems_box = box

    def _home_key(self, key: int) -> bool:
        if key == Qt.Key.Key_Space:
            self.start_suggested()
            return True
        return False
