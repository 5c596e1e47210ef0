"""The clinician report shows each scheduled routine's sessions done against sessions planned."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from neuroguide.content.loader import Content
from neuroguide.core.routine_file import parse_routine
from neuroguide.store.adherence import sessions_done, weekly_sessions
from neuroguide.store.history import History, connection_of
from neuroguide.store.models import Filter
from neuroguide.ui.reports.clinician_report import write_report
from tests.programme.conftest import MINI

DAYS = [
    ("2026-11-02", "finished", 600, 600),
    ("2026-11-04", "finished", 600, 600),
    ("2026-11-06", "stopped", 100, 600),  # cut short: not a session kept
    ("2026-11-09", "stopped", 400, 600),  # most of it: counted
]


def add_sessions(connection, routine_id: str) -> None:  # type: ignore[no-untyped-def]
    for day, outcome, active, planned in DAYS:
        connection.execute(
            "INSERT INTO sessions (routine_id, routine_name, started_utc, utc_offset_min,"
            " local_day, ended_utc, planned_ms, active_ms, outcome)"
            " VALUES (?, 'Mini', ?, 0, ?, ?, ?, ?, ?)",
            (routine_id, f"{day}T10:00:00Z", day, f"{day}T10:10:00Z", planned, active, outcome),
        )
    connection.commit()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_report_counts_sessions_against_the_schedule(
    qapp: QApplication, content: Content, tmp_path: Path
) -> None:
    text = MINI.replace('name = "Mini"', 'name = "Mini"\nschedule = { days_a_week = 3 }')
    routine, problems = parse_routine(text.encode(), "mini.toml", content.library)
    assert routine is not None, problems
    history = History.open(tmp_path / "history.sqlite3")
    add_sessions(connection_of(history), "mini")
    assert sessions_done(history, date(2026, 11, 2), date(2026, 11, 8)) == {"mini": 2}
    assert weekly_sessions(history, "mini", date(2026, 11, 1), date(2026, 11, 15)) == {
        date(2026, 11, 2): 2,
        date(2026, 11, 9): 1,
    }
    pdf = tmp_path / "report.pdf"
    write_report(
        history,
        pdf,
        Filter(date(2026, 11, 2), date(2026, 11, 15)),
        goal_minutes=150,
        exercise_names={},
        today=date(2026, 11, 15),
        routines={"mini": routine},
    )
    words = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "Sessions against the schedule" in words
    assert "Mini (3 days a week): 3 of 6 planned sessions done (50 %)." in words
    history.close()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_a_programme_added_on_a_sunday_and_done_once_is_one_of_one_in_plain_words(
    qapp: QApplication, content: Content, tmp_path: Path
) -> None:
    """Issue 26 item 6: the first, partial week is counted fairly, and the words agree in
    number ("1 active day", "1 session", "0 of 1 week")."""
    text = MINI.replace('name = "Mini"', 'name = "Mini"\nschedule = { days_a_week = 3 }')
    routine, problems = parse_routine(text.encode(), "mini.toml", content.library)
    assert routine is not None, problems
    history = History.open(tmp_path / "history.sqlite3")
    connection = connection_of(history)
    sunday = "2026-11-08"
    connection.execute(
        "INSERT INTO sessions (routine_id, routine_name, started_utc, utc_offset_min,"
        " local_day, ended_utc, planned_ms, active_ms, outcome)"
        " VALUES ('mini', 'Mini', ?, 0, ?, ?, 600, 600, 'finished')",
        (f"{sunday}T10:00:00Z", sunday, f"{sunday}T10:10:00Z"),
    )
    connection.commit()
    pdf = tmp_path / "report.pdf"
    write_report(
        history,
        pdf,
        Filter(date(2026, 11, 2), date(2026, 11, 8)),
        goal_minutes=150,
        exercise_names={},
        today=date(2026, 11, 8),
        routines={"mini": routine},
    )
    words = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "Mini (3 days a week): 1 of 1 planned session done (100 %)." in words
    assert "1 active day and 1 session," in words
    assert "0 of 1 week reached the goal" in words
    history.close()


def test_own_exercises_written_in_a_routine_file_are_named_not_shown_by_id(
    content: Content,
) -> None:
    from neuroguide.core.routine_file import RoutineCatalog
    from neuroguide.ui.history.controller import exercise_names

    routine, problems = parse_routine(MINI.encode(), "mini.toml", content.library)
    assert routine is not None, problems
    catalog = RoutineCatalog()
    catalog.routines["mini"] = routine
    names = exercise_names(Content(content.library, catalog))
    assert names["towel-scrunch"] == "Towel scrunches"
    assert names["calf-stretch"] == "Calf stretch"
