"""How often a routine is meant to be done: a ``[schedule]`` table, its limits and its words.

A schedule counts sessions per week (Monday to Sunday), because that is what a person can
see and keep: "2 of 3 this week". ``times_a_day`` with ``every_day`` or ``days_a_week`` gives
the week's plan; ``weeks`` (optional) says how long the programme lasts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

SCHEDULE_KEYS = ("times_a_day", "days_a_week", "every_day", "weeks", "up_to")
SCHEDULE_LIMITS = {"times_a_day": (1, 12), "days_a_week": (1, 7), "weeks": (1, 104)}

Report = Callable[[str, str | None], None]


@dataclass(frozen=True)
class Schedule:
    """Sessions per day and days per week; ``weeks`` is ``None`` for "ongoing"."""

    times_a_day: int = 1
    days_a_week: int = 7
    weeks: int | None = None
    up_to: bool = False
    """``times_a_day`` is a most, not a target (stretch breaks "up to six times a day"):
    the week then plans one session a day."""

    @property
    def per_week(self) -> int:
        """Sessions planned in one full week."""
        return self.days_a_week if self.up_to else self.times_a_day * self.days_a_week

    def describe(self) -> str:
        """``Every day``, ``3 days a week``, ``Up to 6 times a day, every day, for 6 weeks``."""
        days = "every day" if self.days_a_week == 7 else _count(self.days_a_week, "day") + " a week"
        text = days
        if self.times_a_day > 1:
            most = "up to " if self.up_to else ""
            text = f"{most}{_count(self.times_a_day, 'time')} a day, {days}"
        if self.weeks:
            text += f", for {_count(self.weeks, 'week')}"
        return text[0].upper() + text[1:]


def _count(number: int, word: str) -> str:
    if word == "time" and number == 2:
        return "twice"
    if word == "time" and number == 1:
        return "once"
    return f"{number} {word}{'s' if number != 1 else ''}"


def check_schedule(value: Any, report: Report) -> Schedule | None:
    """Validate a ``[schedule]`` table; report each problem (with its key) and return it."""
    if not isinstance(value, Mapping):
        report("'schedule' must be a table such as { days_a_week = 3 }", None)
        return None
    ok = True
    for key in value:
        if key not in SCHEDULE_KEYS:
            report(f"schedule: unknown key '{key}'; use {', '.join(SCHEDULE_KEYS)}", key)
            ok = False
    numbers: dict[str, int] = {}
    for key, (low, high) in SCHEDULE_LIMITS.items():
        if key not in value:
            continue
        number = value[key]
        if isinstance(number, bool) or not isinstance(number, int):
            report(f"schedule: '{key}' must be a whole number from {low} to {high}", key)
            ok = False
        elif not low <= number <= high:
            report(f"schedule: '{key}' is {number}; it must be from {low} to {high}", key)
            ok = False
        else:
            numbers[key] = number
    every_day = value.get("every_day", False)
    up_to = value.get("up_to", False)
    for key, flag in (("every_day", every_day), ("up_to", up_to)):
        if not isinstance(flag, bool):
            report(f"schedule: '{key}' must be true or false", key)
            ok = False
    if every_day and "days_a_week" in value:
        report("schedule: give 'every_day' or 'days_a_week', not both", "days_a_week")
        ok = False
    if not (every_day or "days_a_week" in value or "times_a_day" in value):
        report("schedule: say how often, e.g. days_a_week = 3 or every_day = true", None)
        ok = False
    if not ok:
        return None
    return Schedule(
        times_a_day=numbers.get("times_a_day", 1),
        days_a_week=numbers.get("days_a_week", 7),
        weeks=numbers.get("weeks"),
        up_to=bool(up_to and numbers.get("times_a_day", 1) > 1),
    )


def schedule_table(schedule: Schedule) -> dict[str, Any]:
    """The ``[schedule]`` table for ``schedule`` (what :func:`check_schedule` reads back)."""
    table: dict[str, Any] = {}
    if schedule.times_a_day != 1:
        table["times_a_day"] = schedule.times_a_day
    if schedule.days_a_week == 7:
        table["every_day"] = True
    else:
        table["days_a_week"] = schedule.days_a_week
    if schedule.weeks:
        table["weeks"] = schedule.weeks
    if schedule.up_to:
        table["up_to"] = True
    return table


def schedule_kept(schedule: Schedule, done_today: int, done_this_week: int) -> bool:
    """Whether a reminder for the routine is unneeded: the week's plan, or today's, is done.

    "Up to" schedules (stretch breaks) only look at today: the week has no target to meet.
    """
    if not schedule.up_to and done_this_week >= schedule.per_week:
        return True
    return done_today >= schedule.times_a_day


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def week_words(schedule: Schedule, done: int) -> str:
    """``2 of 3 this week`` (``done`` counts this week's finished sessions)."""
    return f"{done} of {schedule.per_week} this week"


@dataclass(frozen=True)
class WeekAdherence:
    """One week of a scheduled routine: sessions done against sessions planned."""

    monday: date
    done: int
    planned: int


def planned_in(schedule: Schedule, days: int) -> int:
    """Sessions planned in ``days`` days of one week: the whole week's for seven, else its
    share rounded up (3 a week over the one day left of a week is 1, not 3)."""
    if days >= 7:
        return schedule.per_week
    return min(schedule.per_week, -(-schedule.per_week * max(0, days) // 7))


def adherence(
    schedule: Schedule, done_by_week: Mapping[date, int], first: date, last: date
) -> list[WeekAdherence]:
    """Every week from ``first`` to ``last`` with its done and planned sessions.

    Counted fairly: the first week plans only for the days from ``first`` (the day the
    programme was added), the last only for the days up to ``last`` (today, or the period's
    end). A programme with ``weeks`` plans nothing after its last week (counted from
    ``first``).
    """
    rows: list[WeekAdherence] = []
    monday = week_start(first)
    number = 0
    while monday <= last:
        number += 1
        days = (min(monday + timedelta(days=6), last) - max(monday, first)).days + 1
        planned = planned_in(schedule, days)
        if schedule.weeks is not None and number > schedule.weeks:
            planned = 0
        rows.append(WeekAdherence(monday, done_by_week.get(monday, 0), planned))
        monday += timedelta(days=7)
    return rows
