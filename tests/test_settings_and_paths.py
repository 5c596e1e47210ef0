"""Settings survive restarts, bad values fall back with a message; paths obey overrides."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from neuroguide.core.private_files import make_private_dir
from neuroguide.paths import resolve_paths
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
    assert settings == DEFAULTS and "could not be read" in problems[0]


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


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (b"text_scale = [\n", "not valid TOML"),
        (b"\xef\xbb\xbftext_scale = 150\n", "byte-order mark (BOM); save it as plain UTF-8"),
        (b"text_scale = 150\ntext_scale = 120\n", "not valid TOML"),
        (b"text_scale = " + b"9" * 5000 + b"\n", "a number with 5,000 digits"),
    ],
)
def test_a_settings_file_that_cannot_be_read_is_kept_aside_before_anything_is_written(
    tmp_path: Path, damage: bytes, said: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(damage)
    settings, problems = load_settings(path, keep_aside=True)
    assert settings == DEFAULTS and len(problems) == 1
    kept = list(tmp_path.glob("settings.damaged-*.toml"))
    assert len(kept) == 1 and kept[0].read_bytes() == damage, "the bytes are kept, untouched"
    assert said in problems[0] and f"it was kept as {kept[0].name}" in problems[0]
    save_settings(DEFAULTS.changed(text_scale=150), path)  # the app writes; the copy stays
    assert kept[0].read_bytes() == damage


def test_the_command_line_only_reports_a_damaged_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b"\xef\xbb\xbfvoice = false\n")
    settings, problems = load_settings(path)
    assert settings == DEFAULTS and "byte-order mark" in problems[0]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf") and len(list(tmp_path.iterdir())) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes")
@pytest.mark.timeout(20)
def test_a_named_pipe_as_settings_does_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    os.mkfifo(path)
    settings, problems = load_settings(path, keep_aside=True)
    assert settings == DEFAULTS and "named pipe" in problems[0] and not path.exists()


def test_an_enormous_number_in_a_valid_file_is_a_short_message(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f"captions = false\ntext_scale = {'9' * 400}\n")
    settings, problems = load_settings(path)
    assert settings.captions is False and len(problems[0]) < 200
    assert "'text_scale' is a number with 400 digits" in problems[0]
