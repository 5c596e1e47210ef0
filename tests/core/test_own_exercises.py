"""Own exercises in files and inline in routines: defaults, limits, located messages, pictures."""

from __future__ import annotations

from pathlib import Path

import pytest

from neuroguide.content.loader import Content
from neuroguide.core.exercise_table import DEFAULT_DOSE
from neuroguide.core.exercise_writer import exercises_toml
from neuroguide.core.library import Category, Position
from neuroguide.core.own_exercises import load_exercise_files, parse_exercise_file
from neuroguide.core.pictures import FIGURES, file_pictures, no_files
from neuroguide.core.routine_file import parse_routine
from neuroguide.core.routine_writer import routine_toml

MINIMAL = """
[[exercises]]
id = "towel-scrunch"
name = "Towel scrunches"
category = "strength"
position = "seated"
steps = ["Put a towel under your foot.", "Pull it in with your toes."]
"""

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def parse(text: str, content: Content, base: Path | None = None):  # type: ignore[no-untyped-def]
    builtin = list(content.library.exercises)
    check = file_pictures(base) if base else no_files
    return parse_exercise_file(text.encode(), "mine.toml", builtin, check)


def test_only_five_fields_are_needed_and_the_rest_get_defaults(content: Content) -> None:
    exercises, problems = parse(MINIMAL, content)
    assert problems == []
    [exercise] = exercises
    assert exercise.own and exercise.category is Category.STRENGTH
    assert exercise.position is Position.SEATED and exercise.dose == DEFAULT_DOSE
    assert exercise.illustration == FIGURES["seated"]  # a figure that fits the position
    assert exercise.safety  # a default safety line, said in every set


def test_an_id_of_a_built_in_exercise_is_an_error_that_says_so(content: Content) -> None:
    text = MINIMAL.replace('"towel-scrunch"', '"calf-stretch"')
    _exercises, problems = parse(text, content)
    assert [str(p) for p in problems] == [
        "mine.toml:3: exercise 'calf-stretch': a built-in exercise has this id; "
        "give yours another id (see `neuroguide exercises`)"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('name = "' + "x" * 81 + '"', "'name' is 81 characters long; the most is 80"),
        ("steps = []", "'steps' has 0 entries; give from 1 to 12"),
        ("steps = [" + ", ".join(['"a"'] * 13) + "]", "'steps' has 13 entries"),
        ("category = 5", "'category' must be text"),
        ('category = "yoga"', "category must be one of warm-up"),
        ('colour = "red"', "unknown key 'colour'"),
        ('illustration = "x.svg"', "unknown key 'illustration' (use 'picture')"),
        ('needs = ["sofa"]', "unknown need 'sofa'"),
        ("dose = { hold = 9000 }", "'hold' is 9000 seconds"),
        ('dose = "lots"', "'dose' must be a table"),
        ('rep_words = ["Up"]', "'rep_words' must be two"),
        ("key_step = 7", "'key_step' must be the number of one of the steps"),
        ('picture = "../../etc/passwd.png"', "must stay in this file's folder"),
        ('picture = "/tmp/x.png"', "must be a path relative to this file"),
        ('picture = "notes.txt"', "must be a PNG, JPEG or SVG file"),
        ('picture = "missing.png"', "picture 'missing.png' is not there"),
    ],
)
def test_every_field_has_limits_and_a_located_message(
    content: Content, tmp_path: Path, line: str, expected: str
) -> None:
    key = line.split(" =")[0]
    lines = [entry for entry in MINIMAL.splitlines() if not entry.startswith(f"{key} =")]
    lines.insert(3, line)
    _exercises, problems = parse("\n".join(lines), content, tmp_path)
    assert problems, line
    assert expected in problems[0].message
    assert problems[0].line == 4  # the line of the bad key


def test_pictures_must_really_be_images_and_at_most_5_mb(content: Content, tmp_path: Path) -> None:
    (tmp_path / "fake.png").write_text("not a picture")
    (tmp_path / "huge.png").write_bytes(PNG + b"\0" * 5_000_000)
    (tmp_path / "good.png").write_bytes(PNG)
    for name, expected in (("fake.png", "is not a PNG image"), ("huge.png", "the most is 5 MB")):
        _ex, problems = parse(MINIMAL + f'picture = "{name}"\n', content, tmp_path)
        assert expected in problems[0].message
    exercises, problems = parse(MINIMAL + 'picture = "good.png"\n', content, tmp_path)
    assert problems == [] and exercises[0].illustration == str(tmp_path / "good.png")


def test_a_symbolic_link_is_not_taken_as_a_picture(content: Content, tmp_path: Path) -> None:
    (tmp_path / "real.png").write_bytes(PNG)
    (tmp_path / "link.png").symlink_to(tmp_path / "real.png")
    _ex, problems = parse(MINIMAL + 'picture = "link.png"\n', content, tmp_path)
    assert "not an ordinary file" in problems[0].message


def test_written_exercises_read_back_the_same(content: Content, tmp_path: Path) -> None:
    text = MINIMAL + (
        'needs = ["chair"]\nsafety = ["Sit well back."]\nspoken_safety = "Keep breathing."\n'
        'rep_words = ["Curl", "Let go"]\nkey_step = 1\npicture = "wall"\n'
        'dose = { reps = 8, cadence = 4, sets = 2, rest = 20, sides = ["left", "right"] }\n'
        'side_word = "foot"\nsummary = "For the small foot muscles."\n'
    )
    [first], problems = parse(text, content)
    assert problems == []
    again, problems = parse(exercises_toml([first]), content)
    assert problems == [] and again == [first]


def test_a_bad_exercise_file_is_skipped_and_the_others_load(
    content: Content, tmp_path: Path
) -> None:
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(MINIMAL)
    bad.write_text("[[exercises]]\nid = 'x'\n")
    own = load_exercise_files([bad, good], content.library.exercises)
    assert list(own.exercises) == ["towel-scrunch"]
    assert {p.file for p in own.problems} == {str(bad)}


ROUTINE = """
id = "physio"
name = "Physio"

[schedule]
days_a_week = 3
weeks = 6

[[exercises]]
id = "towel-scrunch"
name = "Towel scrunches"
category = "strength"
position = "seated"
steps = ["Put a towel under your foot."]

[[steps]]
exercise = "towel-scrunch"
reps = 10

[[steps]]
exercise = "calf-stretch"
hold = 30
"""


def test_a_routine_carries_its_own_exercises_and_schedule(content: Content) -> None:
    routine, problems = parse_routine(ROUTINE.encode(), "physio.toml", content.library)
    assert problems == [] and routine is not None
    assert [e.id for e in routine.exercises] == ["towel-scrunch"]
    assert routine.steps[0].exercise.own and routine.schedule is not None
    assert routine.schedule.per_week == 3 and routine.schedule.weeks == 6
    again, problems = parse_routine(routine_toml(routine).encode(), "again.toml", content.library)
    assert problems == [] and again is not None
    assert again.exercises == routine.exercises and again.schedule == routine.schedule
    assert again.steps == routine.steps


def test_inline_problems_are_located_in_the_routine_file(content: Content) -> None:
    text = ROUTINE.replace('category = "strength"', 'category = "yoga"').replace(
        "days_a_week = 3", "days_a_week = 9"
    )
    _routine, problems = parse_routine(text.encode(), "physio.toml", content.library)
    messages = [str(p) for p in problems]
    assert "physio.toml:6: schedule: 'days_a_week' is 9; it must be from 1 to 7" in messages
    assert any(
        m.startswith("physio.toml:12: exercise 'towel-scrunch': unknown category 'yoga'")
        for m in messages
    )
    assert not any("unknown exercise" in m for m in messages)  # no follow-on message
