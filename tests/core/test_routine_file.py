"""Every kind of bad routine file gets one located, actionable message and loads nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from neuroguide.core.library import Library
from neuroguide.core.routine_file import RoutineCatalog, load_files, load_folder, parse_routine

GOOD = """\
id = "mine"
name = "My routine"
description = "From my physio."

[[steps]]
exercise = "calf-stretch"
hold = 15
sets = 3
sides = ["left", "right"]
rest = 10

[[steps]]
exercise = "calf-raise"
reps = 12
cadence = 4

[[steps]]
exercise = "walk"
duration = 1200
"""


def problems_of(library: Library, data: bytes | str) -> list[str]:
    raw = data.encode() if isinstance(data, str) else data
    routine, problems = parse_routine(raw, "r.toml", library)
    assert routine is None
    return [str(p) for p in problems]


def step_file(body: str) -> str:
    return f'id = "x"\nname = "X"\n\n[[steps]]\n{body}\n'


def test_a_good_file_parses_with_its_doses(library: Library) -> None:
    routine, problems = parse_routine(GOOD.encode(), "r.toml", library)
    assert problems == []
    assert routine is not None
    assert [s.exercise.id for s in routine.steps] == ["calf-stretch", "calf-raise", "walk"]
    assert routine.steps[1].dose.cadence == 4
    assert routine.description == "From my physio."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"id = \xff\xfe", "r.toml:1: not UTF-8 text"),
        (b'name = "a"\n\nid = \xff', "r.toml:3: not UTF-8 text"),
        ("id = [unclosed\n", "r.toml:1: not valid TOML"),
        ('id = "x"\nname = "X"\nname = "Y"\n', "r.toml:3: not valid TOML"),
        ("id = " + "[" * 5000, "r.toml: not valid TOML: lists or tables nested"),
        ("", "r.toml:1: the file is empty"),
        ("   \n# only a comment\n", "r.toml:1: the file holds no settings"),
        ('name = "X"\n[[steps]]\nexercise = "walk"\nduration = 60\n', "missing 'id'"),
        ('id = "x"\n[[steps]]\nexercise = "walk"\nduration = 60\n', "missing 'name'"),
        ('id = "x"\nname = "X"\n', "r.toml:1: no steps"),
        ('id = "x"\nname = "X"\nsteps = []\n', "r.toml:3: 'steps' is empty"),
        ('id = "x"\nname = "X"\nsteps = 3\n', "r.toml:3: 'steps' must be [[steps]] tables"),
        ('id = "Bad Id"\nname = "X"\n[[steps]]\nexercise = "walk"\nduration = 60\n', "r.toml:1:"),
        ('id = "x"\nname = ""\n[[steps]]\nexercise = "walk"\nduration = 60\n', "r.toml:2:"),
        ('id = "x"\nnmae = "X"\n', "r.toml:2: unknown key 'nmae' (did you mean 'name'?)"),
    ],
)
def test_file_level_problems_are_located(
    library: Library, data: bytes | str, expected: str
) -> None:
    assert any(expected in line for line in problems_of(library, data))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'exercise = "calf-strech"\nhold = 15',
            "r.toml:5: step 1: unknown exercise 'calf-strech' (did you mean 'calf-stretch'?)",
        ),
        ('exercise = "walk"\nhold = 15\nduration = 60', "r.toml:7: step 1: a step has 'hold' and"),
        ('exercise = "walk"', "r.toml:4: step 1: a step needs one of 'hold'"),
        ('exercise = "walk"\nhold = 0', "r.toml:6: step 1: 'hold' is 0; it must be at least 1"),
        ('exercise = "walk"\nhold = -5', "'hold' is -5"),
        ('exercise = "walk"\nhold = 1.5', "'hold' must be a whole number of seconds, not 1.5"),
        ('exercise = "walk"\nhold = "15"', 'not the text "15"'),
        ('exercise = "walk"\nhold = true', "not true/false"),
        (
            'exercise = "walk"\nhold = 36000',
            "'hold' is 36000 seconds (10 h); the most is 600 seconds (10 min)",
        ),
        ('exercise = "walk"\nreps = 1000', "'reps' is 1000; the most is 100 reps"),
        ('exercise = "walk"\nhold = 5\ncadence = 2', "'cadence' (seconds per rep) only goes"),
        ('exercise = "walk"\nhold = 5\nsides = ["up"]', "unknown side 'up'"),
        ('exercise = "walk"\nhold = 5\nsides = "left"', "'sides' must be a list"),
        ('exercise = "walk"\nhold = 5\nsides = ["left", "left"]', "names the same side twice"),
        ('exercise = "walk"\nhold = 5\nrest = -1', "it must be zero or more seconds"),
        ('exercise = "walk"\nhold = 5\nholdd = 3', "unknown key 'holdd' (did you mean 'hold'?)"),
        ("exercise = 3\nhold = 5", "'exercise' must be an exercise id in quotes"),
        ('exercise = "walk"\nhold = 5\nnote = 7', "'note' must be text"),
    ],
)
def test_step_problems_name_the_step_and_line(library: Library, body: str, expected: str) -> None:
    assert any(expected in line for line in problems_of(library, step_file(body)))


def test_every_problem_in_a_file_is_reported(library: Library) -> None:
    text = step_file('exercise = "nope"\nhold = 0') + '\n[[steps]]\nexercise = "walk"\n'
    found = problems_of(library, text)
    assert len(found) == 3
    assert "step 2" in found[2]


def test_huge_file_is_refused_before_parsing(library: Library) -> None:
    found = problems_of(library, b"#" * 1_100_000)
    assert found == ["r.toml: the file is 1.1 MB; the most is 1 MB"]


def test_absurd_get_ready_is_reported(library: Library) -> None:
    text = "get_ready = 600\n" + step_file('exercise = "walk"\nduration = 60')
    assert any("r.toml:1: 'get_ready'" in line for line in problems_of(library, text))


def test_too_many_steps_are_refused(library: Library) -> None:
    text = 'id = "x"\nname = "X"\n' + '[[steps]]\nexercise = "walk"\nduration = 60\n' * 101
    assert any("101 steps" in line for line in problems_of(library, text))


def test_too_long_name_is_refused(library: Library) -> None:
    text = f'id = "x"\nname = "{"n" * 81}"\n[[steps]]\nexercise = "walk"\nduration = 60\n'
    assert any("81 characters" in line for line in problems_of(library, text))


def test_bad_files_do_not_stop_good_ones(library: Library, tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(GOOD)
    (tmp_path / "b.toml").write_bytes(b"\x00\xff")
    (tmp_path / "c.toml").write_text(GOOD.replace('"My routine"', '"Copy"'))
    catalog = RoutineCatalog()
    load_folder(catalog, tmp_path, library, builtin=False)
    assert list(catalog.routines) == ["mine"]
    messages = [str(p) for p in catalog.problems]
    assert len(messages) == 2
    assert messages[1].startswith(f"{tmp_path / 'c.toml'}:1: id 'mine' is already used by a.toml")


def test_a_user_routine_replaces_the_builtin_of_the_same_id(
    library: Library, tmp_path: Path
) -> None:
    builtin_dir, user_dir = tmp_path / "builtin", tmp_path / "user"
    builtin_dir.mkdir()
    user_dir.mkdir()
    (builtin_dir / "mine.toml").write_text(GOOD)
    (user_dir / "mine.toml").write_text(GOOD.replace('"My routine"', '"Physio version"'))
    catalog = RoutineCatalog()
    load_folder(catalog, builtin_dir, library, builtin=True)
    load_folder(catalog, user_dir, library, builtin=False)
    assert catalog.routines["mine"].name == "Physio version"
    assert catalog.problems == []
    assert [r.builtin for r in catalog.ordered()] == [False]


def test_missing_folder_is_simply_empty(library: Library, tmp_path: Path) -> None:
    catalog = RoutineCatalog()
    load_folder(catalog, tmp_path / "absent", library, builtin=False)
    assert catalog.routines == {} and catalog.problems == []


def test_unreadable_file_is_reported(library: Library, tmp_path: Path) -> None:
    catalog = RoutineCatalog()
    load_files(catalog, [tmp_path / "gone.toml"], library, builtin=False)
    assert "cannot read" in str(catalog.problems[0])
