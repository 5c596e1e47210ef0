"""The History object's reads: what it returns around damaged rows and another program's lock."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from neuroguide.store.history import History, HistoryBusyError
from neuroguide.store.progress import HistoryProgress
from tests.store.seed import add_session, connection_of

ZONE = timezone(timedelta(hours=2))


def test_a_session_with_a_damaged_date_is_left_out_and_counted() -> None:
    history = History.in_memory()
    for day in (1, 2, 3):
        add_session(history, datetime(2024, 5, day, 9, tzinfo=ZONE))
    connection_of(history).execute("UPDATE sessions SET started_utc = 'yesterday' WHERE id = 2")
    assert [row.id for row in history.sessions()] == [3, 1]
    assert len(history.active_days()) == 2
    assert history.day_range() == (date(2024, 5, 1), date(2024, 5, 3))
    assert history.damaged_note() == (
        "1 session has a damaged date in the history and was left out."
    )
    history.close()


def test_sessions_recorded_before_the_steps_were_kept_have_no_steps() -> None:
    history = History.in_memory()
    session = add_session(history, datetime(2024, 5, 1, 9, tzinfo=ZONE))
    assert history.steps(session) == []
    history.close()


def test_reading_a_history_another_program_holds_says_so(history_path: Path) -> None:
    history = History.open(history_path)
    add_session(history, datetime(2024, 5, 1, 9, tzinfo=ZONE))
    history.close()
    other = sqlite3.connect(history_path, isolation_level=None, timeout=0)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("DELETE FROM sessions WHERE 0")  # not even reading is possible now
    history = History.open(history_path, wait=0.1)
    connection_of(history).execute("PRAGMA busy_timeout = 0")
    with pytest.raises(HistoryBusyError, match="in use by another program"):
        history.sessions()
    progress = HistoryProgress(history, today=lambda: date(2024, 5, 1))
    assert progress.minutes_today() == 0.0  # the home screen shows no minutes, never fails
    other.close()
    assert progress.minutes_today() == 1.0
    assert history.retry() and history.unsaved == 0  # brought up to date once it was free
    history.close()


def test_known_exercises_are_those_completed_before() -> None:
    history = History.in_memory()
    assert history.known_exercises() == frozenset()
    add_session(history, datetime(2024, 5, 1, 9, tzinfo=ZONE), exercise_id="calf-stretch")
    assert history.known_exercises() == frozenset({"calf-stretch"})
    history.close()
