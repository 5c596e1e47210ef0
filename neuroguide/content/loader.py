"""Loads the exercise library and every routine (built-in and the user's) from disk."""

from __future__ import annotations

from dataclasses import dataclass, field

from neuroguide.core.exercise_file import load_library
from neuroguide.core.library import Library
from neuroguide.core.own_exercises import load_exercise_folder
from neuroguide.core.problems import InvalidFileError, Problem
from neuroguide.core.routine_file import RoutineCatalog, load_folder
from neuroguide.core.toml_source import read_limited
from neuroguide.paths import Paths


@dataclass(frozen=True)
class Content:
    """The library and the routines, with the problems found in the user's files.

    ``library`` holds the built-in exercises and the person's own (``exercise.own``);
    ``exercise_problems`` lists what was wrong in ``<data dir>/exercises``.
    """

    library: Library
    catalog: RoutineCatalog
    exercise_problems: list[Problem] = field(default_factory=list)


def load_content(paths: Paths) -> Content:
    """Load everything; raises ``InvalidFileError`` only if the built-in library is broken."""
    origin = str(paths.exercises_file)
    data, problem = read_limited(paths.exercises_file, origin)
    if data is None:
        raise InvalidFileError([problem] if problem else [])
    library = load_library(data, origin)
    own = load_exercise_folder(paths.user_exercises, library.exercises)
    library.exercises.update(own.exercises)
    catalog = RoutineCatalog()
    load_folder(catalog, paths.builtin_routines, library, builtin=True)
    load_folder(catalog, paths.user_routines, library, builtin=False)
    catalog.problems[:0] = own.problems
    return Content(library=library, catalog=catalog, exercise_problems=own.problems)
