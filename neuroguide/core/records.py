"""What a session leaves behind: one record per hold, set or block, and a summary."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ItemStatus(StrEnum):
    """Whether the person did the whole item or moved on before its end."""

    COMPLETED = "completed"
    SKIPPED = "skipped"


class Outcome(StrEnum):
    """How a session ended; the history sets ``interrupted`` for sessions cut off by a crash."""

    FINISHED = "finished"
    STOPPED = "stopped"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True)
class ItemRecord:
    """One hold, paced set or timed block as it was done.

    ``actual_seconds`` is active (unpaused) time; it never exceeds planned plus added seconds.
    """

    phase_index: int
    step_index: int
    exercise_id: str
    side: str | None
    set_number: int
    planned_seconds: int
    added_seconds: int
    actual_seconds: float
    reps_planned: int | None
    reps_done: int | None
    status: ItemStatus


@dataclass(frozen=True)
class Summary:
    """The end-of-session figures the GUI, the voice and the history show."""

    routine_id: str
    outcome: Outcome
    planned_seconds: int
    active_seconds: float
    elapsed_seconds: float
    completed: int
    skipped: int
    records: tuple[ItemRecord, ...]
