"""The shipped exercise library and built-in routines are complete and follow the sources."""

from __future__ import annotations

from neuroguide.core.library import Category, Library, Position, format_duration
from neuroguide.core.routine_file import RoutineCatalog
from neuroguide.core.timeline import build_timeline, total_seconds
from tests.core.conftest import RESOURCES

REQUIRED_IDS = {
    "arm-circles", "leg-swings", "overhead-reach", "standing-toe-reach", "torso-rotation",
    "calf-stretch", "seated-hamstring-stretch", "calf-raise", "toe-point-flex", "wrist-circles",
    "biceps-curl", "shoulder-press", "walk", "stationary-bike", "water-aerobics",
    "seated-overhead-reach", "seated-torso-rotation", "seated-calf-raise",
}  # fmt: skip
ROUTINES = {
    "stretch-break", "lower-leg-stretches", "balance", "strength-legs", "strength-arms",
    "seated", "walk-or-ride",
}  # fmt: skip


def test_library_has_every_exercise_the_sources_describe(library: Library) -> None:
    assert set(library.exercises) >= REQUIRED_IDS


def test_every_exercise_has_an_illustration_steps_and_safety(library: Library) -> None:
    for exercise in library.exercises.values():
        assert (RESOURCES / "illustrations" / exercise.illustration).is_file(), exercise.id
        assert exercise.steps and exercise.safety, exercise.id
        assert exercise.source in library.sources


def test_seated_alternatives_are_seated(library: Library) -> None:
    for exercise in library.exercises.values():
        if exercise.seated_alternative:
            alternative = library.exercises[exercise.seated_alternative]
            assert alternative.position is not Position.STANDING


def test_all_seven_builtin_routines_load_without_problems(catalog: RoutineCatalog) -> None:
    assert catalog.problems == []
    assert set(catalog.routines) == ROUTINES


def test_source_doses_are_kept(catalog: RoutineCatalog) -> None:
    steps = {s.exercise.id: s.dose for s in catalog.routines["lower-leg-stretches"].steps}
    assert (steps["calf-stretch"].hold, steps["calf-stretch"].sets) == (15, 3)
    assert steps["calf-stretch"].sides == ("left", "right")
    assert (steps["seated-hamstring-stretch"].hold, steps["seated-hamstring-stretch"].sets) == (
        15,
        3,
    )
    raise_dose = catalog.routines["balance"].steps[-1].dose
    assert raise_dose.reps is not None and 10 <= raise_dose.reps <= 15
    for step in catalog.routines["stretch-break"].steps:
        assert step.dose.hold == 30
    walk = catalog.routines["walk-or-ride"].steps[0].dose
    assert walk.duration is not None and 20 * 60 <= walk.duration <= 30 * 60


def test_stretch_break_takes_about_five_minutes(catalog: RoutineCatalog) -> None:
    seconds = total_seconds(build_timeline(catalog.routines["stretch-break"]))
    assert 4 * 60 <= seconds <= 6 * 60, format_duration(seconds)


def test_seated_routine_can_be_done_from_a_chair(catalog: RoutineCatalog) -> None:
    seated = catalog.routines["seated"]
    assert seated.position == "seated"
    assert not seated.has_standing_balance


def test_balance_routine_needs_a_wall_and_the_safety_check(catalog: RoutineCatalog) -> None:
    balance = catalog.routines["balance"]
    assert "wall" in balance.needs
    assert balance.has_standing_balance
    assert any(s.exercise.category is Category.BALANCE for s in balance.steps)


def test_routine_position_says_whether_a_chair_is_enough(catalog: RoutineCatalog) -> None:
    positions = {r.id: r.position for r in catalog.routines.values()}
    assert positions["lower-leg-stretches"] == "mixed"
    assert positions["balance"] == "standing"
    assert positions["seated"] == "seated"
