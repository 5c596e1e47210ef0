"""The seated profile swaps standing exercises for their seated alternatives, or leaves them out."""

from __future__ import annotations

from neuroguide.core.library import Library, Position
from neuroguide.core.routine_file import RoutineCatalog
from neuroguide.core.seated import can_sit, seated_choices, seated_exercises, seated_version
from tests.core.conftest import make_routine


def test_a_seated_routine_is_its_own_seated_version(
    catalog: RoutineCatalog, library: Library
) -> None:
    routine = catalog.routines["seated"]
    version = seated_version(routine, library)
    assert version.routine is routine and not version.changed


def test_standing_steps_become_their_seated_alternatives_with_the_same_dose(
    library: Library,
) -> None:
    routine = make_routine(
        library,
        'id = "r"\nname = "Legs"\n[[steps]]\nexercise = "calf-raise"\nreps = 12\n'
        'note = "Hand on the wall."\n[[steps]]\nexercise = "arm-circles"\nduration = 30\n',
    )
    version = seated_version(routine, library)
    assert version.routine is not None
    assert [s.exercise.id for s in version.routine.steps] == ["seated-calf-raise", "arm-circles"]
    assert version.routine.steps[0].dose == routine.steps[0].dose
    assert version.routine.steps[0].note == "", "the standing note does not fit the chair"
    assert version.routine.id == "r" and version.routine.name == "Legs (seated)"
    assert version.routine.position == "seated" and not version.routine.has_standing_balance
    names = (library.exercises["calf-raise"].name, library.exercises["seated-calf-raise"].name)
    assert version.swapped == (names,)
    assert version.left_out == () and version.changed


def test_standing_exercises_without_an_alternative_are_left_out_and_named(
    library: Library,
) -> None:
    walk = library.exercises["walk"]
    assert walk.seated_alternative is None
    routine = make_routine(
        library,
        'id = "r"\nname = "Out"\n[[steps]]\nexercise = "walk"\nduration = 600\n'
        '[[steps]]\nexercise = "wrist-circles"\nreps = 10\n',
    )
    version = seated_version(routine, library)
    assert version.left_out == (walk.name,)
    assert version.routine is not None and len(version.routine.steps) == 1


def test_a_routine_with_nothing_seated_has_no_seated_version(library: Library) -> None:
    routine = make_routine(
        library, 'id = "r"\nname = "Walk"\n[[steps]]\nexercise = "walk"\nduration = 600\n'
    )
    assert seated_version(routine, library).routine is None
    assert seated_choices([routine], library) == []


def test_seated_choices_keep_order_and_ids(catalog: RoutineCatalog, library: Library) -> None:
    routines = catalog.ordered()
    chosen = seated_choices(routines, library)
    assert all(r.position == "seated" for r in chosen)
    ids = [r.id for r in routines]
    assert [r.id for r in chosen] == [i for i in ids if i in {r.id for r in chosen}]
    assert "seated" in {r.id for r in chosen} and "lower-leg-stretches" in {r.id for r in chosen}


def test_the_library_in_the_seated_profile_shows_no_standing_exercise(library: Library) -> None:
    shown = seated_exercises(library.exercises.values())
    assert shown and all(e.position is not Position.STANDING for e in shown)
    assert all(can_sit(e) for e in shown)
    assert len(shown) < len(library.exercises)


def test_a_per_side_seated_alternative_gets_its_own_dose_so_no_side_is_left_out(
    library: Library,
) -> None:
    routine = make_routine(
        library,
        'id = "r"\nname = "Reach"\n[[steps]]\nexercise = "standing-toe-reach"\nhold = 30\n'
        'sets = 2\n[[steps]]\nexercise = "calf-stretch"\nhold = 20\nsets = 2\n'
        'sides = ["left", "right"]\n',
    )
    version = seated_version(routine, library)
    assert version.routine is not None
    hamstring, calf = version.routine.steps
    assert hamstring.exercise.id == "seated-hamstring-stretch"
    assert hamstring.dose == library.exercises["seated-hamstring-stretch"].dose
    assert hamstring.dose.sides == ("left", "right")
    assert calf.dose == routine.steps[1].dose, "a step already done per side keeps its dose"


def test_a_routine_can_name_and_describe_its_seated_version(library: Library) -> None:
    text = (
        'id = "r"\nname = "Balance"\ndescription = "At the wall."\n'
        'seated_name = "Seated calf raises"\nseated_description = "No balance work."\n'
        '[[steps]]\nexercise = "calf-raise"\nreps = 12\n'
    )
    routine = make_routine(library, text)
    version = seated_version(routine, library).routine
    assert version is not None
    assert (version.name, version.description) == ("Seated calf raises", "No balance work.")
    plain = make_routine(
        library, 'id = "r"\nname = "Legs"\n[[steps]]\nexercise = "calf-raise"\nreps = 12\n'
    )
    unnamed = seated_version(plain, library).routine
    assert unnamed is not None and unnamed.name == "Legs (seated)"
