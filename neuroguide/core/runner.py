"""One session runner for the window and the terminal.

The runner owns a :class:`~neuroguide.core.session.Session` and is the only thing that
advances it. Every batch of events it gets back goes to its listeners in a fixed order —
the voice first (sound is what a person follows), then the screen, then the history — and
each listener is isolated: an exception in one is reported once and never stops the clock,
the other listeners or the session. Front ends only decide *when* to call :meth:`tick`
(a Qt timer, or the terminal's key wait) and what a key means.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from neuroguide.core.clock import Clock
from neuroguide.core.events import Event, PauseReason, SessionFinished, StepFinished
from neuroguide.core.library import Routine
from neuroguide.core.listeners import SessionListener
from neuroguide.core.records import Summary
from neuroguide.core.session import ADD_SECONDS, Session, SessionState

ErrorReport = Callable[[str, BaseException], None]
"""Called once per failing listener with its role ("voice", "screen", "history", ...)."""


def get_ready_seconds(routine: Routine, minimum: int) -> int:
    """The get-ready before each exercise: the person's setting, or the routine's if longer.

    One rule for the window and ``neuroguide play``; ``minimum`` is the setting (or the
    command line's ``--get-ready``), never a cut-off.
    """
    return max(minimum, routine.get_ready or 0)


@dataclass(frozen=True)
class Listener:
    """A session listener with the role it plays, for ordering and for error reports."""

    role: str
    listener: SessionListener


LISTENER_ORDER = ("voice", "screen", "history")
"""Roles in the order they hear each batch; other roles follow, in the order given."""


class SessionRunner:
    """Advances a session and hands each batch of events to its listeners, isolated.

    Args:
        session: the session to run (not started).
        listeners: who hears the events, each with its role.
        on_error: told once per failing listener; the session carries on regardless.
        auto_advance: ``False`` pauses at the end of each exercise until the person goes on.
    """

    def __init__(
        self,
        session: Session,
        listeners: Sequence[Listener] = (),
        *,
        on_error: ErrorReport | None = None,
        auto_advance: bool = True,
    ) -> None:
        self.session = session
        self.auto_advance = auto_advance
        self.waiting = False
        """Paused at the end of an exercise until Space or Next (auto-advance off)."""
        self._listeners = _ordered(listeners)
        self._on_error = on_error
        self._failed: set[str] = set()

    @classmethod
    def for_routine(
        cls,
        routine: Routine,
        clock: Clock,
        *,
        get_ready_minimum: int,
        listeners: Sequence[Listener] = (),
        on_error: ErrorReport | None = None,
        auto_advance: bool = True,
        ready_by_step: Mapping[int, int] | None = None,
        switch_by_step: Mapping[int, int] | None = None,
        ready_again_by_step: Mapping[int, int] | None = None,
    ) -> SessionRunner:
        """A runner for ``routine`` with the one get-ready rule; ``ready_by_step`` and
        ``switch_by_step`` (from the speech plan) stretch single get-readys and switches of
        sides to fit their words; ``ready_again_by_step`` times a get-ready visited again
        (Back) to its shorter words."""
        session = Session(
            routine,
            clock,
            get_ready=get_ready_seconds(routine, get_ready_minimum),
            ready_by_step=ready_by_step,
            switch_by_step=switch_by_step,
            ready_again_by_step=ready_again_by_step,
        )
        return cls(session, listeners, on_error=on_error, auto_advance=auto_advance)

    # ----------------------------------------------------------------- queries

    @property
    def state(self) -> SessionState:
        """The session's state."""
        return self.session.state

    @property
    def summary(self) -> Summary | None:
        """How the session went, once it has finished."""
        return self.session.summary

    @property
    def failed_listeners(self) -> frozenset[str]:
        """Roles of the listeners that raised at least once."""
        return frozenset(self._failed)

    def seconds_to_next_event(self) -> float | None:
        """How long until something can change; ``None`` while nothing is due (paused)."""
        return self.session.seconds_to_next_event()

    def add_listener(self, listener: Listener) -> None:
        """Let one more listener hear the batches from now on (in its role's place)."""
        self._listeners = _ordered([*self._listeners, listener])

    # ----------------------------------------------------------------- controls

    def start(self) -> list[Event]:
        """Begin the session."""
        return self._publish(self.session.start())

    def tick(self) -> list[Event]:
        """Catch up with the clock."""
        return self._publish(self.session.tick())

    def toggle_pause(self) -> list[Event]:
        """Space: start, pause or resume (and go on after an exercise when waiting)."""
        if self.session.state is SessionState.RUNNING:
            return self.pause()
        if self.session.state is SessionState.PAUSED:
            return self.resume()
        if self.session.state is SessionState.READY:
            return self.start()
        return []

    def pause(self, reason: PauseReason = PauseReason.USER) -> list[Event]:
        """Pause at once."""
        return self._publish(self.session.pause(reason))

    def resume(self) -> list[Event]:
        """Carry on from where the session paused."""
        self.waiting = False
        return self._publish(self.session.resume())

    def unsteady(self) -> list[Event]:
        """ "Stop, I feel unsteady": pause at once; the voice says the safety words."""
        self.waiting = False
        return self._publish(self.session.pause(PauseReason.UNSTEADY))

    def next(self) -> list[Event]:
        """Skip to the next part; while waiting after an exercise, simply go on."""
        if self.waiting:
            return self.resume()
        return self._publish(self.session.next())

    def done(self) -> list[Event]:
        """Finish a set of reps or a timed block early, as done."""
        return self._publish(self.session.done())

    def previous(self) -> list[Event]:
        """Start this part again, or go back to the one before."""
        self.waiting = False
        return self._publish(self.session.previous())

    def restart_step(self) -> list[Event]:
        """Go back to the start of the current exercise."""
        self.waiting = False
        return self._publish(self.session.restart_step())

    def add_time(self, seconds: int = ADD_SECONDS) -> list[Event]:
        """More seconds in this part."""
        return self._publish(self.session.add_time(seconds))

    def stop(self) -> list[Event]:
        """End the session now."""
        self.waiting = False
        return self._publish(self.session.stop())

    # ---------------------------------------------------------------- internals

    def _publish(self, events: list[Event]) -> list[Event]:
        if (
            not self.auto_advance
            and self.session.state is SessionState.RUNNING
            and any(isinstance(e, StepFinished) for e in events)
        ):
            # Wait for a press before the next exercise; the engine itself knows nothing of it.
            events = events + self.session.pause(PauseReason.USER)
            self.waiting = True
        if events:
            for entry in self._listeners:
                try:
                    entry.listener.handle(events)
                except Exception as error:
                    self._report(entry.role, error)
        return events

    def _report(self, role: str, error: Exception) -> None:
        if role in self._failed:
            return
        self._failed.add(role)
        if self._on_error is not None:
            try:
                self._on_error(role, error)
            except Exception:
                traceback.print_exc()


def finished_summary(events: Sequence[Event]) -> Summary | None:
    """The summary carried by the last ``SessionFinished`` in ``events``, if any."""
    finished = [e for e in events if isinstance(e, SessionFinished)]
    return finished[-1].summary if finished else None


def _ordered(listeners: Sequence[Listener]) -> list[Listener]:
    def rank(entry: Listener) -> int:
        role = entry.role
        return LISTENER_ORDER.index(role) if role in LISTENER_ORDER else len(LISTENER_ORDER)

    return sorted(listeners, key=rank)  # stable: same-role listeners keep their order
