"""Telling the person's file kinds apart, and reloading their own exercises.

An exercise file holds only ``[[exercises]]`` tables; a routine file has an ``id`` and
``[[steps]]`` (and may carry exercises inline).
"""

from __future__ import annotations

from pathlib import Path

from neuroguide.content.loader import Content
from neuroguide.core.own_exercises import load_exercise_folder
from neuroguide.core.toml_source import parse_toml, read_limited
from neuroguide.paths import Paths


def is_exercise_file(path: Path) -> bool:
    """Whether ``path`` reads as an exercise file (else it is checked as a routine file)."""
    data, _problem = read_limited(path, str(path))
    if data is None:
        return False  # checked as a routine file, which says what is wrong
    table, _text, _problems = parse_toml(data, str(path))
    return table is not None and "exercises" in table and "steps" not in table and "id" not in table


def reload_own_exercises(paths: Paths, content: Content) -> None:
    """Read ``<data dir>/exercises`` again into the library the app holds (same dict)."""
    exercises = content.library.exercises
    builtin = {key: value for key, value in exercises.items() if not value.own}
    own = load_exercise_folder(paths.user_exercises, builtin)
    exercises.clear()
    exercises.update(builtin)
    exercises.update(own.exercises)
    content.exercise_problems[:] = own.problems
