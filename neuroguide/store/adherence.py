"""Sessions done per routine and per week: what a schedule is measured against.

A session counts when it was finished, or stopped after at least half of its planned time;
a session cut short at the start is not a session kept. Reads go through the one
:class:`~neuroguide.store.history.History` (like the progress checks' table).
"""

from __future__ import annotations

from datetime import date

from neuroguide.core.schedule import week_start
from neuroguide.store.history import History, connection_of

_COUNTED = "(outcome = 'finished' OR (outcome = 'stopped' AND active_ms * 2 >= planned_ms))"


def sessions_done(history: History, first: date, last: date) -> dict[str, int]:
    """Counted sessions from ``first`` to ``last`` (local days, inclusive), by routine id."""
    rows = (
        connection_of(history)
        .execute(
            "SELECT routine_id, count(*) FROM sessions"
            f" WHERE local_day BETWEEN ? AND ? AND {_COUNTED} GROUP BY routine_id",
            (first.isoformat(), last.isoformat()),
        )
        .fetchall()
    )
    return {str(row[0]): int(row[1]) for row in rows}


def weekly_sessions(history: History, routine_id: str, first: date, last: date) -> dict[date, int]:
    """Counted sessions of one routine per week (keyed by the week's Monday)."""
    rows = (
        connection_of(history)
        .execute(
            "SELECT local_day FROM sessions"
            f" WHERE routine_id = ? AND local_day BETWEEN ? AND ? AND {_COUNTED}",
            (routine_id, first.isoformat(), last.isoformat()),
        )
        .fetchall()
    )
    weeks: dict[date, int] = {}
    for (day_text,) in rows:
        day = date.fromisoformat(str(day_text))
        monday = week_start(day)
        weeks[monday] = weeks.get(monday, 0) + 1
    return weeks


def first_session_day(history: History, routine_id: str) -> date | None:
    """The local day of the routine's first counted session (a programme's week 1)."""
    row = (
        connection_of(history)
        .execute(
            f"SELECT min(local_day) FROM sessions WHERE routine_id = ? AND {_COUNTED}",
            (routine_id,),
        )
        .fetchone()
    )
    return date.fromisoformat(str(row[0])) if row and row[0] else None
