"""The window and the terminal share the settings file and the history: what one saves, the
other sees, and a check done in the terminal while the window is open is stored, not refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.core.checks import chair_stand_result
from neuroguide.core.clock import FakeClock
from neuroguide.paths import resolve_paths
from neuroguide.settings import load_settings
from neuroguide.settings_store import SettingsStore
from neuroguide.store.session_history import open_for_recording
from tests.test_check_play import fake_time  # noqa: F401  (a fixture)

BROKEN = b"text_scale = 150\nvoice = false\nvoice = true\n"


def test_progress_birth_year_keeps_a_broken_settings_file_aside_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "settings.toml").write_bytes(BROKEN)
    assert main(["--data-dir", str(tmp_path), "progress", "--birth-year", "1950"]) == 0
    [kept] = tmp_path.glob("settings.damaged-*.toml")
    assert kept.read_bytes() == BROKEN
    assert f"it was kept as {kept.name}" in capsys.readouterr().err
    assert load_settings(tmp_path / "settings.toml")[0].birth_year == 1950


def test_the_window_keeps_the_birth_year_saved_in_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("text_scale = 150\n")
    window = SettingsStore(load_settings(path)[0], path)  # the window's store, opened first
    assert main(["--data-dir", str(tmp_path), "progress", "--birth-year", "1950"]) == 0
    assert window.settings.birth_year == 1950  # the window sees it (its Progress view)
    window.update(window_geometry="100,100,800,600")  # as closing the window does
    saved = load_settings(path)[0]
    assert (saved.birth_year, saved.text_scale) == (1950, 150)
    assert saved.window_geometry == "100,100,800,600"


def test_a_check_done_in_the_terminal_while_the_window_is_open_is_kept(
    tmp_path: Path,
    fake_time: FakeClock,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "settings.toml").write_text("tones = false\n")
    paths = resolve_paths(str(tmp_path), {})
    window = open_for_recording(paths.data_dir, paths.history_db, paths.backups)  # holds the lock
    try:
        monkeypatch.setattr("sys.stdin", io.StringIO("14\n"))
        status = main(["--data-dir", str(tmp_path), "play", "chair-stand", "--no-voice"])
        captured = capsys.readouterr()
        assert status == 0, captured.err
        assert "Saved: 14 stands." in captured.out
        assert [row.result for row in window.progress_checks.all()] == [chair_stand_result(14)]
    finally:
        window.close()
