"""When to remind: stretch breaks spread over the day and one daily session, with snooze.

No timers and no ``datetime.now()`` here: the caller passes the local wall-clock time (an aware
``datetime``) into every call, so tests move time by hand. The Qt side only wakes up now and then
and asks :meth:`ReminderScheduler.poll`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

WallClock = Callable[[], datetime]
"""Returns the local time now, with its offset (``datetime.now().astimezone()`` in the app)."""

SUGGESTED_BREAKS = 6
"""Stretch breaks a day the sources suggest ("six times per day"): the default, and the number
past which the setting says that more is the person's own choice."""

GRACE = timedelta(minutes=30)
"""A reminder missed by more than this (the machine was off or asleep) is not shown late."""


class ReminderKind(StrEnum):
    """What a reminder is for."""

    BREAK = "break"
    SESSION = "session"


@dataclass(frozen=True)
class ReminderPlan:
    """Which reminders are wanted; built from the settings."""

    breaks: bool = False
    breaks_per_day: int = SUGGESTED_BREAKS
    break_from: time = time(9)
    break_until: time = time(18)
    break_routine: str = "stretch-break"
    session: bool = False
    session_time: time = time(18)
    session_routine: str = ""
    snooze_minutes: int = 10

    @property
    def active(self) -> bool:
        """Whether any reminder is on."""
        return self.breaks or self.session


@dataclass(frozen=True)
class Reminder:
    """One reminder: what for, when it became due, and the routine it opens."""

    kind: ReminderKind
    due: datetime
    routine_id: str


def breaks_words(count: int) -> str:
    """``6`` -> ``6 breaks``; above the suggested six it says so: ``8 breaks (six suggested)``."""
    words = f"{count} break{'' if count == 1 else 's'}"
    return f"{words} (six suggested)" if count > SUGGESTED_BREAKS else words


def parse_time(text: str, fallback: time) -> time:
    """``"09:30"`` -> 9:30; anything unreadable gives ``fallback``."""
    try:
        hours, minutes = text.split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        return fallback


def break_times(plan: ReminderPlan) -> list[time]:
    """The day's break times: the first at ``break_from``, the last at ``break_until``.

    With one break, or a window that ends before it starts, there is a single break at
    ``break_from``.
    """
    start = plan.break_from.hour * 60 + plan.break_from.minute
    end = plan.break_until.hour * 60 + plan.break_until.minute
    count = max(1, plan.breaks_per_day)
    if count == 1 or end <= start:
        return [plan.break_from]
    step = (end - start) / (count - 1)
    return [_minutes_to_time(round(start + index * step)) for index in range(count)]


def _minutes_to_time(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def day_reminders(plan: ReminderPlan, day: date, now: datetime) -> list[Reminder]:
    """Every reminder of ``day`` in time order (``now`` supplies the time zone)."""
    found: list[Reminder] = []
    zone = now.tzinfo
    if plan.breaks:
        for moment in break_times(plan):
            due = datetime.combine(day, moment, tzinfo=zone)
            found.append(Reminder(ReminderKind.BREAK, due, plan.break_routine))
    if plan.session:
        due = datetime.combine(day, plan.session_time, tzinfo=zone)
        found.append(Reminder(ReminderKind.SESSION, due, plan.session_routine))
    return sorted(found, key=lambda reminder: (reminder.due, reminder.kind))


class ReminderScheduler:
    """Decides which reminder to show; every call is told the current wall-clock time.

    Reminders that fall due while a session runs are dropped: the person is exercising
    already. When several fall due between two polls (the machine slept), only the latest one
    is shown, and only if it is at most :data:`GRACE` old.
    """

    def __init__(self, plan: ReminderPlan, now: datetime) -> None:
        self.plan = plan
        self._checked = now
        self._snoozed: Reminder | None = None
        self._snoozed_until: datetime | None = None

    @property
    def snoozed_until(self) -> datetime | None:
        """When the snoozed reminder comes back, or ``None``."""
        return self._snoozed_until

    def set_plan(self, plan: ReminderPlan, now: datetime) -> None:
        """Use a new plan from ``now`` on; reminders already past are not shown."""
        self.plan = plan
        self._checked = now
        if not plan.active:
            self._snoozed = self._snoozed_until = None

    def poll(self, now: datetime, *, busy: bool = False) -> Reminder | None:
        """The reminder to show now, if any; ``busy`` means a session is running."""
        due = self._due_since(self._checked, now)
        snoozed, until = self._snoozed, self._snoozed_until
        if snoozed is not None and until is not None and until <= now:
            due.append(Reminder(snoozed.kind, until, snoozed.routine_id))
            self._snoozed = self._snoozed_until = None
        self._checked = max(self._checked, now)
        if busy or not due:
            return None
        latest = max(due, key=lambda reminder: reminder.due)
        if now - latest.due > GRACE:
            return None
        self._snoozed = self._snoozed_until = None
        return latest

    def snooze(self, reminder: Reminder, now: datetime) -> datetime:
        """Bring ``reminder`` back after the plan's snooze time; returns when."""
        self._snoozed = reminder
        self._snoozed_until = now + timedelta(minutes=self.plan.snooze_minutes)
        return self._snoozed_until

    def next_due(self, now: datetime) -> datetime | None:
        """The next moment a reminder can fall due after ``now`` (for arming a timer)."""
        candidates = [
            reminder.due
            for day in (now.date(), now.date() + timedelta(days=1))
            for reminder in day_reminders(self.plan, day, now)
            if reminder.due > now
        ]
        if self._snoozed_until is not None:
            candidates.append(self._snoozed_until)
        return min(candidates, default=None)

    def _due_since(self, after: datetime, until: datetime) -> list[Reminder]:
        if until <= after:
            return []
        found: list[Reminder] = []
        # Only the last day can hold a reminder recent enough to show (see GRACE).
        day = max(after.date(), until.date() - timedelta(days=1))
        while day <= until.date():
            found.extend(
                reminder
                for reminder in day_reminders(self.plan, day, until)
                if after < reminder.due <= until
            )
            day += timedelta(days=1)
        return found
