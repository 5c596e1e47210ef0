"""A full disk at start-up: the history is left byte-identical where it is, never taken for
damaged, and the person is told the disk is full and what to do (``play`` and the window)."""

from __future__ import annotations

import resource
import signal
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from neuroguide.app import build_gui
from neuroguide.core.clock import FakeClock
from neuroguide.paths import Paths
from neuroguide.store.database import HistoryError, open_history
from neuroguide.store.history import History
from neuroguide.terminal.player import open_history as play_history
from tests.store.seed import add_session

ZONE = timezone(timedelta(hours=2))


def _three_sessions(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    history = History.open(path)
    for day in (1, 2, 3):
        add_session(history, datetime(2024, 4, day, 9, tzinfo=ZONE))
    history.close()
    return path.read_bytes()


def _fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on every open of a history file answers SQLITE_FULL, as a full disk does."""
    real = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if "history" in str(database):
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
            raise error
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)


def _only_the_history(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("history*.sqlite3"))


def test_a_file_size_limit_at_start_up_keeps_every_session_where_it_was(
    history_path: Path, tmp_path: Path
) -> None:
    before = _three_sessions(history_path)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))  # the kernel refuses to grow files
    try:
        with pytest.raises(HistoryError) as raised:
            open_history(history_path, backups=tmp_path / "backups")
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    message = str(raised.value)
    assert "damaged" not in message and "full" in message and "Free some space" in message
    assert history_path.read_bytes() == before
    assert _only_the_history(history_path.parent) == ["history.sqlite3"]
    with History.open(history_path) as reopened:
        assert len(reopened.sessions()) == 3  # once there is room again


def test_a_full_disk_in_play_keeps_every_session_and_says_what_to_do(
    app_paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _three_sessions(app_paths.history_db)
    _fill_the_disk(monkeypatch)
    found = play_history(app_paths, None)  # type: ignore[arg-type]
    assert found.history is None
    said = capsys.readouterr().err
    assert "the disk is full" in said and "Free some space" in said and "damaged" not in said
    assert app_paths.history_db.read_bytes() == before
    assert _only_the_history(app_paths.data_dir) == ["history.sqlite3"]


def test_a_full_disk_in_the_window_keeps_every_session_and_says_what_to_do(
    qtbot: QtBot,
    app_paths: Paths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = _three_sessions(app_paths.history_db)
    _fill_the_disk(monkeypatch)
    gui = build_gui(app_paths, clock=FakeClock(), show=False)
    assert gui is not None
    qtbot.addWidget(gui.window)
    assert gui.history is None
    said = capsys.readouterr().err
    assert "the disk is full" in said and "Free some space" in said and "damaged" not in said
    gui.window.close()
    assert app_paths.history_db.read_bytes() == before
    assert _only_the_history(app_paths.data_dir) == ["history.sqlite3"]


def _no_room_for_new_files(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Creating ``name`` answers ENOSPC, as a full disk does to a file not made before."""
    import errno
    import os

    from neuroguide.store import lock

    real = os.open

    def open_file(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith(name) and not os.path.exists(path):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(lock.os, "open", open_file)


def test_a_full_disk_before_the_first_lock_says_what_to_do_in_play(
    app_paths: Paths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _three_sessions(app_paths.history_db)  # a history from before the lock file
    _no_room_for_new_files(monkeypatch, "neuroguide.lock")
    found = play_history(app_paths, None)  # type: ignore[arg-type]
    assert found.history is None
    said = capsys.readouterr().err
    assert "the disk is full" in said and "Free some space" in said and "damaged" not in said
    assert app_paths.history_db.read_bytes() == before


def test_a_lock_whose_note_cannot_be_written_still_locks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from neuroguide.store import lock
    from neuroguide.store.lock import InstanceLock

    def no_room(descriptor: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    first = InstanceLock(tmp_path)
    monkeypatch.setattr(lock.os, "write", no_room)  # the process id is a note, not the lock
    assert first.acquire()
    monkeypatch.undo()
    assert not InstanceLock(tmp_path).acquire()
    first.release()
