"""The history behind one object: recording, every query the screens need, and the exports.

Everything outside :mod:`neuroguide.store` uses a :class:`History` and never sees SQLite. It
owns the connection (one thread: the one that opened it), the session recorder and the queue
of writes that wait while the file cannot be written. Each query first lets waiting writes
through when it can, so what a screen shows includes what was kept in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from neuroguide.core.clock import local_now
from neuroguide.core.gentle import SessionOutcome
from neuroguide.core.schedule import week_start
from neuroguide.store import checks, queries
from neuroguide.store.checks import CheckRow, ProgressChecks
from neuroguide.store.database import (
    MEMORY,
    HistoryError,
    OpenedHistory,
    is_busy,
    open_history,
    open_read_only,
    prepare,
)
from neuroguide.store.file_watch import FileWatch
from neuroguide.store.lock import InstanceLock
from neuroguide.store.models import CheckIn, Filter, Moment
from neuroguide.store.pending import PendingWrites, Tell
from neuroguide.store.queries import EVERYTHING
from neuroguide.store.recorder import SessionRecorder, tell_stderr

if TYPE_CHECKING:
    from neuroguide.core.check_progress import Profile
    from neuroguide.core.checks import CheckId
    from neuroguide.store.rows import ItemRow, PauseRow, SessionRow, StepRow, Streak, WeekSymptoms

T = TypeVar("T")


def connection_of(history: History) -> sqlite3.Connection:
    """The connection behind ``history``, for other modules of the store only.

    A store module that keeps its own tables in the same file (e.g. progress checks) builds on
    this; everything outside :mod:`neuroguide.store` uses :class:`History`'s methods.
    """
    return history._connection


class HistoryBusyError(HistoryError):
    """Another program holds the history just now; try again later."""


class History:
    """One history file: record sessions into it and read it back.

    Build one with :meth:`open`, :meth:`open_read_only`, :meth:`in_memory` or
    :func:`neuroguide.store.session_history.open_for_recording` (which also takes the
    one-instance lock), and :meth:`close` it at the end.

    Attributes:
        recorder: the session listener that writes sessions as they happen.
        messages: sentences from opening it to show the person (a damaged file moved aside,
            a backup that could not be written, a file in use by another program).
        interrupted: sessions of an earlier run now marked interrupted.
    """

    def __init__(
        self,
        opened: OpenedHistory,
        *,
        tell: Tell = tell_stderr,
        now_utc: Callable[[], datetime] = local_now,
        lock: InstanceLock | None = None,
    ) -> None:
        self._connection = opened.connection
        self._closed = False
        self._lock = lock
        self._tell = tell
        self.messages = list(opened.messages)
        self.interrupted = opened.interrupted
        self._watch = (
            None if opened.path is None else FileWatch(self._connection, opened.path, tell, now_utc)
        )
        self._writes = PendingWrites(
            self._connection,
            tell,
            after_write=None if self._watch is None else self._watch.after_write,
        )
        if not opened.ready:  # another program held the file: bring it up to date first
            self._writes.hold(self._prepare_later, "the file is in use by another program")
        self.recorder = SessionRecorder(
            self._connection, now_utc, tell=tell, writes_queue=self._writes
        )
        self.progress_checks = ProgressChecks(
            self._connection, None if self._watch is None else self._watch.after_write
        )
        """The progress checks kept in the same file (store one, list them)."""

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        backups: Path | None = None,
        tell: Tell = tell_stderr,
        now_utc: Callable[[], datetime] = local_now,
        wait: float | None = None,
    ) -> History:
        """Open (creating, repairing or upgrading) the history at ``path`` without the lock.

        Raises:
            HistoryError: it cannot be used; the message says why and what was kept.
        """
        opened = open_history(path, backups=backups, now=now_utc, wait=wait)
        return cls(opened, tell=tell, now_utc=now_utc)

    @classmethod
    def open_read_only(cls, path: Path | str) -> History:
        """Open a current history to read beside a running NeuroGuide (exports)."""
        return cls(OpenedHistory(open_read_only(path)))

    @classmethod
    def in_memory(
        cls, *, tell: Tell = tell_stderr, now_utc: Callable[[], datetime] = local_now
    ) -> History:
        """An empty history that lives only in memory (for tests and trials)."""
        return cls(open_history(MEMORY), tell=tell, now_utc=now_utc)

    def close(self) -> None:
        """Write what still waits (waiting a little for a lock), say what could not be, close.

        Closing again does nothing.
        """
        if self._closed:
            return
        self._closed = True
        try:
            self._writes.flush(patient=True)
            unsaved = self._writes.unsaved_message()
            if unsaved is not None:
                self._tell(unsaved)
        finally:
            self._connection.close()  # even if telling failed: never left to the collector
            back = self._watch.close() if self._watch is not None else None  # before the lock
            if self._lock is not None:
                self._lock.release()
        if back is not None:
            self._tell(back)

    def __enter__(self) -> History:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- recording

    @property
    def unsaved(self) -> int:
        """How many writes wait in memory because the history could not be written."""
        return self._writes.pending

    def retry(self) -> bool:
        """Try the waiting writes now (waiting only a moment); True when nothing waits any more."""
        return self._writes.flush(now=True)

    def set_before_checkin(self, checkin: CheckIn | None) -> None:
        """Keep the before-session check-in; it is stored when the session starts."""
        self.recorder.set_before_checkin(checkin)

    def save_after_checkin(self, checkin: CheckIn) -> bool:
        """Store the after-session check-in with the last session; False if there is none."""
        return self.recorder.save_after_checkin(checkin)

    # ------------------------------------------------------------ review screen

    def sessions(self, flt: Filter = EVERYTHING) -> list[SessionRow]:
        """Sessions matching ``flt``, newest first (rows with damaged dates left out)."""
        return self._read(queries.list_sessions, flt)

    def items(self, session_id: int) -> list[ItemRow]:
        """Every hold, set or block of one session in the order it was done."""
        return self._read(queries.session_items, session_id)

    def pauses(self, session_id: int) -> list[PauseRow]:
        """The unsteady stops and machine sleeps of one session."""
        return self._read(queries.session_pauses, session_id)

    def steps(self, session_id: int) -> list[StepRow]:
        """The steps and doses the session ran with (after seated and gentle changes)."""
        return self._read(queries.session_steps, session_id)

    def session_checkins(self, session_id: int) -> dict[Moment, CheckIn]:
        """The check-ins of one session, by moment."""
        return self._read(queries.session_checkins, session_id)

    def checkins(self, flt: Filter = EVERYTHING) -> dict[int, dict[Moment, CheckIn]]:
        """The check-ins of the sessions matching ``flt``, by session id and moment."""
        return self._read(queries.checkins, flt)

    def routines_used(self) -> list[tuple[str, str]]:
        """Every routine in the history as (id, latest name), by name."""
        return self._read(queries.routines_used)

    def day_range(self) -> tuple[date, date] | None:
        """The first and last local days with a session, or ``None`` when empty."""
        return self._read(queries.day_range)

    # ------------------------------------------------------------ charts, report

    def weekly_minutes(self, flt: Filter = EVERYTHING) -> list[tuple[date, float]]:
        """Active minutes per week (Mondays), empty weeks as 0."""
        return self._read(queries.weekly_minutes, flt)

    def active_days(self, flt: Filter = EVERYTHING) -> list[date]:
        """Days with any active time, oldest first."""
        return self._read(queries.active_days, flt)

    def streak(self, today: date, routine_id: str | None = None) -> Streak:
        """The current and longest runs of active days up to ``today`` (any date range)."""
        return queries.streak(self.active_days(Filter(routine_id=routine_id)), today)

    def weekly_symptoms(self, flt: Filter = EVERYTHING) -> list[WeekSymptoms]:
        """Average symptom ratings per week, before and after sessions."""
        return self._read(queries.weekly_symptoms, flt)

    def routine_totals(self, flt: Filter = EVERYTHING) -> list[tuple[str, int, int]]:
        """Per routine: (latest name, sessions, active ms), most-used first."""
        return self._read(queries.routine_totals, flt)

    def exercise_totals(self, flt: Filter = EVERYTHING) -> list[tuple[str, int, int, int]]:
        """Per exercise: (id, completed, skipped, active ms), most-done first."""
        return self._read(queries.exercise_totals, flt)

    # -------------------------------------------------- home screen, gentle dose

    def minutes_between(self, first_day: date, last_day: date) -> float:
        """Active minutes on the local days from ``first_day`` to ``last_day`` inclusive."""
        return self._read(queries.minutes_between, first_day, last_day)

    def minutes_this_week(self, today: date) -> float:
        """Active minutes from ``today``'s Monday to ``today``."""
        return self.minutes_between(week_start(today), today)

    def known_exercises(self) -> frozenset[str]:
        """Exercises completed at least once (the voice gives them the short announcement)."""
        return self._read(queries.known_exercises)

    def session_outcomes(self, since: date) -> list[SessionOutcome]:
        """Sessions from ``since`` on, oldest first, with their pain ratings (gentle dose)."""
        return self._read(queries.session_outcomes, since)

    # ---------------------------------------------------------- progress checks

    def checks(
        self,
        check: CheckId | None = None,
        first_day: date | None = None,
        last_day: date | None = None,
    ) -> list[CheckRow]:
        """Stored progress checks, oldest first; only ``check`` and the day range if given."""
        return self._read(checks.list_checks, check, first_day, last_day)

    def write_checks_csv(
        self,
        out: TextIO,
        profile: Profile,
        first_day: date | None = None,
        last_day: date | None = None,
    ) -> int:
        """One CSV row per progress check, with its comparison; returns the rows written."""
        from neuroguide.store import check_csv  # the exports load with the first export

        rows: int = self._read(check_csv.write_checks_csv, out, profile, first_day, last_day)
        return rows

    # ------------------------------------------------------------------ exports

    def write_items_csv(self, out: TextIO, flt: Filter = EVERYTHING) -> int:
        """One CSV row per hold, set or block, oldest first; returns the rows written."""
        from neuroguide.store import csv_export

        rows, _damaged = self._read(csv_export.write_items_csv, out, flt)
        return rows

    def write_sessions_csv(self, out: TextIO, flt: Filter = EVERYTHING) -> int:
        """One CSV row per session with its check-ins, oldest first; returns the rows written."""
        from neuroguide.store import csv_export

        rows, _damaged = self._read(csv_export.write_sessions_csv, out, flt)
        return rows

    def damaged_sessions(self) -> int:
        """Sessions whose stored dates cannot be read: left out of lists, charts and exports."""
        return self._read(queries.damaged_sessions)

    def damaged_note(self) -> str | None:
        """One sentence about sessions left out for damaged dates, or ``None``."""
        count = self.damaged_sessions()
        if not count:
            return None
        if count == 1:
            return "1 session has a damaged date in the history and was left out."
        return f"{count} sessions have a damaged date in the history and were left out."

    # ----------------------------------------------------------------- internal

    def _read(self, query: Callable[..., T], *arguments: object) -> T:
        self._writes.flush()  # what waits in memory goes in first, when the file allows
        try:
            return query(self._connection, *arguments)
        except sqlite3.Error as error:
            if is_busy(error):
                raise HistoryBusyError(
                    "The history is in use by another program just now; try again soon."
                ) from None
            raise HistoryError(f"The history cannot be read: {error}.") from None

    def _prepare_later(self, connection: sqlite3.Connection) -> None:
        self.interrupted = prepare(connection)
