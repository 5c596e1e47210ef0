"""The recorder writes what a real session did, as it happens."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from neuroguide.core.events import PauseReason
from neuroguide.core.library import Routine
from neuroguide.store.database import open_history
from neuroguide.store.models import CheckIn, Feel, Moment, Where
from neuroguide.store.queries import checkins, list_sessions, session_items, session_pauses
from neuroguide.store.recorder import SessionRecorder
from tests.helpers.clocks import FakeWallClock
from tests.store.session_driver import SessionDriver


@pytest.fixture
def connection() -> Iterator[sqlite3.Connection]:
    connection = open_history(":memory:").connection
    yield connection
    connection.close()


def _driver(
    connection: sqlite3.Connection, routine: Routine, wall: FakeWallClock
) -> tuple[SessionDriver, SessionRecorder]:
    recorder = SessionRecorder(connection, now_utc=wall)
    return SessionDriver(routine, [recorder], wall.advance), recorder


def test_a_finished_session_is_recorded_with_every_item(
    connection: sqlite3.Connection, stretch_break: Routine, wall: FakeWallClock
) -> None:
    driver, _ = _driver(connection, stretch_break, wall)
    driver.send(driver.session.start())
    driver.run_to_end()
    [session] = list_sessions(connection)
    summary = driver.session.summary
    assert summary is not None
    assert session.routine_name == "Stretch break"
    assert session.outcome == "finished"
    assert session.started.offset_minutes == 120
    assert session.started.local.isoformat() == "2024-05-01T09:30:00+02:00"
    assert session.ended is not None and session.ended.utc > session.started.utc
    assert session.planned_ms == summary.planned_seconds * 1000
    assert session.active_ms == round(summary.active_seconds * 1000)
    items = session_items(connection, session.id)
    assert len(items) == len(summary.records) == session.completed
    assert [i.exercise_id for i in items] == [r.exercise_id for r in summary.records]
    assert [i.side for i in items] == [r.side for r in summary.records]
    assert all(i.planned_ms == i.actual_ms > 0 for i in items)
    holds = [
        i for i, r in zip(items, summary.records, strict=True) if r.exercise_id != "leg-swings"
    ]
    assert all(i.planned_ms == 30000 for i in holds), "the warm-up and every stretch last 30 s"


def test_each_item_is_committed_when_it_ends(
    connection: sqlite3.Connection, stretch_break: Routine, wall: FakeWallClock
) -> None:
    driver, _ = _driver(connection, stretch_break, wall)
    driver.send(driver.session.start())
    driver.run_until(2)
    assert not connection.in_transaction
    [session] = list_sessions(connection)
    assert session.outcome == "running"
    items = session_items(connection, session.id)
    assert len(items) == 2
    assert session.active_ms == sum(i.actual_ms for i in items) > 0


def test_stopping_records_the_item_in_progress_as_skipped(
    connection: sqlite3.Connection, stretch_break: Routine, wall: FakeWallClock
) -> None:
    driver, _ = _driver(connection, stretch_break, wall)
    driver.send(driver.session.start())
    driver.run_until(1)
    for _second in range(15):  # the rest between sets, then part of the next hold
        driver.step()
    driver.send(driver.session.stop())
    [session] = list_sessions(connection)
    assert session.outcome == "stopped"
    assert (session.completed, session.skipped) == (1, 1)


def test_unsteady_stops_and_machine_sleeps_are_recorded_but_ordinary_pauses_are_not(
    connection: sqlite3.Connection, stretch_break: Routine, wall: FakeWallClock
) -> None:
    driver, _ = _driver(connection, stretch_break, wall)
    driver.send(driver.session.start())
    driver.step(3)
    driver.send(driver.session.pause(PauseReason.USER))
    driver.send(driver.session.resume())
    driver.send(driver.session.pause(PauseReason.UNSTEADY))
    driver.send(driver.session.resume())
    driver.step(60)  # the machine slept for a minute
    [session] = list_sessions(connection)
    pauses = session_pauses(connection, session.id)
    assert [p.reason for p in pauses] == ["unsteady", "machine-sleep"]
    assert pauses[1].slept_ms == 60000


def test_check_ins_before_and_after_are_kept_with_the_session(
    connection: sqlite3.Connection, stretch_break: Routine, wall: FakeWallClock
) -> None:
    driver, recorder = _driver(connection, stretch_break, wall)
    recorder.set_before_checkin(CheckIn(Moment.BEFORE, pain=6, tingling=3, where=Where.FEET))
    driver.send(driver.session.start())
    driver.run_to_end()
    after = CheckIn(Moment.AFTER, pain=4, feel=Feel.ABOUT_RIGHT, note="calves felt warm")
    assert recorder.save_after_checkin(after)
    [session] = list_sessions(connection)
    found = checkins(connection)[session.id]
    assert found[Moment.BEFORE].pain == 6
    assert found[Moment.BEFORE].where is Where.FEET
    assert found[Moment.AFTER] == after


def test_a_skipped_check_in_stores_nothing(
    connection: sqlite3.Connection, stretch_break: Routine, wall: FakeWallClock
) -> None:
    driver, recorder = _driver(connection, stretch_break, wall)
    recorder.set_before_checkin(CheckIn(Moment.BEFORE))
    driver.send(driver.session.start())
    driver.run_to_end()
    assert not recorder.save_after_checkin(CheckIn(Moment.AFTER))
    assert checkins(connection) == {}


def test_after_check_in_without_a_session_is_refused(connection: sqlite3.Connection) -> None:
    recorder = SessionRecorder(connection)
    assert not recorder.save_after_checkin(CheckIn(Moment.AFTER, pain=2))


def test_out_of_range_rating_is_rejected() -> None:
    with pytest.raises(ValueError, match="between 0 and 10"):
        CheckIn(Moment.BEFORE, pain=11)


def test_the_name_comes_from_the_session_not_from_a_library(
    connection: sqlite3.Connection, stretch_break: Routine, wall: FakeWallClock
) -> None:
    recorder = SessionRecorder(connection, now_utc=wall)  # knows no routines at all
    driver = SessionDriver(stretch_break, [recorder])
    driver.send(driver.session.start())
    [session] = list_sessions(connection)
    assert session.routine_name == "Stretch break"
