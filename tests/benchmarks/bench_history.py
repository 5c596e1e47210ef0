"""History at scale: ten years of daily use (7,300 sessions, about 150,000 items).

Targets (issue 5): the review screen opens with its charts in under 300 ms; recording one item
commits in under 10 ms at the median (synchronous=FULL, a real file); CSV and PDF exports of
everything finish in under 5 s each.
"""

from __future__ import annotations

import os
import random
import sqlite3
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from neuroguide.core.records import ItemRecord, ItemStatus
from neuroguide.store import writes
from neuroguide.store.csv_export import write_items_csv, write_sessions_csv
from neuroguide.store.database import open_history
from neuroguide.store.history import History
from neuroguide.store.models import Filter, Stamp
from tests.benchmarks.report import Result, median

DAYS = 3650
SESSIONS_PER_DAY = 2
TODAY = date(2034, 12, 31)
ZONE = timezone(timedelta(hours=1))
EXERCISES = ("calf-stretch", "calf-raise", "leg-swings", "toe-point-flex", "overhead-reach")


def generate(connection: sqlite3.Connection, seed: int = 5) -> tuple[int, int]:
    """Fill the history with ten years of two sessions a day; returns (sessions, items)."""
    rnd = random.Random(seed)
    sessions: list[tuple[object, ...]] = []
    items: list[tuple[object, ...]] = []
    checkins: list[tuple[object, ...]] = []
    session_id = 0
    for offset in range(DAYS):
        day = TODAY - timedelta(days=DAYS - 1 - offset)
        for number in range(SESSIONS_PER_DAY):
            session_id += 1
            start = Stamp.of(datetime(day.year, day.month, day.day, 9 + number * 8, tzinfo=ZONE))
            count = rnd.randint(16, 25)
            active = 0
            for position in range(1, count + 1):
                actual = 30000 if rnd.random() > 0.05 else 12000
                active += actual
                items.append(
                    (
                        session_id,
                        position,
                        rnd.choice(EXERCISES),
                        "left" if position % 2 else "right",
                        (position + 1) // 2,
                        30000,
                        0,
                        actual,
                        None,
                        None,
                        "completed" if actual == 30000 else "skipped",
                        start.utc_text,
                    )
                )
            sessions.append(
                (
                    session_id,
                    "stretch-break",
                    "Stretch break",
                    start.utc_text,
                    start.offset_minutes,
                    start.local_day.isoformat(),
                    start.utc_text,
                    count * 30000,
                    active,
                    "finished",
                )
            )
            pain = max(0, min(10, 7 - offset // 900 + rnd.randint(-1, 1)))
            checkins.append((session_id, "before", pain, 5, 4, 6, "feet", None, "", start.utc_text))
            checkins.append(
                (
                    session_id,
                    "after",
                    max(0, pain - 2),
                    4,
                    3,
                    7,
                    "feet",
                    "about-right",
                    "=note",
                    start.utc_text,
                )
            )
    with writes.transaction(connection):
        connection.executemany(
            "INSERT INTO sessions (id, routine_id, routine_name, started_utc, utc_offset_min,"
            " local_day, ended_utc, planned_ms, active_ms, outcome)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            sessions,
        )
        connection.executemany(
            "INSERT INTO items (session_id, position, exercise_id, side, set_number, planned_ms,"
            " added_ms, actual_ms, reps_planned, reps_done, status, ended_utc)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            items,
        )
        connection.executemany(
            "INSERT INTO checkins (session_id, moment, pain, numbness, tingling, balance,"
            " location, feel, note, recorded_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            checkins,
        )
    connection.execute("ANALYZE")
    return len(sessions), len(items)


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def run() -> list[Result]:
    """Generate the history in a temporary folder and measure each target."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from neuroguide.core.periods import PRESET_NAMES
    from neuroguide.ui.history.review_controller import review_for
    from neuroguide.ui.reports.clinician_report import write_report

    app = QApplication.instance() or QApplication([])
    results: list[Result] = []
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:
        path = Path(folder) / "history.sqlite3"
        opened = open_history(path)
        connection = opened.connection
        history = History(opened)
        sessions, items = generate(connection)
        scale = f"{sessions} sessions, {items} items"

        opens: dict[str, list[float]] = {"default": [], "everything": []}
        everything = PRESET_NAMES.index("Everything")
        for _ in range(5):
            start = time.perf_counter()
            screen = review_for(history, today=lambda: TODAY).screen
            screen.resize(1280, 900)
            screen.show()
            screen.pages.setCurrentIndex(1)
            screen.charts.grab()  # paints every chart
            app.processEvents()
            opens["default"].append(_ms(start))
            start = time.perf_counter()
            screen.choose_range(everything)
            screen.charts.grab()
            app.processEvents()
            opens["everything"].append(_ms(start))
            screen.close()
            screen.deleteLater()
            app.processEvents()
        opened = median(opens["default"])
        results.append(
            Result(
                "history: review screen opens with charts (last 3 months)",
                "< 300 ms",
                f"{opened:.0f} ms (median of 5)",
                opened < 300,
                scale,
            )
        )
        whole = median(opens["everything"])
        results.append(
            Result(
                "history: review screen switched to all ten years",
                "< 300 ms",
                f"{whole:.0f} ms (median of 5)",
                whole < 300,
                "list, calendar, weekly chart of 522 weeks and tables",
            )
        )

        session_id = writes.begin_session(
            connection, "stretch-break", "Stretch break", Stamp.of(datetime.now(ZONE)), 60000
        )
        record = ItemRecord(
            1, 0, "calf-stretch", "left", 1, 30, 0, 30.0, None, None, ItemStatus.COMPLETED
        )
        commits = []
        for position in range(200):
            start = time.perf_counter()
            writes.add_item(connection, session_id, position, record, Stamp.of(datetime.now(ZONE)))
            commits.append(_ms(start))
        commit = median(commits)
        results.append(
            Result(
                "history: one item committed (synchronous=FULL, file in /tmp)",
                "< 10 ms median",
                f"{commit:.2f} ms median, {max(commits):.1f} ms worst of 200",
                commit < 10,
            )
        )

        for name, writer in (("items", write_items_csv), ("sessions", write_sessions_csv)):
            start = time.perf_counter()
            with open(Path(folder) / f"{name}.csv", "w", encoding="utf-8", newline="") as out:
                rows, _damaged = writer(connection, out)
            took = _ms(start) / 1000
            results.append(
                Result(
                    f"history: CSV export of all {name}",
                    "< 5 s",
                    f"{took:.2f} s",
                    took < 5,
                    f"{rows} rows",
                )
            )
        start = time.perf_counter()
        pdf = Path(folder) / "report.pdf"
        write_report(history, pdf, Filter(), goal_minutes=150, exercise_names={}, today=TODAY)
        took = _ms(start) / 1000
        results.append(
            Result(
                "history: PDF report of all ten years",
                "< 5 s",
                f"{took:.2f} s",
                took < 5,
                f"{pdf.stat().st_size // 1024} KiB",
            )
        )
        connection.close()
    return results
