"""Fixtures for the pure core: the real library and routines, and a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest

from neuroguide.core.clock import FakeClock
from neuroguide.core.exercise_file import load_library
from neuroguide.core.library import Library, Routine
from neuroguide.core.routine_file import RoutineCatalog, load_folder, parse_routine

RESOURCES = Path(__file__).resolve().parents[2] / "resources"

# The calf stretch at the source dose: 15 s, three times on each leg.
CALF = """
id = "calf"
name = "Calf"
[[steps]]
exercise = "calf-stretch"
hold = 15
sets = 3
sides = ["left", "right"]
rest = 10
"""


@pytest.fixture(scope="session")
def library() -> Library:
    path = RESOURCES / "exercises.toml"
    return load_library(path.read_bytes(), str(path))


@pytest.fixture(scope="session")
def catalog(library: Library) -> RoutineCatalog:
    found = RoutineCatalog()
    load_folder(found, RESOURCES / "routines", library, builtin=True)
    return found


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_routine(library: Library, text: str) -> Routine:
    """Parse a routine written inline in a test; fail loudly if it is invalid."""
    routine, problems = parse_routine(text.encode(), "test.toml", library)
    assert routine is not None, [str(p) for p in problems]
    return routine
