"""CSV exports: the promised columns, local times with offsets, and formula-safe text."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from neuroguide.store.csv_export import (
    ITEM_COLUMNS,
    SESSION_COLUMNS,
    spreadsheet_safe,
    write_items_csv,
    write_sessions_csv,
)
from neuroguide.store.database import open_history
from neuroguide.store.models import CheckIn, Feel, Moment, Where
from tests.store.seed import add_session

PLUS_TWO = timezone(timedelta(hours=2))


@pytest.fixture
def connection() -> Iterator[sqlite3.Connection]:
    connection = open_history(":memory:").connection
    yield connection
    connection.close()


@pytest.mark.parametrize("risky", ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"])
def test_text_a_spreadsheet_would_run_is_defused(risky: str) -> None:
    assert spreadsheet_safe(risky) == "'" + risky


def test_plain_text_is_left_alone() -> None:
    assert spreadsheet_safe("Calf stretch - left") == "Calf stretch - left"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_item_rows_have_every_promised_column(connection: sqlite3.Connection) -> None:
    add_session(connection, datetime(2024, 5, 1, 9, 30, tzinfo=PLUS_TWO), holds=3, seconds=15)
    out = io.StringIO()
    assert write_items_csv(connection, out) == (3, 0)
    rows = _rows(out.getvalue())
    assert tuple(rows[0]) == ITEM_COLUMNS
    assert rows[0]["session_start"] == "2024-05-01T09:30:00+02:00"
    assert rows[0]["routine_id"] == "stretch-break"
    assert rows[0]["exercise_id"] == "calf-stretch"
    assert [r["side"] for r in rows] == ["left", "right", "left"]
    assert [r["set"] for r in rows] == ["1", "1", "2"]
    assert rows[0]["planned_seconds"] == rows[0]["actual_seconds"] == "15"
    assert rows[0]["reps_planned"] == rows[0]["reps_done"] == ""
    assert rows[0]["status"] == "completed"


def test_session_rows_carry_check_ins_and_a_defused_note(connection: sqlite3.Connection) -> None:
    add_session(
        connection,
        datetime(2024, 5, 1, 9, 30, tzinfo=PLUS_TWO),
        routine_name='=HYPERLINK("http://x")',
        before=CheckIn(Moment.BEFORE, pain=6, where=Where.BOTH),
        after=CheckIn(Moment.AFTER, pain=4, feel=Feel.TOO_HARD, note="-felt dizzy"),
    )
    out = io.StringIO()
    assert write_sessions_csv(connection, out) == (1, 0)
    [row] = _rows(out.getvalue())
    assert tuple(row) == SESSION_COLUMNS
    assert row["routine_name"].startswith("'=")
    assert (row["before_pain"], row["after_pain"]) == ("6", "4")
    assert row["before_location"] == "both"
    assert row["felt"] == "too-hard"
    assert row["note"] == "'-felt dizzy"
    assert row["active_minutes"] == "1.0"
    assert row["items_completed"] == "2"
