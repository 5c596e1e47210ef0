"""A small real history for the History screen's tests: five sessions at set days before
``TODAY`` (0, 1, 2, 10 and 200 days ago), the one 10 days ago of the "Seated" routine."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from neuroguide.store.history import History
from neuroguide.store.models import CheckIn, Moment
from tests.store.seed import add_session

TODAY = date(2024, 6, 30)  # a Sunday
ZONE = timezone(timedelta(hours=2))
DAYS_AGO = (0, 1, 2, 10, 200)


def review_history(*, holds: int, pain_after: int | None = None) -> History:
    """An in-memory history of those sessions, each of ``holds`` holds, pain 6 before and
    ``pain_after`` after (no check-in after when ``None``). The caller closes it."""
    history = History.in_memory()
    after = None if pain_after is None else CheckIn(Moment.AFTER, pain=pain_after)
    for days_ago in DAYS_AGO:
        day = TODAY - timedelta(days=days_ago)
        seated = days_ago == 10
        add_session(
            history,
            datetime(day.year, day.month, day.day, 9, 15, tzinfo=ZONE),
            routine_id="seated" if seated else "stretch-break",
            routine_name="Seated" if seated else "Stretch break",
            holds=holds,
            before=CheckIn(Moment.BEFORE, pain=6),
            after=after,
        )
    return history
