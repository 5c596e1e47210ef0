"""Writes that wait: a history write that fails (a full disk, a file locked by another program)
is kept in memory, in order, and written when the history can be written again.

The session never waits long for the history: a normal write may wait a second for a lock,
and while the history is failing a retry is tried at most every few seconds and waits only a
moment. The person is told once when writing stops and once when it works again.
"""

from __future__ import annotations

import sqlite3
import time
from collections import deque
from collections.abc import Callable
from contextlib import suppress

from neuroguide.store.codes import primary_code

Write = Callable[[sqlite3.Connection], None]
"""One change to the history, in one transaction (see :mod:`neuroguide.store.writes`)."""
Tell = Callable[[str], None]
"""Shows a sentence to the person (a message box in the window, a line on stderr)."""

NORMAL_WAIT_MS = 1000
"""How long a write waits for another program's lock before it is kept for later."""
RETRY_WAIT_MS = 50
"""How long a retry waits while the history is failing (the session must not stall)."""
RETRY_EVERY = 2.0
"""Seconds between retries while the history is failing."""
FINAL_WAIT_MS = 2000
"""How long the last attempt (a session's end, closing) waits for a lock."""

_UNFIXABLE = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)


def reason(error: BaseException) -> str:
    """Why a write failed, in words for the person."""
    if isinstance(error, sqlite3.Error):
        code = primary_code(error)
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return "the file is in use by another program"
        if code == sqlite3.SQLITE_FULL:
            return "the disk is full"
        if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
            return "the file cannot be written"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    text = str(error).strip().rstrip(".")
    return text or type(error).__name__


class PendingWrites:
    """Runs writes in order; a write that fails stays first in line until it succeeds.

    Args:
        connection: the history connection (autocommit, owned by the calling thread).
        tell: shows one sentence to the person.
        clock: monotonic seconds (injected for tests).
        after_write: called after writes went through (the history's file watch).
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        tell: Tell,
        clock: Callable[[], float] = time.monotonic,
        after_write: Callable[[], None] | None = None,
    ) -> None:
        self._connection = connection
        self._after_write = after_write
        self._tell = tell
        self._clock = clock
        self._queue: deque[Write] = deque()
        self._failing: str | None = None
        self._housekeeping: set[int] = set()  # held writes that are not a person's records
        self._next_try = 0.0
        self.lost = 0
        """Writes given up on (a write SQLite refuses outright, e.g. a broken constraint)."""
        self._wait(NORMAL_WAIT_MS)

    @property
    def pending(self) -> int:
        """How many writes wait to be written."""
        return len(self._queue)

    def submit(self, write: Write) -> None:
        """Write now if the history can be written (and nothing waits before it), else keep it."""
        self._queue.append(write)
        self.flush()

    def hold(self, write: Write, why: str) -> None:
        """Keep ``write`` for later without trying it now: the person already knows ``why``.

        A held write is housekeeping (bringing the file up to date), not one of the person's
        records, so it is not counted in :meth:`unsaved_message`.
        """
        self._queue.append(write)
        self._housekeeping.add(id(write))
        self._failing = self._failing or why
        self._next_try = self._clock() + RETRY_EVERY

    def flush(self, *, patient: bool = False, now: bool = False) -> bool:
        """Try the waiting writes in order; True when none is left.

        While failing, a retry happens only every :data:`RETRY_EVERY` seconds unless ``now``
        or ``patient`` (which also waits longer for another program's lock).
        """
        if not self._queue:
            return True
        throttled = self._failing is not None and self._clock() < self._next_try
        if throttled and not (patient or now):
            return False
        if patient:
            self._wait(FINAL_WAIT_MS)
        elif self._failing is not None:
            self._wait(RETRY_WAIT_MS)
        try:
            while self._queue:
                try:
                    self._queue[0](self._connection)
                except _UNFIXABLE as error:
                    self._housekeeping.discard(id(self._queue.popleft()))
                    self.lost += 1
                    self._tell(f"One record could not be saved in the history: {error}.")
                    continue
                except (sqlite3.Error, OSError) as error:
                    self._failed(reason(error))
                    return False
                self._housekeeping.discard(id(self._queue.popleft()))
        finally:
            self._wait(NORMAL_WAIT_MS)
        if self._after_write is not None:
            self._after_write()  # e.g. the file was deleted under us: keep a copy, say so
        if self._failing is not None:
            self._failing = None
            self._tell("Your history can be saved again; everything so far is saved.")
        return True

    def _failed(self, why: str) -> None:
        self._next_try = self._clock() + RETRY_EVERY
        if self._failing is None:
            self._failing = why
            self._tell(
                f"Your history cannot be saved just now: {why}. The session carries on; "
                "what you do is kept and saved as soon as the file can be written."
            )

    def unsaved_message(self, *, final: bool = True) -> str | None:
        """A sentence about writes still waiting, or ``None``.

        ``final`` at closing (they are lost now); otherwise at a session's end (still kept).
        """
        count = sum(id(write) not in self._housekeeping for write in self._queue)
        if not count:
            return None
        records = "record" if count == 1 else "records"
        why = self._failing or "it could not be written"
        if final:
            return f"{count} {records} of your sessions could not be saved in the history ({why})."
        return (
            f"{count} {records} of this session {'is' if count == 1 else 'are'} not saved yet "
            f"({why}). NeuroGuide keeps them and keeps trying while it is open."
        )

    def _wait(self, milliseconds: int) -> None:
        with suppress(sqlite3.Error):  # a closed or broken connection: the write will say so
            self._connection.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
