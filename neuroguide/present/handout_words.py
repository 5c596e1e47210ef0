"""The words of a printed handout: what a physiotherapist's sheet says about each exercise.

Qt-free, so tests can read them without drawing; :mod:`neuroguide.ui.reports.handout` lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from neuroguide.core.library import NEED_LABELS, Dose, Routine, format_duration


@dataclass(frozen=True)
class HandoutExercise:
    """One exercise on the sheet."""

    name: str
    dose: str
    steps: tuple[str, ...]
    safety: tuple[str, ...]
    illustration: str
    note: str = ""


@dataclass(frozen=True)
class Handout:
    """The whole sheet: title, how often, what is needed, and each exercise."""

    title: str
    description: str
    schedule: str
    needs: str
    exercises: tuple[HandoutExercise, ...]


def dose_words(dose: Dose) -> str:
    """``Hold 20 seconds, 2 times, each side, rest 30 seconds between``: plain words, no signs."""
    if dose.hold is not None:
        text = f"Hold {_seconds(dose.hold)}"
    elif dose.reps is not None:
        text = f"{dose.reps} repetitions"
        if dose.cadence:
            text += f", {_seconds(dose.cadence)} each"
    else:
        text = f"Keep going for {format_duration(dose.work_seconds).replace(' s', ' seconds')}"
    if dose.sets > 1:
        noun = "times" if dose.hold is not None else "sets"
        text += f", {dose.sets} {noun}"
    if len(dose.sides) == 2:
        text += ", each side"
    elif dose.sides:
        text += f", {dose.sides[0]} side only"
    if dose.rest and dose.sets > 1:
        text += f"; rest {_seconds(dose.rest)} between"
    return text


def _seconds(value: int) -> str:
    return "1 second" if value == 1 else f"{value} seconds"


def _safety(lines: tuple[str, ...], spoken: str) -> tuple[str, ...]:
    """The written safety lines, and the spoken one when it says something more."""
    if spoken and spoken not in lines:
        return (*lines, spoken)
    return lines


def handout_of(routine: Routine) -> Handout:
    """The handout for ``routine`` (one entry per step, in order)."""
    exercises = tuple(
        HandoutExercise(
            name=step.exercise.name,
            dose=dose_words(step.dose),
            steps=step.exercise.steps,
            safety=_safety(step.exercise.safety, step.exercise.spoken_safety),
            illustration=step.exercise.illustration,
            note=step.note,
        )
        for step in routine.steps
    )
    needs = ", ".join(NEED_LABELS.get(need, need) for need in routine.needs)
    schedule = (
        routine.schedule.describe() if routine.schedule else "As your physiotherapist advises"
    )
    return Handout(
        title=routine.name,
        description=routine.description,
        schedule=schedule,
        needs=needs or "Nothing special",
        exercises=exercises,
    )
