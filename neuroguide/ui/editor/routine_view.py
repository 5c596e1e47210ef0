"""The editor's routine page: the name, the total time, and each step with big buttons.

Steps move with "Move up" and "Move down" (no dragging); the total time is recomputed from the
timeline every time anything changes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from neuroguide.core.handout_details import MAX_DETAIL
from neuroguide.core.library import HandoutDetails, Routine, Step, format_duration
from neuroguide.core.routine_file import MAX_NAME
from neuroguide.present.metrics import Metrics
from neuroguide.present.routine_words import heard_words
from neuroguide.ui.common.widgets import (
    FlowLayout,
    make_button,
    make_label,
    scroll_page,
    set_page_gaps,
)
from neuroguide.ui.editor.schedule_view import ScheduleEditor


def step_words(step: Step) -> str:
    """``15 s hold × 3, each side · 10 s rest`` and the cadence for reps."""
    dose = step.dose
    text = dose.describe()
    if dose.reps is not None:
        text += f", {dose.cadence or 3} s each"
    if dose.sets > 1:
        text += f" · {dose.rest} s rest" if dose.rest else " · no rest"
    return text


class StepRow(QFrame):
    """One step: number, exercise, dose, and Change / Move up / Move down / Remove."""

    def __init__(self, index: int, count: int, step: Step) -> None:
        super().__init__()
        self.setProperty("role", "card")
        column = QVBoxLayout(self)
        name = step.exercise.name
        column.addWidget(make_label(f"{index + 1}. {name}", role="heading"))
        column.addWidget(make_label(step_words(step), role="detail"))
        self.buttons = FlowLayout()
        where = f"step {index + 1}, {name}"
        self.change_button = make_button(
            "Change", f"Change {where}", "Set the hold, reps, sets, sides and rest of this step."
        )
        self.up_button = make_button("Move up", f"Move {where} up", "Do this step one earlier.")
        self.down_button = make_button("Move down", f"Move {where} down", "Do this step one later.")
        self.remove_button = make_button(
            "Remove", f"Remove {where}", "Take this step out of the routine."
        )
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(index < count - 1)
        for button in (self.change_button, self.up_button, self.down_button, self.remove_button):
            self.buttons.add(button)
        column.addLayout(self.buttons)


class RoutineEditView(QWidget):
    """Edits one routine (a draft held by the editor screen until Save).

    Signals:
        name_edited: the name field changed; carries the text.
        add_requested: "Add an exercise".
        change_requested: carries the step index.
        move_requested: carries the step index and +1 or -1.
        remove_requested: carries the step index.
        save_requested: "Save".
        cancel_requested: "Leave without saving" or Escape.
        handout_edited: a field for the printed handout changed; carries the HandoutDetails.
    """

    name_edited = Signal(str)
    handout_edited = Signal(object)
    add_requested = Signal()
    change_requested = Signal(int)
    move_requested = Signal(int, int)
    remove_requested = Signal(int)
    save_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self.setAccessibleName("Edit a routine")
        self.rows: list[StepRow] = []
        self._gap = metrics.spacing
        outer = QVBoxLayout(self)
        self.title = make_label("Edit the routine", role="title")
        outer.addWidget(self.title)
        scroll, content = scroll_page()
        outer.addWidget(scroll, 1)
        column = QVBoxLayout(content)
        column.addWidget(make_label("Name", role="detail"))
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.name.setAccessibleName("Routine name")
        self.name.setAccessibleDescription("The name shown on the home screen.")
        column.addWidget(self.name)
        self.name_problem = make_label(name="Problem with the name")
        self.name_problem.hide()
        column.addWidget(self.name_problem)
        self.total = make_label(role="heading", name="Total time")
        column.addWidget(self.total)
        self._steps = QVBoxLayout()
        column.addLayout(self._steps)
        self.empty_note = make_label("No exercises yet. Add the first one below.")
        column.addWidget(self.empty_note)
        self.add_button = make_button(
            "Add an exercise",
            "Add an exercise",
            "Choose an exercise from the library to add at the end.",
        )
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        column.addLayout(add_row)
        column.addWidget(make_label("How often", role="heading"))
        self.schedule = ScheduleEditor()
        column.addWidget(self.schedule)
        column.addWidget(make_label("On the printed handout (each may stay empty)", role="heading"))
        self.patient = self._detail_field(column, "For (the patient's name)", "Patient's name")
        self.giver = self._detail_field(column, "From (your name)", "Physiotherapist's name")
        self.contact = self._detail_field(
            column, "Contact (a telephone number, a clinic)", "Contact"
        )
        column.addStretch(1)
        self._column = column
        self.action_row = FlowLayout()
        self.save_button = make_button(
            "Save",
            "Save the routine",
            "Save the routine; it appears on the home screen.",
            role="primary",
        )
        self.cancel_button = make_button(
            "Leave without saving",
            "Leave without saving",
            "Go back to your routines and forget the changes made here.",
        )
        self.action_row.add(self.save_button)
        self.action_row.add(self.cancel_button)
        self.save_note = make_label(name="Why Save is off")
        outer.addWidget(self.save_note)
        outer.addLayout(self.action_row)
        self._outer = outer
        self.name.textEdited.connect(self.name_edited)
        for field in (self.patient, self.giver, self.contact):
            field.textEdited.connect(lambda _text: self.handout_edited.emit(self.handout_details()))
        self.add_button.clicked.connect(self.add_requested)
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.set_metrics(metrics)

    def _detail_field(self, column: QVBoxLayout, label: str, name: str) -> QLineEdit:
        column.addWidget(make_label(label, role="detail"))
        field = QLineEdit()
        field.setMaxLength(MAX_DETAIL)
        field.setAccessibleName(name)
        field.setAccessibleDescription(
            "Printed at the top of the handout; leave empty to leave out."
        )
        column.addWidget(field)
        return field

    def handout_details(self) -> HandoutDetails:
        """The three handout fields as they read now (trimmed)."""
        return HandoutDetails(
            self.patient.text().strip(), self.giver.text().strip(), self.contact.text().strip()
        )

    def show_routine(self, routine: Routine, *, name_text: str | None = None) -> None:
        """Show ``routine``'s steps and total; the name and handout fields only when
        ``name_text`` is given (a routine just opened)."""
        if name_text is not None:
            self.name.setText(name_text)
            self.patient.setText(routine.handout.patient)
            self.giver.setText(routine.handout.giver)
            self.contact.setText(routine.handout.contact)
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        count = len(routine.steps)
        for index, step in enumerate(routine.steps):
            row = StepRow(index, count, step)
            row.change_button.clicked.connect(
                lambda _c=False, i=index: self.change_requested.emit(i)
            )
            row.up_button.clicked.connect(lambda _c=False, i=index: self.move_requested.emit(i, -1))
            row.down_button.clicked.connect(
                lambda _c=False, i=index: self.move_requested.emit(i, 1)
            )
            row.remove_button.clicked.connect(
                lambda _c=False, i=index: self.remove_requested.emit(i)
            )
            row.buttons.set_gap(self._gap)
            self._steps.addWidget(row)
            self.rows.append(row)
        self.schedule.set_schedule(routine.schedule)
        steps = f"{count} exercise{'s' if count != 1 else ''}"
        length = heard_words(routine) if count else format_duration(0)
        self.total.setText(f"Total time: {length} · {steps}")
        self.empty_note.setVisible(not count)
        self.save_button.setEnabled(bool(count))
        self.save_note.setText("" if count else "Add at least one exercise to save the routine.")
        self.save_note.setVisible(not count)

    def show_name_problem(self, text: str) -> None:
        """Explain on the spot what is wrong with the name ("" hides it)."""
        self.name_problem.setText(text)
        self.name_problem.setVisible(bool(text))

    def set_metrics(self, metrics: Metrics) -> None:
        """The mode's gaps and a name field as tall as a button."""
        self._gap = metrics.spacing
        set_page_gaps(self._outer, metrics)
        self._column.setSpacing(self._gap // 2)
        self._column.setContentsMargins(0, 0, self._gap, self._gap)
        self._steps.setSpacing(self._gap)
        self.action_row.set_gap(self._gap)
        self.name.setMinimumHeight(metrics.target)
        for field in (self.patient, self.giver, self.contact):
            field.setMinimumHeight(metrics.target)
        self.schedule.set_metrics(metrics)
        for row in self.rows:
            row.buttons.set_gap(self._gap)
