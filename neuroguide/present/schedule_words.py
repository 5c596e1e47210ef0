"""A routine card's schedule line: how often, and this week's sessions against it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from neuroguide.core.library import Routine
from neuroguide.core.schedule import week_words
from neuroguide.present.routine_words import RoutineInfo


def schedule_line(routine: Routine, done: int) -> str:
    """``3 days a week · 2 of 3 this week`` ("" for a routine without a schedule)."""
    if routine.schedule is None:
        return ""
    if routine.schedule.up_to:  # "up to six a day" sets no week's target to count against
        return routine.schedule.describe().capitalize()
    return f"{routine.schedule.describe()} · {week_words(routine.schedule, done)}"


def with_schedule(info: RoutineInfo, routine: Routine, done: Mapping[str, int]) -> RoutineInfo:
    """``info`` with its schedule line filled from this week's counted sessions."""
    return replace(info, schedule=schedule_line(routine, done.get(routine.id, 0)))
