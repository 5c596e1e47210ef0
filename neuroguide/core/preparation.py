"""The routine that will run: the seated version and the gentle dose, applied in one place.

The window asks the person before it swaps in a seated version (a screen of its own); the
terminal, which has no such screen, takes the seated version when one exists. Both scale the
dose with the same "start gently" rule. Pure functions, so both front ends share them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from neuroguide.core.gentle import gentle_routine, percent
from neuroguide.core.library import Category, Library, Routine
from neuroguide.core.seated import seated_version
from neuroguide.core.wheelchair import for_wheelchair


@dataclass(frozen=True)
class Prepared:
    """The routine to run (``None``: none can run) and what the person should be told."""

    routine: Routine | None
    notes: list[str] = field(default_factory=list)


def prepare_routine(
    routine: Routine,
    library: Library,
    *,
    seated_only: bool,
    gentle_level: int | None,
    wheelchair: bool = False,
) -> Prepared:
    """``routine`` as it will run without a screen to ask on.

    Args:
        seated_only: the person's seated profile: take the seated version, if it differs.
        gentle_level: the "start gently" level to scale to, or ``None`` when it is off.
        wheelchair: "I use a wheelchair": each exercise's wheelchair words are said.
    """
    notes: list[str] = []
    if seated_only:
        version = seated_version(routine, library)
        if version.routine is None:
            aerobic = all(step.exercise.category is Category.AEROBIC for step in routine.steps)
            instead = (
                "ride' rides an exercise bike" if aerobic else "seated' runs the seated routine"
            )
            return Prepared(
                None,
                [
                    f"every exercise of '{routine.name}' needs standing, and your settings say "
                    f"seated only; 'neuroguide play {instead}"
                ],
            )
        if version.changed:
            swapped = ", ".join(f"{old} becomes {new}" for old, new in version.swapped)
            left = ", ".join(version.left_out)
            words = "the seated version, as your settings say seated only"
            if swapped:
                words += f" ({swapped})"
            if left:
                words += f"; left out, as they need standing: {left}"
            notes.append(words)
        routine = version.routine
    if gentle_level is not None:
        notes.append(
            f"start gently: this session runs at {percent(gentle_level)} % of the full amount"
        )
        routine = gentle_routine(routine, gentle_level)
    if wheelchair:
        routine = for_wheelchair(routine)
    return Prepared(routine, notes)
