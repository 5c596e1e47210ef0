"""CSV exports a spreadsheet, a carer or a clinician can open: one row per item or per session.

Text that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) gets a leading apostrophe, so a routine or note can never execute.
"""

from __future__ import annotations

import csv
import sqlite3
from typing import TextIO

from neuroguide.store.models import SYMPTOMS, Filter, Stamp
from neuroguide.store.queries import EVERYTHING, where_clause

_RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")

ITEM_COLUMNS = (
    "session_start",
    "routine_id",
    "routine_name",
    "exercise_id",
    "side",
    "set",
    "planned_seconds",
    "actual_seconds",
    "added_seconds",
    "reps_planned",
    "reps_done",
    "status",
    "session_outcome",
)

_CHECKIN_FIELDS = (*(name for name, _ in SYMPTOMS), "location")
SESSION_COLUMNS = (
    "session_start",
    "session_end",
    "routine_id",
    "routine_name",
    "outcome",
    "planned_minutes",
    "active_minutes",
    "items_completed",
    "items_skipped",
    "unsteady_stops",
    *(f"before_{name}" for name in _CHECKIN_FIELDS),
    *(f"after_{name}" for name in _CHECKIN_FIELDS),
    "felt",
    "note",
)


def spreadsheet_safe(text: str) -> str:
    """``text`` with a leading apostrophe if a spreadsheet would treat it as a formula."""
    return "'" + text if text.startswith(_RISKY_STARTS) else text


def seconds(ms: int) -> str:
    """Milliseconds as seconds without trailing zeros: 30000 -> ``30``, 29500 -> ``29.5``."""
    return f"{ms / 1000:.3f}".rstrip("0").rstrip(".")


def local_iso(utc_text: str | None, offset_minutes: int) -> str:
    """Stored UTC as local ISO 8601 with its offset, e.g. ``2024-05-01T10:30:00+02:00``."""
    if utc_text is None:
        return ""
    return Stamp.parse(utc_text, offset_minutes).local.isoformat(timespec="seconds")


def write_items_csv(
    connection: sqlite3.Connection, out: TextIO, flt: Filter = EVERYTHING
) -> tuple[int, int]:
    """Write one row per hold, set or block, oldest first.

    Returns the rows written and the rows left out because their session's date is damaged.
    """
    where, parameters = where_clause(flt)
    writer = csv.writer(out)
    writer.writerow(ITEM_COLUMNS)
    count = skipped = 0
    cursor = connection.execute(
        "SELECT sessions.started_utc, sessions.utc_offset_min, sessions.routine_id,"
        " sessions.routine_name, items.exercise_id, items.side, items.set_number,"
        " items.planned_ms, items.actual_ms, items.added_ms, items.reps_planned,"
        " items.reps_done, items.status, sessions.outcome"
        f" FROM items JOIN sessions ON sessions.id = items.session_id{where}"
        " ORDER BY sessions.started_utc, items.position",
        parameters,
    )
    for row in cursor:
        try:
            started = local_iso(row[0], row[1])
        except (TypeError, ValueError):
            skipped += 1
            continue
        writer.writerow(
            (
                started,
                spreadsheet_safe(row[2]),
                spreadsheet_safe(row[3]),
                spreadsheet_safe(row[4]),
                spreadsheet_safe(row[5] or ""),
                row[6],
                seconds(row[7]),
                seconds(row[8]),
                seconds(row[9]),
                "" if row[10] is None else row[10],
                "" if row[11] is None else row[11],
                row[12],
                row[13],
            )
        )
        count += 1
    return count, skipped


def write_sessions_csv(
    connection: sqlite3.Connection, out: TextIO, flt: Filter = EVERYTHING
) -> tuple[int, int]:
    """Write one row per session with its check-ins and note, oldest first.

    Returns the rows written and the sessions left out because their dates are damaged.
    """
    where, parameters = where_clause(flt, "s")
    before = ", ".join(f"b.{name}" for name in _CHECKIN_FIELDS)
    after = ", ".join(f"a.{name}" for name in _CHECKIN_FIELDS)
    writer = csv.writer(out)
    writer.writerow(SESSION_COLUMNS)
    count = skipped = 0
    cursor = connection.execute(
        "SELECT s.started_utc, s.ended_utc, s.utc_offset_min, s.routine_id, s.routine_name,"
        " s.outcome, s.planned_ms, s.active_ms,"
        " (SELECT count(*) FROM items WHERE session_id = s.id AND status = 'completed'),"
        " (SELECT count(*) FROM items WHERE session_id = s.id AND status = 'skipped'),"
        " (SELECT count(*) FROM pauses WHERE session_id = s.id AND reason = 'unsteady'),"
        f" {before}, {after}, a.feel, trim(coalesce(b.note, '') || ' ' || coalesce(a.note, ''))"
        " FROM sessions AS s"
        " LEFT JOIN checkins AS b ON b.session_id = s.id AND b.moment = 'before'"
        f" LEFT JOIN checkins AS a ON a.session_id = s.id AND a.moment = 'after'{where}"
        " ORDER BY s.started_utc",
        parameters,
    )
    for row in cursor:
        ratings = ["" if value is None else value for value in row[11:21]]
        try:
            started, ended = local_iso(row[0], row[2]), local_iso(row[1], row[2])
        except (TypeError, ValueError):
            skipped += 1
            continue
        writer.writerow(
            (
                started,
                ended,
                spreadsheet_safe(row[3]),
                spreadsheet_safe(row[4]),
                row[5],
                f"{row[6] / 60000:.1f}",
                f"{row[7] / 60000:.1f}",
                row[8],
                row[9],
                row[10],
                *ratings,
                row[21] or "",
                spreadsheet_safe(row[22]),
            )
        )
        count += 1
    return count, skipped
