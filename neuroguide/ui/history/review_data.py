"""What the History screen is given to show: plain values, read and worked out by its controller.

The screen reads nothing and counts no days; these are all it knows of the history and the
period (the rows themselves are the store's plain values, :mod:`neuroguide.store.models`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from neuroguide.store.models import CheckIn, Moment
from neuroguide.store.rows import ItemRow, PauseRow, SessionRow, Streak, WeekSymptoms

Sessions = Sequence[SessionRow]
"""The period's sessions, newest first."""

CheckinsOf = Callable[[int], Mapping[Moment, CheckIn]]
"""A session's check-ins by its id, read when its line is first shown (years of history
open fast because only the lines on show are read)."""


@dataclass(frozen=True)
class PeriodView:
    """The period on show: its words, the preset button to check, and the moves allowed."""

    text: str
    preset: int
    earlier: bool
    later: bool


@dataclass(frozen=True)
class SessionView:
    """One session as its detail shows it."""

    session: SessionRow
    checkins: Mapping[Moment, CheckIn]
    pauses: Sequence[PauseRow]
    items: Sequence[ItemRow]


@dataclass(frozen=True)
class ChartsView:
    """The charts' numbers for the period: minutes per week, active days, symptom weeks."""

    weeks: Sequence[tuple[date, float]]
    goal: int
    active_days: Sequence[date]
    streak: Streak
    today: date
    symptoms: Sequence[WeekSymptoms]
