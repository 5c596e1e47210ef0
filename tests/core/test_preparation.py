"""Without a screen to ask on, the seated profile and "start gently" still shape the routine."""

from __future__ import annotations

from dataclasses import replace

from neuroguide.core.library import Library, Step
from neuroguide.core.preparation import prepare_routine
from tests.core.conftest import CALF, make_routine


def test_nothing_changes_without_the_seated_profile_or_start_gently(library: Library) -> None:
    routine = make_routine(library, CALF)
    prepared = prepare_routine(routine, library, seated_only=False, gentle_level=None)
    assert prepared.routine is routine and prepared.notes == []


def test_the_seated_version_and_the_gentle_dose_are_applied_and_named(library: Library) -> None:
    routine = make_routine(library, CALF)
    prepared = prepare_routine(routine, library, seated_only=True, gentle_level=0)
    assert prepared.routine is not None
    assert prepared.routine.position == "seated"
    assert prepared.routine.steps[0].dose.hold == 10  # two-thirds of 15 s
    assert "seated version" in prepared.notes[0] and "start gently" in prepared.notes[1]


def test_a_routine_that_needs_standing_throughout_says_what_to_run_instead(
    library: Library,
) -> None:
    routine = make_routine(library, CALF)
    standing = replace(routine.steps[0].exercise, seated_alternative=None)
    only_standing = replace(routine, steps=(Step(standing, routine.steps[0].dose),))
    prepared = prepare_routine(only_standing, library, seated_only=True, gentle_level=None)
    assert prepared.routine is None
    assert "neuroguide play seated" in prepared.notes[0]
