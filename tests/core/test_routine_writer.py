"""What the editor writes reads back the same through the checker; its edits stay valid."""

from __future__ import annotations

import tomllib
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuroguide.core.dose_check import LIMITS
from neuroguide.core.library import Dose, Library, Routine, Step
from neuroguide.core.routine_file import MAX_STEPS, RoutineCatalog, parse_routine
from neuroguide.core.routine_writer import (
    HEADER,
    WorkKind,
    add_step,
    clamp,
    clean_name,
    copy_routine,
    make_id,
    move_step,
    new_routine,
    remove_step,
    routine_table,
    routine_toml,
    set_step,
    with_kind,
    with_value,
    work_kind,
    work_value,
)


def read_back(routine: Routine, library: Library) -> Routine:
    text = routine_toml(routine)
    parsed, problems = parse_routine(text.encode(), "written.toml", library)
    assert parsed is not None, [str(p) for p in problems]
    return parsed


def same(first: Routine, second: Routine) -> bool:
    def key(routine: Routine) -> tuple[object, ...]:
        return (
            routine.id,
            routine.name,
            routine.description,
            routine.seated_name,
            routine.seated_description,
            routine.get_ready,
            routine.steps,
        )

    return key(first) == key(second)


def test_every_builtin_routine_round_trips(catalog: RoutineCatalog, library: Library) -> None:
    for routine in catalog.routines.values():
        assert same(read_back(routine, library), routine), routine.id


def test_the_file_has_the_documented_shape_and_leaves_defaults_out(
    catalog: RoutineCatalog,
) -> None:
    routine = catalog.routines["lower-leg-stretches"]
    text = routine_toml(routine)
    assert text.startswith(HEADER)
    table = tomllib.loads(text)
    assert list(table)[:2] == ["id", "name"] and table == routine_table(routine)
    for step in table["steps"]:
        assert "sets" not in step or step["sets"] > 1
        assert "rest" not in step or step["rest"] > 0
    new = new_routine("mine", "Mine")
    assert "description" not in routine_table(new) and "get_ready" not in routine_table(new)
    ready = replace(routine, get_ready=12)
    assert routine_table(ready)["get_ready"] == 12


def test_ids_are_made_from_names_and_never_taken() -> None:
    assert make_id("My Physio's  Routine!", set()) == "my-physio-s-routine"
    assert make_id("Balance", {"balance"}) == "balance-2"
    assert make_id("Balance", {"balance", "balance-2"}) == "balance-3"
    assert make_id("!!!", set()) == "my-routine"
    assert len(make_id("x" * 100, set())) <= 40


def test_names_are_tidied_and_checked() -> None:
    assert clean_name("  Morning   legs ") == ("Morning legs", "")
    assert clean_name("   ")[0] is None
    name, message = clean_name("x" * 81)
    assert name is None and "80" in message


def test_copies_belong_to_the_user(catalog: RoutineCatalog) -> None:
    copy = copy_routine(catalog.routines["balance"], "balance-2", "Balance (copy)")
    assert (
        not copy.builtin and copy.origin == "" and copy.steps == catalog.routines["balance"].steps
    )
    assert catalog.routines["balance"].seated_name, "the built-in names its seated version"
    assert (copy.seated_name, copy.seated_description) == ("", ""), "the copy will be edited"


def test_adding_moving_and_removing_steps(library: Library) -> None:
    routine = new_routine("mine", "Mine")
    for exercise_id in ("calf-stretch", "walk", "calf-raise"):
        routine = add_step(routine, library.exercises[exercise_id], rest=20)
    assert [s.exercise.id for s in routine.steps] == ["calf-stretch", "walk", "calf-raise"]
    moved = move_step(routine, 2, -1)
    assert [s.exercise.id for s in moved.steps] == ["calf-stretch", "calf-raise", "walk"]
    assert move_step(routine, 0, -1) == routine, "the first step cannot go higher"
    assert move_step(routine, 2, 1) == routine, "the last step cannot go lower"
    shorter = remove_step(moved, 0)
    assert [s.exercise.id for s in shorter.steps] == ["calf-raise", "walk"]
    step = Step(library.exercises["walk"], Dose(duration=600))
    assert set_step(shorter, 1, step).steps[1] == step
    assert same(read_back(moved, library), moved)


def test_a_step_with_several_sets_gets_the_default_rest_when_the_library_has_none(
    library: Library,
) -> None:
    exercise = library.exercises["calf-stretch"]
    plain = Step(exercise, exercise.dose)
    routine = add_step(new_routine("m", "M"), exercise, rest=25)
    if exercise.dose.sets > 1 and not exercise.dose.rest:
        assert routine.steps[0].dose.rest == 25
    else:
        assert routine.steps[0] == plain
    bare = type(exercise)(**{**exercise.__dict__, "dose": Dose(hold=15, sets=3)})
    assert add_step(new_routine("m", "M"), bare, rest=25).steps[0].dose.rest == 25
    assert add_step(new_routine("m", "M"), bare, rest=9999).steps[0].dose.rest == 600


def test_a_routine_stops_growing_at_the_most_steps(library: Library) -> None:
    routine = new_routine("m", "M")
    for _ in range(MAX_STEPS + 2):
        routine = add_step(routine, library.exercises["walk"], rest=0)
    assert len(routine.steps) == MAX_STEPS


def test_changing_how_a_step_is_measured() -> None:
    hold = Dose(hold=15, sets=3, rest=10)
    assert work_kind(hold) is WorkKind.HOLD and work_value(hold) == 15
    reps = with_kind(hold, WorkKind.REPS)
    assert (reps.hold, reps.reps, reps.cadence, reps.sets) == (None, 10, 3, 3)
    timed = with_kind(reps, WorkKind.DURATION)
    assert (timed.reps, timed.cadence, timed.duration) == (None, None, 300)
    assert work_kind(timed) is WorkKind.DURATION and work_value(timed) == 300
    assert with_kind(timed, WorkKind.DURATION) is timed
    assert with_kind(timed, WorkKind.HOLD).hold == 30


def test_values_are_kept_in_range_and_only_where_they_belong() -> None:
    dose = Dose(reps=10)
    assert with_value(dose, "reps", 500).reps == 100
    assert with_value(dose, "cadence", 0).cadence == 1
    assert with_value(dose, "sets", 3).sets == 3
    with pytest.raises(ValueError, match="hold"):
        with_value(dose, "hold", 15)
    with pytest.raises(ValueError, match="cadence"):
        with_value(Dose(hold=15), "cadence", 3)
    assert clamp("rest", -4) == 0 and clamp("duration", 5) == 10


@settings(max_examples=60, deadline=None)
@given(
    data=st.data(),
    kind=st.sampled_from(list(WorkKind)),
    sets=st.integers(-5, 40),
    rest=st.integers(-5, 900),
    sides=st.sampled_from([(), ("left", "right"), ("left",), ("right",)]),
)
def test_any_edit_the_steppers_can_make_is_accepted_by_the_checker(
    library: Library,
    data: st.DataObject,
    kind: WorkKind,
    sets: int,
    rest: int,
    sides: tuple[str, ...],
) -> None:
    exercise = data.draw(st.sampled_from(sorted(library.exercises)))
    routine = add_step(new_routine("mine", "Mine"), library.exercises[exercise], rest=10)
    dose = with_kind(routine.steps[0].dose, kind)
    low, high, _unit = LIMITS[kind.value]
    dose = with_value(dose, kind.value, data.draw(st.integers(low - 5, high + 5)))
    dose = with_value(with_value(dose, "sets", sets), "rest", rest)
    if kind is WorkKind.REPS:
        dose = with_value(dose, "cadence", data.draw(st.integers(-1, 40)))
    edited = set_step(routine, 0, replace(routine.steps[0], dose=replace(dose, sides=sides)))
    assert same(read_back(edited, library), edited)
