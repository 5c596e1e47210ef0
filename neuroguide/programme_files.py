"""Telling the person's file kinds apart, and reloading their own exercises.

An exercise file holds only ``[[exercises]]`` tables; a routine file has an ``id`` and
``[[steps]]`` (and may carry exercises inline).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from neuroguide.content import Content
from neuroguide.core.own_exercises import load_exercise_folder
from neuroguide.core.toml_source import MAX_FILE_BYTES
from neuroguide.paths import Paths


def is_exercise_file(path: Path) -> bool:
    """Whether ``path`` reads as an exercise file (else it is checked as a routine file)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return False
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return False
    return "exercises" in table and "steps" not in table and "id" not in table


def reload_own_exercises(paths: Paths, content: Content) -> None:
    """Read ``<data dir>/exercises`` again into the library the app holds (same dict)."""
    exercises = content.library.exercises
    builtin = {key: value for key, value in exercises.items() if not value.own}
    own = load_exercise_folder(paths.user_exercises, builtin)
    exercises.clear()
    exercises.update(builtin)
    exercises.update(own.exercises)
    content.exercise_problems[:] = own.problems
