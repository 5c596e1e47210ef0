"""The periods History shows: presets ending today, moving back and on, at the calendar's edges."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from neuroguide.core.periods import (
    DEFAULT_PRESET,
    EVERYTHING,
    PRESET_NAMES,
    PRESETS,
    THIS_WEEK,
    Period,
    can_go_earlier,
    can_go_later,
    preset_period,
    recent_weeks,
)
from neuroguide.core.schedule import week_start

SUNDAY = date(2024, 6, 30)


def test_the_presets_read_as_their_buttons_do() -> None:
    assert PRESET_NAMES == ("This week", "Last 4 weeks", "Last 3 months", "Last year", "Everything")
    assert PRESETS[DEFAULT_PRESET].name == "Last 3 months"
    assert PRESETS[EVERYTHING].days is None and PRESETS[THIS_WEEK].days == 7


@pytest.mark.parametrize(
    ("today", "first"),
    [
        (date(2024, 6, 30), date(2024, 6, 24)),  # a Sunday: from the Monday before
        (date(2024, 6, 24), date(2024, 6, 24)),  # a Monday: just today
        (date(2024, 3, 1), date(2024, 2, 26)),  # across a leap-year month end
        (date(2025, 1, 2), date(2024, 12, 30)),  # across the new year
    ],
)
def test_this_week_runs_from_monday_to_today(today: date, first: date) -> None:
    assert preset_period(THIS_WEEK, today) == Period(first, today)


def test_the_counted_presets_end_today_and_hold_their_days() -> None:
    assert preset_period(1, SUNDAY) == Period(date(2024, 6, 3), SUNDAY)
    assert preset_period(2, SUNDAY) == Period(date(2024, 4, 1), SUNDAY)  # 91 days
    assert preset_period(3, date(2025, 3, 1)) == Period(date(2024, 3, 2), date(2025, 3, 1))
    for index in (1, 2, 3):
        assert preset_period(index, SUNDAY).days == PRESETS[index].days


def test_everything_starts_on_the_first_recorded_day_or_today() -> None:
    assert preset_period(EVERYTHING, SUNDAY, date(2020, 2, 29)) == Period(date(2020, 2, 29), SUNDAY)
    assert preset_period(EVERYTHING, SUNDAY, None) == Period(SUNDAY, SUNDAY)  # nothing yet
    # A record dated after today (the computer's date was set back): today, not an empty range.
    assert preset_period(EVERYTHING, SUNDAY, date(2024, 7, 5)) == Period(SUNDAY, SUNDAY)


def test_a_period_moves_by_its_own_length_across_month_and_year_ends() -> None:
    january = Period(date(2025, 1, 1), date(2025, 1, 31))
    assert january.shifted(-1) == Period(date(2024, 12, 1), date(2024, 12, 31))
    assert january.shifted(1) == Period(date(2025, 2, 1), date(2025, 3, 3))  # 31 days on
    four_weeks = preset_period(1, date(2024, 3, 31))
    assert four_weeks.shifted(-1) == Period(date(2024, 2, 5), date(2024, 3, 3))
    assert four_weeks.shifted(-1).shifted(1) == four_weeks
    day = Period(date(2024, 12, 31), date(2024, 12, 31))
    assert day.days == 1 and day.shifted(1) == Period(date(2025, 1, 1), date(2025, 1, 1))


def test_a_period_never_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="cannot end"):
        Period(date(2024, 7, 1), date(2024, 6, 30))


def test_moves_allowed_everything_stays_and_later_stops_at_today() -> None:
    assert can_go_earlier(THIS_WEEK) and not can_go_earlier(EVERYTHING)
    week = preset_period(THIS_WEEK, SUNDAY)
    assert not can_go_later(week, SUNDAY)
    assert can_go_later(week.shifted(-1), SUNDAY)
    assert not can_go_later(week.shifted(-1), week.shifted(-1).last)


def test_today_at_midnight_is_the_new_day() -> None:
    """The caller's clock says what today is; the first second of a Monday starts a new week."""
    zone = timezone(timedelta(hours=2))
    midnight = datetime(2024, 7, 1, 0, 0, tzinfo=zone)
    just_before = midnight - timedelta(seconds=1)
    assert preset_period(THIS_WEEK, midnight.date()) == Period(date(2024, 7, 1), date(2024, 7, 1))
    assert preset_period(THIS_WEEK, just_before.date()).first == date(2024, 6, 24)
    assert week_start(midnight.date()) == midnight.date()


def test_recent_weeks_are_calendar_rows_from_monday() -> None:
    rows = recent_weeks(SUNDAY, 5)
    assert len(rows) == 5 and all(len(days) == 7 for days in rows)
    assert rows[0][0] == date(2024, 5, 27) and rows[-1][-1] == SUNDAY
    wednesday = date(2025, 1, 1)  # the last row runs past today, across the new year
    rows = recent_weeks(wednesday, 2)
    assert rows[0][0] == date(2024, 12, 23) and rows[-1] == tuple(
        date(2024, 12, 30) + timedelta(days=n) for n in range(7)
    )
    assert recent_weeks(SUNDAY, 0) == []
