"""The limits on what people give (pictures' pixels, numbers' text) and the plain-text rule,
at the level of the functions every file goes through."""

from __future__ import annotations

import struct

import pytest

from neuroguide.core.own_exercises import parse_exercise_file
from neuroguide.core.pictures import image_pixels, no_files
from neuroguide.core.toml_source import load_toml
from tests.programme.conftest import _png


def _jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + bytes(9)
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + bytes(3)
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def test_pixels_are_read_from_headers_without_decoding() -> None:
    assert image_pixels("a.png", _png(30, 20)) == 600
    assert image_pixels("a.jpg", _jpeg(4000, 3000)) == 12_000_000
    assert image_pixels("a.jpeg", b"\xff\xd8\x00") == 0  # no frame found
    assert image_pixels("a.svg", b"<svg width='99999' height='2'/>") == 199_998
    assert image_pixels("a.png", b"\x89PNG") == 0


def test_a_long_number_in_any_base_is_refused_with_its_line() -> None:
    table, _text, problems = load_toml(b"a = 1\nb = 0b" + b"1" * 1200 + b"\n", "f.toml")
    assert table is None
    assert str(problems[0]).startswith("f.toml:2: a number written with 1,202 characters in binary")


OWN = (
    '[[exercises]]\nid = "heel-walk"\nname = "Heel walk"\ncategory = "balance"\n'
    'position = "standing"\nsteps = ["Walk on your heels.", "Turn round."]\n'
)


@pytest.mark.parametrize(
    "line",
    [
        'safety = ["Hold on\\u001b[2J"]',
        'rep_words = ["Up\\u0007", "Down"]',
        'summary = "Two\\nlines are fine \\u001b[31m but not codes"',
        'side_word = "left\\nright"',
    ],
)
def test_an_own_exercise_follows_the_plain_text_rule(line: str) -> None:
    exercises, problems = parse_exercise_file(
        (OWN + line + "\n").encode(), "mine.toml", [], no_files
    )
    assert exercises == []
    assert problems, line
