"""Writing own exercises as ``[[exercises]]`` tables that read back the same.

Keys left at their defaults are left out, so a file written here is as short as one typed by
hand; :func:`neuroguide.core.exercise_table.read_exercises` reads it back unchanged.
"""

from __future__ import annotations

from typing import Any

import tomli_w

from neuroguide.core.exercise_table import DEFAULT_DOSE, OWN_SOURCE
from neuroguide.core.library import Dose, Exercise

HEADER = "# NeuroGuide exercises of your own. See docs/own-exercises.md.\n\n"


def exercise_table(exercise: Exercise, picture: str | None = None) -> dict[str, Any]:
    """The table for ``exercise``; ``picture`` replaces the one it was read with."""
    table: dict[str, Any] = {
        "id": exercise.id,
        "name": exercise.name,
        "category": exercise.category.value,
        "position": exercise.position.value,
    }
    for key in ("summary", "support", "side_word"):
        if getattr(exercise, key):
            table[key] = getattr(exercise, key)
    if exercise.needs:
        table["needs"] = list(exercise.needs)
    table["steps"] = list(exercise.steps)
    if exercise.safety:
        table["safety"] = list(exercise.safety)
    if exercise.dose != DEFAULT_DOSE:
        table["dose"] = dose_table(exercise.dose)
    chosen = exercise.picture if picture is None else picture
    if chosen:
        table["picture"] = chosen
    if exercise.source and exercise.source != OWN_SOURCE:
        table["source"] = exercise.source
    if exercise.rep_words:
        table["rep_words"] = list(exercise.rep_words)
    if exercise.key_step:
        table["key_step"] = exercise.key_step
    for key in ("spoken_safety", "after_words", "switch_words", "wheelchair"):
        if getattr(exercise, key):
            table[key] = getattr(exercise, key)
    return table


def dose_table(dose: Dose) -> dict[str, Any]:
    """A dose as written in a file (``{ hold = 15, sets = 3, sides = [...] }``)."""
    table: dict[str, Any] = {}
    for key in ("hold", "reps", "duration", "cadence"):
        value = getattr(dose, key)
        if value is not None:
            table[key] = value
    if dose.sets != 1:
        table["sets"] = dose.sets
    if dose.sides:
        table["sides"] = list(dose.sides)
    if dose.rest:
        table["rest"] = dose.rest
    if dose.load:
        table["load"] = dose.load
    return table


def exercises_toml(exercises: list[Exercise]) -> str:
    """The text of an exercise file holding ``exercises``."""
    return HEADER + tomli_w.dumps({"exercises": [exercise_table(e) for e in exercises]})
