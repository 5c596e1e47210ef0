"""Settings survive restarts, bad values fall back with a message; paths obey overrides."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from neuroguide.paths import make_private_dir, resolve_paths
from neuroguide.settings import DEFAULTS, Settings, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml") == (DEFAULTS, [])


def test_only_changed_values_are_written_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.toml"
    changed = DEFAULTS.changed(large_buttons=True, text_scale=150, theme="dark")
    save_settings(changed, path)
    text = path.read_text()
    assert "large_buttons = true" in text and "voice_rate" not in text
    assert load_settings(path) == (changed, [])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("text_scale = 900", "'text_scale' = 900 is outside 100 to 200"),
        ('theme = "purple"', "'theme' = 'purple' is not one of"),
        ('large_buttons = "yes"', "'large_buttons' must be true or false"),
        ("voice_rate = true", "'voice_rate' must be a whole number"),
        ("voice_id = 3", "'voice_id' must be text"),
        ("colour = 1", "unknown setting 'colour' ignored"),
    ],
)
def test_bad_values_fall_back_with_a_message(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f"captions = false\n{line}\n")
    settings, problems = load_settings(path)
    assert settings.captions is False, "good values next to a bad one are kept"
    assert len(problems) == 1 and message in problems[0]


@pytest.mark.parametrize("damage", [b"\xff[[[", b"text_scale = " + b"[" * 5000])
def test_a_damaged_file_gives_defaults_and_says_so(tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(damage)
    settings, problems = load_settings(path)
    assert settings == DEFAULTS and "damaged" in problems[0]


def test_changed_refuses_bad_values() -> None:
    with pytest.raises(ValueError, match="text_scale"):
        Settings().changed(text_scale=20)


def test_data_dir_option_beats_the_variable(tmp_path: Path) -> None:
    env = {"NEUROGUIDE_DATA_DIR": str(tmp_path / "env")}
    assert resolve_paths(str(tmp_path / "opt"), env).data_dir == tmp_path / "opt"
    from_env = resolve_paths(None, env)
    assert from_env.history_db == tmp_path / "env" / "history.sqlite3"
    assert from_env.settings_file.parent == tmp_path / "env"
    default = resolve_paths(None, {})
    assert default.data_dir.name == "neuroguide"
    assert default.exercises_file.is_file() and default.builtin_routines.is_dir()
    assert default.illustrations.is_dir() and default.user_routines.name == "routines"
    assert default.backups.name == "backups"


def test_private_dirs_are_owner_only(tmp_path: Path) -> None:
    made = make_private_dir(tmp_path / "a" / "b")
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
