"""Fake clocks for tests: the wall clock a reminder or a record reads."""

from __future__ import annotations

from datetime import datetime, timedelta


class FakeWallClock:
    """A wall clock (an aware datetime) that moves only when the test says so.

    Pass it wherever the app takes ``Callable[[], datetime]`` (``local_now`` in real use).
    """

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float = 0, **delta: float) -> datetime:
        """Move on by ``seconds`` and/or any ``timedelta`` keywords; returns the new time."""
        self.now += timedelta(seconds=seconds, **delta)
        return self.now
