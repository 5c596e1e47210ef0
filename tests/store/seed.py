"""Builds small histories through the real write functions (test helper)."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from neuroguide.core.records import ItemRecord, ItemStatus
from neuroguide.store import writes
from neuroguide.store.history import History, connection_of
from neuroguide.store.models import CheckIn, Stamp


def add_session(
    connection: sqlite3.Connection | History,
    started: datetime,
    *,
    routine_id: str = "stretch-break",
    routine_name: str = "Stretch break",
    holds: int = 2,
    seconds: int = 30,
    outcome: str = "finished",
    before: CheckIn | None = None,
    after: CheckIn | None = None,
    exercise_id: str = "calf-stretch",
) -> int:
    """Add a session of ``holds`` completed holds of ``seconds`` each; returns its id."""
    if isinstance(connection, History):
        connection = connection_of(connection)
    stamp = Stamp.of(started)
    session_id = writes.begin_session(
        connection, routine_id, routine_name, stamp, holds * seconds * 1000
    )
    for number in range(1, holds + 1):
        record = ItemRecord(
            phase_index=number,
            step_index=0,
            exercise_id=exercise_id,
            side="left" if number % 2 else "right",
            set_number=(number + 1) // 2,
            planned_seconds=seconds,
            added_seconds=0,
            actual_seconds=seconds,
            reps_planned=None,
            reps_done=None,
            status=ItemStatus.COMPLETED,
        )
        writes.add_item(connection, session_id, number, record, stamp)
    writes.finish_session(
        connection, session_id, stamp, outcome, holds * seconds * 1000, holds * seconds * 1000
    )
    for checkin in (before, after):
        if checkin is not None:
            writes.save_checkin(connection, session_id, checkin, stamp)
    return session_id
