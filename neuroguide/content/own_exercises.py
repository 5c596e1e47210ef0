"""Saving the person's own exercises: one file per exercise in ``<data dir>/exercises``.

Pictures go beside them in ``exercises/pictures/ID.ext``; the file names its picture by that
relative path, as a hand-written file would.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from neuroguide.core.exercise_writer import exercises_toml
from neuroguide.core.library import Exercise
from neuroguide.core.private_files import write_private
from neuroguide.paths import Paths

PICTURES = "pictures"


def exercise_file(paths: Paths, exercise_id: str) -> Path:
    """Where an own exercise is saved."""
    return paths.user_exercises / f"{exercise_id}.toml"


def picture_target(paths: Paths, exercise_id: str, suffix: str) -> tuple[Path, str]:
    """Where an own exercise's picture goes, and how its file names it."""
    relative = f"{PICTURES}/{exercise_id}{suffix.lower()}"
    return paths.user_exercises / relative, relative


def save_exercise(paths: Paths, exercise: Exercise, picture: tuple[str, bytes] | None) -> Path:
    """Write ``exercise`` (and its picture's bytes: ``(suffix, data)``); returns the file."""
    if picture is not None:
        suffix, data = picture
        target, relative = picture_target(paths, exercise.id, suffix)
        write_private(target, data)
        exercise = replace(exercise, picture=relative)
    path = exercise_file(paths, exercise.id)
    write_private(path, exercises_toml([exercise]).encode("utf-8"))
    return path
