"""The review screen: sessions by day, one session's detail, charts, filters and exports.

It reads the history through the GUI thread's connection; every figure is aggregated in SQL,
so ten years of daily sessions open in a blink.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from datetime import date, timedelta

from PySide6.QtCore import QDate, QItemSelection, Qt, Signal
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from neuroguide.present.metrics import Metrics
from neuroguide.store.models import Filter
from neuroguide.store.queries import active_days, list_sessions, routines_used
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label
from neuroguide.ui.history.review_charts import ChartsPanel
from neuroguide.ui.history.review_detail import SessionDetail
from neuroguide.ui.history.review_model import SessionListModel

RANGES: tuple[tuple[str, int | None], ...] = (
    ("Last 4 weeks", 28),
    ("Last 3 months", 91),
    ("Last year", 365),
    ("Everything", None),
)
DEFAULT_RANGE = 1


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ReviewScreen(QWidget):
    """Looking back over the history.

    Signals:
        back_requested: the person pressed "Back".
        export_requested: "pdf" or "csv"; the owner asks for a file name and writes it.
    """

    back_requested = Signal()
    export_requested = Signal(str)

    def __init__(
        self,
        connection: sqlite3.Connection,
        *,
        goal_minutes: int = 150,
        today: Callable[[], date] = date.today,
        exercise_names: Mapping[str, str] | None = None,
        metrics: Metrics | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Your history")
        self._connection = connection
        self._today = today
        self.goal_minutes = goal_minutes
        self._buttons: list[QPushButton] = []

        self.back_button = self._button("Back", "Back to the home screen", "Leave the history.")
        self.back_button.clicked.connect(self.back_requested)
        header = QHBoxLayout()
        header.addWidget(make_label("Your history", role="title"), 1)
        header.addWidget(self.back_button)

        self.range_buttons = QButtonGroup(self)
        filters = FlowLayout()
        for index, (text, _days) in enumerate(RANGES):
            button = self._button(text, f"Show {text.lower()}", f"Show {text.lower()}.")
            button.setCheckable(True)
            self.range_buttons.addButton(button, index)
            filters.add(button)
        self.first_day = QDateEdit()
        self.last_day = QDateEdit()
        for edit, name in ((self.first_day, "From"), (self.last_day, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(f"{name} date")
            edit.dateChanged.connect(self._dates_edited)
            filters.add(make_label(name))
            filters.add(edit)
        self.routine = QComboBox()
        self.routine.setAccessibleName("Routine")
        self.routine.currentIndexChanged.connect(lambda _index: self.refresh())
        filters.add(self.routine)

        self.sessions_button = self._button("Sessions", "Show sessions", "List of sessions.")
        self.charts_button = self._button("Charts", "Show charts", "Charts and their numbers.")
        self.pdf_button = self._button(
            "Save PDF report", "Save a PDF report", "A printable report for your clinician."
        )
        self.csv_button = self._button(
            "Save CSV", "Save a CSV file", "Every exercise done, for a spreadsheet."
        )
        self.pdf_button.clicked.connect(lambda: self.export_requested.emit("pdf"))
        self.csv_button.clicked.connect(lambda: self.export_requested.emit("csv"))
        pages = QButtonGroup(self)
        switch = FlowLayout()
        for index, button in enumerate((self.sessions_button, self.charts_button)):
            button.setCheckable(True)
            pages.addButton(button, index)
            switch.add(button)
        switch.add(self.pdf_button)
        switch.add(self.csv_button)

        self.model = SessionListModel(connection)
        self.list = QListView()
        self.list.setAccessibleName("Sessions, newest first")
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(3)
        self.list.setWordWrap(False)
        self.list.setModel(self.model)
        self.list.selectionModel().selectionChanged.connect(self._selected)
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName("Calendar: days with sessions are bold")
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self._mark_calendar())
        self.calendar.clicked.connect(self._day_clicked)
        self.detail = SessionDetail(exercise_names)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.calendar)
        left_column.addWidget(self.list, 1)
        sessions_page = QSplitter(Qt.Orientation.Horizontal)
        sessions_page.addWidget(left)
        sessions_page.addWidget(self.detail)
        sessions_page.setStretchFactor(0, 2)
        sessions_page.setStretchFactor(1, 3)

        self.charts = ChartsPanel(metrics)
        charts_page = QScrollArea()
        charts_page.setWidgetResizable(True)
        charts_page.setWidget(self.charts)
        self.pages = QStackedWidget()
        self.pages.addWidget(sessions_page)
        self.pages.addWidget(charts_page)
        pages.idClicked.connect(self.pages.setCurrentIndex)
        self.sessions_button.setChecked(True)

        self.empty = make_label("No sessions in this period yet.", role="heading")
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(filters)
        layout.addLayout(switch)
        layout.addWidget(self.empty)
        layout.addWidget(self.pages, 1)

        self._refreshing = False
        self._marked: list[QDate] = []
        self.set_metrics(metrics or Metrics())
        self.range_buttons.idClicked.connect(self.choose_range)
        self.reload_routines()
        self.choose_range(DEFAULT_RANGE)

    def _button(self, text: str, name: str, description: str) -> QPushButton:
        button = make_button(text, name, description)
        self._buttons.append(button)
        return button

    def set_metrics(self, metrics: Metrics) -> None:
        """Size every target for the mode (64 x 64 in large-button mode)."""
        for widget in (*self._buttons, *self.charts.buttons()):
            widget.setMinimumSize(metrics.target, metrics.target)
        for widget in (self.first_day, self.last_day, self.routine):
            widget.setMinimumHeight(metrics.target)

    def buttons(self) -> list[QWidget]:
        """Every pressable target of the screen."""
        return [*self._buttons, *self.charts.buttons(), self.first_day, self.last_day, self.routine]

    def current_filter(self) -> Filter:
        """The filter the controls describe."""
        routine = self.routine.currentData()
        return Filter(
            _pydate(self.first_day.date()),
            _pydate(self.last_day.date()),
            routine if isinstance(routine, str) else None,
        )

    def reload_routines(self) -> None:
        """Refill the routine picker from the history (after a new session)."""
        chosen = self.routine.currentData()
        self.routine.blockSignals(True)
        self.routine.clear()
        self.routine.addItem("All routines", None)
        for routine_id, name in routines_used(self._connection):
            self.routine.addItem(name, routine_id)
        found = self.routine.findData(chosen)
        self.routine.setCurrentIndex(max(0, found))
        self.routine.blockSignals(False)

    def choose_range(self, index: int) -> None:
        """Apply one of the quick ranges (see :data:`RANGES`)."""
        self.range_buttons.button(index).setChecked(True)
        today = self._today()
        days = RANGES[index][1]
        if days is None:
            first = self._connection.execute("SELECT min(local_day) FROM sessions").fetchone()[0]
            start = date.fromisoformat(first) if first else today
        else:
            start = today - timedelta(days=days - 1)
        self._refreshing = True
        self.first_day.setDate(_qdate(start))
        self.last_day.setDate(_qdate(today))
        self._refreshing = False
        self.refresh()

    def _dates_edited(self) -> None:
        if self._refreshing:
            return
        checked = self.range_buttons.checkedButton()
        if checked is not None:
            self.range_buttons.setExclusive(False)
            checked.setChecked(False)
            self.range_buttons.setExclusive(True)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the history for the current filter: the list, the detail and the charts."""
        flt = self.current_filter()
        rows = list_sessions(self._connection, flt)
        self.model.set_sessions(rows)
        self.empty.setVisible(not rows)
        self.charts.refresh(self._connection, flt, self.goal_minutes, self._today())
        if flt.last_day is not None:
            shown = _qdate(flt.last_day)
            self.calendar.setSelectedDate(shown)
            self.calendar.setCurrentPage(shown.year(), shown.month())
        self._mark_calendar()
        if rows:
            self.list.setCurrentIndex(self.model.index(0))
        else:
            self.detail.show_session(self._connection, None, {})

    def _mark_calendar(self) -> None:
        plain = QTextCharFormat()
        for day in self._marked:
            self.calendar.setDateTextFormat(day, plain)
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        first = date(year, month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        flt = self.current_filter()
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Black)
        bold.setFontUnderline(True)
        month_filter = Filter(
            max(first, flt.first_day or first), min(last, flt.last_day or last), flt.routine_id
        )
        self._marked = [_qdate(day) for day in active_days(self._connection, month_filter)]
        for day in self._marked:
            self.calendar.setDateTextFormat(day, bold)

    def _day_clicked(self, day: QDate) -> None:
        row = self.model.row_of_day(_pydate(day))
        if row is not None:
            index = self.model.index(row)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        session = self.model.session(indexes[0].row())
        self.detail.show_session(self._connection, session, self.model.checkins_of(session.id))
