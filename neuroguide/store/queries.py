"""Reading the history back: lists, details and the aggregates the charts draw (done in SQL)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from neuroguide.core.gentle import SessionOutcome
from neuroguide.core.records import Outcome
from neuroguide.core.schedule import week_start
from neuroguide.store.models import (
    SYMPTOMS,
    CheckIn,
    Feel,
    Filter,
    Moment,
    Stamp,
    Where,
)

if TYPE_CHECKING:
    from neuroguide.store.rows import ItemRow, PauseRow, SessionRow, StepRow, Streak, WeekSymptoms

_WEEK_START = "date(local_day, 'weekday 0', '-6 days')"
"""The Monday of a row's local week (ISO weeks run Monday to Sunday)."""


EVERYTHING = Filter()
"""No filter: every session."""


def _valid_day(table: str) -> str:
    # A row whose dates cannot be read (a damaged or hand-edited file) is left out everywhere.
    return (
        f"date({table}.local_day) IS {table}.local_day"
        f" AND julianday({table}.started_utc) IS NOT NULL"
        f" AND ({table}.ended_utc IS NULL OR julianday({table}.ended_utc) IS NOT NULL)"
    )


def where_clause(flt: Filter, table: str = "sessions") -> tuple[str, list[object]]:
    """SQL conditions (``WHERE ...``) and parameters for ``flt``; bad local days left out."""
    conditions: list[str] = [_valid_day(table)]
    parameters: list[object] = []
    if flt.first_day is not None:
        conditions.append(f"{table}.local_day >= ?")
        parameters.append(flt.first_day.isoformat())
    if flt.last_day is not None:
        conditions.append(f"{table}.local_day <= ?")
        parameters.append(flt.last_day.isoformat())
    if flt.routine_id is not None:
        conditions.append(f"{table}.routine_id = ?")
        parameters.append(flt.routine_id)
    return (" WHERE " + " AND ".join(conditions) if conditions else ""), parameters


def list_sessions(connection: sqlite3.Connection, flt: Filter = EVERYTHING) -> list[SessionRow]:
    """Sessions matching ``flt``, newest first, with their completed and skipped counts."""
    from neuroguide.store.rows import SessionRow  # History's rows: not defined at start-up

    where, parameters = where_clause(flt)
    rows = connection.execute(
        "SELECT id, routine_id, routine_name, started_utc, utc_offset_min, ended_utc, planned_ms,"
        " active_ms, outcome,"
        " (SELECT count(*) FROM items WHERE session_id = sessions.id AND status = 'completed'),"
        " (SELECT count(*) FROM items WHERE session_id = sessions.id AND status = 'skipped')"
        f" FROM sessions{where} ORDER BY started_utc DESC",
        parameters,
    ).fetchall()
    found = []
    for row in rows:
        try:
            started = Stamp.parse(row[3], row[4])
            ended = None if row[5] is None else Stamp.parse(row[5], row[4])
        except (TypeError, ValueError):
            continue  # a damaged date: counted by damaged_sessions(), not shown
        found.append(
            SessionRow(
                id=row[0],
                routine_id=row[1],
                routine_name=row[2],
                started=started,
                ended=ended,
                planned_ms=row[6],
                active_ms=row[7],
                outcome=row[8],
                completed=row[9],
                skipped=row[10],
            )
        )
    return found


def damaged_sessions(connection: sqlite3.Connection) -> int:
    """Sessions whose stored day or times cannot be read as dates."""
    count = 0
    for day, started, ended, offset in connection.execute(
        "SELECT local_day, started_utc, ended_utc, utc_offset_min FROM sessions"
    ):
        try:
            date.fromisoformat(day)
            Stamp.parse(started, offset)
            if ended is not None:
                Stamp.parse(ended, offset)
        except (TypeError, ValueError):
            count += 1
    return count


def session_steps(connection: sqlite3.Connection, session_id: int) -> list[StepRow]:
    """The steps and doses one session ran with, in order (none for sessions before v3)."""
    from neuroguide.store.rows import StepRow  # History's rows: not defined at start-up

    rows = connection.execute(
        "SELECT position, exercise_id, hold_s, reps, duration_s, sets, sides, rest_s, cadence_s"
        " FROM session_steps WHERE session_id = ? ORDER BY position",
        (session_id,),
    ).fetchall()
    return [
        StepRow(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            tuple(side for side in row[6].split(",") if side),
            row[7],
            row[8],
        )
        for row in rows
    ]


def session_items(connection: sqlite3.Connection, session_id: int) -> list[ItemRow]:
    """Every item of one session in the order it was done."""
    from neuroguide.store.rows import ItemRow  # History's rows: not defined at start-up

    rows = connection.execute(
        "SELECT position, exercise_id, side, set_number, planned_ms, added_ms, actual_ms,"
        " reps_planned, reps_done, status FROM items WHERE session_id = ? ORDER BY position",
        (session_id,),
    ).fetchall()
    return [ItemRow(*row) for row in rows]


def session_pauses(connection: sqlite3.Connection, session_id: int) -> list[PauseRow]:
    """The unsteady stops and machine sleeps of one session."""
    from neuroguide.store.rows import PauseRow  # History's rows: not defined at start-up

    rows = connection.execute(
        "SELECT reason, at_utc, utc_offset_min, slept_ms FROM pauses WHERE session_id = ?"
        " ORDER BY id",
        (session_id,),
    ).fetchall()
    return [PauseRow(row[0], Stamp.parse(row[1], row[2]), row[3]) for row in rows]


_CHECKIN_COLUMNS = (
    "c.session_id, c.moment, c.pain, c.numbness, c.tingling, c.balance, c.location, c.feel, c.note"
)


def checkins(
    connection: sqlite3.Connection, flt: Filter = EVERYTHING
) -> dict[int, dict[Moment, CheckIn]]:
    """The check-ins of the sessions matching ``flt``, by session id and moment."""
    where, parameters = where_clause(flt)
    rows = connection.execute(
        f"SELECT {_CHECKIN_COLUMNS} FROM checkins AS c"
        f" JOIN sessions ON sessions.id = c.session_id{where}",
        parameters,
    ).fetchall()
    return _checkins_by_session(rows)


def session_checkins(connection: sqlite3.Connection, session_id: int) -> dict[Moment, CheckIn]:
    """The check-ins of one session, by moment (empty when both were skipped)."""
    rows = connection.execute(
        f"SELECT {_CHECKIN_COLUMNS} FROM checkins AS c WHERE c.session_id = ?", (session_id,)
    ).fetchall()
    return _checkins_by_session(rows).get(session_id, {})


def _checkins_by_session(rows: list[sqlite3.Row]) -> dict[int, dict[Moment, CheckIn]]:
    found: dict[int, dict[Moment, CheckIn]] = {}
    for row in rows:
        checkin = CheckIn(
            moment=Moment(row[1]),
            pain=row[2],
            numbness=row[3],
            tingling=row[4],
            balance=row[5],
            where=None if row[6] is None else Where(row[6]),
            feel=None if row[7] is None else Feel(row[7]),
            note=row[8],
        )
        found.setdefault(row[0], {})[checkin.moment] = checkin
    return found


def weekly_minutes(
    connection: sqlite3.Connection, flt: Filter = EVERYTHING
) -> list[tuple[date, float]]:
    """Active minutes per week (Monday first), every week of the range, empty weeks as 0."""
    where, parameters = where_clause(flt)
    rows = connection.execute(
        f"SELECT {_WEEK_START} AS week, sum(active_ms) FROM sessions{where}"
        " GROUP BY week ORDER BY week",
        parameters,
    ).fetchall()
    totals = {date.fromisoformat(row[0]): row[1] / 60000 for row in rows}
    first = week_start(flt.first_day) if flt.first_day else min(totals, default=None)
    last = week_start(flt.last_day) if flt.last_day else max(totals, default=None)
    if first is None or last is None:
        return []
    return [(week, totals.get(week, 0.0)) for week in _weeks(first, last)]


def active_days(connection: sqlite3.Connection, flt: Filter = EVERYTHING) -> list[date]:
    """Days with any active time, oldest first."""
    where, parameters = where_clause(flt)
    rows = connection.execute(
        f"SELECT DISTINCT local_day FROM sessions{where} AND active_ms > 0 ORDER BY local_day",
        parameters,
    ).fetchall()
    return [date.fromisoformat(row[0]) for row in rows]


def streak(days: Iterable[date], today: date) -> Streak:
    """The current run (ending today or yesterday) and the longest run of consecutive days."""
    from neuroguide.store.rows import Streak  # History's rows: not defined at start-up

    ordered = sorted(set(days))
    longest = run = 0
    previous: date | None = None
    for day in ordered:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = run if previous is not None and (today - previous).days <= 1 else 0
    return Streak(current=current, longest=longest, active_days=len(ordered))


def weekly_symptoms(connection: sqlite3.Connection, flt: Filter = EVERYTHING) -> list[WeekSymptoms]:
    """Average symptom ratings per week, before and after, for weeks with any check-in."""
    from neuroguide.store.rows import WeekSymptoms  # History's rows: not defined at start-up

    where, parameters = where_clause(flt)
    averages = ", ".join(f"avg(c.{name})" for name, _ in SYMPTOMS)
    rows = connection.execute(
        f"SELECT {_WEEK_START} AS week, c.moment, {averages} FROM checkins AS c"
        f" JOIN sessions ON sessions.id = c.session_id{where}"
        " GROUP BY week, c.moment ORDER BY week",
        parameters,
    ).fetchall()
    weeks: dict[date, WeekSymptoms] = {}
    for row in rows:
        week = date.fromisoformat(row[0])
        entry = weeks.setdefault(week, WeekSymptoms(week, _no_ratings(), _no_ratings()))
        target = entry.before if row[1] == Moment.BEFORE else entry.after
        for (name, _label), value in zip(SYMPTOMS, row[2:], strict=True):
            target[name] = value
    return list(weeks.values())


def minutes_between(connection: sqlite3.Connection, first_day: date, last_day: date) -> float:
    """Active minutes on the local days from ``first_day`` to ``last_day`` inclusive."""
    row = connection.execute(
        "SELECT coalesce(sum(active_ms), 0) FROM sessions WHERE local_day BETWEEN ? AND ?"
        f" AND {_valid_day('sessions')}",
        (first_day.isoformat(), last_day.isoformat()),
    ).fetchone()
    return float(row[0]) / 60000


def routines_used(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every routine in the history as (id, latest name), by name."""
    rows = connection.execute(
        "SELECT routine_id, routine_name FROM sessions WHERE id IN"
        " (SELECT max(id) FROM sessions GROUP BY routine_id) ORDER BY lower(routine_name)"
    ).fetchall()
    return [(row[0], row[1]) for row in rows]


def day_range(connection: sqlite3.Connection) -> tuple[date, date] | None:
    """The first and last local days with a session, or ``None`` for an empty history."""
    row = connection.execute(
        f"SELECT min(local_day), max(local_day) FROM sessions WHERE {_valid_day('sessions')}"
    ).fetchone()
    if row[0] is None:
        return None
    return date.fromisoformat(row[0]), date.fromisoformat(row[1])


def _weeks(first: date, last: date) -> list[date]:
    count = (last - first).days // 7 + 1
    return [first + timedelta(weeks=n) for n in range(max(0, count))]


def _no_ratings() -> dict[str, float | None]:
    return {name: None for name, _ in SYMPTOMS}


def routine_totals(
    connection: sqlite3.Connection, flt: Filter = EVERYTHING
) -> list[tuple[str, int, int]]:
    """Per routine: (latest name, sessions, active ms), most-used first."""
    where, parameters = where_clause(flt)
    rows = connection.execute(
        "SELECT max(routine_name), count(*), sum(active_ms) FROM sessions"
        f"{where} GROUP BY routine_id ORDER BY count(*) DESC",
        parameters,
    ).fetchall()
    return [(row[0], row[1], row[2]) for row in rows]


def exercise_totals(
    connection: sqlite3.Connection, flt: Filter = EVERYTHING
) -> list[tuple[str, int, int, int]]:
    """Per exercise: (id, completed, skipped, active ms), most-done first."""
    where, parameters = where_clause(flt)
    rows = connection.execute(
        "SELECT items.exercise_id, sum(items.status = 'completed'),"
        " sum(items.status = 'skipped'), sum(items.actual_ms)"
        f" FROM items JOIN sessions ON sessions.id = items.session_id{where}"
        " GROUP BY items.exercise_id ORDER BY 2 DESC",
        parameters,
    ).fetchall()
    return [(row[0], row[1], row[2], row[3]) for row in rows]


def known_exercises(connection: sqlite3.Connection) -> frozenset[str]:
    """Ids of the exercises completed at least once: the voice explains the others in full.

    Empty if the history cannot be read: hearing every step once more does no harm.
    """
    try:
        rows = connection.execute(
            "SELECT DISTINCT exercise_id FROM items WHERE status = 'completed'"
        ).fetchall()
    except sqlite3.Error:
        return frozenset()
    return frozenset(str(row[0]) for row in rows)


def session_outcomes(connection: sqlite3.Connection, since: date) -> list[SessionOutcome]:
    """The sessions from ``since`` on, oldest first, with their pain ratings."""
    chosen = Filter(first_day=since)
    ratings = checkins(connection, chosen)
    outcomes = []
    for row in reversed(list_sessions(connection, chosen)):
        found = ratings.get(row.id, {})
        before, after = found.get(Moment.BEFORE), found.get(Moment.AFTER)
        outcomes.append(
            SessionOutcome(
                finished=row.outcome == Outcome.FINISHED,
                pain_before=before.pain if before else None,
                pain_after=after.pain if after else None,
            )
        )
    return outcomes
