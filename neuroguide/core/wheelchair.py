"""A routine as a wheelchair user hears it: each exercise's wheelchair words said once.

The library's ``wheelchair`` words (brakes on, feet off the footrests only if safe, stay back
in the seat) matter before the movement starts, so they belong in the announcement. They are
said on the first step of each exercise in the session, every session: the brakes are not a
detail a person learns once and may then forget, and they are said in few words.
"""

from __future__ import annotations

from dataclasses import replace

from neuroguide.core.library import Routine, Step


def for_wheelchair(routine: Routine) -> Routine:
    """``routine`` with the first step of each exercise that has wheelchair words marked to
    say them (:attr:`~neuroguide.core.library.Step.wheelchair`)."""
    seen: set[str] = set()
    steps: list[Step] = []
    for step in routine.steps:
        first = step.exercise.id not in seen and bool(step.exercise.wheelchair)
        seen.add(step.exercise.id)
        steps.append(replace(step, wheelchair=True) if first else step)
    return replace(routine, steps=tuple(steps))
