"""Records a running session into the history as it happens, one commit per finished item."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from neuroguide.core.events import (
    Event,
    PauseReason,
    SessionFinished,
    SessionPaused,
    SessionStarted,
    SetDone,
)
from neuroguide.core.library import Routine
from neuroguide.core.timeline import build_timeline
from neuroguide.store import writes
from neuroguide.store.database import local_now
from neuroguide.store.models import CheckIn, Moment, Stamp

_RECORDED_PAUSES = (PauseReason.UNSTEADY, PauseReason.MACHINE_SLEEP)


class SessionRecorder:
    """A :class:`~neuroguide.core.listeners.SessionListener` that writes sessions to SQLite.

    Each hold, set or block is committed the moment its ``SetDone`` arrives, so a crash loses at
    most the item in progress; the next open marks the cut-off session interrupted.

    Args:
        connection: the history connection (owned by the calling thread).
        routines: routines by id, for the name and the planned work time; unknown ids are
            recorded by id.
        now_utc: the wall clock as an aware datetime in the local offset (injected for tests).
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        routines: Mapping[str, Routine] | None = None,
        now_utc: Callable[[], datetime] = local_now,
    ) -> None:
        self._connection = connection
        self._routines = routines or {}
        self._now = now_utc
        self._session_id: int | None = None
        self._position = 0
        self._pending_before: CheckIn | None = None
        self.last_session_id: int | None = None
        """The session recorded last (running or ended): where an after check-in belongs."""

    def set_before_checkin(self, checkin: CheckIn | None) -> None:
        """Keep the before-session check-in until the session starts, then store it with it."""
        self._pending_before = checkin

    def save_after_checkin(self, checkin: CheckIn) -> bool:
        """Store the after-session check-in with the last session; False if there is none."""
        if self.last_session_id is None or checkin.is_empty:
            return False
        writes.save_checkin(self._connection, self.last_session_id, checkin, self._stamp())
        return True

    def handle(self, events: Sequence[Event]) -> None:
        """Write what these events mean for the history."""
        for event in events:
            if isinstance(event, SessionStarted):
                self._started(event)
            elif self._session_id is None:
                continue
            elif isinstance(event, SetDone):
                self._position += 1
                writes.add_item(
                    self._connection, self._session_id, self._position, event.record, self._stamp()
                )
            elif isinstance(event, SessionPaused) and event.reason in _RECORDED_PAUSES:
                writes.add_pause(
                    self._connection,
                    self._session_id,
                    str(event.reason),
                    self._stamp(),
                    writes.to_ms(event.slept_seconds),
                )
            elif isinstance(event, SessionFinished):
                summary = event.summary
                writes.finish_session(
                    self._connection,
                    self._session_id,
                    self._stamp(),
                    str(summary.outcome),
                    summary.planned_seconds * 1000,
                    writes.to_ms(summary.active_seconds),
                )
                self._session_id = None

    def _started(self, event: SessionStarted) -> None:
        routine = self._routines.get(event.routine_id)
        name = routine.name if routine else event.routine_id
        if routine is not None:
            planned = sum(p.seconds for p in build_timeline(routine) if p.kind.is_work)
        else:
            planned = event.total_seconds
        self._session_id = writes.begin_session(
            self._connection, event.routine_id, name, self._stamp(), planned * 1000
        )
        self.last_session_id = self._session_id
        self._position = 0
        before, self._pending_before = self._pending_before, None
        if before is not None and not before.is_empty:
            before = before if before.moment is Moment.BEFORE else _as_before(before)
            writes.save_checkin(self._connection, self._session_id, before, self._stamp())

    def _stamp(self) -> Stamp:
        return Stamp.of(self._now())


def _as_before(checkin: CheckIn) -> CheckIn:
    return CheckIn(
        Moment.BEFORE,
        checkin.pain,
        checkin.numbness,
        checkin.tingling,
        checkin.balance,
        checkin.where,
        None,
        checkin.note,
    )
