"""The periods History shows: preset periods ending today, and moving a period back or on.

Pure date arithmetic. "Today" is given by the caller (from its clock), so the rules can be
checked at month ends, year changes and midnight without waiting for them; the screen that
shows a period only gets its words and which moves are allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from neuroguide.core.schedule import week_start


@dataclass(frozen=True)
class Preset:
    """A period chosen with one button: the last ``days`` days (``None``: everything)."""

    name: str
    days: int | None


PRESETS: tuple[Preset, ...] = (
    Preset("This week", 7),
    Preset("Last 4 weeks", 28),
    Preset("Last 3 months", 91),
    Preset("Last year", 365),
    Preset("Everything", None),
)
"""The preset periods, in the order their buttons show."""

PRESET_NAMES: tuple[str, ...] = tuple(preset.name for preset in PRESETS)
DEFAULT_PRESET = 2
"""The last three months: what History shows when it opens."""
THIS_WEEK = 0
EVERYTHING = len(PRESETS) - 1


def recent_weeks(today: date, weeks: int) -> list[tuple[date, ...]]:
    """The last ``weeks`` weeks up to ``today``'s, oldest first, each as its seven days from
    Monday (a calendar's rows; the days after today are in the last row too)."""
    first = week_start(today) - timedelta(weeks=weeks - 1)
    return [
        tuple(first + timedelta(weeks=row, days=column) for column in range(7))
        for row in range(max(0, weeks))
    ]


@dataclass(frozen=True)
class Period:
    """The days from ``first`` to ``last``, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"a period cannot end ({self.last}) before it starts ({self.first})")

    @property
    def days(self) -> int:
        """How many days the period holds (1 for a single day)."""
        return (self.last - self.first).days + 1

    def shifted(self, direction: int) -> Period:
        """The period of the same length just before (-1) or just after (+1) this one."""
        step = timedelta(days=direction * self.days)
        return Period(self.first + step, self.last + step)


def preset_period(index: int, today: date, first_recorded: date | None = None) -> Period:
    """Preset ``index`` (see :data:`PRESETS`) ending ``today``.

    "Everything" starts on the first recorded day (today when nothing is recorded, or when
    the first record is dated after today because the computer's date was set back).
    """
    preset = PRESETS[index]
    if preset.days is None:
        first = today if first_recorded is None else min(first_recorded, today)
        return Period(first, today)
    if index == THIS_WEEK:
        return Period(week_start(today), today)
    return Period(today - timedelta(days=preset.days - 1), today)


def can_go_earlier(index: int) -> bool:
    """Whether preset ``index``'s period may move back ("Everything" already starts first)."""
    return PRESETS[index].days is not None


def can_go_later(period: Period, today: date) -> bool:
    """Whether the period may move on: only while it ends before today."""
    return period.last < today
