"""The programme on the command line: check, exercises, play, handout, export and import."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.speech.speaker import RecordingSpeaker
from neuroguide.store.history_listener import TerminalHistory
from neuroguide.terminal.player import run_play
from tests.programme.conftest import MINI, make_paths


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_check_validates_routine_files_with_inline_exercises_and_exercise_files(
    programme_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = tmp_path / "mine.toml"
    own.write_text(
        '[[exercises]]\nid = "heel-walk"\nname = "Heel walk"\ncategory = "balance"\n'
        'position = "standing"\nsteps = ["Walk on your heels beside the counter."]\n'
    )
    data = ["--data-dir", str(tmp_path / "data")]
    status, out, _err = run([*data, "check", str(programme_file), str(own)], capsys)
    assert status == 0, out
    assert f"{own}: ok: 1 exercise of your own" in out
    assert "ok: 'physio-programme', 3 steps" in out and "3 own exercises" in out
    own.write_text(own.read_text().replace('"heel-walk"', '"walk"'))
    status, out, _err = run([*data, "check", str(own)], capsys)
    assert status == 1
    assert out.strip() == (
        f"{own}:2: exercise 'walk': a built-in exercise has this id; give yours another id "
        "(see `neuroguide exercises`)"
    )


def test_exercises_lists_built_in_and_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = make_paths(tmp_path / "data")
    paths.user_exercises.mkdir()
    (paths.user_exercises / "mine.toml").write_text(
        '[[exercises]]\nid = "heel-walk"\nname = "Heel walk"\ncategory = "balance"\n'
        'position = "standing"\nsteps = ["Walk on your heels."]\n'
    )
    status, out, _err = run(["--data-dir", str(paths.data_dir), "exercises"], capsys)
    assert status == 0
    lines = out.splitlines()
    assert any(line.startswith("calf-stretch") and "built-in" in line for line in lines)
    assert any(line.startswith("heel-walk") and "yours" in line for line in lines)


def test_a_routine_with_inline_exercises_plays_with_its_name_and_safety_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mini.toml"
    path.write_text(MINI)
    speaker, out = RecordingSpeaker(), io.StringIO()
    status = run_play(
        make_paths(tmp_path / "data"),
        str(path),
        get_ready=0,
        history=lambda _paths, _routine: TerminalHistory(listeners=[]),
        speaker=speaker,
        out=out,
    )
    assert status == 0
    first = out.getvalue().splitlines()[1]
    assert "Towel scrunches." in first and "Keep your heel on the floor." in first
    said = " ".join(cue.text for cue in speaker.said)
    assert "Towel scrunches" in said and "Keep your heel on the floor." in said


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_handout_pdf_holds_every_exercise_name_and_dose(
    programme_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = make_paths(tmp_path / "data")
    shutil.copytree(programme_file.parent, paths.user_routines)
    target = tmp_path / "handout.pdf"
    data = ["--data-dir", str(paths.data_dir)]
    status, out, err = run([*data, "export", "--handout", "physio-programme", str(target)], capsys)
    assert status == 0, err
    assert "1 page" in out or "2 pages" in out
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for words in (
        "My physio programme",
        "How often: 3 days a week, for 6 weeks",
        "Ankle circles",
        "Keep going for 30 seconds, each side",
        "Sit to stand",
        "10 repetitions, 4 seconds each, 2 sets; rest 30 seconds between",
        "Tandem stance at the counter",
        "Hold 20 seconds, 2 times, each side",
        "Safety: Keep the chair against a wall.",
    ):
        assert words in flat, words
    pages = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True).stdout
    assert "A4" in pages


def test_export_programme_then_import_it_elsewhere_from_the_command_line(
    programme_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = make_paths(tmp_path / "data")
    shutil.copytree(programme_file.parent, paths.user_routines)
    shared = tmp_path / "physio.neuroguide"
    data = ["--data-dir", str(paths.data_dir)]
    status, out, err = run(
        [*data, "export", "--programme", "physio-programme", str(shared)], capsys
    )
    assert status == 0, err
    other = ["--data-dir", str(tmp_path / "other")]
    status, out, err = run([*other, "import", str(shared)], capsys)
    assert status == 0, err
    assert "Own exercise: Sit to stand" in out
    status, out, err = run([*other, "import", str(shared)], capsys)
    assert status == 1 and "--replace" in err and "nothing was added" in err
    status, out, err = run([*other, "import", str(shared), "--replace"], capsys)
    assert status == 0
    status, out, err = run([*other, "routines"], capsys)
    assert "physio-programme" in out and err == ""
    status, out, err = run([*other, "check", str(shared)], capsys)
    assert status == 0 and f"{shared}: ok: My physio programme (3 steps)" in out
    bad = tmp_path / "bad.neuroguide"
    bad.write_text("hello")
    status, out, err = run([*other, "import", str(bad)], capsys)
    assert status == 1 and "not a NeuroGuide programme" in err and "Traceback" not in err
