"""The clinician report's "Sessions against the schedule" section: per week, done of planned.

Only routines with a ``[schedule]`` appear, and only those done in the period or of the
person's own (a programme their physiotherapist set); the last 12 weeks of the period at most.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

from neuroguide.core.library import Routine
from neuroguide.core.schedule import adherence
from neuroguide.present.counted import counted
from neuroguide.present.review_text import day_text
from neuroguide.store.adherence import first_session_day, weekly_sessions
from neuroguide.store.history import History
from neuroguide.ui.reports.progress_section import ReportPage

MAX_WEEKS = 12


def added_day(routine: Routine) -> date | None:
    """The day a person's routine was added (its file's last change; a built-in's: none)."""
    if routine.builtin or not routine.origin:
        return None
    try:
        return date.fromtimestamp(Path(routine.origin).stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return None


def write_adherence_section(
    page: ReportPage,
    history: History,
    routines: Mapping[str, Routine],
    first: date,
    last: date,
) -> None:
    """Draw the section (nothing when no routine in question has a schedule)."""
    rows: list[tuple[str, ...]] = []
    totals: list[str] = []
    for routine in sorted(routines.values(), key=lambda r: r.name.lower()):
        schedule = routine.schedule
        if schedule is None:
            continue
        done = weekly_sessions(history, routine.id, first, last)
        if not done and routine.builtin:
            continue
        start = min(
            (day for day in (first_session_day(history, routine.id), added_day(routine)) if day),
            default=first,
        )
        weeks = adherence(schedule, done, max(first, start), last)[-MAX_WEEKS:]
        for week in weeks:
            planned = str(week.planned) if week.planned else "programme over"
            rows.append((routine.name, day_text(week.monday), str(week.done), planned))
        done_sum = sum(w.done for w in weeks)
        planned_sum = sum(w.planned for w in weeks)
        planned_words = counted(planned_sum, "planned session")
        share = (
            f" ({round(100 * min(done_sum, planned_sum) / planned_sum)} %)" if planned_sum else ""
        )
        totals.append(
            f"{routine.name} ({schedule.describe().lower()}): {done_sum} of {planned_words} "
            f"done{share}."
        )
    if not rows:
        return
    page.text("Sessions against the schedule", 1.4, bold=True)
    for line in totals:
        page.text(line)
    page.table(("Routine", "Week of", "Done", "Planned"), rows)
