"""The events due inside a phase, each at a fixed amount of time before the phase's end.

Marks are keyed by *remaining* time, so adding time to a phase moves the ones still ahead
without repeating those already reported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from neuroguide.core.events import Event, Halfway, LastSeconds, Milestone, RepCounted, RepMoved
from neuroguide.core.timeline import Phase, PhaseKind

FIVE_MINUTES = 300
HALFWAY_MIN_SECONDS = 10


class Mark(NamedTuple):
    """An event due when ``remaining`` seconds are left; ``key`` makes it fire once per visit.

    A plain tuple: a session makes three per rep each time a set begins (the home cards'
    lengths drive every set of the eight routines before the first paint)."""

    remaining: float
    key: str
    make: Callable[[float], Event]


def marks_for(phase: Phase, total: float) -> list[Mark]:
    """Every mark of one visit to ``phase`` lasting ``total`` seconds, earliest first."""
    marks: list[Mark] = []
    if phase.kind is PhaseKind.REPS:
        marks += _rep_marks(phase, total)
    else:
        if phase.kind in (PhaseKind.HOLD, PhaseKind.TIMED) and total >= HALFWAY_MIN_SECONDS:
            marks.append(Mark(total / 2, "halfway", lambda at: Halfway(at=at, phase=phase)))
        if phase.kind is PhaseKind.TIMED:
            marks += _milestones(phase, total)
        counts = (5, 3, 2, 1) if phase.kind in (PhaseKind.HOLD, PhaseKind.TIMED) else (3, 2, 1)
        for n in counts:
            if n < total:
                marks.append(Mark(n, f"last-{n}", _last(phase, n)))
    return sorted(marks, key=lambda mark: -mark.remaining)


def _last(phase: Phase, n: int) -> Callable[[float], Event]:
    return lambda at: LastSeconds(at=at, phase=phase, seconds=n)


def _rep_marks(phase: Phase, total: float) -> list[Mark]:
    reps = phase.reps or 0
    cadence = phase.cadence
    marks: list[Mark] = []
    for rep in range(1, reps + 1):
        start = (rep - 1) * cadence
        for offset, movement in ((0.0, "up"), (cadence / 2, "down")):
            marks.append(
                Mark(total - start - offset, f"rep-{rep}-{movement}", _moved(phase, rep, movement))
            )
        marks.append(Mark(total - rep * cadence, f"rep-{rep}-done", _counted(phase, rep)))
    return marks


def _moved(phase: Phase, rep: int, movement: str) -> Callable[[float], Event]:
    of = phase.reps or 0
    return lambda at: RepMoved(at=at, phase=phase, rep=rep, of=of, movement=movement)


def _counted(phase: Phase, rep: int) -> Callable[[float], Event]:
    of = phase.reps or 0
    return lambda at: RepCounted(at=at, phase=phase, rep=rep, of=of)


def _milestones(phase: Phase, total: float) -> list[Mark]:
    marks: list[Mark] = []
    elapsed = FIVE_MINUTES
    while elapsed < total:
        remaining = int(total - elapsed)
        marks.append(
            Mark(
                total - elapsed,
                f"five-{elapsed}",
                _milestone(phase, "five-minutes", elapsed, remaining),
            )
        )
        elapsed += FIVE_MINUTES
    if total > 2 * 60:
        marks.append(Mark(60, "last-minute", _milestone(phase, "last-minute", int(total) - 60, 60)))
    return marks


def _milestone(phase: Phase, kind: str, elapsed: int, remaining: int) -> Callable[[float], Event]:
    return lambda at: Milestone(at=at, phase=phase, kind=kind, elapsed=elapsed, remaining=remaining)
