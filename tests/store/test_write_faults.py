"""A history that cannot be written mid-session: nothing raises into the session, what was
done is kept in memory, the person is told once, and recording resumes when it can.

The faults are real SQLite faults on a real file: "database or disk is full" from a page
limit the file has reached (``PRAGMA max_page_count``), and "database is locked" from a
second connection holding ``BEGIN EXCLUSIVE``, as another program would.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from neuroguide.core.library import Routine
from neuroguide.store import pending
from neuroguide.store.history import History
from neuroguide.store.rows import SessionRow
from tests.helpers.clocks import FakeWallClock
from tests.store.seed import add_session, connection_of
from tests.store.session_driver import SessionDriver

NO_LIMIT = 1073741823


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retry at every batch and wait briefly at the end, so the tests take no real time."""
    monkeypatch.setattr(pending, "RETRY_EVERY", 0.0)
    monkeypatch.setattr(pending, "RETRY_WAIT_MS", 1)
    monkeypatch.setattr(pending, "FINAL_WAIT_MS", 200)


def fill_until_full(connection: sqlite3.Connection) -> None:
    """Cap the file at its size and fill its last pages, so the next new row finds no room."""
    filler = add_session(connection, _when(), routine_id="filler", holds=0)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    for position in range(100_000):
        try:
            connection.execute(
                "INSERT INTO items (session_id, position, exercise_id, set_number, planned_ms,"
                " actual_ms, status, ended_utc) VALUES (?, ?, '', 1, 0, 0, 'completed', '')",
                (filler, position),
            )
        except sqlite3.OperationalError as error:
            assert error.sqlite_errorcode == sqlite3.SQLITE_FULL
            return
    raise AssertionError("the file never filled up")


def free_space(connection: sqlite3.Connection) -> None:
    connection.execute(f"PRAGMA max_page_count = {NO_LIMIT}")


@pytest.fixture
def other_program(history_path: Path) -> Iterator[sqlite3.Connection]:
    """A second connection to the same file, as another program would open it."""
    history_path.parent.mkdir(parents=True, exist_ok=True)
    other = sqlite3.connect(history_path, isolation_level=None, timeout=0)
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def _when() -> datetime:
    return datetime(2024, 4, 1, 9, tzinfo=timezone(timedelta(hours=2)))


def _record(history_path: Path, wall: FakeWallClock) -> tuple[History, list[str]]:
    told: list[str] = []
    return History.open(history_path, tell=told.append, now_utc=wall), told


def _the_session(history: History) -> SessionRow:
    [session] = [row for row in history.sessions() if row.routine_id == "stretch-break"]
    return session


def test_a_full_disk_mid_session_keeps_every_hold_and_tells_once(
    history_path: Path, stretch_break: Routine, wall: FakeWallClock
) -> None:
    history, told = _record(history_path, wall)
    connection = connection_of(history)
    driver = SessionDriver(stretch_break, [history.recorder], wall.advance)
    driver.send(driver.session.start())
    driver.run_until(1)
    fill_until_full(connection)

    driver.run_until(3)  # two holds end while nothing can be written: no exception
    assert history.unsaved >= 2
    assert len(told) == 1 and "the disk is full" in told[0] and "carries on" in told[0]
    assert history.items(_the_session(history).id)[-1].position == 1

    free_space(connection)  # room again: the next batch writes what waited
    driver.run_until(4)
    assert history.unsaved == 0
    assert len(history.items(_the_session(history).id)) == 4
    assert len(told) == 2 and "can be saved again" in told[1]

    driver.run_to_end()
    history.close()
    reopened = History.open(history_path)
    session = _the_session(reopened)
    summary = driver.session.summary
    assert summary is not None
    assert session.outcome == "finished"
    items = reopened.items(session.id)
    assert [item.position for item in items] == list(range(1, len(summary.records) + 1))
    assert session.active_ms == round(summary.active_seconds * 1000)
    reopened.close()


def test_a_lock_held_by_another_program_mid_session_keeps_every_hold(
    history_path: Path,
    stretch_break: Routine,
    wall: FakeWallClock,
    other_program: sqlite3.Connection,
) -> None:
    history, told = _record(history_path, wall)
    driver = SessionDriver(stretch_break, [history.recorder], wall.advance)
    driver.send(driver.session.start())
    driver.run_until(1)
    other_program.execute("BEGIN EXCLUSIVE")

    driver.run_until(3)
    assert history.unsaved >= 2
    assert len(told) == 1 and "in use by another program" in told[0]

    other_program.execute("COMMIT")  # the other program lets go
    driver.run_to_end()
    assert history.unsaved == 0
    history.close()
    reopened = History.open(history_path)
    [session] = reopened.sessions()
    assert session.outcome == "finished"
    assert session.completed == len(driver.session.records)
    reopened.close()


def test_what_cannot_be_written_by_the_end_is_reported_clearly(
    history_path: Path,
    stretch_break: Routine,
    wall: FakeWallClock,
    other_program: sqlite3.Connection,
) -> None:
    history, told = _record(history_path, wall)
    driver = SessionDriver(stretch_break, [history.recorder], wall.advance)
    driver.send(driver.session.start())
    driver.run_until(1)
    other_program.execute("BEGIN EXCLUSIVE")
    driver.run_to_end()  # the end, still locked: a patient try, then it waits in memory
    assert history.unsaved > 0
    assert len(told) == 2  # at the end: what is kept, and that it keeps trying
    assert "not saved yet" in told[1] and "keeps trying" in told[1]
    history.close()
    assert len(told) == 3  # at closing: what could not be saved, and why
    assert "could not be saved in the history" in told[2]
    assert "in use by another program" in told[2]
