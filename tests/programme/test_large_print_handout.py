"""Issue 26 item 3 and issue 27 items 6 and 14: a large-print handout a physiotherapist can
hand over, measured the way a reviewer would, with ``pdftotext -bbox``.

Body text at 16 pt or more on every page, the routine's name and "page N of M" on each page,
the patient's and physiotherapist's details where the file gives them, no line printed twice,
the seated routine in four pages; an exercise taller than a page is continued, not cut; a
handout that cannot be written says so, with no painter warnings and no "Saved".
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from tests.programme.conftest import make_paths

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

HEIGHT_PER_POINT = 18.44 / 16
"""``pdftotext -bbox`` gives a DejaVu Sans word a box of its ascent plus descent: 1.15 times
its size in points (measured: 16 pt words are 18.44 high, 13 pt ones 15.09)."""

TALL = """
id = "tall"
name = "Tall one"

[[exercises]]
id = "many-steps"
name = "Many steps"
category = "strength"
position = "seated"
steps = [{steps}]
safety = [{safety}]

[[steps]]
exercise = "many-steps"
reps = 10
"""

DETAILS = """
[handout]
patient = "Mrs Asha Patel"
from = "Sam Okoro, physiotherapist"
contact = "Riverside Clinic, 01632 960 123"
"""


def words_by_page(pdf: Path) -> list[list[tuple[str, float]]]:
    """Each page's words with their sizes in points."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = []
        for word in page.iter("{http://www.w3.org/1999/xhtml}word"):
            height = float(word.get("yMax", 0)) - float(word.get("yMin", 0))
            words.append((word.text or "", height / HEIGHT_PER_POINT))
        pages.append(words)
    return pages


def export(data: Path, reference: str, target: Path, capsys: pytest.CaptureFixture[str]) -> str:
    status = main(["--data-dir", str(data), "export", "--handout", reference, str(target)])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "QPainter" not in err
    return out


@pytest.mark.parametrize("routine", ["seated", "stretch-break", "ride"])
def test_every_page_has_the_title_the_page_number_and_no_text_under_16_pt(
    routine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "handout.pdf"
    export(tmp_path / "data", routine, target, capsys)
    pages = words_by_page(target)
    title = {"seated": "Seated routine", "stretch-break": "Stretch break", "ride": "Ride"}
    for number, words in enumerate(pages, 1):
        text = " ".join(word for word, _size in words)
        head = " ".join(word for word, _size in words[:6])
        assert title[routine] in head, (number, head)
        assert f"page {number} of {len(pages)}" in text, number
        smallest = min(size for _word, size in words)
        assert smallest >= 15.9, (number, smallest)
    if routine == "seated":
        assert len(pages) <= 4


def test_the_seated_handout_for_a_wheelchair_user_prints_the_wheelchair_words_in_four_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.toml").write_text("wheelchair = true\n")
    target = tmp_path / "handout.pdf"
    export(data, "seated", target, capsys)
    pages = words_by_page(target)
    text = " ".join(word for page in pages for word, _size in page)
    assert text.count("brakes on") >= 8 and "footrest" in text
    assert len(pages) <= 4


def test_no_line_is_printed_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "handout.pdf"
    export(tmp_path / "data", "stretch-break", target, capsys)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    # the spoken safety line says the written ones again in fewer words: printed once only
    assert "Hand on the wall, eyes on one spot" not in flat
    assert "ﬁ" not in flat  # no ligatures: the words copy and read aloud as written
    sentences = [s for s in re.split(r"(?<=[.!?]) ", flat) if len(s) > 30]
    repeated = {s for s in sentences if sentences.count(s) > 1}
    assert not repeated, repeated


def test_the_patient_and_the_physiotherapist_are_named_on_the_first_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    builtin = Path(__file__).parents[2] / "resources" / "routines" / "balance.toml"
    own = tmp_path / "mrs-patel.toml"
    own.write_text(builtin.read_text().replace('id = "balance"', 'id = "mrs-patel"') + DETAILS)
    data = make_paths(tmp_path / "data")
    data.user_routines.mkdir(parents=True)
    shutil.copy(own, data.user_routines / own.name)
    target = tmp_path / "handout.pdf"
    export(data.data_dir, "mrs-patel", target, capsys)
    first = " ".join(word for word, _size in words_by_page(target)[0])
    assert "For: Mrs Asha Patel" in first
    assert "From: Sam Okoro, physiotherapist, Riverside Clinic, 01632 960 123" in first


def test_an_exercise_taller_than_a_page_is_continued_not_cut(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filler = " Move slowly and keep breathing." * 8  # steps as long as a file may write them
    steps = ", ".join(f'"Step number {n}:{filler}"' for n in range(12))
    safety = ", ".join(f'"Safety line {n}:{filler[:150]}"' for n in range(7))
    safety += ', "The last safety line is printed too."'
    routine = tmp_path / "tall.toml"
    routine.write_text(TALL.format(steps=steps, safety=safety))
    data = make_paths(tmp_path / "data")
    data.user_routines.mkdir(parents=True)
    shutil.copy(routine, data.user_routines / routine.name)
    target = tmp_path / "handout.pdf"
    out = export(data.data_dir, "tall", target, capsys)
    pages = words_by_page(target)
    assert len(pages) >= 3 and f"{len(pages)} pages" in out
    text = " ".join(word for page in pages for word, _size in page)
    for n in range(12):
        assert f"Step number {n}:" in text, n
    assert "The last safety line is printed too." in text
    second = " ".join(word for word, _size in pages[1])
    assert "Many steps (continued)" in second


def test_a_handout_that_cannot_be_written_says_so_without_painter_warnings(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "handout.pdf"
    status = main(
        ["--data-dir", str(tmp_path / "data"), "export", "--handout", "seated", str(target)]
    )
    out, err = capfd.readouterr()
    assert status == 1
    assert "QPainter" not in err and "QPainter" not in out
    assert err.strip().startswith("neuroguide export: cannot write") and "Wrote" not in out
    assert not target.exists()
