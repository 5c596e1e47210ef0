"""Progress check results in the history: one row per check, written the moment it is taken.

Kept in its own module with plain functions over a connection, so the ``History`` object can
offer them as methods without this module knowing it. A result only reaches here through
:mod:`neuroguide.core.checks`, and the table's CHECK constraints refuse anything out of range.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from neuroguide.store.database import (
    HistoryError,
    HistoryInUseError,
    connect,
    lock_data_folder,
    open_history,
)
from neuroguide.store.models import Stamp
from neuroguide.store.schema import APPLICATION_ID, LATEST_VERSION, application_id, user_version
from neuroguide.store.writes import to_ms, transaction

if TYPE_CHECKING:
    from neuroguide.core.checks import CheckId, CheckResult

_COLUMNS = (
    "id, check_id, taken_utc, utc_offset_min, outcome, stands, time_ms,"
    " stance1_ms, stance2_ms, stance3_ms, stance4_ms, support_used, stop_reason"
)
STORED_OUTCOME = {
    "scored": "scored",
    "unsteady": "stopped",
    "not-completed": "not-completed",
}
"""How each outcome (a ``CheckOutcome``, looked up by its value) is written in the ``outcome``
column (its reason goes in ``stop_reason``). Keyed by value so that a start, which writes and
reads no check before its first paint, need not define the checks' types (decision 0029)."""


@dataclass(frozen=True)
class CheckRow:
    """One stored check: when it was taken and its result."""

    id: int
    taken: Stamp
    result: CheckResult


def add_check(connection: sqlite3.Connection, result: CheckResult, taken: Stamp) -> int:
    """Store ``result`` taken at ``taken`` in one committed transaction; returns its id."""
    from neuroguide.core.checks import STANCES, EndReason  # the checks' types: not at start-up

    stances: list[int | None] = [to_ms(seconds) for seconds in result.stances]
    stances += [None] * (STANCES - len(stances))
    outcome = STORED_OUTCOME[result.outcome]
    reason = None if result.scored else (result.reason or EndReason.UNSTEADY).value
    with transaction(connection):
        cursor = connection.execute(
            "INSERT INTO progress_checks (check_id, taken_utc, utc_offset_min, local_day,"
            " outcome, stop_reason, stands, time_ms, stance1_ms, stance2_ms, stance3_ms,"
            " stance4_ms, support_used) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                result.check.value,
                taken.utc_text,
                taken.offset_minutes,
                taken.local_day.isoformat(),
                outcome,
                reason,
                result.count,
                None if result.seconds is None else to_ms(result.seconds),
                *stances,
                int(result.support_used),
            ),
        )
    return int(cursor.lastrowid or 0)


def list_checks(
    connection: sqlite3.Connection,
    check: CheckId | None = None,
    first_day: date | None = None,
    last_day: date | None = None,
) -> list[CheckRow]:
    """Stored checks, oldest first; only ``check`` and the inclusive day range if given."""
    clauses: list[str] = []
    parameters: list[str] = []
    if check is not None:
        clauses.append("check_id = ?")
        parameters.append(check.value)
    if first_day is not None:
        clauses.append("local_day >= ?")
        parameters.append(first_day.isoformat())
    if last_day is not None:
        clauses.append("local_day <= ?")
        parameters.append(last_day.isoformat())
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM progress_checks{where} ORDER BY taken_utc, id", parameters
    ).fetchall()
    return [_row(row) for row in rows]


def last_check_day(connection: sqlite3.Connection) -> date | None:
    """The local day of the most recent check of any kind (scored or stopped), if any."""
    row = connection.execute("SELECT max(local_day) FROM progress_checks").fetchone()
    return None if row is None or row[0] is None else date.fromisoformat(row[0])


def _row(row: tuple[object, ...]) -> CheckRow:
    # The checks' types: not at start-up.
    from neuroguide.core.checks import STANCES, CheckId, CheckOutcome, CheckResult, EndReason

    (ident, check_id, taken_utc, offset, outcome, stands, time_ms, *rest) = row
    stance_ms, support, reason = rest[:STANCES], rest[STANCES], rest[STANCES + 1]
    stored = {text: value for value, text in STORED_OUTCOME.items()}
    result = CheckResult(
        CheckId(str(check_id)),
        CheckOutcome(stored[str(outcome)]),
        count=None if stands is None else int(str(stands)),
        seconds=None if time_ms is None else int(str(time_ms)) / 1000,
        stances=tuple(int(str(ms)) / 1000 for ms in stance_ms if ms is not None),
        support_used=bool(support),
        reason=None if reason is None else EndReason(str(reason)),
    )
    return CheckRow(int(str(ident)), Stamp.parse(str(taken_utc), int(str(offset))), result)


def save_check(
    data_dir: Path, history_db: Path, backups: Path, result: CheckResult, taken: Stamp
) -> list[str]:
    """Store one result and close; for ``neuroguide play``.

    With the data folder free, it is locked and the history opened as usual (checked,
    upgraded, backed up). With NeuroGuide open on it (the window, or the log-in ``--tray``
    start), the result is stored beside it in the same file, which the window reads: a check
    that took a minute of a person's effort is never refused after the work.

    Returns sentences to show (a damaged file moved aside, and so on).

    Raises:
        HistoryError: the history cannot be used (nothing was stored; the sentence says why).
    """
    try:
        lock = lock_data_folder(data_dir, "in use")
    except HistoryInUseError:
        add_beside_running(history_db, result, taken)
        return []
    try:
        opened = open_history(history_db, backups=backups)
        try:
            add_check(opened.connection, result, taken)
        except sqlite3.Error as error:
            raise HistoryError(f"The result could not be saved: {error}.") from None
        finally:
            opened.connection.close()
    finally:
        lock.release()
    return opened.messages


def add_beside_running(history_db: Path, result: CheckResult, taken: Stamp) -> int:
    """Store ``result`` in a history another NeuroGuide has open (WAL lets both write).

    The running one has checked and upgraded the file; this only adds a row, never repairs.

    Raises:
        HistoryError: the file is not a current history or refused the row; nothing stored.
    """
    try:
        connection = connect(history_db, timeout=CHECK_WAIT)
    except sqlite3.Error as error:
        raise HistoryError(f"The result could not be saved: {error}.") from None
    try:
        if application_id(connection) != APPLICATION_ID or user_version(connection) != (
            LATEST_VERSION
        ):
            raise HistoryError(
                "The result could not be saved: the history needs checking first; close "
                "NeuroGuide and try again."
            )
        return add_check(connection, result, taken)
    except sqlite3.Error as error:
        raise HistoryError(f"The result could not be saved: {error}.") from None
    finally:
        connection.close()


CHECK_WAIT = 10.0
"""Seconds a result waits for the running NeuroGuide's write to end before giving up."""


class ProgressChecks:
    """The progress-check part of the history, over one open connection.

    Written so the ``History`` object can expose it as an attribute; the GUI holds this
    instead of the connection, so no screen touches SQLite.
    """

    def __init__(
        self, connection: sqlite3.Connection, after_write: Callable[[], None] | None = None
    ) -> None:
        self._connection = connection
        self._after_write = after_write

    def add(self, result: CheckResult, taken: Stamp) -> int:
        """Store ``result``; see :func:`add_check`.

        Raises:
            HistoryError: the file refused it (the sentence says why); nothing was stored.
        """
        try:
            stored = add_check(self._connection, result, taken)
        except sqlite3.Error as error:
            raise HistoryError(f"The result could not be saved: {error}.") from None
        if self._after_write is not None:
            self._after_write()
        return stored

    def all(self, check: CheckId | None = None) -> list[CheckRow]:
        """Every stored check (or every one of ``check``), oldest first."""
        return list_checks(self._connection, check)

    def last_day(self) -> date | None:
        """The local day of the latest check, if any."""
        return last_check_day(self._connection)
