"""Every export and every file of the app's own goes through one writer: it never replaces
the history or the settings, a named pipe or a device; it writes 0600 (folders 0700) under
any umask; long names and full devices end in one sentence, never a traceback."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.core.private_files import make_private_dir
from neuroguide.paths import resolve_paths
from neuroguide.store.history import History
from tests.store.seed import add_session

ZONE = timezone(timedelta(hours=2))
SETTINGS = b"text_scale = 150\nbirth_year = 1950\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with three sessions of history and a settings file."""
    folder = tmp_path / "data"
    paths = resolve_paths(str(folder), {})
    folder.mkdir()
    history = History.open(paths.history_db)
    for day in (1, 2, 3):
        add_session(history, datetime(2024, 4, day, 9, tzinfo=ZONE))
    history.close()
    paths.settings_file.write_bytes(SETTINGS)
    return folder


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    yield
    os.umask(previous)


def _export(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), "export", *args])


def test_export_csv_onto_the_history_refuses_and_keeps_todays_sessions(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    history = data / "history.sqlite3"
    before = history.read_bytes()
    assert _export(data, "--csv", str(history), "--sessions") == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "your history" in error and "Traceback" not in error
    assert history.read_bytes() == before
    with History.open(history) as reopened:
        assert len(reopened.sessions()) == 3


def test_export_csv_onto_the_settings_file_refuses_and_keeps_the_settings(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _export(data, "--csv", str(data / "settings.toml")) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "your settings file" in error
    assert (data / "settings.toml").read_bytes() == SETTINGS


def test_export_onto_a_copy_of_the_history_elsewhere_refuses_it_too(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "my-backup.sqlite3"
    copy.write_bytes((data / "history.sqlite3").read_bytes())
    assert _export(data, "--csv", str(copy)) == 1
    assert "database" in capsys.readouterr().err
    assert copy.read_bytes() == (data / "history.sqlite3").read_bytes()


def test_export_to_a_named_pipe_refuses_and_leaves_the_pipe(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "to-the-printer.csv"
    os.mkfifo(pipe)
    assert _export(data, "--csv", str(pipe)) == 1
    assert "named pipe" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    target = tmp_path / "share.neuroguide"
    os.mkfifo(target)
    assert _export(data, "--programme", "stretch-break", str(target)) == 1
    assert stat.S_ISFIFO(os.lstat(target).st_mode)


def test_export_through_a_link_to_a_device_refuses_and_keeps_the_link(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "null.csv"
    link.symlink_to(os.devnull)
    assert _export(data, "--csv", str(link)) == 1
    assert "device" in capsys.readouterr().err
    assert link.is_symlink() and os.readlink(link) == os.devnull


def test_exports_are_readable_by_the_person_only_under_umask_000(
    data: Path, tmp_path: Path, open_umask: None
) -> None:
    assert _export(data, "--csv", str(tmp_path / "items.csv")) == 0
    assert _export(data, "--programme", "stretch-break", str(tmp_path / "p.neuroguide")) == 0
    for name in ("items.csv", "p.neuroguide"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name


def test_folders_made_for_the_persons_files_are_0700_under_umask_000(
    tmp_path: Path, open_umask: None
) -> None:
    deep = tmp_path / "a" / "b" / "c"
    make_private_dir(deep)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", deep):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


@pytest.mark.parametrize("length", [251, 252, 253, 254])
def test_a_programme_export_with_a_long_name_is_written_or_told(
    data: Path, tmp_path: Path, length: int, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "p" * (length - len(".neuroguide")) + ".neuroguide"
    assert _export(data, "--programme", "stretch-break", str(tmp_path / name)) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert (tmp_path / name).stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_name_longer_than_the_disk_allows_is_one_line(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "p" * 300 + ".csv"
    assert _export(data, "--csv", str(tmp_path / name)) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "too long" in error


def test_a_csv_export_to_a_full_device_through_stdout_is_one_line(data: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "neuroguide", "--data-dir", str(data), "export", "--csv", "-"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr.count("\n") == 1 and "the disk is full" in done.stderr


def test_progress_birth_year_on_a_read_only_folder_is_one_line(
    data: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    assert main(["--data-dir", str(data), "progress", "--birth-year", "1951"]) == 1
    error = capsys.readouterr().err
    assert "Traceback" not in error and "Read-only file system" in error
    assert (data / "settings.toml").read_bytes() == SETTINGS
