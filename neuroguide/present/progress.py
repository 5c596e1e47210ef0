"""Where the home screen's "today" and "this week" figures come from.

The history provides a database-backed :class:`ProgressSource`; until then (and in tests)
:class:`RunProgress` counts the sessions finished since the app started.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from neuroguide.core.schedule import week_start

if TYPE_CHECKING:
    from neuroguide.core.events import Event


class ProgressSource(Protocol):
    """Active minutes done (the weekly goal they count towards is a setting).

    It hears every session's events (as a listener of the session runner), so a source that
    counts in memory can add a finished session, and one that reads the history can ignore them.
    """

    def handle(self, events: Sequence[Event]) -> None:
        """A batch of session events."""
        ...

    def minutes_today(self) -> float:
        """Active minutes since local midnight."""
        ...

    def minutes_this_week(self) -> float:
        """Active minutes since Monday (local time)."""
        ...


class RunProgress:
    """Counts the active time of sessions that ended in this run of the app.

    It is a session listener, so the app simply adds it to the session's listeners.
    """

    def __init__(self, today: Callable[[], date] = lambda: datetime.now().date()) -> None:
        self._today = today
        self._seconds: list[tuple[date, float]] = []

    def handle(self, events: Sequence[Event]) -> None:
        """Add the active time of every session that finished or was stopped."""
        from neuroguide.core.events import SessionFinished

        for event in events:
            if isinstance(event, SessionFinished):
                self._seconds.append((self._today(), event.summary.active_seconds))

    def minutes_today(self) -> float:
        """Active minutes of today's sessions."""
        today = self._today()
        return sum(seconds for day, seconds in self._seconds if day == today) / 60

    def minutes_this_week(self) -> float:
        """Active minutes since this week's Monday."""
        today = self._today()
        monday = week_start(today)
        return sum(seconds for day, seconds in self._seconds if monday <= day <= today) / 60
