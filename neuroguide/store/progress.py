"""The home screen's "today" and "this week" minutes, read from the history database."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from neuroguide.core.events import Event
from neuroguide.store.queries import minutes_between


class HistoryProgress:
    """A :class:`~neuroguide.present.progress.ProgressSource` backed by the history.

    It counts every recorded session, also those of earlier runs and cut-off ones.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._connection = connection
        self._today = today

    def handle(self, events: Sequence[Event]) -> None:
        """Nothing to count: the recorder writes each session to the history it reads."""

    def minutes_today(self) -> float:
        """Active minutes recorded on today's local date."""
        today = self._today()
        return minutes_between(self._connection, today, today)

    def minutes_this_week(self) -> float:
        """Active minutes from this week's Monday to today."""
        today = self._today()
        return minutes_between(self._connection, today - timedelta(days=today.weekday()), today)
