"""Schedules: the [schedule] table, its words, and adherence week by week."""

from __future__ import annotations

from datetime import date

import pytest

from neuroguide.core.schedule import Schedule, adherence, check_schedule, planned_in, schedule_table


def check(value: object) -> tuple[Schedule | None, list[str]]:
    messages: list[str] = []
    found = check_schedule(value, lambda message, _key: messages.append(message))
    return found, messages


def test_the_ways_to_say_how_often() -> None:
    assert check({"every_day": True})[0] == Schedule()
    assert check({"days_a_week": 3, "weeks": 6})[0] == Schedule(days_a_week=3, weeks=6)
    assert check({"times_a_day": 2})[0] == Schedule(times_a_day=2)
    assert Schedule(days_a_week=3, weeks=6).describe() == "3 days a week, for 6 weeks"
    assert Schedule(times_a_day=2).describe() == "Twice a day, every day"
    breaks = check({"times_a_day": 6, "up_to": True, "every_day": True})[0]
    assert breaks is not None and breaks.per_week == 7
    assert breaks.describe() == "Up to 6 times a day, every day"
    assert Schedule(times_a_day=2, days_a_week=3).per_week == 6


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({}, "say how often"),
        ({"days_a_week": 0}, "'days_a_week' is 0; it must be from 1 to 7"),
        ({"times_a_day": 13}, "'times_a_day' is 13; it must be from 1 to 12"),
        ({"weeks": 1.5, "every_day": True}, "'weeks' must be a whole number"),
        ({"every_day": "yes"}, "'every_day' must be true or false"),
        ({"every_day": True, "days_a_week": 3}, "not both"),
        ({"often": 3}, "unknown key 'often'"),
        ("daily", "must be a table"),
    ],
)
def test_limits(value: object, expected: str) -> None:
    found, messages = check(value)
    assert found is None and any(expected in m for m in messages), messages


def test_round_trip() -> None:
    for schedule in (Schedule(), Schedule(2, 3, 6), Schedule(6, 7, None, up_to=True)):
        assert check(schedule_table(schedule))[0] == schedule


def test_adherence_per_week_stops_planning_after_the_last_week() -> None:
    schedule = Schedule(days_a_week=3, weeks=2)
    done = {date(2026, 11, 2): 3, date(2026, 11, 9): 1}
    rows = adherence(schedule, done, date(2026, 11, 4), date(2026, 11, 20))
    assert [(r.monday.day, r.done, r.planned) for r in rows] == [(2, 3, 3), (9, 1, 3), (16, 0, 0)]


def test_a_programme_added_on_a_sunday_and_done_that_day_is_one_of_one() -> None:
    """Issue 26 item 6: the first, partial week counts only the days after it was added."""
    schedule = Schedule(days_a_week=3)
    sunday = date(2026, 11, 8)
    rows = adherence(schedule, {date(2026, 11, 2): 1}, sunday, sunday)
    assert [(r.done, r.planned) for r in rows] == [(1, 1)]


def test_the_week_under_way_is_counted_against_the_days_passed() -> None:
    schedule = Schedule(days_a_week=5)
    tuesday = date(2026, 11, 10)
    rows = adherence(schedule, {}, date(2026, 11, 2), tuesday)
    assert [r.planned for r in rows] == [5, 2]  # a full week, then Monday and Tuesday
    assert planned_in(schedule, 7) == 5 and planned_in(schedule, 0) == 0
