"""One exercise parser: the shipped library and an own file say the same about the same mistake."""

from __future__ import annotations

import pytest

from neuroguide.core.exercise_file import load_library
from neuroguide.core.own_exercises import parse_exercise_file
from neuroguide.core.pictures import no_files
from neuroguide.core.problems import InvalidFileError
from tests.helpers.exercise_text import LIBRARY_HEADER, OWN_KEYS, exercise_toml

SHIPPED = exercise_toml()
OWN = exercise_toml(OWN_KEYS)


def shipped_problems(text: str) -> list[str]:
    with pytest.raises(InvalidFileError) as caught:
        load_library((LIBRARY_HEADER + text).encode(), "ex.toml")
    return [p.message for p in caught.value.problems]


def own_problems(text: str) -> list[str]:
    _exercises, problems = parse_exercise_file(text.encode(), "ex.toml", (), no_files)
    return [p.message for p in problems]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('name = "Reach"', 'name = "' + "x" * 81 + '"'), "'name' is 81 characters long"),
        (('name = "Reach"', 'name = "Re\\u001b[2Jach"'), "'name' holds a line break or a"),
        (('category = "flexibility"', 'category = ["yoga"]'), "'category' must be text"),
        (('category = "flexibility"', 'category = "yoga"'), "unknown category 'yoga'"),
        (('steps = ["Reach up."]', "steps = []"), "'steps' has 0 entries"),
    ],
)
def test_the_library_and_an_own_file_give_the_same_message(
    change: tuple[str, str], expected: str
) -> None:
    shipped = shipped_problems(SHIPPED.replace(*change))
    own = own_problems(OWN.replace(*change))
    assert [m for m in shipped if expected in m] == [m for m in own if expected in m] != []
