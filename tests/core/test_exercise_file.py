"""A damaged exercise library is refused with every problem located, never half-loaded."""

from __future__ import annotations

import pytest

from neuroguide.core.exercise_file import load_library
from neuroguide.core.library import Dose, format_duration
from neuroguide.core.problems import InvalidFileError, Locator
from tests.helpers.exercise_text import LIBRARY_HEADER, exercise_toml

HEADER = LIBRARY_HEADER
GOOD = exercise_toml()


def problems(text: str) -> list[str]:
    with pytest.raises(InvalidFileError) as caught:
        load_library(text.encode(), "ex.toml")
    return [str(p) for p in caught.value.problems]


def test_a_good_library_loads() -> None:
    library = load_library((HEADER + GOOD).encode(), "ex.toml")
    assert library.get("reach") is not None and library.get("nope") is None
    assert library.sources["a"].title == "A"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('category = "flexibility"', 'category = "yoga"'),
            "ex.toml:7: exercise 'reach': unknown category",
        ),
        (('position = "standing"', 'position = "lying"'), "unknown position 'lying'"),
        (('needs = ["wall"]', 'needs = ["wal"]'), "unknown need 'wal' (did you mean 'wall'?)"),
        (('source = "a"', 'source = "b"'), "unknown source 'b'"),
        (('steps = ["Reach up."]', "steps = []"), "needs at least one step"),
        (('steps = ["Reach up."]', "steps = [1]"), "'steps' must be a list of text"),
        (('name = "Reach"', "name = 3"), "'name' must be text"),
        (('id = "reach"', 'id = "Reach Up"'), "id may use only"),
        (("dose = { hold = 30 }", "dose = { hold = 0 }"), "'hold' is 0"),
        (("dose = { hold = 30 }", "dose = 5"), "'dose' must be a table"),
        (
            ('summary = "Reach up."', 'summry = "x"'),
            "unknown key 'summry' (did you mean 'summary'?)",
        ),
        (('illustration = "reach.svg"\n', ""), "missing 'illustration'"),
        (('source = "a"', 'source = "a"\nseated_alternative = "reach"'), "'reach' is not a seated"),
    ],
)
def test_library_problems_are_located(change: tuple[str, str], expected: str) -> None:
    text = HEADER + GOOD.replace(*change)
    assert any(expected in line for line in problems(text)), problems(text)


def test_duplicate_ids_and_missing_tables_are_refused() -> None:
    assert any("duplicate exercise id 'reach'" in p for p in problems(HEADER + GOOD + GOOD))
    assert "ex.toml: no [[exercises]] tables" in problems(HEADER)
    assert any("must be a table" in p for p in problems("exercises = [1]\n" + HEADER))


def test_bad_sources_are_refused() -> None:
    assert any("'sources' must be a table" in p for p in problems("sources = 1\n" + GOOD))
    assert any("source 'a' needs a title" in p for p in problems("[sources.a]\n" + GOOD))


def test_unreadable_library_is_refused() -> None:
    assert problems("[[[") and "not valid TOML" in problems("[[[")[0]


def test_dose_descriptions_read_naturally() -> None:
    assert Dose(hold=15, sets=3, sides=("left", "right")).describe() == "15 s hold × 3, each side"
    assert Dose(reps=12, cadence=4).describe() == "12 reps"
    assert Dose(reps=12).work_seconds == 36
    assert Dose(duration=1200).describe() == "20 min"
    assert format_duration(75) == "1 min 15 s"
    assert format_duration(3900) == "1 h 5 min"
    assert format_duration(0.2) == "1 s"


def test_locator_finds_keys_in_tables_and_not_beyond() -> None:
    text = "a = 1\n[[steps]]\nb = 2\n[[steps]]\nc = 3\n[other]\nd = 4\n"
    locate = Locator(text)
    assert locate.top("a") == 1 and locate.top("d") is None
    assert Locator("a = 1\n").top("zzz") is None
    assert locate.table("steps", 1) == 4
    assert locate.table("steps", 1, "c") == 5
    assert locate.table("steps", 0, "c") == 2, "a key not in the table falls back to its header"
    assert locate.table("steps", 5) is None


def test_spoken_words_load_with_the_exercise() -> None:
    extra = (
        'rep_words = ["Reach up", "Lower"]\nspoken_safety = "Keep breathing."\n'
        'after_words = "Rise slowly."\nkey_step = 0\nswitch_words = "Now the {side} arm."\n'
        'wheelchair = "Brakes on."\n'
    )
    library = load_library((HEADER + GOOD + extra).encode(), "ex.toml")
    reach = library.exercises["reach"]
    assert reach.rep_words == ("Reach up", "Lower")
    assert (reach.spoken_safety, reach.after_words) == ("Keep breathing.", "Rise slowly.")
    assert (reach.switch_words, reach.wheelchair, reach.key_step) == (
        "Now the {side} arm.",
        "Brakes on.",
        0,
    )


def test_spoken_words_default_to_nothing() -> None:
    reach = load_library((HEADER + GOOD).encode(), "ex.toml").exercises["reach"]
    assert reach.rep_words is None and reach.spoken_safety == "" and reach.key_step == 0


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ('rep_words = ["Up"]\n', "'rep_words' must be two pieces of text"),
        ("spoken_safety = 3\n", "'spoken_safety' must be text"),
        ("key_step = 1\n", "'key_step' must be the number of one of the steps"),
    ],
)
def test_bad_spoken_words_are_located(extra: str, expected: str) -> None:
    assert any(expected in p for p in problems(HEADER + GOOD + extra))
