"""When to suggest the next progress check: four weeks after the last one, never mid-session.

The caller passes today's local date and whether a session is running, so tests need no clock.
"""

from __future__ import annotations

from datetime import date, timedelta

CHECK_INTERVAL = timedelta(weeks=4)


def next_check_due(last_check: date | None, today: date) -> date:
    """The day the next check is suggested: today if none was ever done."""
    if last_check is None:
        return today
    return last_check + CHECK_INTERVAL


def check_suggested(last_check: date | None, today: date, *, in_session: bool) -> bool:
    """Whether to suggest a check now; never while a session is running."""
    if in_session:
        return False
    return today >= next_check_due(last_check, today)


def suggestion_text(last_check: date | None, today: date) -> str:
    """One line for the home screen or ``neuroguide progress``."""
    if last_check is None:
        return "Try a progress check: three short tests that show how you are getting on."
    weeks = (today - last_check).days // 7
    if today < next_check_due(last_check, today):
        due = next_check_due(last_check, today)
        return f"Next progress check suggested from {due.isoformat()}."
    return f"Your last progress check was {weeks} weeks ago: time for the next one."
