"""The charts page of the review screen: each chart above a table of the same numbers.

The tables are what a screen reader reads; the charts are for the eye. Both are drawn from
one :class:`ChartsView`, the aggregates the history controller reads for the period.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neuroguide.present.counted import counted, of_total
from neuroguide.present.metrics import Metrics
from neuroguide.present.review_text import day_text
from neuroguide.store.models import SYMPTOMS
from neuroguide.store.rows import Streak, WeekSymptoms
from neuroguide.ui.common.charts import (
    ChartColours,
    ChartWidget,
    paint_streak,
    paint_symptoms,
    paint_weekly_minutes,
    symptom_series,
)
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label
from neuroguide.ui.history.review_data import ChartsView


def _table(name: str, headers: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]], shown: int = 8) -> None:
    table.setUpdatesEnabled(False)
    table.setRowCount(len(rows))
    for number, row in enumerate(rows):
        for column, text in enumerate(row):
            table.setItem(number, column, QTableWidgetItem(text))
    table.setUpdatesEnabled(True)
    # Tall enough for ``shown`` rows; longer tables scroll inside the page.
    row_height = table.verticalHeader().defaultSectionSize()
    visible = min(max(1, len(rows)), shown)
    table.setFixedHeight(table.horizontalHeader().sizeHint().height() + row_height * visible + 6)


def _rating(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


class ChartsPanel(QWidget):
    """Active minutes per week against the goal, the streak, and symptom trends."""

    def __init__(self, metrics: Metrics | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.minutes_chart = ChartWidget("Active minutes per week")
        self.minutes_table = _table("Active minutes per week", ("Week of", "Minutes", "Goal"))
        self.streak_chart = ChartWidget("Active days in a row")
        self.streak_table = _table("Active days", ("Measure", "Days"))
        self.symptom_chart = ChartWidget("Symptoms by week")
        self.symptom_table = _table(
            "Symptoms by week, average before and after",
            (
                "Week of",
                *(f"{label} {when}" for _, label in SYMPTOMS for when in ("before", "after")),
            ),
        )
        self.symptom_buttons = QButtonGroup(self)
        self._buttons: list[QWidget] = []
        picker = FlowLayout()
        for index, (_name, label) in enumerate(SYMPTOMS):
            button = make_button(label, f"Show {label.lower()}", f"Draw the {label.lower()} trend.")
            button.setCheckable(True)
            self.symptom_buttons.addButton(button, index)
            picker.add(button)
            self._buttons.append(button)
        self.symptom_buttons.button(0).setChecked(True)
        self.symptom_buttons.idToggled.connect(self._symptom_toggled)
        self._weeks: list[WeekSymptoms] = []

        layout = QVBoxLayout(self)
        layout.addWidget(make_label("Active minutes per week", role="heading"))
        layout.addWidget(self.minutes_chart)
        layout.addWidget(self.minutes_table)
        layout.addWidget(make_label("Active days", role="heading"))
        layout.addWidget(self.streak_chart)
        layout.addWidget(self.streak_table)
        layout.addWidget(make_label("Symptoms before and after sessions", role="heading"))
        layout.addLayout(picker)
        layout.addWidget(self.symptom_chart)
        layout.addWidget(self.symptom_table)
        self.set_metrics(metrics or Metrics())

    def set_metrics(self, metrics: Metrics) -> None:
        """Size the symptom buttons for the mode."""
        for button in self._buttons:
            button.setMinimumSize(metrics.target, metrics.target)

    def buttons(self) -> list[QWidget]:
        """Every pressable target."""
        return list(self._buttons)

    def fill(self, view: ChartsView) -> None:
        """Draw every chart and fill every table from the period's numbers."""
        weeks, goal, today = list(view.weeks), view.goal, view.today
        self.minutes_chart.set_painter(
            partial(_paint_minutes, weeks=weeks, goal=goal),
            f"{of_total(sum(m >= goal for _, m in weeks), len(weeks), 'week')} reached the goal "
            f"of {goal} minutes.",
        )
        _fill(
            self.minutes_table,
            [
                (day_text(week), f"{minutes:.0f}", "reached" if minutes >= goal else "not yet")
                for week, minutes in reversed(weeks)
            ],
        )
        in_range = view.active_days
        runs = view.streak
        self.streak_chart.set_painter(
            partial(_paint_streak, active=set(in_range[-60:]), today=today, runs=runs),
            f"{counted(runs.current, 'active day')} in a row now; the longest run was "
            f"{runs.longest}.",
        )
        _fill(
            self.streak_table,
            [
                ("Active days in a row now", str(runs.current)),
                ("Longest run of active days", str(runs.longest)),
                ("Active days in the chosen period", str(len(in_range))),
            ],
        )
        self._weeks = list(view.symptoms)
        _fill(
            self.symptom_table,
            [
                (
                    day_text(entry.week),
                    *(
                        _rating(side[name])
                        for name, _ in SYMPTOMS
                        for side in (entry.before, entry.after)
                    ),
                )
                for entry in reversed(self._weeks)
            ],
        )
        self._draw_symptoms()

    def _symptom_toggled(self, _index: int, checked: bool) -> None:
        if checked:
            self._draw_symptoms()

    def _draw_symptoms(self) -> None:
        name, label = SYMPTOMS[max(0, self.symptom_buttons.checkedId())]
        weeks = self._weeks
        self.symptom_chart.set_painter(
            partial(_paint_symptom, weeks=weeks, name=name, label=label),
            f"{label}: {counted(len(weeks), 'week')} with check-ins; the numbers are in the table "
            "below.",
        )


def _paint_minutes(
    painter: QPainter,
    rect: QRectF,
    colours: ChartColours,
    *,
    weeks: list[tuple[date, float]],
    goal: int,
) -> None:
    paint_weekly_minutes(painter, rect, weeks, goal, colours)


def _paint_streak(
    painter: QPainter,
    rect: QRectF,
    colours: ChartColours,
    *,
    active: set[date],
    today: date,
    runs: Streak,
) -> None:
    paint_streak(painter, rect, active, today, runs.current, runs.longest, colours)


def _paint_symptom(
    painter: QPainter,
    rect: QRectF,
    colours: ChartColours,
    *,
    weeks: list[WeekSymptoms],
    name: str,
    label: str,
) -> None:
    paint_symptoms(
        painter, rect, f"{label} by week (0 to 10)", *symptom_series(weeks, name, colours)
    )
