"""Issue 26 item 5: doses a physiotherapist writes.

A typo inside an own exercise's ``dose = { ... }`` is named with its line and the keys a dose
has; a ``load`` is shown, said once and printed; a step's ``setup`` gives the time to get
ready for it (to strap on a weight), within limits, in the file and the editor.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.content.loader import load_content
from neuroguide.core.routine_file import parse_routine
from neuroguide.core.routine_writer import routine_toml
from neuroguide.core.speech_plan import plan_speech
from neuroguide.core.timeline import PhaseKind
from tests.programme.conftest import make_paths

WEIGHTED = """
id = "weighted"
name = "Weighted legs"

[[exercises]]
id = "ankle-weight-lift"
name = "Seated leg lift"
category = "strength"
position = "seated"
steps = ["Sit tall.", "Straighten one knee slowly.", "Lower it slowly."]
dose = {{ reps = 10, {extra} }}

[[steps]]
exercise = "ankle-weight-lift"
reps = 10
sides = ["left", "right"]
load = "1 kg ankle weight"
setup = {setup}
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize("typo", ["cadance = 3", "weight = 1"])
def test_a_typo_inside_a_dose_is_named_with_its_line_and_the_keys_allowed(
    typo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "weighted.toml"
    path.write_text(WEIGHTED.format(extra=typo, setup=20))
    status, out, _err = run(["--data-dir", str(tmp_path / "data"), "check", str(path)], capsys)
    key = typo.split()[0]
    assert status == 1, out
    line = next(line for line in out.splitlines() if f"'{key}'" in line)
    assert line.startswith(f"{path}:11: ")  # the line of the dose
    assert "a dose has: hold, reps, duration, sets, sides, rest, cadence, load" in line
    if key == "cadance":
        assert "cadence" in line.split("a dose has")[0]  # "did you mean 'cadence'?"


def test_a_load_is_said_once_shown_and_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "weighted.toml"
    path.write_text(WEIGHTED.format(extra="cadence = 3", setup=20))
    data = ["--data-dir", str(tmp_path / "data")]
    status, out, err = run([*data, "play", "--dry-run", str(path)], capsys)
    assert status == 0, err
    said = [line for line in out.splitlines() if "  say   " in line]
    # said as meant (core/spoken_text: "kg" is said "kilogram"), once
    assert sum("With 1 kilogram ankle weight." in line for line in said) == 1
    if shutil.which("pdftotext"):
        target = tmp_path / "h.pdf"
        status, _out, err = run([*data, "export", "--handout", str(path), str(target)], capsys)
        assert status == 0, err
        text = subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "With: 1 kg ankle weight" in text


def test_a_step_setup_time_is_its_get_ready_at_the_least_and_reads_back(tmp_path: Path) -> None:
    paths = make_paths(tmp_path / "data")
    library = load_content(paths).library
    data = WEIGHTED.format(extra="cadence = 3", setup=45).encode()
    routine, problems = parse_routine(data, "weighted.toml", library)
    assert routine is not None, problems
    assert routine.steps[0].setup == 45 and routine.steps[0].dose.load == "1 kg ankle weight"
    plan = plan_speech(routine, minimum=5)
    ready = next(p for p in plan.session().timeline if p.kind is PhaseKind.GET_READY)
    assert ready.seconds == 45
    again, problems = parse_routine(routine_toml(routine).encode(), "again.toml", library)
    assert again is not None and again.steps == routine.steps, problems


def test_a_setup_time_beyond_the_limit_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "weighted.toml"
    path.write_text(WEIGHTED.format(extra="cadence = 3", setup=600))
    status, out, _err = run(["--data-dir", str(tmp_path / "data"), "check", str(path)], capsys)
    assert status == 1
    assert f"{path}:18: step 1: 'setup' is 600 seconds" in out and "the most is 120" in out
