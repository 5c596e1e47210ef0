"""Runs a real Session with a FakeClock and hands every batch to listeners (test helper)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from neuroguide.core.clock import FakeClock
from neuroguide.core.events import Event, SetDone
from neuroguide.core.library import Routine
from neuroguide.core.listeners import SessionListener
from neuroguide.core.session import Session, SessionState


class SessionDriver:
    """A session, its fake clock and listeners; ``step`` moves both clocks together."""

    def __init__(
        self,
        routine: Routine,
        listeners: Sequence[SessionListener],
        advance_wall: Callable[[float], None] | None = None,
    ) -> None:
        self.clock = FakeClock()
        self.session = Session(routine, self.clock, get_ready=2)
        self.listeners = listeners
        self.items_done = 0
        self._advance_wall = advance_wall

    def send(self, events: list[Event]) -> None:
        """Pass one batch to every listener, counting finished items."""
        self.items_done += sum(isinstance(event, SetDone) for event in events)
        for listener in self.listeners:
            listener.handle(events)

    def step(self, seconds: float = 1.0) -> None:
        """Let ``seconds`` pass and tick."""
        self.clock.advance(seconds)
        if self._advance_wall is not None:
            self._advance_wall(seconds)
        self.send(self.session.tick())

    def run_until(self, items: int) -> None:
        """Tick until ``items`` holds/sets are done (or the session ends)."""
        while self.items_done < items and self.session.state is not SessionState.FINISHED:
            self.step()

    def run_to_end(self) -> None:
        """Tick until the session finishes by itself."""
        while self.session.state is not SessionState.FINISHED:
            self.step()
