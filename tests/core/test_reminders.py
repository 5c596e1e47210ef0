"""Reminders fall due at the right wall-clock times, snooze, and stay quiet during a session."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from neuroguide.core.reminders import (
    GRACE,
    SUGGESTED_BREAKS,
    Reminder,
    ReminderKind,
    ReminderPlan,
    ReminderScheduler,
    break_times,
    breaks_words,
    day_reminders,
    parse_time,
)
from tests.helpers.clocks import FakeWallClock

ZONE = timezone(timedelta(hours=2))


def at(hour: int, minute: int = 0, day: int = 4) -> datetime:
    return datetime(2024, 3, day, hour, minute, tzinfo=ZONE)


BREAKS = ReminderPlan(breaks=True, breaks_per_day=6, break_from=time(9), break_until=time(18))


def test_six_breaks_spread_evenly_from_nine_to_six() -> None:
    assert break_times(BREAKS) == [
        time(9),
        time(10, 48),
        time(12, 36),
        time(14, 24),
        time(16, 12),
        time(18),
    ]


def test_one_break_or_a_backwards_window_gives_a_single_break() -> None:
    assert break_times(ReminderPlan(breaks_per_day=1)) == [time(9)]
    backwards = ReminderPlan(break_from=time(17), break_until=time(8))
    assert break_times(backwards) == [time(17)]


def test_parse_time_falls_back_on_nonsense() -> None:
    assert parse_time("07:45", time(9)) == time(7, 45)
    assert parse_time("seven", time(9)) == time(9)
    assert parse_time("25:00", time(9)) == time(9)


def test_nothing_is_due_when_every_reminder_is_off() -> None:
    plan = ReminderPlan()
    assert not plan.active and day_reminders(plan, date(2024, 3, 4), at(8)) == []
    scheduler = ReminderScheduler(plan, at(8))
    assert scheduler.poll(at(23)) is None and scheduler.next_due(at(8)) is None


def test_a_break_falls_due_once_at_its_time_with_its_routine() -> None:
    clock = FakeWallClock(at(8, 59))
    scheduler = ReminderScheduler(BREAKS, clock())
    assert scheduler.next_due(clock()) == at(9)
    assert scheduler.poll(clock.advance(seconds=30)) is None
    reminder = scheduler.poll(clock.advance(seconds=31))
    assert reminder == Reminder(ReminderKind.BREAK, at(9), "stretch-break")
    assert scheduler.poll(clock.advance(seconds=30)) is None, "shown once only"
    assert scheduler.next_due(clock()) == at(10, 48)


def test_the_daily_session_reminder_opens_its_routine() -> None:
    plan = ReminderPlan(session=True, session_time=time(18, 30), session_routine="balance")
    clock = FakeWallClock(at(18))
    scheduler = ReminderScheduler(plan, clock())
    reminder = scheduler.poll(clock.advance(minutes=31))
    assert reminder is not None and reminder.kind is ReminderKind.SESSION
    assert reminder.routine_id == "balance"
    assert scheduler.next_due(clock()) == at(18, 30, day=5), "tomorrow's"


def test_no_reminder_while_a_session_runs() -> None:
    clock = FakeWallClock(at(8, 59))
    scheduler = ReminderScheduler(BREAKS, clock())
    assert scheduler.poll(clock.advance(minutes=2), busy=True) is None
    assert scheduler.poll(clock.advance(minutes=2)) is None, "not shown late after the session"


def test_a_snoozed_reminder_comes_back_after_the_snooze_time() -> None:
    plan = ReminderPlan(breaks=True, breaks_per_day=1, snooze_minutes=10)
    clock = FakeWallClock(at(8, 59))
    scheduler = ReminderScheduler(plan, clock())
    reminder = scheduler.poll(clock.advance(minutes=1))
    assert reminder is not None
    assert scheduler.snooze(reminder, clock()) == at(9, 10)
    assert scheduler.snoozed_until == at(9, 10)
    assert scheduler.next_due(clock()) == at(9, 10)
    assert scheduler.poll(clock.advance(minutes=9)) is None
    again = scheduler.poll(clock.advance(minutes=1))
    assert again is not None and again.kind is ReminderKind.BREAK and again.due == at(9, 10)
    assert scheduler.snoozed_until is None


def test_a_snoozed_reminder_falling_due_during_a_session_is_dropped() -> None:
    plan = ReminderPlan(breaks=True, breaks_per_day=1)
    clock = FakeWallClock(at(9))
    scheduler = ReminderScheduler(plan, at(8))
    reminder = scheduler.poll(clock())
    assert reminder is not None
    scheduler.snooze(reminder, clock())
    assert scheduler.poll(clock.advance(minutes=15), busy=True) is None
    assert scheduler.poll(clock.advance(minutes=15)) is None


def test_after_a_long_sleep_only_a_recent_reminder_is_shown() -> None:
    clock = FakeWallClock(at(8))
    scheduler = ReminderScheduler(BREAKS, clock())
    assert scheduler.poll(clock.advance(hours=5, minutes=20)) is None, "12:36 is too old"
    clock.now = at(14, 24) + GRACE - timedelta(minutes=1)
    late = scheduler.poll(clock())
    assert late is not None and late.due == at(14, 24)


def test_a_reminder_just_before_midnight_is_found_after_it() -> None:
    plan = ReminderPlan(session=True, session_time=time(23, 45))
    scheduler = ReminderScheduler(plan, at(23, 30))
    reminder = scheduler.poll(at(0, 5, day=5))
    assert reminder is not None and reminder.due == at(23, 45)
    weeks_later = ReminderScheduler(plan, at(23, 30))
    assert weeks_later.poll(at(23, 50, day=28)) is not None


def test_time_going_backwards_shows_nothing() -> None:
    scheduler = ReminderScheduler(BREAKS, at(10))
    assert scheduler.poll(at(9)) is None
    assert scheduler.poll(at(10, 47)) is None
    assert scheduler.poll(at(10, 48)) is not None


def test_a_new_plan_applies_from_now_and_off_forgets_the_snooze() -> None:
    scheduler = ReminderScheduler(ReminderPlan(), at(8))
    scheduler.set_plan(BREAKS, at(12))
    assert scheduler.poll(at(12, 40)) is not None, "12:36 counts, 9:00 does not"
    reminder = Reminder(ReminderKind.BREAK, at(12, 36), "stretch-break")
    scheduler.snooze(reminder, at(12, 40))
    scheduler.set_plan(ReminderPlan(), at(12, 41))
    assert scheduler.snoozed_until is None and scheduler.next_due(at(12, 41)) is None
    scheduler.set_plan(BREAKS, at(12, 42))
    assert scheduler.snoozed_until is None


def test_a_snooze_survives_a_plan_change_that_keeps_reminders_on() -> None:
    scheduler = ReminderScheduler(BREAKS, at(9))
    reminder = Reminder(ReminderKind.BREAK, at(9), "stretch-break")
    scheduler.snooze(reminder, at(9))
    scheduler.set_plan(BREAKS, at(9, 1))
    assert scheduler.snoozed_until == at(9, 10)


def test_six_breaks_a_day_by_default_and_more_says_the_sources_suggest_six() -> None:
    assert ReminderPlan().breaks_per_day == SUGGESTED_BREAKS == 6
    assert breaks_words(1) == "1 break" and breaks_words(6) == "6 breaks"
    assert breaks_words(7) == "7 breaks (six suggested)"
    assert breaks_words(12).endswith("(six suggested)")
