"""The exercise library file (``resources/exercises.toml``): strict loading and validation.

Each ``[[exercises]]`` table is read by :mod:`neuroguide.core.exercise_table`, as an own
exercise is; this module adds what only the library has: its sources, and seated
alternatives that must name a seated exercise of the library.
"""

from __future__ import annotations

from typing import Any

from neuroguide.core.exercise_table import Rules, read_exercises
from neuroguide.core.library import Library, Position, Source
from neuroguide.core.problems import InvalidFileError, Locator, Problem
from neuroguide.core.toml_source import parse_toml


def load_library(data: bytes, origin: str) -> Library:
    """Parse the library; raise :class:`InvalidFileError` listing every problem if any."""
    table, text, problems = parse_toml(data, origin)
    if table is None:
        raise InvalidFileError(problems)
    locate = Locator(text)
    sources = _sources(table, origin, problems)
    raw = table.get("exercises")
    if not isinstance(raw, list) or not raw:
        problems.append(Problem(origin, None, "no [[exercises]] tables"))
        raw = []
    found = read_exercises(raw, origin, locate, Rules.shipped(sources), problems)
    exercises = {exercise.id: exercise for exercise in found}
    for index, exercise in enumerate(exercises.values()):
        alternative = exercise.seated_alternative
        if alternative is None:
            continue
        target = exercises.get(alternative)
        if target is None or target.position is Position.STANDING:
            line = locate.table("exercises", index, "seated_alternative")
            message = f"'{exercise.id}': '{alternative}' is not a seated exercise"
            problems.append(Problem(origin, line, message))
    if problems:
        raise InvalidFileError(problems)
    return Library(exercises=exercises, sources=sources)


def _sources(table: dict[str, Any], origin: str, problems: list[Problem]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    raw = table.get("sources", {})
    if not isinstance(raw, dict):
        problems.append(Problem(origin, None, "'sources' must be a table"))
        return sources
    for key, value in raw.items():
        if not isinstance(value, dict) or not isinstance(value.get("title"), str):
            problems.append(Problem(origin, None, f"source '{key}' needs a title"))
            continue
        sources[key] = Source(id=key, title=value["title"], publisher=value.get("publisher", ""))
    return sources
