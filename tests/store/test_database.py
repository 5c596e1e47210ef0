"""Opening the history: pragmas, permissions, repair by moving aside, refusal, backups."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from neuroguide.store.backup import backup_daily, backup_files
from neuroguide.store.database import (
    HistoryError,
    HistoryTooNewError,
    open_history,
    open_read_only,
)
from neuroguide.store.models import Stamp
from neuroguide.store.schema import APPLICATION_ID, LATEST_VERSION
from neuroguide.store.writes import begin_session
from tests.helpers.clocks import FakeWallClock


def _add_session(connection: sqlite3.Connection, wall: FakeWallClock, name: str = "A") -> int:
    return begin_session(connection, "stretch-break", name, Stamp.of(wall()), 60000)


def _count(connection: sqlite3.Connection, table: str = "sessions") -> int:
    return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_new_history_uses_wal_full_sync_and_foreign_keys(history_path: Path) -> None:
    connection = open_history(history_path).connection
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    connection.close()


def test_new_files_and_folders_are_owner_only(history_path: Path, wall: FakeWallClock) -> None:
    backups = history_path.parent / "backups"
    opened = open_history(history_path, backups=backups, now=wall)
    _add_session(opened.connection, wall)
    created = [history_path, *history_path.parent.glob("history.sqlite3-*"), *backup_files(backups)]
    assert len(created) >= 2
    for path in created:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in (history_path.parent, backups):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    opened.connection.close()


def test_memory_database_works_for_tests() -> None:
    connection = open_history(":memory:").connection
    assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    connection.close()


def test_reopening_keeps_the_history(history_path: Path, wall: FakeWallClock) -> None:
    first = open_history(history_path).connection
    _add_session(first, wall)
    first.close()
    again = open_history(history_path)
    assert _count(again.connection) == 1
    assert again.messages == []
    again.connection.close()


def _assert_moved_aside(history_path: Path, reason: str, original: bytes) -> Path:
    moved = list(history_path.parent.glob(f"history.{reason}-*.sqlite3"))
    assert len(moved) == 1
    assert moved[0].read_bytes() == original
    return moved[0]


def test_garbage_file_is_moved_aside_and_a_fresh_history_starts(
    history_path: Path, wall: FakeWallClock
) -> None:
    history_path.parent.mkdir(parents=True)
    garbage = b"these are my shopping notes, not a database\n" * 100
    history_path.write_bytes(garbage)
    Path(f"{history_path}-wal").write_bytes(b"stale wal")
    opened = open_history(history_path, now=wall)
    moved = _assert_moved_aside(history_path, "damaged", garbage)
    assert moved.name == "history.damaged-20240501-093000.sqlite3"
    assert Path(f"{moved}-wal").read_bytes() == b"stale wal"
    assert len(opened.messages) == 1
    assert str(moved) in opened.messages[0]
    assert _count(opened.connection) == 0
    _add_session(opened.connection, wall)
    opened.connection.close()


def test_truncated_file_is_moved_aside_and_restored_from_the_newest_backup(
    history_path: Path, wall: FakeWallClock
) -> None:
    backups = history_path.parent / "backups"
    opened = open_history(history_path, backups=backups, now=wall)
    for number in range(300):
        _add_session(opened.connection, wall, name=f"session {number} " + "x" * 200)
    opened.connection.close()
    with closing(sqlite3.connect(history_path)) as source:
        backup_daily(source, backups, wall().date() + timedelta(days=1))
    whole = history_path.read_bytes()
    history_path.write_bytes(whole[: len(whole) // 2])
    wall.advance(2 * 86400)
    reopened = open_history(history_path, backups=backups, now=wall)
    _assert_moved_aside(history_path, "damaged", whole[: len(whole) // 2])
    assert "restored from the backup history-2024-05-02.sqlite3" in reopened.messages[0]
    assert _count(reopened.connection) == 300
    reopened.connection.close()


def test_foreign_sqlite_file_is_kept_aside_untouched(
    history_path: Path, wall: FakeWallClock
) -> None:
    history_path.parent.mkdir(parents=True)
    other = sqlite3.connect(history_path)
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.execute("INSERT INTO recipes VALUES ('soup')")
    other.commit()
    other.close()
    original = history_path.read_bytes()
    opened = open_history(history_path, now=wall)
    _assert_moved_aside(history_path, "foreign", original)
    assert "not a NeuroGuide history" in opened.messages[0]
    opened.connection.close()


def test_file_from_a_newer_version_is_refused_and_left_untouched(
    history_path: Path, wall: FakeWallClock
) -> None:
    opened = open_history(history_path)
    opened.connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    opened.connection.close()
    before = history_path.read_bytes()
    with pytest.raises(HistoryTooNewError, match="newer NeuroGuide") as raised:
        open_history(history_path, now=wall)
    assert "\n" not in str(raised.value)
    assert history_path.read_bytes() == before
    assert list(history_path.parent.glob("history.*-*.sqlite3")) == []
    with pytest.raises(HistoryTooNewError):
        open_read_only(history_path)


def test_backup_is_made_at_most_once_a_day_and_seven_are_kept(
    history_path: Path, wall: FakeWallClock
) -> None:
    backups = history_path.parent / "backups"
    for _day in range(10):
        for _again in range(2):
            open_history(history_path, backups=backups, now=wall).connection.close()
        wall.advance(86400)
    kept = backup_files(backups)
    assert [p.name for p in kept] == [f"history-2024-05-{day:02d}.sqlite3" for day in range(4, 11)]
    copy = sqlite3.connect(kept[-1])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    copy.close()


def test_read_only_open_reads_beside_a_running_writer(
    history_path: Path, wall: FakeWallClock
) -> None:
    writer = open_history(history_path).connection
    _add_session(writer, wall)
    reader = open_read_only(history_path)
    assert _count(reader) == 1
    with pytest.raises(sqlite3.OperationalError):
        reader.execute("DELETE FROM sessions")
    reader.close()
    writer.close()


def test_read_only_open_of_a_missing_file_says_there_is_no_history(tmp_path: Path) -> None:
    with pytest.raises(HistoryError, match="no history yet"):
        open_read_only(tmp_path / "history.sqlite3")


def test_unusable_location_gives_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(HistoryError) as raised:
        open_history(blocker / "history.sqlite3")
    assert "\n" not in str(raised.value)


def test_damaged_names_never_overwrite_an_earlier_one(history_path: Path) -> None:
    history_path.parent.mkdir(parents=True)
    when = datetime(2024, 5, 1, 9, 30)
    for _ in range(2):
        history_path.write_bytes(b"garbage " * 100)
        open_history(history_path, now=lambda: when).connection.close()
    assert len(list(history_path.parent.glob("history.damaged-*.sqlite3"))) == 2
