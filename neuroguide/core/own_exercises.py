"""Own exercises: ``[[exercises]]`` in ``<data dir>/exercises/*.toml`` files.

Only ``id``, ``name``, ``category``, ``position`` and ``steps`` are required; each table is read
by :mod:`neuroguide.core.exercise_table` (as inline exercises, the form's and the library's
are). This module reads the files: one bad file is reported and skipped, the others load. An
id that a built-in exercise uses is an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from neuroguide.core.exercise_table import Rules, read_exercises
from neuroguide.core.library import Exercise
from neuroguide.core.pictures import PictureCheck, file_pictures
from neuroguide.core.problems import Locator, Problem
from neuroguide.core.toml_source import parse_toml, read_limited


@dataclass
class OwnExercises:
    """The person's exercise files: every exercise that loaded, and every problem."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def parse_exercise_file(
    data: bytes, origin: str, builtin_ids: Iterable[str], pictures: PictureCheck
) -> tuple[list[Exercise], list[Problem]]:
    """Check one exercise file's bytes: only ``[[exercises]]`` tables are allowed in it."""
    table, text, problems = parse_toml(data, origin)
    if table is None:
        return [], problems
    locate = Locator(text)
    for key in table:
        if key != "exercises":
            line = locate.top(key)
            message = f"unknown key '{key}'; an exercise file holds only [[exercises]] tables"
            problems.append(Problem(origin, line, message))
    raw = table.get("exercises")
    if raw is None:
        problems.append(Problem(origin, 1, "no [[exercises]] tables"))
        return [], problems
    exercises = read_exercises(raw, origin, locate, Rules.for_own(pictures), problems, builtin_ids)
    return exercises, problems


def load_exercise_files(
    paths: Iterable[Path], builtin_ids: Iterable[str], *, inside: Path | None = None
) -> OwnExercises:
    """Load exercise files; a bad file is reported and skipped, the others still load.

    Files are read as routine files are (:func:`read_limited`: only ordinary files up to
    1 MB; with ``inside``, no link that leads out of that folder).
    """
    builtin = set(builtin_ids)
    own = OwnExercises()
    for path in paths:
        origin = str(path)
        data, problem = read_limited(path, origin, inside=inside)
        if data is None:
            own.problems.append(problem or Problem(origin, None, "cannot read"))
            continue
        exercises, problems = parse_exercise_file(data, origin, builtin, file_pictures(path.parent))
        own.problems.extend(problems)
        if problems:
            continue
        for exercise in exercises:
            if exercise.id in own.exercises:
                message = f"exercise id '{exercise.id}' is already used in another exercise file"
                own.problems.append(Problem(origin, None, message))
                continue
            own.exercises[exercise.id] = exercise
    return own


def load_exercise_folder(folder: Path, builtin_ids: Iterable[str]) -> OwnExercises:
    """Every ``*.toml`` in ``folder`` (a missing folder is simply empty)."""
    if not folder.is_dir():
        return OwnExercises()
    return load_exercise_files(sorted(folder.glob("*.toml")), builtin_ids, inside=folder)
