"""Which cue is said next: one in flight, at most one waiting, stale ones dropped.

Kept apart from the worker process so the rules are tested with a fake clock. The rules:

- A cue in flight is never cut off by another cue; only an explicit interrupt silences it.
- A waiting cue is displaced by a newer cue of the same or higher priority; a newer cue of
  lower priority is dropped instead. So a countdown number never pushes out an exercise name.
- Counts and transitions are dropped once they are more than ``late_limit`` seconds late or
  once a cue of another phase has arrived: a late "3" is worse than none.
- The exercise name and safety words are dropped only once a cue of another step has arrived.
"""

from __future__ import annotations

from collections import deque

from neuroguide.core.cues import Cue, CuePriority

LATE_LIMIT = 1.0
"""Seconds after which a count or transition is no longer worth saying."""


class CueSlots:
    """One cue in flight and one waiting, chosen by priority and freshness."""

    def __init__(self, late_limit: float = LATE_LIMIT) -> None:
        self.late_limit = late_limit
        self.in_flight: Cue | None = None
        self.waiting: Cue | None = None
        self.dropped: deque[Cue] = deque(maxlen=100)
        """The most recent dropped cues, for tests and diagnostics."""
        self._phase: int | None = None
        self._step: int | None = None

    def offer(self, cue: Cue, now: float) -> None:
        """A new cue arrived: keep it waiting, or drop it or the cue it would displace."""
        if cue.phase_index is not None:
            self._phase = cue.phase_index
        if cue.step_index is not None:
            self._step = cue.step_index
        if self.is_stale(cue, now):
            self.dropped.append(cue)
            return
        if self.waiting is not None and self.is_stale(self.waiting, now):
            self.dropped.append(self.waiting)
            self.waiting = None
        if self.waiting is None:
            self.waiting = cue
        elif cue.priority >= self.waiting.priority:
            self.dropped.append(self.waiting)
            self.waiting = cue
        else:
            self.dropped.append(cue)

    def take(self, now: float) -> Cue | None:
        """If nothing is in flight, move the waiting cue (if still fresh) into flight."""
        if self.in_flight is not None or self.waiting is None:
            return None
        cue, self.waiting = self.waiting, None
        if self.is_stale(cue, now):
            self.dropped.append(cue)
            return None
        self.in_flight = cue
        return cue

    def finish(self) -> None:
        """The cue in flight has been said (or was lost with its worker)."""
        self.in_flight = None

    def clear(self) -> None:
        """Forget everything: an interrupt."""
        if self.waiting is not None:
            self.dropped.append(self.waiting)
        self.in_flight = None
        self.waiting = None

    def is_stale(self, cue: Cue, now: float) -> bool:
        """Whether ``cue`` is no longer true enough to be said."""
        if cue.priority >= CuePriority.NAME:
            return cue.step_index is not None and self._step not in (None, cue.step_index)
        if now - cue.at > self.late_limit:
            return True
        return cue.phase_index is not None and self._phase not in (None, cue.phase_index)
