"""The review screen's numbers: filters, weekly minutes, streaks and symptom trends."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import pytest

from neuroguide.store.database import open_history
from neuroguide.store.models import CheckIn, Filter, Moment
from neuroguide.store.queries import (
    active_days,
    day_range,
    list_sessions,
    minutes_between,
    routines_used,
    streak,
    weekly_minutes,
    weekly_symptoms,
)
from tests.store.seed import add_session

PLUS_TWO = timezone(timedelta(hours=2))


@pytest.fixture
def connection() -> Iterator[sqlite3.Connection]:
    connection = open_history(":memory:").connection
    yield connection
    connection.close()


def test_local_day_follows_the_persons_clock_not_utc(connection: sqlite3.Connection) -> None:
    # 00:30 on 2 May in UTC+2 is still 1 May in UTC, but it is the 2nd for the person.
    add_session(connection, datetime(2024, 5, 2, 0, 30, tzinfo=PLUS_TWO))
    assert active_days(connection) == [date(2024, 5, 2)]


def test_filter_by_date_range_and_routine(connection: sqlite3.Connection) -> None:
    add_session(connection, datetime(2024, 5, 1, 9, tzinfo=PLUS_TWO))
    add_session(connection, datetime(2024, 5, 3, 9, tzinfo=PLUS_TWO), routine_id="seated")
    add_session(connection, datetime(2024, 5, 9, 9, tzinfo=PLUS_TWO))
    may_first_week = Filter(date(2024, 5, 1), date(2024, 5, 7))
    assert len(list_sessions(connection, may_first_week)) == 2
    only_seated = Filter(routine_id="seated")
    assert [s.routine_id for s in list_sessions(connection, only_seated)] == ["seated"]
    newest_first = [s.started.local_day for s in list_sessions(connection)]
    assert newest_first == sorted(newest_first, reverse=True)
    assert [r[0] for r in routines_used(connection)] == ["seated", "stretch-break"]
    assert day_range(connection) == (date(2024, 5, 1), date(2024, 5, 9))


def test_weekly_minutes_cover_every_week_of_the_range(connection: sqlite3.Connection) -> None:
    add_session(connection, datetime(2024, 5, 6, 9, tzinfo=PLUS_TWO), holds=10)  # Monday
    add_session(connection, datetime(2024, 5, 12, 20, tzinfo=PLUS_TWO), holds=4)  # Sunday
    weeks = weekly_minutes(connection, Filter(date(2024, 5, 1), date(2024, 5, 19)))
    assert weeks == [
        (date(2024, 4, 29), 0.0),
        (date(2024, 5, 6), 7.0),
        (date(2024, 5, 13), 0.0),
    ]
    assert minutes_between(connection, date(2024, 5, 6), date(2024, 5, 12)) == 7.0


def test_empty_history_has_no_weeks_and_no_streak(connection: sqlite3.Connection) -> None:
    assert weekly_minutes(connection) == []
    assert streak(active_days(connection), date(2024, 5, 1)).longest == 0
    assert day_range(connection) is None


def test_streak_counts_consecutive_days_up_to_today_or_yesterday() -> None:
    days = [date(2024, 5, d) for d in (1, 2, 3, 4, 8, 9)]
    assert streak(days, date(2024, 5, 10)).current == 2
    assert streak(days, date(2024, 5, 9)).current == 2
    assert streak(days, date(2024, 5, 11)).current == 0
    assert streak(days, date(2024, 5, 11)).longest == 4
    assert streak(days, date(2024, 5, 11)).active_days == 6


def test_symptom_trends_average_before_and_after_per_week(connection: sqlite3.Connection) -> None:
    for day, pain_before, pain_after in ((6, 6, 4), (7, 8, 4), (14, 5, None)):
        add_session(
            connection,
            datetime(2024, 5, day, 9, tzinfo=PLUS_TWO),
            before=CheckIn(Moment.BEFORE, pain=pain_before),
            after=None if pain_after is None else CheckIn(Moment.AFTER, pain=pain_after),
        )
    weeks = weekly_symptoms(connection)
    assert [w.week for w in weeks] == [date(2024, 5, 6), date(2024, 5, 13)]
    assert weeks[0].before["pain"] == 7.0
    assert weeks[0].after["pain"] == 4.0
    assert weeks[0].before["numbness"] is None
    assert weeks[1].after["pain"] is None
