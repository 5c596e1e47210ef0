"""A routine in the words of its home-screen card (length, position, what it needs)."""

from __future__ import annotations

from dataclasses import dataclass

from neuroguide.core.heard_length import heard_seconds
from neuroguide.core.library import NEED_LABELS, Routine, format_duration
from neuroguide.core.timeline import DEFAULT_GET_READY, build_timeline, total_seconds

POSITION_WORDS = {
    "standing": "standing",
    "seated": "seated, from a chair",
    "mixed": "standing and seated",
}


@dataclass(frozen=True)
class RoutineInfo:
    """What a routine card shows, already in words."""

    id: str
    name: str
    length: str
    position: str
    needs: str
    description: str
    schedule: str = ""
    """How often, and this week's sessions against it ("" without a schedule)."""


def heard_words(routine: Routine, *, get_ready: int = DEFAULT_GET_READY) -> str:
    """``7 min 50 s the first time, 6 min 12 s after``: a routine's length as heard with the
    default voice, for someone new to its exercises and for someone who knows them (what the
    editor shows while a routine is written; one figure when both agree)."""
    minimum = max(get_ready, routine.get_ready or 0)
    known = {step.exercise.id for step in routine.steps}
    first = format_duration(heard_seconds(routine, minimum=minimum))
    later = format_duration(heard_seconds(routine, minimum=minimum, known=known))
    return first if first == later else f"{first} the first time, {later} after"


def routine_info(routine: Routine, seconds: float | None = None) -> RoutineInfo:
    """The words of a routine card; ``seconds`` is its length as heard
    (:mod:`neuroguide.core.heard_length`), its phases' alone if not given."""
    needs = ", ".join(NEED_LABELS.get(need, need) for need in routine.needs)
    return RoutineInfo(
        id=routine.id,
        name=routine.name,
        length=format_duration(
            total_seconds(build_timeline(routine)) if seconds is None else seconds
        ),
        position=POSITION_WORDS.get(routine.position, routine.position),
        needs=needs or "nothing special",
        description=routine.description,
    )
