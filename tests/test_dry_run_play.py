"""``neuroguide play --dry-run`` looks without touching: no history database is made, and
``--no-voice`` gives the captions-only script (issue 24, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from neuroguide.cli.parser import main


def test_a_dry_run_makes_no_history_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "play", "stretch-break", "--dry-run"]) == 0
    assert "show" in capsys.readouterr().out
    assert not list(data.rglob("*.db")) and not list(data.rglob("*.sqlite*"))


def test_a_dry_run_without_the_voice_shows_captions_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    args = ["--data-dir", str(data), "play", "stretch-break", "--dry-run", "--no-voice"]
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("The voice is off: ")
    rows = out[3:]
    assert rows and all("  show  " in row for row in rows), "nothing is said"
    assert main(["--data-dir", str(data), "play", "stretch-break", "--dry-run"]) == 0
    voiced = capsys.readouterr().out.splitlines()
    assert any("  say   " in row for row in voiced), "with the voice, sentences are said"
    assert voiced[0] != out[0], "the voice's words stretch the get-readys"
