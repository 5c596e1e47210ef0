"""The review screen: sessions by day, one session's detail, charts, filters and exports.

It is layout only: it reads nothing and counts no days. Its controller
(:class:`~neuroguide.ui.history.review_controller.ReviewController`) reads the history for
the period and fills it with plain values (:mod:`neuroguide.ui.history.review_data`); the
screen says what the person chose (a preset, an earlier or later period, a routine, a
session) by its signals. Nothing needs fine pointing: periods are chosen with big preset
buttons and moved with big "Earlier" and "Later" buttons (no typed
dates, no calendar cells), session lines wrap, and Escape goes back.

Nothing scrolls but the one list on show (decision 0018): the controls' words take the largest
size at which they leave room for three sessions of three lines each, and a session's detail
opens in place of the list (its table, full width, never scrolls sideways). Where that size
would fall under two thirds of the person's (large buttons with 200 % text: 1.2 of 3.2), the
screen shows fewer controls at once (decision 0025): the title, "More choices", "Back", the
period with "Earlier" and "Later", and the sessions; the preset periods, the routine filter,
the charts and the reports open behind "More choices", in place of the list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLayout,
    QListView,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.fitted_page import FittedPage, height_for
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label
from neuroguide.ui.history.review_charts import ChartsPanel
from neuroguide.ui.history.review_data import (
    ChartsView,
    CheckinsOf,
    PeriodView,
    Sessions,
    SessionView,
)
from neuroguide.ui.history.review_detail import SessionDetail
from neuroguide.ui.history.review_model import SessionListModel

EMPTY_TEXT = "No sessions in this period yet."
CHOICES_CLOSED = "More choices"
CHOICES_OPEN = "◀  Show the sessions"
SESSIONS_IN_VIEW = 3
"""At least this many sessions show without scrolling in a window 768 pixels high or more."""
SESSIONS_IN_LOW_VIEW = 2
"""... and this many in a lower window (1280 x 720)."""
LINES_PER_SESSION = 3


def _holder(layout: QLayout) -> QWidget:
    """A bare widget around ``layout``, to show or hide it as one."""
    holder = QWidget()
    holder.setLayout(layout)
    layout.setContentsMargins(0, 0, 0, 0)
    return holder


class TallRows(QStyledItemDelegate):
    """A drop-down's rows at least as tall as a target (44 px, 64 in large mode)."""

    least = 44

    def sizeHint(  # noqa: N802 (Qt API)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """The text's size, never lower than a target."""
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), self.least))


class ReviewScreen(FittedPage):
    """Looking back over the history.

    Signals:
        back_requested: the person pressed "Back" or Escape.
        export_requested: "pdf" or "csv"; the owner asks for a file name and writes it.
        report_requested: "Save report": the owner writes the PDF into the reports folder.
        preset_chosen: the index of the preset period chosen (in the order of ``presets``).
        shift_requested: -1 for the period just before the one on show, +1 for the one after.
        routine_chosen: the routine id to show alone, or ``None`` for all routines.
        session_chosen: the id of the session picked in the list, to show in detail.
    """

    back_requested = Signal()
    export_requested = Signal(str)
    report_requested = Signal()
    preset_chosen = Signal(int)
    shift_requested = Signal(int)
    routine_chosen = Signal(object)
    session_chosen = Signal(int)

    def __init__(
        self,
        *,
        presets: Sequence[str] = (),
        exercise_names: Mapping[str, str] | None = None,
        metrics: Metrics | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(metrics or Metrics(), parent)
        self.setAccessibleName("Your history")
        self._buttons: list[QPushButton] = []

        self.back_button = self._button(
            "Back  [Esc]", "Back to the home screen", "Leave the history."
        )
        self.back_button.clicked.connect(self.back_requested)
        header = QHBoxLayout()
        self.title = make_label("Your history", role="title")
        header.addWidget(self.title, 1)
        self._header = header
        self.choices_button = self._button(
            CHOICES_CLOSED,
            "More choices",
            "The periods, the routine filter, the charts and the reports, in place of the list.",
        )
        self.choices_button.clicked.connect(self.toggle_choices)
        header.addWidget(self.choices_button)
        header.addWidget(self.back_button)

        self.range_buttons = QButtonGroup(self)
        filters = FlowLayout()
        for index, text in enumerate(presets):
            button = self._button(text, f"Show {text.lower()}", f"Show {text.lower()}.")
            button.setCheckable(True)
            self.range_buttons.addButton(button, index)
            filters.add(button)
        self.earlier_button = self._button(
            "◀  Earlier", "Earlier period", "Show the period just before this one."
        )
        self.later_button = self._button(
            "Later  ▶", "Later period", "Show the period just after this one."
        )
        self.period_label = make_label(role="heading", name="Period shown")
        period = QHBoxLayout()
        period.addWidget(self.earlier_button)
        period.addWidget(self.period_label, 1)
        period.addWidget(self.later_button)
        self._period = period
        self.earlier_button.clicked.connect(lambda: self.shift(-1))
        self.later_button.clicked.connect(lambda: self.shift(1))
        self.routine = QComboBox()
        self._rows = TallRows(self.routine)  # drop-down rows as tall as any target
        self.routine.setItemDelegate(self._rows)
        self.routine.setAccessibleName("Routine")
        self.routine.setAccessibleDescription("Show one routine's sessions, or all of them.")
        self.routine.currentIndexChanged.connect(
            lambda _index: self.routine_chosen.emit(self.chosen_routine())
        )
        filters.add(self.routine)

        self.sessions_button = self._button("Sessions", "Show sessions", "List of sessions.")
        self.charts_button = self._button("Charts", "Show charts", "Charts and their numbers.")
        self.report_button = self._button(
            "Save report",
            "Save a PDF report",
            "A printable report for your clinician, saved in your NeuroGuide reports folder.",
        )
        self.pdf_button = self._button(
            "Save as…", "Save the report as", "Choose where to save the PDF report yourself."
        )
        self.csv_button = self._button(
            "Save CSV", "Save a CSV file", "Every exercise done, for a spreadsheet."
        )
        self.report_button.clicked.connect(self.report_requested)
        self.pdf_button.clicked.connect(lambda: self.export_requested.emit("pdf"))
        self.csv_button.clicked.connect(lambda: self.export_requested.emit("csv"))
        pages = QButtonGroup(self)
        switch = FlowLayout()
        for index, button in enumerate((self.sessions_button, self.charts_button)):
            button.setCheckable(True)
            pages.addButton(button, index)
            switch.add(button)
        switch.add(self.report_button)
        switch.add(self.pdf_button)
        switch.add(self.csv_button)
        self._filters, self._switch = filters, switch

        self.model = SessionListModel()
        self.list = QListView()
        self.list.setAccessibleName("Sessions, newest first")
        self.list.setAccessibleDescription("Choose a session to see what was done.")
        self.list.setSpacing(3)
        self.list.setWordWrap(True)  # long lines wrap, never cut off on the right
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setModel(self.model)
        self.list.selectionModel().selectionChanged.connect(self._selected)
        self.list.clicked.connect(lambda _index: self.open_detail())
        self.list.activated.connect(lambda _index: self.open_detail())
        self.detail = SessionDetail(exercise_names)
        self.list_button = self._button(
            "◀  Back to the list",
            "Back to the list of sessions",
            "Close this session and show the list again.",
        )
        self.list_button.clicked.connect(self.close_detail)
        detail_page = QWidget()
        detail_column = QVBoxLayout(detail_page)
        detail_column.setContentsMargins(0, 0, 0, 0)
        detail_column.addWidget(self.detail, 1)
        # "Back to the list" takes the title's place while a session is open.
        header.insertWidget(0, self.list_button)
        header.insertStretch(2, 0)  # the buttons stay right when the title makes way
        self.list_button.hide()
        # The list, or one session's detail in its place: one scrolling part at a time.
        self.session_pages = QStackedWidget()
        self.session_pages.addWidget(self.list)
        self.session_pages.addWidget(detail_page)
        self._sessions_row = detail_column

        self.charts = ChartsPanel(metrics)
        charts_page = QScrollArea()
        charts_page.setWidgetResizable(True)
        charts_page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        charts_page.setWidget(self.charts)
        self.pages = QStackedWidget()
        # Never asks for more height than the window has: the words are fitted instead.
        self.pages.setMinimumHeight(1)
        self.pages.addWidget(self.session_pages)
        self.pages.addWidget(charts_page)
        pages.idClicked.connect(self._show_page)
        self.sessions_button.setChecked(True)

        self.empty = make_label(EMPTY_TEXT, role="heading")
        # The periods, the filter and the page buttons give way to a session's detail.
        self.controls = QWidget()
        controls = self._controls = QVBoxLayout(self.controls)
        controls.setContentsMargins(0, 0, 0, 0)
        # The choices fewer controls leave out (behind "More choices" then).
        self.choices = (_holder(filters), _holder(switch))
        controls.addWidget(self.choices[0])
        controls.addLayout(period)
        controls.addWidget(self.choices[1])
        controls.addWidget(self.empty)
        self._choosing = False
        for choice in (*self.range_buttons.buttons(), self.sessions_button, self.charts_button):
            choice.clicked.connect(self._chosen)
        self.routine.activated.connect(lambda _index: self._chosen())
        layout = self.page
        layout.addLayout(header)
        layout.addWidget(self.controls)
        layout.addWidget(self.pages, 1)

        self.set_metrics(metrics or Metrics())
        self.range_buttons.idClicked.connect(self.choose_range)

    def arrangements(self) -> int:
        """All controls at once, or fewer controls (the rest behind "More choices")."""
        return 2

    def arrange(self, index: int) -> None:
        """0: every control on show; 1: fewer controls, so the words can stay large."""
        self._show_controls()

    @property
    def fewer_controls(self) -> bool:
        """Whether the presets, filter, charts and reports wait behind "More choices"."""
        return self.arrangement == 1

    @property
    def choosing(self) -> bool:
        """Whether "More choices" is open (with fewer controls only)."""
        return self._choosing and self.fewer_controls

    def toggle_choices(self) -> None:
        """Open or close "More choices"."""
        self._choosing = not self._choosing and self.fewer_controls
        self._show_controls()
        checked = self.range_buttons.checkedButton()
        if self.choosing and checked is not None:
            checked.setFocus()
        else:
            self.choices_button.setFocus()

    def _chosen(self) -> None:
        """A period, a routine or a page was chosen: back to what it shows."""
        if self.choosing:
            self.toggle_choices()

    def _show_controls(self) -> None:
        fewer = self.fewer_controls
        self.choices_button.setVisible(fewer and not self.detail_open)
        self.choices_button.setText(CHOICES_OPEN if self.choosing else CHOICES_CLOSED)
        for holder in self.choices:
            holder.setVisible(not fewer or self.choosing)
        self.pages.setVisible(not self.choosing)

    def _button(self, text: str, name: str, description: str) -> QPushButton:
        button = make_button(text, name, description)
        self._buttons.append(button)
        return button

    def set_metrics(self, metrics: Metrics) -> None:
        """Size every target for the mode (64 x 64 in large-button mode); fit the words."""
        for widget in (*self._buttons, *self.charts.buttons()):
            widget.setMinimumSize(metrics.target, metrics.target)
        self.routine.setMinimumHeight(metrics.target)
        self._rows.least = metrics.target
        self._sessions_row.setSpacing(metrics.spacing)
        self._period.setSpacing(metrics.spacing)
        self._filters.set_gap(metrics.spacing)
        self._switch.set_gap(metrics.spacing)
        self._controls.setSpacing(metrics.spacing)
        self.set_page_metrics(metrics)

    def session_row_height(self) -> int:
        """The height of one session of three lines in the list, at the current text."""
        lines = self.list.fontMetrics().lineSpacing() * LINES_PER_SESSION
        return lines + 2 * self.list.spacing() + 8

    def sessions_height(self, width: int) -> int:
        """Room for the first three sessions as they wrap at ``width`` (three lines each
        when there are none yet)."""
        wanted = SESSIONS_IN_VIEW if self.window().height() >= 768 else SESSIONS_IN_LOW_VIEW
        rows = min(self.model.rowCount(), wanted)
        line = self.list.fontMetrics().lineSpacing()
        most = self.session_row_height()
        total = most * (wanted - rows)
        option_width = max(1, width - 2 * self.list.frameWidth() - 4)
        for row in range(rows):
            text = str(self.model.data(self.model.index(row)))
            bounds = self.list.fontMetrics().boundingRect(
                0, 0, option_width, 10_000, int(Qt.TextFlag.TextWordWrap), text
            )
            if round(bounds.height() / line) > LINES_PER_SESSION:  # the words must shrink
                return 10_000
            needed = bounds.height() + 2 * self.list.spacing() + 8
            total += needed
        return total

    def needed_height(self, width: int) -> int:
        """The controls and three sessions, or a session's detail (each page is fitted on its
        own: the detail's long sentences would otherwise shrink the list's words too)."""
        margins = self.page.contentsMargins()
        inner = width - margins.left() - margins.right()
        gap = self.page.spacing()
        sessions = self.sessions_height(inner) + 8
        inner_gap = self._controls.spacing()
        period = height_for(self._period, inner)
        if not self.empty.isHidden():
            period += inner_gap + self.empty.heightForWidth(inner)
        choices = sum(height_for(flow, inner) + inner_gap for flow in (self._filters, self._switch))
        if self.fewer_controls:  # the sessions, or the choices in their place
            listing = max(period + gap + sessions, period + choices)
        else:
            listing = period + choices + gap + sessions
        # The detail's table may scroll down (it is the one list there): a header and two rows.
        table = self.detail.items
        rows = table.verticalHeader().defaultSectionSize() * 2
        least = table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth()
        detail = height_for(self._sessions_row, inner) - table.sizeHint().height() + least
        top = height_for(self._header, inner) + gap + margins.top() + margins.bottom()
        return top + (detail if self.detail_open else listing)

    def fit_key(self) -> tuple[object, ...]:
        """The period's words, whether "no sessions" shows, and the detail's words if open."""
        detail = self.detail
        words = (detail.heading.text(), detail.summary.text(), detail.before.text(),
                 detail.after.text(), detail.pauses.text())  # fmt: skip
        first = [self.model.index(row) for row in range(min(self.model.rowCount(), 3))]
        lines = tuple(str(self.model.data(index)) for index in first)
        listing = (self.period_label.text(), self.empty.isHidden(), lines)
        return (*listing, *words) if self.detail_open else listing

    def open_detail(self) -> None:
        """Show the chosen session's detail in place of the list and its controls."""
        self.session_pages.setCurrentIndex(1)
        self.controls.hide()
        self.choices_button.hide()
        self.title.hide()
        self.list_button.show()
        self.schedule_fit()
        self.list_button.setFocus()

    def close_detail(self) -> None:
        """Back from a session's detail to the list."""
        self.session_pages.setCurrentIndex(0)
        self.controls.show()
        self.list_button.hide()
        self.title.show()
        self._show_controls()
        self.schedule_fit()

    @property
    def detail_open(self) -> bool:
        """Whether a session's detail is on show instead of the list."""
        return self.session_pages.currentIndex() == 1

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.close_detail()

    def buttons(self) -> list[QWidget]:
        """Every pressable target of the screen."""
        return [*self._buttons, *self.charts.buttons(), self.routine]

    def main_action(self) -> QWidget:
        """Back: where the focus rests (Enter and Escape go back)."""
        return self.back_button

    def handle_key(self, key: int) -> bool:
        """Escape goes back (from a session to the list, from the list home); ← and → move
        to the earlier or later period."""
        if key == Qt.Key.Key_Escape:
            if self.detail_open:
                self.close_detail()
            elif self.choosing:
                self.toggle_choices()
            else:
                self.back_requested.emit()
            return True
        if key == Qt.Key.Key_Left:
            self.shift(-1)
            return True
        if key == Qt.Key.Key_Right:
            self.shift(1)
            return True
        return False

    def chosen_routine(self) -> str | None:
        """The routine the picker shows alone (``None``: all routines)."""
        routine = self.routine.currentData()
        return routine if isinstance(routine, str) else None

    def show_routines(self, routines: Sequence[tuple[str, str]]) -> str | None:
        """Refill the routine picker with (id, name) pairs, keeping the one chosen if it is
        still there; returns the routine now chosen. Says nothing: the choice is not new."""
        chosen = self.routine.currentData()
        self.routine.blockSignals(True)
        self.routine.clear()
        self.routine.addItem("All routines", None)
        for routine_id, name in routines:
            self.routine.addItem(name, routine_id)
        found = self.routine.findData(chosen)
        self.routine.setCurrentIndex(max(0, found))
        self.routine.blockSignals(False)
        return self.chosen_routine()

    def choose_range(self, index: int) -> None:
        """Press preset period ``index``: checked at once, shown when the controller has read it."""
        self.range_buttons.button(index).setChecked(True)
        self.preset_chosen.emit(index)

    def shift(self, direction: int) -> None:
        """Ask for the period just before (-1) or after (+1) this one, where that is allowed."""
        if not self.earlier_button.isEnabled() and direction < 0:
            return
        if not self.later_button.isEnabled() and direction > 0:
            return
        self.shift_requested.emit(direction)

    def show_period(self, period: PeriodView) -> None:
        """The period's words, its preset button, and whether it may move earlier or later."""
        self.period_label.setText(period.text)
        button = self.range_buttons.button(period.preset)
        if button is not None:
            button.setChecked(True)
        self.earlier_button.setEnabled(period.earlier)
        self.later_button.setEnabled(period.later)

    def show_charts(self, charts: ChartsView) -> None:
        """The charts and their tables for the period."""
        self.charts.fill(charts)

    def show_sessions(self, rows: Sessions, checkins_of: CheckinsOf) -> None:
        """The period's sessions, newest first; the newest opens in the detail (which is
        emptied when there are none)."""
        self.model.set_sessions(rows, checkins_of)
        self.empty.setText(EMPTY_TEXT)
        self.empty.setVisible(not rows)
        if rows:
            self.list.setCurrentIndex(self.model.index(0))
        else:
            self.detail.show_session(None)

    def show_problem(self, text: str) -> None:
        """The history could not be read (e.g. another program holds the file just now)."""
        self.model.set_sessions([])
        self.empty.setText(text)
        self.empty.setVisible(True)

    def show_session(self, session: SessionView) -> None:
        """One session in the detail."""
        self.detail.show_session(session)

    def show_session_problem(self, text: str) -> None:
        """One session could not be read: the detail's heading says why."""
        self.detail.heading.setText(text)

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        self.session_chosen.emit(self.model.session(indexes[0].row()).id)
