"""Writing routines as routine files, and the small edits the routine editor makes.

Everything here returns new frozen values, so the editor can keep an undo-free, always-valid
routine and the tests can check that whatever it writes reads back the same through
:func:`neuroguide.core.routine_file.parse_routine` (what ``neuroguide check`` runs).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from enum import StrEnum
from typing import Any

import tomli_w

from neuroguide.core.dose_check import LIMITS
from neuroguide.core.exercise_writer import dose_table, exercise_table
from neuroguide.core.handout_details import handout_table
from neuroguide.core.library import DEFAULT_CADENCE, Dose, Exercise, Routine, Step
from neuroguide.core.routine_file import MAX_NAME, MAX_STEPS
from neuroguide.core.schedule import schedule_table

HEADER = "# NeuroGuide routine, written by the routine editor. See docs/routines.md.\n\n"
MAX_ID = 40


class WorkKind(StrEnum):
    """How a step's work is measured."""

    HOLD = "hold"
    REPS = "reps"
    DURATION = "duration"


KIND_DEFAULTS = {WorkKind.HOLD: 30, WorkKind.REPS: 10, WorkKind.DURATION: 300}
"""The value a step gets when the person switches it to another kind of work."""


def routine_table(routine: Routine) -> dict[str, Any]:
    """The routine as the documented TOML table; keys left at their defaults are left out."""
    table: dict[str, Any] = {"id": routine.id, "name": routine.name}
    if routine.description:
        table["description"] = routine.description
    if routine.seated_name:
        table["seated_name"] = routine.seated_name
    if routine.seated_description:
        table["seated_description"] = routine.seated_description
    if routine.get_ready is not None:
        table["get_ready"] = routine.get_ready
    if routine.schedule is not None:
        table["schedule"] = schedule_table(routine.schedule)
    if routine.handout:
        table["handout"] = handout_table(routine.handout)
    if routine.exercises:
        table["exercises"] = [exercise_table(exercise) for exercise in routine.exercises]
    table["steps"] = [_step_table(step) for step in routine.steps]
    return table


def _step_table(step: Step) -> dict[str, Any]:
    table: dict[str, Any] = {"exercise": step.exercise.id, **dose_table(step.dose)}
    if step.setup:
        table["setup"] = step.setup
    if step.note:
        table["note"] = step.note
    return table


def routine_toml(routine: Routine) -> str:
    """The text of a routine file for ``routine``."""
    return HEADER + tomli_w.dumps(routine_table(routine))


def make_id(name: str, taken: Collection[str]) -> str:
    """An id from ``name`` (a-z, 0-9 and single hyphens) that is not in ``taken``."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:MAX_ID].strip("-")
    base = base or "my-routine"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def clean_name(text: str) -> tuple[str | None, str]:
    """The name to use, or ``None`` and what to do about it."""
    name = " ".join(text.split())
    if not name:
        return None, "Give the routine a name."
    if len(name) > MAX_NAME:
        return None, f"A name can be at most {MAX_NAME} characters long."
    return name, ""


def new_routine(routine_id: str, name: str) -> Routine:
    """An empty routine of the user's own."""
    return Routine(id=routine_id, name=name, description="", steps=(), builtin=False)


def copy_routine(routine: Routine, routine_id: str, name: str) -> Routine:
    """A copy of ``routine`` (built-in or not) that belongs to the user.

    The seated name and description are left behind: they describe the original's steps, and
    the copy is about to be edited.
    """
    return replace(
        routine,
        id=routine_id,
        name=name,
        builtin=False,
        origin="",
        seated_name="",
        seated_description="",
    )


def add_step(routine: Routine, exercise: Exercise, rest: int) -> Routine:
    """``routine`` with ``exercise`` added at the end, at the library's dose.

    ``rest`` (the person's default rest) is used between sets when the library gives none.
    """
    if len(routine.steps) >= MAX_STEPS:
        return routine
    dose = exercise.dose
    if dose.sets > 1 and not dose.rest:
        dose = replace(dose, rest=clamp("rest", rest))
    return replace(routine, steps=(*routine.steps, Step(exercise=exercise, dose=dose)))


def remove_step(routine: Routine, index: int) -> Routine:
    """``routine`` without step ``index``."""
    steps = list(routine.steps)
    del steps[index]
    return replace(routine, steps=tuple(steps))


def move_step(routine: Routine, index: int, offset: int) -> Routine:
    """``routine`` with step ``index`` moved ``offset`` places (kept inside the list)."""
    steps = list(routine.steps)
    target = max(0, min(len(steps) - 1, index + offset))
    steps.insert(target, steps.pop(index))
    return replace(routine, steps=tuple(steps))


def set_step(routine: Routine, index: int, step: Step) -> Routine:
    """``routine`` with step ``index`` replaced."""
    steps = list(routine.steps)
    steps[index] = step
    return replace(routine, steps=tuple(steps))


def work_kind(dose: Dose) -> WorkKind:
    """Whether ``dose`` is a hold, reps or a timed block."""
    if dose.hold is not None:
        return WorkKind.HOLD
    if dose.reps is not None:
        return WorkKind.REPS
    return WorkKind.DURATION


def work_value(dose: Dose) -> int:
    """Seconds of the hold, number of reps, or seconds of the timed block."""
    value = dose.hold if dose.hold is not None else dose.reps
    if value is None:
        value = dose.duration
    assert value is not None
    return value


def with_kind(dose: Dose, kind: WorkKind) -> Dose:
    """``dose`` measured another way, at a sensible starting value."""
    if kind is work_kind(dose):
        return dose
    value = KIND_DEFAULTS[kind]
    return replace(
        dose,
        hold=value if kind is WorkKind.HOLD else None,
        reps=value if kind is WorkKind.REPS else None,
        duration=value if kind is WorkKind.DURATION else None,
        cadence=DEFAULT_CADENCE if kind is WorkKind.REPS else None,
    )


def with_value(dose: Dose, key: str, value: int) -> Dose:
    """``dose`` with ``key`` (hold, reps, duration, sets, rest or cadence) set, kept in range."""
    if key in ("hold", "reps", "duration") and key != work_kind(dose).value:
        raise ValueError(f"this step has no '{key}'")
    if key == "cadence" and dose.reps is None:
        raise ValueError("only a step with reps has a cadence")
    values: dict[str, Any] = {key: clamp(key, value)}
    return replace(dose, **values)


def clamp(key: str, value: int) -> int:
    """``value`` kept within what a routine file allows for ``key``."""
    low, high, _unit = LIMITS[key]
    return max(low, min(high, value))
