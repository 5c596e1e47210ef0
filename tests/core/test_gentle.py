"""Start gently: doses scaled to two-thirds at first, growing as sessions go well."""

from __future__ import annotations

import pytest

from neuroguide.core.gentle import (
    FULL_LEVEL,
    SessionOutcome,
    fraction,
    gentle_level,
    gentle_routine,
    percent,
)
from neuroguide.core.library import Library
from tests.core.conftest import make_routine

ROUTINE = """\
id = "r"
name = "Mine"
[[steps]]
exercise = "calf-stretch"
hold = 30
sets = 3
rest = 10
sides = ["left", "right"]
[[steps]]
exercise = "calf-raise"
reps = 12
cadence = 4
[[steps]]
exercise = "walk"
duration = 12
[[steps]]
exercise = "wrist-circles"
reps = 1
"""

GOOD = SessionOutcome(finished=True, pain_before=3, pain_after=3)
WORSE = SessionOutcome(finished=True, pain_before=3, pain_after=5)
STOPPED = SessionOutcome(finished=False)


def test_the_first_level_is_two_thirds_of_holds_reps_and_blocks(library: Library) -> None:
    routine = make_routine(library, ROUTINE)
    gentle = gentle_routine(routine, 0)
    hold, reps, walk, wrist = (step.dose for step in gentle.steps)
    assert hold.hold == 20 and hold.sets == 3 and hold.rest == 10 and hold.sides
    assert reps.reps == 8 and reps.cadence == 4
    assert walk.duration == 10, "never below the shortest timed block a file allows"
    assert wrist.reps == 1, "never below one rep"
    assert gentle.id == "r" and "gentle" in gentle.name


def test_the_full_level_gives_the_routine_back_unchanged(library: Library) -> None:
    routine = make_routine(library, ROUTINE)
    assert gentle_routine(routine, FULL_LEVEL) is routine
    assert gentle_routine(routine, FULL_LEVEL + 3) is routine


def test_doses_grow_with_the_level(library: Library) -> None:
    routine = make_routine(library, ROUTINE)
    holds = [gentle_routine(routine, level).steps[0].dose.hold for level in range(FULL_LEVEL + 1)]
    assert holds == sorted(holds) and holds[0] == 20 and holds[-1] == 30


@pytest.mark.parametrize(
    ("sessions", "level"),
    [
        ([], 0),
        ([GOOD], 1),
        ([GOOD, GOOD, GOOD, GOOD, GOOD, GOOD], FULL_LEVEL),
        ([GOOD, GOOD, WORSE], 1),
        ([WORSE, WORSE], 0),
        ([GOOD, STOPPED], 1),
        ([SessionOutcome(finished=True), SessionOutcome(True, pain_before=4)], 2),
        ([SessionOutcome(True, pain_before=5, pain_after=2)], 1),
    ],
)
def test_level_rises_with_good_sessions_and_falls_when_pain_rises(
    sessions: list[SessionOutcome], level: int
) -> None:
    assert gentle_level(sessions) == level


def test_percent_and_fraction_clamp_the_level() -> None:
    assert percent(0) == 67 and percent(FULL_LEVEL) == 100
    assert fraction(-5) == fraction(0) and fraction(99) == 1.0
