"""A printable PDF report for a clinician, drawn with QPdfWriter and the review screen's charts.

Needs a QGuiApplication (the command line makes one; offscreen works without a display).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPdfWriter

from neuroguide.core.check_progress import Profile
from neuroguide.core.library import Routine
from neuroguide.present.counted import counted, of_total
from neuroguide.present.review_text import day_text, minutes_text
from neuroguide.store.history import History
from neuroguide.store.models import SYMPTOMS, Filter, Moment
from neuroguide.store.queries import streak
from neuroguide.ui.common.charts import PAPER, paint_symptoms, paint_weekly_minutes, symptom_series
from neuroguide.ui.reports.adherence_section import write_adherence_section
from neuroguide.ui.reports.pdf import a4_writer
from neuroguide.ui.reports.progress_section import write_progress_section

_POINT = 10.0


class _Page:
    """Writes lines and blocks down the page, starting a new page when one is full."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        self.area = QRectF(painter.viewport())
        self.y = self.area.top()

    def font(self, scale: float = 1.0, *, bold: bool = False) -> QFontMetricsF:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(_POINT * scale)
        font.setBold(bold)
        self.painter.setFont(font)
        return QFontMetricsF(font, self.writer)

    def room(self, height: float) -> None:
        if self.y + height > self.area.bottom():
            self.writer.newPage()
            self.y = self.area.top()

    def text(self, text: str, scale: float = 1.0, *, bold: bool = False) -> None:
        metrics = self.font(scale, bold=bold)
        flags = int(Qt.TextFlag.TextWordWrap)
        bounds = metrics.boundingRect(QRectF(0, 0, self.area.width(), 1e6), flags, text)
        self.room(bounds.height())
        self.painter.setPen(PAPER.text)
        self.painter.drawText(
            QRectF(self.area.left(), self.y, self.area.width(), bounds.height()), flags, text
        )
        self.y += bounds.height() + metrics.height() * 0.3

    def gap(self, lines: float = 1.0) -> None:
        self.y += self.font().height() * lines

    def table(self, headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
        """A table whose long cells wrap; it starts on a new page rather than split, unless it
        is longer than a page (then the headers are repeated on each page)."""
        bold = self.font(0.9, bold=True)  # headers are drawn bold: measure them so
        metrics = self.font(0.9)
        pad = metrics.height()
        natural = [
            max([bold.horizontalAdvance(h), *(metrics.horizontalAdvance(r[i]) for r in rows)]) + pad
            for i, h in enumerate(headers)
        ]
        floor = [
            min(n, bold.horizontalAdvance(h) + pad) for n, h in zip(natural, headers, strict=True)
        ]
        widths = _fit_widths(natural, floor, self.area.width())
        flags = int(Qt.TextFlag.TextWordWrap)

        def height_of(row: tuple[str, ...], font: QFontMetricsF) -> float:
            tallest = max(
                font.boundingRect(QRectF(0, 0, width - pad / 2, 1e6), flags, cell).height()
                for width, cell in zip(widths, row, strict=True)
            )
            return max(tallest, font.height()) + pad * 0.3

        header_height = height_of(headers, bold)
        heights = [height_of(row, metrics) for row in rows]
        if header_height + sum(heights) <= self.area.height():
            self.room(header_height + sum(heights))
        self._row(headers, widths, header_height, bold=True)
        for row, height in zip(rows, heights, strict=True):
            if self.y + height > self.area.bottom():
                self.writer.newPage()
                self.y = self.area.top()
                self._row(headers, widths, header_height, bold=True)
            self._row(row, widths, height, bold=False)
        self.gap(0.5)

    def _row(
        self, row: tuple[str, ...], widths: Sequence[float], height: float, *, bold: bool
    ) -> None:
        self.font(0.9, bold=bold)
        self.painter.setPen(PAPER.text)
        x = self.area.left()
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignVCenter)
        for width, cell in zip(widths, row, strict=True):
            self.painter.drawText(QRectF(x, self.y, width - 4, height), flags, cell)
            x += width
        self.y += height

    def chart(self, height_ratio: float = 0.35) -> QRectF:
        height = self.area.height() * height_ratio
        self.room(height)
        rect = QRectF(self.area.left(), self.y, self.area.width(), height)
        self.y += height + self.font().height()
        self.font(0.9)
        return rect


def _fit_widths(natural: Sequence[float], floor: Sequence[float], room: float) -> list[float]:
    """Column widths within ``room``: the natural ones if they fit, else the widest shrunk
    (never below ``floor``), so long cells wrap instead of running into the next column."""
    widths = list(natural)
    while sum(widths) > room + 0.5:
        excess = sum(widths) - room
        shrinkable = [i for i, w in enumerate(widths) if w > floor[i] + 0.5]
        if not shrinkable:
            scale = room / sum(widths)
            return [w * scale for w in widths]
        widest = max(shrinkable, key=lambda i: widths[i])
        others = [widths[i] for i in shrinkable if i != widest]
        target = max(floor[widest], max(others, default=0.0), widths[widest] - excess)
        if target >= widths[widest] - 0.5:
            target = max(floor[widest], widths[widest] - excess)
        widths[widest] = target
    return widths


def write_report(
    history: History,
    path: Path,
    flt: Filter,
    *,
    goal_minutes: int,
    exercise_names: Mapping[str, str],
    today: date,
    profile: Profile | None = None,
    routines: Mapping[str, Routine] | None = None,
) -> None:
    """Write the report for ``flt`` to ``path`` (a PDF).

    ``routines`` (the catalog) adds sessions done against each routine's schedule.

    ``profile`` (year of birth and sex) lets the progress checks be compared with their norms.
    """
    whole = history.day_range()
    first = flt.first_day or (whole[0] if whole else today)
    last = flt.last_day or today
    checks = history.checks(None, flt.first_day, last)
    if flt.first_day is None and checks:  # a period that holds only progress checks
        first = min(first, checks[0].taken.local_day)
    period = Filter(first, last, flt.routine_id)
    writer = a4_writer(path, "NeuroGuide exercise report", resolution=150)
    painter = QPainter(writer)
    try:
        page = _Page(writer, painter)
        _write(page, history, period, goal_minutes, exercise_names, today)
        if routines:
            write_adherence_section(page, history, routines, first, last)
        write_progress_section(
            page,
            [row for row in checks if row.taken.local_day >= first],
            profile or Profile(),
        )
    finally:
        painter.end()


def _write(
    page: _Page,
    history: History,
    flt: Filter,
    goal: int,
    names: Mapping[str, str],
    today: date,
) -> None:
    assert flt.first_day is not None and flt.last_day is not None
    page.text("NeuroGuide exercise report", 2.0, bold=True)
    page.text(
        f"Period: {day_text(flt.first_day)} to {day_text(flt.last_day)}. Made on {day_text(today)}."
    )
    weeks = history.weekly_minutes(flt)
    days = history.active_days(flt)
    runs = streak(days, flt.last_day)
    routines = history.routine_totals(flt)
    total_ms = sum(row[2] for row in routines)
    sessions = sum(row[1] for row in routines)
    average = sum(m for _, m in weeks) / len(weeks) if weeks else 0.0
    page.gap(0.5)
    page.text("Adherence", 1.4, bold=True)
    page.text(
        f"{counted(len(days), 'active day')} and {counted(sessions, 'session')}, "
        f"{minutes_text(total_ms)} of exercise in all. On average {average:.0f} active minutes "
        f"a week against a goal of {goal}; "
        f"{of_total(sum(m >= goal for _, m in weeks), len(weeks), 'week')} reached the goal. "
        f"Longest run of active days: {runs.longest}."
    )
    paint_weekly_minutes(page.painter, page.chart(0.3), weeks, goal, PAPER)

    page.text("What was done", 1.4, bold=True)
    page.table(
        ("Routine", "Sessions", "Active time"),
        [(name, str(count), minutes_text(ms)) for name, count, ms in routines],
    )
    page.table(
        ("Exercise", "Done", "Skipped", "Active time"),
        [
            (names.get(ex, ex), str(done), str(skipped), minutes_text(ms))
            for ex, done, skipped, ms in history.exercise_totals(flt)
        ],
    )

    _notes(page, history, flt)

    symptoms = history.weekly_symptoms(flt)
    page.text("Symptoms (0 to 10, weekly averages of the check-ins)", 1.4, bold=True)
    if not symptoms:
        page.text("No check-ins were given in this period.")
        return
    rows = []
    for name, label in SYMPTOMS:
        before = [w.before[name] for w in symptoms if w.before[name] is not None]
        after = [w.after[name] for w in symptoms if w.after[name] is not None]
        rows.append((label, _trend(before), _trend(after)))
    page.text("First four weeks with check-ins against the last four:")
    page.table(("Symptom", "Before sessions", "After sessions"), rows)
    for name, label in SYMPTOMS:
        if any(w.before[name] is not None or w.after[name] is not None for w in symptoms):
            paint_symptoms(
                page.painter,
                page.chart(0.25),
                f"{label} by week",
                *symptom_series(symptoms, name, PAPER),
            )


def note_lines(history: History, flt: Filter) -> list[str]:
    """``Tue 3 Nov 2026, Lower-leg stretches. Before: … After: …``, oldest first.

    The check-in asks for "a note for yourself or your therapist": the report is where the
    therapist reads it.
    """
    found = history.checkins(flt)
    lines: list[str] = []
    for session in reversed(history.sessions(flt)):
        notes = found.get(session.id, {})
        words = [
            f"{label}: {notes[moment].note.strip()}"
            for moment, label in ((Moment.BEFORE, "Before"), (Moment.AFTER, "After"))
            if moment in notes and notes[moment].note.strip()
        ]
        if words:
            day = day_text(session.started.local.date())
            lines.append(f"{day}, {session.routine_name}. " + " ".join(words))
    return lines


def _notes(page: _Page, history: History, flt: Filter) -> None:
    page.text("Notes from the check-ins", 1.4, bold=True)
    lines = note_lines(history, flt)
    for line in lines or ["No notes were written in this period."]:
        page.text(line)
    page.gap(0.5)


def _trend(values: Sequence[float | None]) -> str:
    known = [v for v in values if v is not None]
    if not known:
        return "no answers"
    start = sum(known[:4]) / len(known[:4])
    end = sum(known[-4:]) / len(known[-4:])
    return f"{start:.1f} → {end:.1f}"
