"""Records a running session into the history as it happens, one commit per finished item.

Every write goes through :class:`~neuroguide.store.pending.PendingWrites`: when the history
cannot be written (a full disk, a lock held by another program) nothing raises into the
session; the writes wait in memory, in order, and are written as soon as the history can be.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from neuroguide.core.clock import local_now
from neuroguide.core.events import (
    Event,
    PauseReason,
    SessionFinished,
    SessionPaused,
    SessionStarted,
    SetDone,
)
from neuroguide.core.records import ItemRecord
from neuroguide.store import writes
from neuroguide.store.models import CheckIn, Moment, Stamp
from neuroguide.store.pending import PendingWrites, Tell

_RECORDED_PAUSES = (PauseReason.UNSTEADY, PauseReason.MACHINE_SLEEP)


def tell_stderr(message: str) -> None:
    """The default way to tell the person: one line on stderr."""
    print(f"neuroguide: {message}", file=sys.stderr, flush=True)


@dataclass
class _SessionRef:
    """A session's row id, known once its first write has gone through."""

    id: int | None = None

    def get(self) -> int:
        assert self.id is not None, "a session's writes run after its start"
        return self.id


class SessionRecorder:
    """A :class:`~neuroguide.core.listeners.SessionListener` that writes sessions to SQLite.

    Each hold, set or block is committed the moment its ``SetDone`` arrives, so a crash loses at
    most the item in progress; the next open marks the cut-off session interrupted. The name,
    planned work and doses come from the ``SessionStarted`` event: the routine that ran.

    Args:
        connection: the history connection (owned by the calling thread).
        now_utc: the wall clock as an aware datetime in the local offset (injected for tests).
        tell: shows a sentence to the person when writing stops, resumes or gives up.
        writes_queue: the queue to share with the rest of the history (made here if absent).
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        now_utc: Callable[[], datetime] = local_now,
        *,
        tell: Tell = tell_stderr,
        writes_queue: PendingWrites | None = None,
    ) -> None:
        self._now = now_utc
        self._tell = tell
        self.writes = writes_queue or PendingWrites(connection, tell)
        self._session: _SessionRef | None = None
        self._last: _SessionRef | None = None
        self._position = 0
        self._pending_before: CheckIn | None = None

    def set_before_checkin(self, checkin: CheckIn | None) -> None:
        """Keep the before-session check-in until the session starts, then store it with it."""
        self._pending_before = checkin

    def save_after_checkin(self, checkin: CheckIn) -> bool:
        """Store the after-session check-in with the last session; False if there is none."""
        if self._last is None or checkin.is_empty:
            return False
        ref, stamp = self._last, self._stamp()
        self.writes.submit(lambda c: writes.save_checkin(c, ref.get(), checkin, stamp))
        return True

    def handle(self, events: Sequence[Event]) -> None:
        """Write what these events mean for the history (never raises for a failed write)."""
        self.writes.flush()  # writes kept from earlier go first, when the history allows
        for event in events:
            if isinstance(event, SessionStarted):
                self._started(event)
            elif self._session is None:
                continue
            elif isinstance(event, SetDone):
                self._position += 1
                self._item(self._session, self._position, event.record)
            elif isinstance(event, SessionPaused) and event.reason in _RECORDED_PAUSES:
                self._pause(self._session, str(event.reason), writes.to_ms(event.slept_seconds))
            elif isinstance(event, SessionFinished):
                self._finished(self._session, event)
                self._session = None

    def _started(self, event: SessionStarted) -> None:
        ref = self._session = self._last = _SessionRef()
        self._position = 0
        stamp = self._stamp()

        def begin(connection: sqlite3.Connection) -> None:
            ref.id = writes.begin_session(
                connection,
                event.routine_id,
                event.routine_name,
                stamp,
                event.work_seconds * 1000,
                event.steps,
            )

        self.writes.submit(begin)
        before, self._pending_before = self._pending_before, None
        if before is not None and not before.is_empty:
            before = before if before.moment is Moment.BEFORE else _as_before(before)
            self.writes.submit(lambda c: writes.save_checkin(c, ref.get(), before, stamp))

    def _item(self, ref: _SessionRef, position: int, record: ItemRecord) -> None:
        stamp = self._stamp()
        self.writes.submit(lambda c: writes.add_item(c, ref.get(), position, record, stamp))

    def _pause(self, ref: _SessionRef, reason: str, slept_ms: int) -> None:
        stamp = self._stamp()
        self.writes.submit(lambda c: writes.add_pause(c, ref.get(), reason, stamp, slept_ms))

    def _finished(self, ref: _SessionRef, event: SessionFinished) -> None:
        summary, stamp = event.summary, self._stamp()
        self.writes.submit(
            lambda c: writes.finish_session(
                c,
                ref.get(),
                stamp,
                str(summary.outcome),
                summary.planned_seconds * 1000,
                writes.to_ms(summary.active_seconds),
            )
        )
        if self.writes.pending:  # the session's end: one patient try, then say what waits
            self.writes.flush(patient=True)
            waiting = self.writes.unsaved_message(final=False)
            if waiting is not None:
                self._tell(waiting)

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
