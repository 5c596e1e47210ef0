"""The rows History reads back: sessions, their items, steps and pauses, weekly symptoms, streaks.

Apart from :mod:`neuroguide.store.models` (what is recorded, and the filter), so a start, which
reads no such row before its first paint, does not define them (decision 0029).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from neuroguide.store.models import Stamp


@dataclass(frozen=True)
class SessionRow:
    """One session as the review screen lists it."""

    id: int
    routine_id: str
    routine_name: str
    started: Stamp
    ended: Stamp | None
    planned_ms: int
    active_ms: int
    outcome: str
    completed: int
    skipped: int


@dataclass(frozen=True)
class ItemRow:
    """One hold, set or timed block of a session."""

    position: int
    exercise_id: str
    side: str | None
    set_number: int
    planned_ms: int
    added_ms: int
    actual_ms: int
    reps_planned: int | None
    reps_done: int | None
    status: str


@dataclass(frozen=True)
class StepRow:
    """One step of a session as it ran: the exercise and the dose after any changes."""

    position: int
    exercise_id: str
    hold_s: int | None
    reps: int | None
    duration_s: int | None
    sets: int
    sides: tuple[str, ...]
    rest_s: int
    cadence_s: int | None


@dataclass(frozen=True)
class PauseRow:
    """An "I feel unsteady" stop or a machine sleep during a session."""

    reason: str
    at: Stamp
    slept_ms: int


@dataclass(frozen=True)
class WeekSymptoms:
    """Average ratings in one week, before and after sessions (``None``: none given)."""

    week: date
    before: dict[str, float | None]
    after: dict[str, float | None]


@dataclass(frozen=True)
class Streak:
    """Runs of consecutive active days."""

    current: int
    longest: int
    active_days: int
