"""The plain values the history stores and returns; no SQL and no Qt here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum

SCALE_MAX = 10
"""Symptom ratings run from 0 (none) to 10 (the worst imaginable)."""


class Moment(StrEnum):
    """When a check-in was taken."""

    BEFORE = "before"
    AFTER = "after"


class Where(StrEnum):
    """Where the symptoms are felt."""

    FEET = "feet"
    HANDS = "hands"
    BOTH = "both"


class Feel(StrEnum):
    """How hard the session felt (asked after it)."""

    TOO_EASY = "too-easy"
    ABOUT_RIGHT = "about-right"
    TOO_HARD = "too-hard"


SYMPTOMS: tuple[tuple[str, str], ...] = (
    ("pain", "Pain"),
    ("numbness", "Numbness"),
    ("tingling", "Tingling"),
    ("balance", "Balance confidence"),
)
"""Each rated symptom's field name and the label people see."""


@dataclass(frozen=True)
class CheckIn:
    """One optional before- or after-session check-in; any rating may be left out (``None``)."""

    moment: Moment
    pain: int | None = None
    numbness: int | None = None
    tingling: int | None = None
    balance: int | None = None
    where: Where | None = None
    feel: Feel | None = None
    note: str = ""

    def __post_init__(self) -> None:
        for name, _label in SYMPTOMS:
            value = getattr(self, name)
            if value is not None and not 0 <= value <= SCALE_MAX:
                raise ValueError(f"{name} must be between 0 and {SCALE_MAX}, not {value}")

    def rating(self, name: str) -> int | None:
        """The rating of the symptom called ``name`` (see :data:`SYMPTOMS`)."""
        value: int | None = getattr(self, name)
        return value

    @property
    def is_empty(self) -> bool:
        """True when nothing was answered (a skipped check-in is not stored)."""
        ratings = [self.rating(name) for name, _ in SYMPTOMS]
        return all(r is None for r in ratings) and not (self.where or self.feel or self.note)


@dataclass(frozen=True)
class Stamp:
    """A moment as stored: UTC plus the local offset in minutes at that moment."""

    utc: datetime
    offset_minutes: int

    @classmethod
    def of(cls, moment: datetime) -> Stamp:
        """A stamp from an aware datetime (naive datetimes are taken as UTC)."""
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        offset = moment.utcoffset() or timedelta(0)
        return cls(moment.astimezone(UTC), int(offset.total_seconds() // 60))

    @classmethod
    def parse(cls, utc_text: str, offset_minutes: int) -> Stamp:
        """A stamp from the stored text and offset."""
        return cls(datetime.fromisoformat(utc_text).astimezone(UTC), offset_minutes)

    @property
    def utc_text(self) -> str:
        """UTC as ISO 8601 with milliseconds, e.g. ``2024-05-01T08:30:00.000+00:00``."""
        return self.utc.isoformat(timespec="milliseconds")

    @property
    def local(self) -> datetime:
        """The wall-clock time where it happened, with its offset."""
        return self.utc.astimezone(timezone(timedelta(minutes=self.offset_minutes)))

    @property
    def local_day(self) -> date:
        """The local calendar day (what "today" meant to the person)."""
        return self.local.date()


@dataclass(frozen=True)
class Filter:
    """Which sessions to look at: an inclusive local-day range and optionally one routine."""

    first_day: date | None = None
    last_day: date | None = None
    routine_id: str | None = None
