"""Words for the review screen and the report: dates, durations and check-in changes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from neuroguide.store.models import SYMPTOMS, CheckIn, Moment
from neuroguide.store.rows import SessionRow

OUTCOME_WORDS = {
    "finished": "finished",
    "stopped": "stopped early",
    "interrupted": "cut off (the app closed)",
    "running": "in progress",
}


def day_text(day: date) -> str:
    """``Wed 1 May 2024``."""
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b %Y')}"


def period_text(first: date, last: date) -> str:
    """A period in few words: ``8 Sep to 7 Dec 2026``, ``8 Dec 2025 to 7 Jan 2026``."""
    if first == last:
        return day_text(first)
    end = f"{last.day} {last.strftime('%b %Y')}"
    if first.year == last.year:
        return f"{first.day} {first.strftime('%b')} to {end}"
    return f"{first.day} {first.strftime('%b %Y')} to {end}"


def minutes_text(ms: int) -> str:
    """Active time in words a person reads at a glance: ``45 s``, ``4 min``, ``1 h 05 min``."""
    seconds = round(ms / 1000)
    if seconds < 60:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def seconds_text(ms: int) -> str:
    """A hold's length: ``30 s`` or ``1 min 30 s``."""
    seconds = round(ms / 1000)
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60} s" if seconds % 60 else f"{seconds // 60} min"


def change_text(checkins: Mapping[Moment, CheckIn] | None) -> str:
    """The before-to-after change of every rating given, e.g. ``pain 6 → 4``."""
    if not checkins:
        return ""
    before, after = checkins.get(Moment.BEFORE), checkins.get(Moment.AFTER)
    parts = []
    for name, label in SYMPTOMS:
        first = before.rating(name) if before else None
        last = after.rating(name) if after else None
        word = label.lower() if name != "balance" else "balance"
        if first is not None and last is not None:
            parts.append(f"{word} {first} → {last}")
        elif first is not None:
            parts.append(f"{word} {first} before")
        elif last is not None:
            parts.append(f"{word} {last} after")
    return ", ".join(parts)


def checkin_text(checkin: CheckIn | None) -> str:
    """Every answer of one check-in in a sentence, or a dash when it was skipped."""
    if checkin is None:
        return "skipped"
    parts = [
        f"{label.lower()} {checkin.rating(name)}"
        for name, label in SYMPTOMS
        if checkin.rating(name) is not None
    ]
    if checkin.where is not None:
        parts.append(f"in the {checkin.where}" if checkin.where != "both" else "feet and hands")
    if checkin.feel is not None:
        parts.append(f"felt {str(checkin.feel).replace('-', ' ')}")
    if checkin.note:
        parts.append(f"note: {checkin.note}")
    return ", ".join(parts) if parts else "skipped"


def session_line(row: SessionRow, checkins: Mapping[Moment, CheckIn] | None) -> str:
    """A sessions-list entry: day, time and routine; then how much was done and the change.

    Always two lines, so every entry has the same height (fast lists of years of sessions).
    """
    local = row.started.local
    done = row.completed
    total = row.completed + row.skipped
    first = f"{day_text(local.date())}, {local.strftime('%H:%M')} · {row.routine_name}"
    parts = [f"{done} of {total} done, {minutes_text(row.active_ms)}"]
    if row.outcome != "finished":
        parts.append(OUTCOME_WORDS.get(row.outcome, row.outcome))
    change = change_text(checkins)
    if change:
        parts.append(change)
    return first + "\n" + " · ".join(parts)
