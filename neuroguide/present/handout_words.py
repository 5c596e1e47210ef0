"""The words of a printed handout: what a physiotherapist's sheet says about each exercise.

Qt-free, so tests can read them without drawing; :mod:`neuroguide.ui.reports.handout` lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from neuroguide.core.library import (
    NEED_LABELS,
    Dose,
    HandoutDetails,
    Routine,
    format_duration,
)

STOP_WORDS = "Stop at once if you feel pain, dizziness or unsteadiness. Keep breathing."


@dataclass(frozen=True)
class HandoutExercise:
    """One exercise on the sheet."""

    name: str
    dose: str
    steps: tuple[str, ...]
    safety: tuple[str, ...]
    illustration: str
    note: str = ""
    wheelchair: str = ""
    """How to do it from a wheelchair (printed for a wheelchair user)."""
    load: str = ""
    """What to hold or wear ("1 kg ankle weight"), from the step's dose."""


@dataclass(frozen=True)
class Handout:
    """The whole sheet: title, how often, what is needed, and each exercise."""

    title: str
    description: str
    schedule: str
    needs: str
    exercises: tuple[HandoutExercise, ...]
    details: HandoutDetails = field(default_factory=HandoutDetails)
    """The patient's name, the physiotherapist's name and contact, where given."""
    stop_words: str = STOP_WORDS


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
    """The written safety lines; the spoken line only when there are none (it says the same
    in fewer words, so printing both repeats it)."""
    if lines:
        return lines
    return (spoken,) if spoken else ()


def handout_of(routine: Routine, *, wheelchair: bool = False) -> Handout:
    """The handout for ``routine`` (one entry per step, in order); ``wheelchair`` adds each
    exercise's wheelchair words."""
    exercises = tuple(
        HandoutExercise(
            name=step.exercise.name,
            dose=dose_words(step.dose),
            steps=step.exercise.steps,
            safety=_safety(step.exercise.safety, step.exercise.spoken_safety),
            illustration=step.exercise.illustration,
            note=step.note,
            wheelchair=step.exercise.wheelchair if wheelchair else "",
            load=step.dose.load,
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
        details=routine.handout,
    )
