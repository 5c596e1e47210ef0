"""The home screen's "today" and "this week" minutes, read from the history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from neuroguide.core.events import Event
from neuroguide.store.database import HistoryError
from neuroguide.store.history import History


class HistoryProgress:
    """A :class:`~neuroguide.present.progress.ProgressSource` backed by the history.

    It counts every recorded session, also those of earlier runs and cut-off ones. While the
    history cannot be read (another program holds it) it shows no minutes rather than fail.
    """

    def __init__(self, history: History, today: Callable[[], date] = date.today) -> None:
        self._history = history
        self._today = today

    def handle(self, events: Sequence[Event]) -> None:
        """Nothing to count: the recorder writes each session to the history it reads."""

    def minutes_today(self) -> float:
        """Active minutes recorded on today's local date."""
        today = self._today()
        try:
            return self._history.minutes_between(today, today)
        except HistoryError:
            return 0.0

    def minutes_this_week(self) -> float:
        """Active minutes from this week's Monday to today."""
        try:
            return self._history.minutes_this_week(self._today())
        except HistoryError:
            return 0.0
