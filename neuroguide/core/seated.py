"""The seated profile: which exercises can be done from a chair, and a routine's seated version.

Pure functions over the library's values, so the GUI, the terminal and the tests share one rule:
a standing exercise is swapped for its ``seated_alternative`` with the same dose; a standing
exercise without one is left out (and named, so the person knows). One exception to "the same
dose": a seated alternative done one side at a time (the seated hamstring stretch for the
standing toe reach) takes its own library dose when the standing step had no sides, so each
side gets its full hold and is named and switched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from neuroguide.core.library import Dose, Exercise, Library, Position, Routine, Step


@dataclass(frozen=True)
class SeatedVersion:
    """A routine made seated: the new routine plus what changed, in words for the offer.

    ``routine`` is ``None`` when every step needs standing and none has a seated alternative.
    """

    original: Routine
    routine: Routine | None
    swapped: tuple[tuple[str, str], ...]
    """(standing exercise name, seated exercise name) for each swapped step."""
    left_out: tuple[str, ...]
    """Names of standing exercises with no seated alternative."""

    @property
    def changed(self) -> bool:
        """Whether the seated version differs from the original at all."""
        return bool(self.swapped or self.left_out)


def can_sit(exercise: Exercise) -> bool:
    """Whether ``exercise`` can be done from a chair as it is."""
    return exercise.position is not Position.STANDING


def seated_exercises(exercises: Iterable[Exercise]) -> list[Exercise]:
    """The exercises a person in the seated profile sees, in the given order."""
    return [exercise for exercise in exercises if can_sit(exercise)]


def seated_version(routine: Routine, library: Library) -> SeatedVersion:
    """``routine`` with every standing step swapped for its seated alternative, or left out.

    The id stays the same, so the history counts the seated version as the same routine; the
    name says it is the seated version (or is the routine's ``seated_name``, when it has one).
    A swapped step keeps its dose (see :func:`seated_dose`) but drops its note (a note such as
    "keep a hand on the wall" belongs to the standing exercise).
    """
    steps: list[Step] = []
    swapped: list[tuple[str, str]] = []
    left_out: list[str] = []
    for step in routine.steps:
        exercise = step.exercise
        if can_sit(exercise):
            steps.append(step)
            continue
        alternative = library.get(exercise.seated_alternative or "")
        if alternative is None or not can_sit(alternative):
            left_out.append(exercise.name)
            continue
        steps.append(Step(exercise=alternative, dose=seated_dose(step, alternative)))
        swapped.append((exercise.name, alternative.name))
    if not swapped and not left_out:
        return SeatedVersion(routine, routine, (), ())
    seated = (
        replace(
            routine,
            name=routine.seated_name or f"{routine.name} (seated)",
            description=routine.seated_description or routine.description,
            steps=tuple(steps),
        )
        if steps
        else None
    )
    return SeatedVersion(routine, seated, tuple(swapped), tuple(left_out))


def seated_dose(step: Step, alternative: Exercise) -> Dose:
    """The dose ``alternative`` gets in place of ``step``: the step's own, unless the
    alternative works one side at a time and the step did not; then the alternative's library
    dose, so that neither side is left out."""
    if alternative.dose.sides and not step.dose.sides:
        return alternative.dose
    return step.dose


def seated_choices(routines: Iterable[Routine], library: Library) -> list[Routine]:
    """The routines to offer in the seated profile: each one's seated version, when it has one."""
    found: list[Routine] = []
    for routine in routines:
        version = seated_version(routine, library).routine
        if version is not None:
            found.append(version)
    return found
