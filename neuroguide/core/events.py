"""What the session engine reports; the GUI, the voice and the history subscribe to these.

Every event carries ``at``: the monotonic time at which it became due. A listener that gets an
event late (the machine was busy) can tell, and the voice drops cues that are no longer true.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from neuroguide.core.library import Step
from neuroguide.core.records import ItemRecord, Summary
from neuroguide.core.timeline import Phase


class PauseReason(StrEnum):
    """Why a session paused: the person, the "I feel unsteady" control, or a machine sleep."""

    USER = "user"
    UNSTEADY = "unsteady"
    MACHINE_SLEEP = "machine-sleep"


@dataclass(frozen=True, kw_only=True)
class Event:
    """Base of every engine event."""

    at: float


@dataclass(frozen=True, kw_only=True)
class SessionStarted(Event):
    """The first phase is about to begin.

    It carries the routine as it runs, after any seated swap or gentle scaling, so the history
    records what was done and not the library's version of the same routine (same id).
    """

    routine_id: str
    total_seconds: int
    routine_name: str
    """The name of the routine that runs, e.g. "Stretch break (gentle start)"."""
    work_seconds: int
    """Planned holds, sets and timed blocks (no get-ready, rests or switches)."""
    steps: tuple[Step, ...]
    """Every step with the dose that runs."""


@dataclass(frozen=True, kw_only=True)
class PhaseStarted(Event):
    """A get-ready, hold, reps, timed, rest or switch-sides phase began (or began again)."""

    phase: Phase
    seconds: float


@dataclass(frozen=True, kw_only=True)
class SecondsLeft(Event):
    """The whole seconds left in the phase changed (rounded up, as a countdown shows them)."""

    phase: Phase
    seconds: int


@dataclass(frozen=True, kw_only=True)
class Halfway(Event):
    """Half of a hold or timed block is done."""

    phase: Phase


@dataclass(frozen=True, kw_only=True)
class LastSeconds(Event):
    """5, 3, 2 or 1 seconds are left in the phase."""

    phase: Phase
    seconds: int


@dataclass(frozen=True, kw_only=True)
class RepMoved(Event):
    """The pace of a rep: ``movement`` is "up" at its start and "down" half-way through."""

    phase: Phase
    rep: int
    of: int
    movement: str


@dataclass(frozen=True, kw_only=True)
class RepCounted(Event):
    """Rep number ``rep`` of ``of`` is done."""

    phase: Phase
    rep: int
    of: int


@dataclass(frozen=True, kw_only=True)
class Milestone(Event):
    """A timed (aerobic) block passed five-minute mark or entered its last minute."""

    phase: Phase
    kind: str
    elapsed: int
    remaining: int


@dataclass(frozen=True, kw_only=True)
class SideSwitched(Event):
    """The person turns to the other side; a switch-sides phase just began."""

    phase: Phase
    from_side: str | None
    to_side: str | None


@dataclass(frozen=True, kw_only=True)
class SetDone(Event):
    """A hold, set or timed block ended: completed, or skipped part-way."""

    record: ItemRecord


@dataclass(frozen=True, kw_only=True)
class StepFinished(Event):
    """The session moved on from a step; ``skipped`` if any of its items was cut short."""

    step_index: int
    skipped: bool


@dataclass(frozen=True, kw_only=True)
class TimeAdded(Event):
    """The person asked for more time in the current phase."""

    phase: Phase
    seconds: int


@dataclass(frozen=True, kw_only=True)
class SessionPaused(Event):
    """The session paused; ``slept_seconds`` is set when the machine slept (the clock jumped)."""

    reason: PauseReason
    slept_seconds: float = 0.0


@dataclass(frozen=True, kw_only=True)
class SessionResumed(Event):
    """The session runs again from where it paused."""


@dataclass(frozen=True, kw_only=True)
class SessionFinished(Event):
    """The session ended, finished or stopped; the summary has every record."""

    summary: Summary
