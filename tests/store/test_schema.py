"""Migrations: every earlier version upgrades to the latest, keeping its data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from neuroguide.store.database import connect, open_history
from neuroguide.store.schema import LATEST_VERSION, MIGRATIONS, migrate, user_version


def _tables(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {row[0] for row in rows}


@pytest.mark.parametrize("start", range(LATEST_VERSION))
def test_every_earlier_version_migrates_to_the_latest(tmp_path: Path, start: int) -> None:
    path = tmp_path / "history.sqlite3"
    old = connect(path)
    migrate(old, target=start)
    assert user_version(old) == start
    if start >= 1:
        old.execute(
            "INSERT INTO sessions (routine_id, routine_name, started_utc, utc_offset_min,"
            " local_day, planned_ms, outcome)"
            " VALUES ('seated', 'Seated', '2024-01-01T08:00:00.000+00:00', 60, '2024-01-01',"
            " 60000, 'finished')"
        )
    old.close()
    opened = open_history(path).connection
    assert user_version(opened) == LATEST_VERSION
    assert {"sessions", "items", "pauses", "checkins"} <= _tables(opened)
    expected = 1 if start >= 1 else 0
    assert opened.execute("SELECT count(*) FROM sessions").fetchone()[0] == expected
    opened.close()


def test_version_one_has_no_checkins_and_version_two_adds_them(tmp_path: Path) -> None:
    connection = connect(tmp_path / "history.sqlite3")
    migrate(connection, target=1)
    assert "checkins" not in _tables(connection)
    migrate(connection, target=2)
    assert "checkins" in _tables(connection)
    connection.close()


def test_a_failing_migration_leaves_the_previous_version_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    connection = connect(tmp_path / "history.sqlite3")
    migrate(connection, target=1)
    broken = (*MIGRATIONS[:1], "CREATE TABLE checkins (id INTEGER); CREATE TABLE oops (")
    monkeypatch.setattr("neuroguide.store.schema.MIGRATIONS", broken)
    with pytest.raises(sqlite3.OperationalError):
        migrate(connection, target=2)
    assert user_version(connection) == 1
    assert "checkins" not in _tables(connection)
    connection.close()


def test_version_three_adds_progress_checks_beside_older_data(tmp_path: Path) -> None:
    connection = connect(tmp_path / "history.sqlite3")
    migrate(connection, target=2)
    assert "progress_checks" not in _tables(connection)
    migrate(connection, target=3)
    assert "progress_checks" in _tables(connection)
    assert user_version(connection) >= 3
    connection.close()


def test_progress_checks_refuse_out_of_range_and_scored_stops(tmp_path: Path) -> None:
    connection = connect(tmp_path / "history.sqlite3")
    migrate(connection, target=3)
    insert = (
        "INSERT INTO progress_checks (check_id, taken_utc, utc_offset_min, local_day, outcome,"
        " stop_reason, stands, stance1_ms) VALUES ('chair-stand', '2026-01-01T08:00:00.000+00:00',"
        " 0, '2026-01-01', ?, ?, ?, ?)"
    )
    for values in (
        ("scored", None, 41, None),  # more than 40 stands
        ("scored", None, None, 10001),  # a stance held longer than 10 s
        ("stopped", "unsteady", 12, None),  # a safety stop with a score
        ("stopped", None, None, None),  # a stop without its reason
        ("scored", "unsteady", 12, None),  # a score with a stop reason
    ):
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute(insert, values)
    connection.execute(insert, ("stopped", "unsteady", None, None))
    connection.execute(insert, ("scored", None, 40, None))
    assert connection.execute("SELECT count(*) FROM progress_checks").fetchone()[0] == 2
    connection.close()
