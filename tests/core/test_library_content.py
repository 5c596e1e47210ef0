"""The shipped exercise library and built-in routines are complete and follow the sources.

These read the real ``resources/exercises.toml`` and ``resources/routines/*.toml``: they are
the content's own checks (docs/content.md says where each dose comes from).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from neuroguide.core.heard_length import heard_seconds
from neuroguide.core.library import Category, Exercise, Library, Position, Routine, format_duration
from neuroguide.core.routine_file import RoutineCatalog
from neuroguide.core.seated import seated_choices, seated_version
from tests.core.conftest import RESOURCES

REQUIRED_IDS = {
    "arm-circles", "leg-swings", "overhead-reach", "standing-toe-reach", "torso-rotation",
    "calf-stretch", "seated-hamstring-stretch", "calf-raise", "toe-point-flex", "wrist-circles",
    "biceps-curl", "shoulder-press", "walk", "stationary-bike", "water-aerobics",
    "seated-overhead-reach", "seated-torso-rotation", "seated-calf-raise",
}  # fmt: skip
ROUTINES = {
    "stretch-break", "lower-leg-stretches", "balance", "strength-legs", "strength-arms",
    "seated", "walk-or-ride", "ride",
}  # fmt: skip
BENDS_FORWARD = {"standing-toe-reach", "seated-hamstring-stretch"}
"""Exercises that tip the head forward and down: coming up too fast can make a person dizzy."""

# A claim that the feet carry no weight or pressure: true only in the water.
WEIGHT_OFF_FEET = re.compile(
    r"\b(weight|pressure)\b[^.]*\b(feet|foot)\b|\b(feet|foot)\b[^.]*\b(weight|pressure)\b",
    re.IGNORECASE,
)
# Spoken words: plain words only (no digits, abbreviations with symbols, or dashes).
SPEAKABLE = re.compile(r"[A-Za-z][A-Za-z ,.;']*")


def every_routine(catalog: RoutineCatalog, library: Library) -> Iterator[Routine]:
    """Each built-in routine, and the seated version the seated profile would offer."""
    for routine in catalog.ordered():
        yield routine
        version = seated_version(routine, library).routine
        if version is not None and version is not routine:
            yield version


def is_static_stretch(exercise: Exercise, routine: Routine) -> bool:
    return exercise.category is Category.FLEXIBILITY and any(
        step.exercise is exercise and step.dose.hold is not None for step in routine.steps
    )


def exercises_done_with_reps(library: Library, catalog: RoutineCatalog) -> set[str]:
    found = {e.id for e in library.exercises.values() if e.dose.reps is not None}
    for routine in every_routine(catalog, library):
        found |= {step.exercise.id for step in routine.steps if step.dose.reps is not None}
    return found


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


def test_all_eight_builtin_routines_load_without_problems(catalog: RoutineCatalog) -> None:
    assert catalog.problems == []
    assert set(catalog.routines) == ROUTINES


# ----------------------------------------------------------------- routines and doses


def test_every_routine_with_a_static_stretch_starts_with_a_warm_up(
    catalog: RoutineCatalog, library: Library
) -> None:
    checked = 0
    for routine in every_routine(catalog, library):
        if any(is_static_stretch(step.exercise, routine) for step in routine.steps):
            checked += 1
            first = routine.steps[0].exercise
            assert first.category is Category.WARM_UP, (routine.name, first.id)
    assert checked >= 4, "the stretch break, the leg stretches, the seated routine and more"


def test_strength_and_balance_routines_start_with_a_warm_up_too(
    catalog: RoutineCatalog, library: Library
) -> None:
    for routine in every_routine(catalog, library):
        kinds = {step.exercise.category for step in routine.steps}
        if kinds & {Category.STRENGTH, Category.BALANCE}:
            assert routine.steps[0].exercise.category is Category.WARM_UP, routine.name


def test_balance_routine_does_10_to_15_calf_raises_in_one_set_at_the_wall(
    catalog: RoutineCatalog,
) -> None:
    raises = [s for s in catalog.routines["balance"].steps if s.exercise.id == "calf-raise"]
    assert len(raises) == 1
    dose = raises[0].dose
    assert dose.reps is not None and dose.sets == 1
    assert 10 <= dose.reps * dose.sets <= 15
    assert "wall" in raises[0].exercise.needs


def test_strength_sets_of_calf_raises_stay_within_the_source_count(
    catalog: RoutineCatalog,
) -> None:
    for routine in catalog.routines.values():
        for step in routine.steps:
            if step.exercise.id in ("calf-raise", "seated-calf-raise"):
                assert step.dose.reps is not None and 10 <= step.dose.reps <= 15, routine.id


def test_source_doses_are_kept(catalog: RoutineCatalog) -> None:
    steps = {s.exercise.id: s.dose for s in catalog.routines["lower-leg-stretches"].steps}
    assert (steps["calf-stretch"].hold, steps["calf-stretch"].sets) == (15, 3)
    assert steps["calf-stretch"].sides == ("left", "right")
    hamstring = steps["seated-hamstring-stretch"]
    assert (hamstring.hold, hamstring.sets, hamstring.sides) == (15, 3, ("left", "right"))
    for step in catalog.routines["stretch-break"].steps:
        if step.exercise.category is Category.FLEXIBILITY:
            assert step.dose.hold == 30, step.exercise.id
    for routine_id in ("walk-or-ride", "ride"):
        dose = catalog.routines[routine_id].steps[0].dose
        assert dose.duration is not None and 20 * 60 <= dose.duration <= 30 * 60


def test_the_seated_toe_reach_stretches_each_leg_at_the_source_dose(
    catalog: RoutineCatalog, library: Library
) -> None:
    version = seated_version(catalog.routines["stretch-break"], library).routine
    assert version is not None
    hamstring = next(s for s in version.steps if s.exercise.id == "seated-hamstring-stretch")
    assert (hamstring.dose.hold, hamstring.dose.sets) == (15, 3)
    assert hamstring.dose.sides == ("left", "right")


def test_stretch_break_takes_about_five_minutes_standing_or_seated(
    catalog: RoutineCatalog, library: Library
) -> None:
    routine = catalog.routines["stretch-break"]
    seated = seated_version(routine, library).routine
    assert seated is not None
    known = frozenset(library.exercises)  # as heard once the steps are known: the usual break
    for version in (routine, seated):
        seconds = heard_seconds(version, minimum=5, known=known)
        assert 4 * 60 <= seconds <= 6.5 * 60, (version.name, format_duration(seconds))


def test_seated_routine_can_be_done_from_a_chair(catalog: RoutineCatalog) -> None:
    seated = catalog.routines["seated"]
    assert seated.position == "seated"
    assert not seated.has_standing_balance


def test_balance_routine_needs_a_wall_and_the_safety_check(catalog: RoutineCatalog) -> None:
    balance = catalog.routines["balance"]
    assert "wall" in balance.needs
    assert balance.has_standing_balance
    assert any(s.exercise.category is Category.BALANCE for s in balance.steps)


def test_the_seated_balance_routine_is_named_for_what_it_is(
    catalog: RoutineCatalog, library: Library
) -> None:
    version = seated_version(catalog.routines["balance"], library).routine
    assert version is not None
    assert not any(s.exercise.category is Category.BALANCE for s in version.steps)
    assert "balance" not in version.name.lower()
    assert version.description != catalog.routines["balance"].description


def test_the_seated_profile_keeps_an_aerobic_option(
    catalog: RoutineCatalog, library: Library
) -> None:
    offered = seated_choices(catalog.ordered(), library)
    aerobic = [
        routine.id
        for routine in offered
        if any(step.exercise.category is Category.AEROBIC for step in routine.steps)
    ]
    assert aerobic, [routine.id for routine in offered]


def test_routine_position_says_whether_a_chair_is_enough(catalog: RoutineCatalog) -> None:
    positions = {r.id: r.position for r in catalog.routines.values()}
    assert positions["lower-leg-stretches"] == "mixed"
    assert positions["balance"] == "standing"
    assert positions["seated"] == "seated"
    assert positions["ride"] == "seated"


# ----------------------------------------------------------------- spoken words


def test_every_exercise_with_reps_has_its_own_movement_words(
    library: Library, catalog: RoutineCatalog
) -> None:
    with_reps = exercises_done_with_reps(library, catalog)
    assert len(with_reps) >= 8
    for exercise_id in sorted(with_reps):
        words = library.exercises[exercise_id].rep_words
        assert words is not None, exercise_id
        assert words[0] != words[1] and "Up" not in words, (exercise_id, words)


def test_every_standing_balance_or_strength_exercise_has_a_spoken_safety_line(
    library: Library,
) -> None:
    for exercise in library.exercises.values():
        line = exercise.spoken_safety.lower()
        assert len(line.split()) <= 12, (exercise.id, "said at the start of every set")
        if exercise.category is Category.BALANCE or exercise.is_standing_balance:
            assert re.search(r"wall|counter|hold", line), (exercise.id, "support")
        if exercise.category is Category.BALANCE:
            assert re.search(r"eyes|spot|gaze", line), (exercise.id, "gaze")
        if exercise.category is Category.STRENGTH:
            assert "breath" in line, (exercise.id, "breathing")
            assert "stop" in line and re.search(r"hurt|pain|cramp", line), (exercise.id, "stop")


def test_exercises_that_bend_forward_say_rise_slowly_at_the_end(library: Library) -> None:
    for exercise_id in BENDS_FORWARD:
        assert "slowly" in library.exercises[exercise_id].after_words, exercise_id


def test_every_side_switch_says_what_changes(library: Library, catalog: RoutineCatalog) -> None:
    per_side = {e.id for e in library.exercises.values() if e.dose.sides}
    for routine in every_routine(catalog, library):
        per_side |= {step.exercise.id for step in routine.steps if step.dose.sides}
    for exercise_id in sorted(per_side):
        words = library.exercises[exercise_id].switch_words
        assert words and set(re.findall(r"{\w*}", words)) <= {"{side}"}, exercise_id
        assert len(words.split()) <= 9, (exercise_id, "said within the 5-second switch")


def test_every_seated_exercise_has_wheelchair_words(library: Library) -> None:
    for exercise in library.exercises.values():
        if exercise.position is Position.STANDING:
            continue
        words = exercise.wheelchair
        assert "brakes" in words, exercise.id
        if "footrest" in words and " off " in words:
            assert "only if" in words, (exercise.id, "feet off the footrests only if safe")


def test_the_seated_forward_lean_stays_back_and_can_push_back_up(library: Library) -> None:
    words = library.exercises["seated-hamstring-stretch"].wheelchair
    assert "back in the seat" in words and "push" in words and "footrest" in words


@pytest.mark.parametrize(
    "field", ["spoken_safety", "after_words", "switch_words", "wheelchair", "rep_words"]
)
def test_spoken_words_are_plain_words(library: Library, field: str) -> None:
    for exercise in library.exercises.values():
        value = getattr(exercise, field)
        for text in value or () if field == "rep_words" else [value]:
            text = text.replace("{side}", "left")
            if text:
                assert SPEAKABLE.fullmatch(text), (exercise.id, field, text)


def test_no_text_says_the_feet_bear_no_weight_except_in_the_water(
    library: Library, catalog: RoutineCatalog
) -> None:
    for exercise in library.exercises.values():
        if "pool" in exercise.needs:
            continue
        texts = [exercise.summary, exercise.support, *exercise.steps, *exercise.safety]
        texts += [exercise.spoken_safety, exercise.wheelchair]
        for text in texts:
            assert not WEIGHT_OFF_FEET.search(text), (exercise.id, text)
    for routine in catalog.routines.values():
        if not any("pool" in step.exercise.needs for step in routine.steps):
            assert not WEIGHT_OFF_FEET.search(routine.description), routine.id


def test_drawings_of_wall_exercises_show_the_wall(library: Library) -> None:
    """The drawing's title (its spoken description) names the support the steps ask for."""
    for exercise in library.exercises.values():
        if "wall" not in exercise.needs:
            continue
        svg = (RESOURCES / "illustrations" / exercise.illustration).read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", svg, re.DOTALL)
        assert title and re.search(r"wall|counter", title.group(1)), exercise.id


def test_docs_content_has_a_row_for_every_exercise_and_routine(
    library: Library, catalog: RoutineCatalog
) -> None:
    text = (RESOURCES.parent / "docs" / "content.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    for exercise in library.exercises.values():
        assert any(row.startswith(f"| {exercise.name} ") for row in rows), exercise.name
    known = frozenset(library.exercises)
    for routine in catalog.routines.values():
        row = next((row for row in rows if f"(`{routine.id}`)" in row), "")
        assert row, routine.id
        first = format_duration(heard_seconds(routine, minimum=5))
        later = format_duration(heard_seconds(routine, minimum=5, known=known))
        total = f"{first} / {later}"  # as heard with the default voice: first time / after
        assert row.split(" | ")[2] == total, (routine.id, "the total in the table", total)
