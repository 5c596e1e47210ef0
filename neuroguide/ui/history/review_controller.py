"""The History screen's controller: every read the review screen shows, and its period.

What the person chooses on the screen (a preset, Earlier or Later, a routine, a session) comes
here; the period is worked out by :mod:`neuroguide.core.periods` from today (the caller's
clock), the history is read for it, and the screen is given plain values
(:mod:`neuroguide.ui.history.review_data`). Imported when History is first opened.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from neuroguide.core.periods import (
    DEFAULT_PRESET,
    PRESET_NAMES,
    Period,
    can_go_earlier,
    can_go_later,
    preset_period,
)
from neuroguide.present.review_text import period_text
from neuroguide.store.database import HistoryError
from neuroguide.store.history import History
from neuroguide.store.models import CheckIn, Filter, Moment
from neuroguide.store.rows import SessionRow
from neuroguide.ui.history.review_data import ChartsView, PeriodView, SessionView
from neuroguide.ui.history.review_screen import ReviewScreen

if TYPE_CHECKING:
    from neuroguide.present.metrics import Metrics


class ReviewController(QObject):
    """The review screen's reads and period: what the person chooses on the screen comes here,
    is read from the history for the period, and goes back to the screen as plain values.

    A child of the screen, so it lives as long. ``today`` is the caller's clock (a fixed day
    in tests).
    """

    def __init__(
        self,
        screen: ReviewScreen,
        history: History,
        *,
        today: Callable[[], date] = date.today,
        goal_minutes: int = 150,
    ) -> None:
        super().__init__(screen)
        self.screen = screen
        self.history = history
        self._today = today
        self.goal_minutes = goal_minutes
        self.preset = DEFAULT_PRESET
        self.period: Period = preset_period(DEFAULT_PRESET, today())
        self.routine_id: str | None = None
        self._rows: dict[int, SessionRow] = {}
        self._checkins: dict[int, Mapping[Moment, CheckIn]] = {}
        screen.preset_chosen.connect(self.choose_preset)
        screen.shift_requested.connect(self.shift)
        screen.routine_chosen.connect(self.choose_routine)
        screen.session_chosen.connect(self.open_session)
        self.reload_routines()
        self.choose_preset(DEFAULT_PRESET)

    def current_filter(self) -> Filter:
        """The period and routine on show, as the history's filter."""
        return Filter(self.period.first, self.period.last, self.routine_id)

    def reload_routines(self) -> None:
        """Refill the routine picker from the history (after a new session)."""
        try:
            routines = self.history.routines_used()
        except HistoryError:
            routines = []
        self.routine_id = self.screen.show_routines(routines)

    def choose_preset(self, index: int) -> None:
        """One of the preset periods (:data:`~neuroguide.core.periods.PRESETS`), ending today."""
        try:
            whole = self.history.day_range()
        except HistoryError:
            whole = None
        self.preset = index
        self.period = preset_period(index, self._today(), whole[0] if whole else None)
        self.refresh()

    def shift(self, direction: int) -> None:
        """The period of the same length just before (-1) or after (+1) the one on show."""
        if direction < 0 and not can_go_earlier(self.preset):
            return
        if direction > 0 and not can_go_later(self.period, self._today()):
            return
        self.period = self.period.shifted(direction)
        self.refresh()

    def choose_routine(self, routine_id: str | None) -> None:
        """Show one routine's sessions (``None``: all of them)."""
        self.routine_id = routine_id
        self.refresh()

    def refresh(self) -> None:
        """Read the period's sessions and charts and show them."""
        flt = self.current_filter()
        try:
            rows = self.history.sessions(flt)
            charts = self.charts(flt)
        except HistoryError as error:  # e.g. another program holds the file just now
            self.screen.show_problem(str(error))
            return
        self._rows = {row.id: row for row in rows}
        self._checkins = {}
        self.screen.show_charts(charts)
        period = self.period
        self.screen.show_period(
            PeriodView(
                period_text(period.first, period.last),
                self.preset,
                can_go_earlier(self.preset),
                can_go_later(period, self._today()),
            )
        )
        self.screen.show_sessions(rows, self.checkins_of)

    def charts(self, flt: Filter) -> ChartsView:
        """The charts' numbers for ``flt``; the streak runs up to today whatever the period
        (only the routine filter applies to it)."""
        today = self._today()
        return ChartsView(
            weeks=self.history.weekly_minutes(flt),
            goal=self.goal_minutes,
            active_days=self.history.active_days(flt),
            streak=self.history.streak(today, flt.routine_id),
            today=today,
            symptoms=self.history.weekly_symptoms(flt),
        )

    def checkins_of(self, session_id: int) -> Mapping[Moment, CheckIn]:
        """One session's check-ins, read when its line or detail is first shown (none when
        the file cannot be read just now: the line then shows no change)."""
        found = self._checkins.get(session_id)
        if found is None:
            try:
                found = self._checkins[session_id] = self.history.session_checkins(session_id)
            except HistoryError:
                return {}
        return found

    def open_session(self, session_id: int) -> None:
        """Read one listed session's check-ins, pauses and items into the detail."""
        session = self._rows.get(session_id)
        if session is None:
            return
        try:
            view = SessionView(
                session,
                self.checkins_of(session_id),
                self.history.pauses(session_id),
                self.history.items(session_id),
            )
        except HistoryError as error:
            self.screen.show_session_problem(str(error))
            return
        self.screen.show_session(view)


def review_for(
    history: History,
    *,
    today: Callable[[], date] = date.today,
    goal_minutes: int = 150,
    exercise_names: Mapping[str, str] | None = None,
    metrics: Metrics | None = None,
) -> ReviewController:
    """A review screen filled from ``history`` by its controller (``.screen`` is the widget)."""
    screen = ReviewScreen(presets=PRESET_NAMES, exercise_names=exercise_names, metrics=metrics)
    return ReviewController(screen, history, today=today, goal_minutes=goal_minutes)
