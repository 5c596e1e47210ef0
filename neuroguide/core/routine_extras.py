"""The parts of a routine file that make it a whole programme: inline exercises and a schedule.

Kept apart from :mod:`neuroguide.core.routine_file` so that file stays about steps; it calls
:func:`check_extras` before checking the steps, which may then name the inline exercises.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from neuroguide.core.exercise_table import Rules, read_exercises
from neuroguide.core.library import Category, Dose, Exercise, Library, Position
from neuroguide.core.pictures import PictureCheck, file_pictures
from neuroguide.core.problems import Locator, Problem
from neuroguide.core.schedule import Schedule, check_schedule


def check_extras(
    table: dict[str, Any],
    origin: str,
    locate: Locator,
    library: Library,
    problems: list[Problem],
    pictures: PictureCheck | None = None,
) -> tuple[Library, Schedule | None, tuple[Exercise, ...]]:
    """Check ``[schedule]`` and ``[[exercises]]``; return the library the steps may use.

    Inline exercises may not take a built-in's id; they shadow the person's own exercise
    files of the same id within this routine only.
    """
    schedule = None
    if "schedule" in table:

        def report(message: str, key: str | None) -> None:
            problems.append(Problem(origin, locate.section("schedule", key), message))

        schedule = check_schedule(table["schedule"], report)
    inline: tuple[Exercise, ...] = ()
    if "exercises" in table:
        check = pictures or file_pictures(Path(origin).parent)
        builtin = [e.id for e in library.exercises.values() if not e.own]
        rules = Rules.for_own(check)
        found = read_exercises(table["exercises"], origin, locate, rules, problems, builtin)
        inline = tuple(found)
        merged = {**library.exercises, **_placeholders(table["exercises"], builtin)}
        merged.update({exercise.id: exercise for exercise in inline})
        library = Library(exercises=merged, sources=library.sources)
    return library, schedule, inline


def _placeholders(raw: Any, builtin: list[str]) -> dict[str, Exercise]:
    """Stand-ins for inline exercises that had problems, so their steps are not also called
    "unknown exercise" (the routine is refused anyway: its problems are already listed)."""
    if not isinstance(raw, list):
        return {}
    ids = [item.get("id") for item in raw if isinstance(item, dict)]
    return {
        exercise_id: Exercise(
            id=exercise_id,
            name=exercise_id,
            category=Category.STRENGTH,
            position=Position.EITHER,
            needs=(),
            support="",
            side_word="",
            summary="",
            steps=("",),
            safety=(),
            source="",
            illustration="",
            dose=Dose(reps=1),
            own=True,
        )
        for exercise_id in ids
        if isinstance(exercise_id, str) and exercise_id not in builtin
    }
