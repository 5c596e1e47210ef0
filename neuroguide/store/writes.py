"""Every change to the history, each in its own short transaction committed at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from neuroguide.core.library import Step
from neuroguide.core.records import ItemRecord
from neuroguide.store.models import CheckIn, Stamp


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (or ``ROLLBACK`` on error) on an autocommit connection.

    With ``synchronous=FULL`` the COMMIT returns only once the change is on disk.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
        connection.execute("COMMIT")
    except BaseException:
        # A failed COMMIT (disk full, locked) may or may not have ended the transaction.
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def to_ms(seconds: float) -> int:
    """Seconds as whole milliseconds (durations are stored as integers)."""
    return max(0, round(seconds * 1000))


def begin_session(
    connection: sqlite3.Connection,
    routine_id: str,
    routine_name: str,
    started: Stamp,
    planned_ms: int,
    steps: tuple[Step, ...] = (),
) -> int:
    """Insert a session in the ``running`` state with the steps it runs; returns its id."""
    with transaction(connection):
        cursor = connection.execute(
            "INSERT INTO sessions (routine_id, routine_name, started_utc, utc_offset_min,"
            " local_day, planned_ms, outcome) VALUES (?, ?, ?, ?, ?, ?, 'running')",
            (
                routine_id,
                routine_name,
                started.utc_text,
                started.offset_minutes,
                started.local_day.isoformat(),
                planned_ms,
            ),
        )
        session_id = int(cursor.lastrowid or 0)
        connection.executemany(
            "INSERT INTO session_steps (session_id, position, exercise_id, hold_s, reps,"
            " duration_s, sets, sides, rest_s, cadence_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    session_id,
                    position,
                    step.exercise.id,
                    step.dose.hold,
                    step.dose.reps,
                    step.dose.duration,
                    step.dose.sets,
                    ",".join(step.dose.sides),
                    step.dose.rest,
                    step.dose.cadence,
                )
                for position, step in enumerate(steps, start=1)
            ],
        )
    return session_id


def add_item(
    connection: sqlite3.Connection, session_id: int, position: int, record: ItemRecord, ended: Stamp
) -> None:
    """Insert one finished hold, set or block and keep the session's active time current."""
    actual = to_ms(record.actual_seconds)
    with transaction(connection):
        connection.execute(
            "INSERT INTO items (session_id, position, exercise_id, side, set_number, planned_ms,"
            " added_ms, actual_ms, reps_planned, reps_done, status, ended_utc)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                position,
                record.exercise_id,
                record.side,
                record.set_number,
                record.planned_seconds * 1000,
                record.added_seconds * 1000,
                actual,
                record.reps_planned,
                record.reps_done,
                str(record.status),
                ended.utc_text,
            ),
        )
        connection.execute(
            "UPDATE sessions SET active_ms = active_ms + ? WHERE id = ?", (actual, session_id)
        )


def add_pause(
    connection: sqlite3.Connection, session_id: int, reason: str, at: Stamp, slept_ms: int
) -> None:
    """Insert an "I feel unsteady" stop or a machine-sleep pause."""
    with transaction(connection):
        connection.execute(
            "INSERT INTO pauses (session_id, reason, at_utc, utc_offset_min, slept_ms)"
            " VALUES (?, ?, ?, ?, ?)",
            (session_id, reason, at.utc_text, at.offset_minutes, slept_ms),
        )


def finish_session(
    connection: sqlite3.Connection,
    session_id: int,
    ended: Stamp,
    outcome: str,
    planned_ms: int,
    active_ms: int,
) -> None:
    """Record how and when a session ended, with its final totals."""
    with transaction(connection):
        connection.execute(
            "UPDATE sessions SET ended_utc = ?, outcome = ?, planned_ms = ?, active_ms = ?"
            " WHERE id = ?",
            (ended.utc_text, outcome, planned_ms, active_ms, session_id),
        )


def save_checkin(
    connection: sqlite3.Connection, session_id: int, checkin: CheckIn, recorded: Stamp
) -> None:
    """Store (or replace) the session's before or after check-in."""
    with transaction(connection):
        connection.execute(
            "INSERT INTO checkins (session_id, moment, pain, numbness, tingling, balance,"
            " location, feel, note, recorded_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (session_id, moment) DO UPDATE SET pain = excluded.pain,"
            " numbness = excluded.numbness, tingling = excluded.tingling,"
            " balance = excluded.balance, location = excluded.location, feel = excluded.feel,"
            " note = excluded.note, recorded_utc = excluded.recorded_utc",
            (
                session_id,
                str(checkin.moment),
                checkin.pain,
                checkin.numbness,
                checkin.tingling,
                checkin.balance,
                None if checkin.where is None else str(checkin.where),
                None if checkin.feel is None else str(checkin.feel),
                checkin.note,
                recorded.utc_text,
            ),
        )


def mark_interrupted(connection: sqlite3.Connection) -> int:
    """Mark sessions left ``running`` (by a crash or a kill) as interrupted; keep their items.

    Their end is the end of the last recorded item (or the start, if none was recorded).
    Returns how many sessions were marked.
    """
    with transaction(connection):
        cursor = connection.execute(
            "UPDATE sessions SET outcome = 'interrupted',"
            " active_ms = (SELECT coalesce(sum(actual_ms), 0) FROM items"
            "              WHERE items.session_id = sessions.id),"
            " ended_utc = coalesce((SELECT max(ended_utc) FROM items"
            "                       WHERE items.session_id = sessions.id), started_utc)"
            " WHERE outcome = 'running'"
        )
    return cursor.rowcount
