"""What a session leaves behind: one record per hold, set or block, and a summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from neuroguide.core.timeline import Phase


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


def record_for(phase: Phase, elapsed: float, added: int, *, completed: bool) -> ItemRecord:
    """The record of one visit to a work phase; skipped reps count those paced so far."""
    reps_done = None
    if phase.reps is not None:
        reps_done = phase.reps if completed else min(phase.reps, int(elapsed // phase.cadence))
    return ItemRecord(
        phase_index=phase.index,
        step_index=phase.step_index,
        exercise_id=phase.exercise.id,
        side=phase.side,
        set_number=phase.set_number,
        planned_seconds=phase.seconds,
        added_seconds=added,
        actual_seconds=elapsed,
        reps_planned=phase.reps,
        reps_done=reps_done,
        status=ItemStatus.COMPLETED if completed else ItemStatus.SKIPPED,
    )


def step_skipped(timeline: Sequence[Phase], records: Sequence[ItemRecord], step_index: int) -> bool:
    """Whether any work phase of the step ended short on its latest visit (or was never done)."""
    latest = {record.phase_index: record.status for record in records}
    return any(
        latest.get(phase.index) is not ItemStatus.COMPLETED
        for phase in timeline
        if phase.step_index == step_index and phase.kind.is_work
    )


def summarize(
    routine_id: str,
    outcome: Outcome,
    planned_seconds: int,
    elapsed_seconds: float,
    records: Sequence[ItemRecord],
) -> Summary:
    """The end-of-session figures from the records."""
    return Summary(
        routine_id=routine_id,
        outcome=outcome,
        planned_seconds=planned_seconds,
        active_seconds=sum(r.actual_seconds for r in records),
        elapsed_seconds=elapsed_seconds,
        completed=sum(r.status is ItemStatus.COMPLETED for r in records),
        skipped=sum(r.status is ItemStatus.SKIPPED for r in records),
        records=tuple(records),
    )
