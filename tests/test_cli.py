"""The command line as a person uses it: exit codes, located messages, data folders."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from neuroguide import __version__
from neuroguide.cli.parser import main

BAD_FILES = {
    "not-utf8.toml": b'id = "x\xff"\n',
    "not-toml.toml": b"id = = 3\n",
    "empty.toml": b"",
    "huge.toml": b"#" * 1_000_001,
    "no-id.toml": b'name = "X"\n[[steps]]\nexercise = "walk"\nduration = 60\n',
    "no-name.toml": b'id = "x"\n[[steps]]\nexercise = "walk"\nduration = 60\n',
    "no-steps.toml": b'id = "x"\nname = "X"\n',
    "unknown-exercise.toml": b'id = "x"\nname = "X"\n[[steps]]\nexercise = "calf-strech"\n'
    b"hold = 5\n",
    "two-kinds.toml": b'id = "x"\nname = "X"\n[[steps]]\nexercise = "walk"\nhold = 5\nreps = 3\n',
    "no-kind.toml": b'id = "x"\nname = "X"\n[[steps]]\nexercise = "walk"\n',
    "zero.toml": b'id = "x"\nname = "X"\n[[steps]]\nexercise = "walk"\nhold = 0\n',
    "negative.toml": b'id = "x"\nname = "X"\n[[steps]]\nexercise = "walk"\nrest = -3\nhold = 3\n',
    "fraction.toml": b'id = "x"\nname = "X"\n[[steps]]\nexercise = "walk"\nhold = 2.5\n',
    "ten-hours.toml": b'id = "x"\nname = "X"\n[[steps]]\nexercise = "walk"\nhold = 36000\n',
    "bad-side.toml": b'id = "x"\nname = "X"\n[[steps]]\nexercise = "walk"\nhold = 3\n'
    b'sides = ["up"]\n',
}


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"neuroguide {__version__}"


def test_routines_lists_the_eight_builtins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "routines"]) == 0
    out = capsys.readouterr().out
    for routine_id in ("stretch-break", "lower-leg-stretches", "balance", "strength-legs",
                       "strength-arms", "seated", "walk-or-ride", "ride"):  # fmt: skip
        assert routine_id in out
    assert re.search(r"\d+ min \d+ s", out) and "seated" in out and "mixed" in out


def test_user_routines_from_the_data_dir_are_listed_and_bad_ones_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    routines = tmp_path / "routines"
    routines.mkdir()
    (routines / "mine.toml").write_text(
        'id = "physio"\nname = "From my physio"\n[[steps]]\nexercise = "walk"\nduration = 600\n'
    )
    (routines / "broken.toml").write_text("id = [\n")
    monkeypatch.setenv("NEUROGUIDE_DATA_DIR", str(tmp_path))
    assert main(["routines"]) == 0
    captured = capsys.readouterr()
    assert "physio" in captured.out and "yours" in captured.out
    assert f"{routines / 'broken.toml'}:1: not valid TOML" in captured.err
    assert main(["check", str(routines / "mine.toml")]) == 0


def test_check_accepts_every_builtin_routine(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted((Path(__file__).parents[1] / "resources" / "routines").glob("*.toml"))
    assert main(["check", *map(str, files)]) == 0
    assert capsys.readouterr().out.count(": ok:") == len(files) == 8


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_check_gives_one_located_line_and_exit_1_for_each_bad_file(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_FILES[name])
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) >= 1
    for line in lines:
        assert line.startswith(f"{path}:"), line
    if name != "huge.toml":
        assert all(line.split(":")[1].isdigit() for line in lines), lines


def test_check_reports_duplicate_ids_across_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = 'id = "same"\nname = "X"\n[[steps]]\nexercise = "walk"\nduration = 60\n'
    (tmp_path / "a.toml").write_text(text)
    (tmp_path / "b.toml").write_text(text)
    assert main(["check", str(tmp_path / "a.toml"), str(tmp_path / "b.toml")]) == 1
    assert (
        f"{tmp_path / 'b.toml'}:1: id 'same' is already used by a.toml" in capsys.readouterr().out
    )


def test_check_without_files_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 2
    assert "FILE" in capsys.readouterr().err


def test_exercises_lists_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["exercises"]) == 0
    assert "calf-stretch" in capsys.readouterr().out


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "neuroguide", "--version"], capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0 and __version__ in result.stdout


def test_data_dir_may_follow_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    routines = tmp_path / "routines"
    routines.mkdir()
    (routines / "mine.toml").write_text(
        'id = "physio"\nname = "From my physio"\n[[steps]]\nexercise = "walk"\nduration = 600\n'
    )
    assert main(["routines", "--data-dir", str(tmp_path)]) == 0
    assert "physio" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "large"),
    [([], False), (["gui"], False), (["--large"], True), (["--large", "gui"], True)],
)
def test_the_gui_starts_with_or_without_arguments(
    argv: list[str], large: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No arguments (the desktop menu's start) skips the parser; the result must be the same.
    started: list[tuple[Path, bool]] = []

    def run_gui(paths: Path, *, large: bool) -> int:
        started.append((paths.data_dir, large))  # type: ignore[attr-defined]
        return 0

    monkeypatch.setenv("NEUROGUIDE_DATA_DIR", str(tmp_path))
    monkeypatch.setattr("neuroguide.app.run_gui", run_gui)
    assert main(argv) == 0
    assert started == [(tmp_path, large)]
