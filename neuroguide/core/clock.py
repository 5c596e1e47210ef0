"""Clocks the app reads; injected so tests never sleep.

``Clock`` (monotonic seconds) drives sessions; ``local_now`` is the one real wall clock, for
the moments a person sees or a record keeps (reminders, check results, session times).
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Protocol


def local_now() -> datetime:
    """The wall clock as an aware datetime in the local offset."""
    return datetime.now().astimezone()


class Clock(Protocol):
    """A monotonic time source in seconds; only differences between readings matter."""

    def now(self) -> float:
        """Return the current monotonic time in seconds."""
        ...


class MonotonicClock:
    """The real clock: ``time.monotonic``, which never jumps back when the wall clock is set."""

    def now(self) -> float:
        """Return ``time.monotonic()``."""
        return time.monotonic()


class FakeClock:
    """A clock that only moves when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        """Return the fake time."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move time forward; moving it back would break monotonicity, so it is refused."""
        if seconds < 0:
            raise ValueError("a monotonic clock cannot go back")
        self._now += seconds
