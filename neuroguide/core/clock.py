"""Clocks the session engine reads; injected so tests never sleep."""

from __future__ import annotations

import time
from typing import Protocol


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
