"""Opening a healthy history that another program holds, or whose backup cannot be written:
it is never taken for damaged, never moved aside, and recording still works."""

from __future__ import annotations

import resource
import signal
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.core.library import Routine
from neuroguide.store import database, pending
from neuroguide.store.backup import backup_daily
from neuroguide.store.history import History
from neuroguide.store.session_history import open_for_recording
from tests.helpers.clocks import FakeWallClock
from tests.store.seed import add_session, connection_of
from tests.store.session_driver import SessionDriver

ZONE = timezone(timedelta(hours=2))


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pending, "RETRY_EVERY", 0.0)
    monkeypatch.setattr(pending, "RETRY_WAIT_MS", 1)


def _three_sessions(path: Path) -> None:
    history = History.open(path)
    for day in (1, 2, 3):
        add_session(history, datetime(2024, 4, day, 9, tzinfo=ZONE))
    history.close()


@pytest.fixture
def locked(history_path: Path, request: pytest.FixtureRequest) -> Iterator[sqlite3.Connection]:
    """Another program holds an exclusive lock on a healthy history with three sessions."""
    _three_sessions(history_path)
    other = sqlite3.connect(history_path, isolation_level=None, timeout=0)
    if request.param == "exclusive locking mode":  # not even reading is possible
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("DELETE FROM sessions WHERE 0")  # takes the lock now, changes nothing
    yield other
    other.close()


@pytest.mark.parametrize("locked", ["BEGIN EXCLUSIVE", "exclusive locking mode"], indirect=True)
def test_a_locked_history_at_start_up_is_in_use_not_damaged(
    locked: sqlite3.Connection,
    history_path: Path,
    tmp_path: Path,
    stretch_break: Routine,
    wall: FakeWallClock,
) -> None:
    told: list[str] = []
    history = open_for_recording(
        history_path.parent, history_path, tmp_path / "backups", tell=told.append, wait=0.3
    )
    assert any("in use by another program" in message for message in history.messages)
    assert not any("damaged" in message for message in history.messages)
    assert sorted(p.name for p in history_path.parent.glob("history*.sqlite3")) == [
        "history.sqlite3"
    ]  # nothing moved aside, nothing restored

    driver = SessionDriver(stretch_break, [history.recorder], wall.advance)
    driver.send(driver.session.start())
    driver.run_until(2)  # recorded in memory while the other program holds the file
    assert history.unsaved > 0
    assert told == []  # the person was told at start-up already

    locked.execute("ROLLBACK")
    locked.close()  # the other program ends
    driver.run_to_end()
    assert history.unsaved == 0
    history.close()
    reopened = History.open(history_path)
    sessions = reopened.sessions()
    assert len(sessions) == 4
    assert sessions[0].outcome == "finished"
    assert sessions[0].completed == len(driver.session.records)
    reopened.close()


def test_a_backup_folder_that_cannot_be_made_does_not_stop_recording(
    history_path: Path, tmp_path: Path, stretch_break: Routine, wall: FakeWallClock
) -> None:
    not_a_folder = tmp_path / "backups"
    not_a_folder.write_text("a file where the backups folder should be\n")
    history = History.open(history_path, backups=not_a_folder / "daily", now_utc=wall)
    [message] = history.messages
    assert "backup" in message and "sessions are still saved" in message
    driver = SessionDriver(stretch_break, [history.recorder], wall.advance)
    driver.send(driver.session.start())
    driver.run_to_end()
    [session] = history.sessions()
    assert session.outcome == "finished"
    history.close()


def test_a_backup_that_runs_out_of_room_leaves_no_part_file(
    history_path: Path, tmp_path: Path, wall: FakeWallClock
) -> None:
    _three_sessions(history_path)
    history = History.open(history_path, now_utc=wall)
    backups = tmp_path / "backups"
    backups.mkdir()
    # The kernel refuses to grow any file past 4 KiB, as a nearly full disk would.
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        with pytest.raises((OSError, sqlite3.Error)):
            backup_daily(connection_of(history), backups, wall().date())
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert list(backups.iterdir()) == []  # no 0-byte or half-written .part
    history.close()


@pytest.mark.parametrize("locked", ["BEGIN EXCLUSIVE", "exclusive locking mode"], indirect=True)
def test_export_from_a_locked_history_is_one_line_or_done(
    locked: sqlite3.Connection,
    history_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(database, "START_WAIT", 0.2)
    target = tmp_path / "sessions.csv"
    arguments = ["--data-dir", str(history_path.parent), "export", "--csv", str(target)]
    status = main([*arguments, "--sessions"])
    error = capsys.readouterr().err
    assert "Traceback" not in error and "damaged" not in error
    if status == 0:  # readable beside the lock: every session exported
        assert len(target.read_text().splitlines()) == 4
        assert "could not be saved" not in error
    else:
        assert status == 1 and error.count("\n") == 2  # in use, then the export's one line
        assert "in use by another program" in error and not target.exists()
    assert sorted(p.name for p in history_path.parent.glob("history*.sqlite3")) == [
        "history.sqlite3"
    ]
