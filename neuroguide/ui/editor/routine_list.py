"""The editor's first page: the person's own routines and the built-ins, with what each allows.

Own routines can be edited (and renamed), duplicated, exported and deleted; built-ins can be
duplicated and exported. Deleting asks once more on the card itself, never in a pop-up.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from neuroguide.core.library import Routine
from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.widgets import (
    FlowLayout,
    make_button,
    make_card,
    make_label,
    scroll_page,
    set_page_gaps,
)


class RoutineRow(QFrame):
    """One routine with its buttons; own routines get a two-step Delete."""

    def __init__(self, routine: Routine, facts: str) -> None:
        super().__init__()
        self.routine = routine
        self.setProperty("role", "card")
        column = QVBoxLayout(self)
        column.addWidget(make_label(routine.name, role="heading"))
        column.addWidget(make_label(facts, role="detail"))
        self.buttons = FlowLayout()
        name = routine.name
        self.duplicate_button = make_button(
            "Duplicate", f"Duplicate {name}", f"Make your own copy of {name} to change."
        )
        self.export_button = make_button(
            "Export", f"Export {name}", f"Save {name} as a routine file to share."
        )
        self.share_button = make_button(
            "Share",
            f"Share {name}",
            f"Save {name} with its own exercises and pictures as one file to give to someone.",
        )
        self.handout_button = make_button(
            "Print handout",
            f"Print a handout of {name}",
            f"A large-print PDF of {name}: pictures, steps, doses, safety and how often.",
        )
        self.edit_button: QPushButton | None = None
        self.delete_button: QPushButton | None = None
        self.confirm_button: QPushButton | None = None
        self.keep_button: QPushButton | None = None
        self.confirm_text = make_label(role="detail")
        self.confirm_text.hide()
        if not routine.builtin:
            self.edit_button = make_button(
                "Edit or rename", f"Edit {name}", f"Change the steps or the name of {name}."
            )
            self.buttons.add(self.edit_button)
        self.buttons.add(self.duplicate_button)
        self.buttons.add(self.export_button)
        self.buttons.add(self.share_button)
        self.buttons.add(self.handout_button)
        if not routine.builtin:
            self.delete_button = make_button(
                "Delete", f"Delete {name}", f"Remove {name}; you are asked once more."
            )
            self.confirm_button = make_button(
                "Yes, delete it",
                f"Yes, delete {name}",
                f"Delete {name} for good. Your history keeps its sessions.",
                role="danger",
            )
            self.keep_button = make_button("Keep it", f"Keep {name}", f"Do not delete {name}.")
            self.buttons.add(self.delete_button)
            self.buttons.add(self.confirm_button)
            self.buttons.add(self.keep_button)
            self.delete_button.clicked.connect(lambda: self.ask(True))
            self.keep_button.clicked.connect(lambda: self.ask(False))
            self.confirm_text.setText(f"Delete {name} for good?")
            self.ask(False)
        column.addWidget(self.confirm_text)
        column.addLayout(self.buttons)

    def ask(self, asking: bool) -> None:
        """Show or hide the "delete for good?" question."""
        assert self.delete_button and self.confirm_button and self.keep_button
        self.confirm_text.setVisible(asking)
        self.confirm_button.setVisible(asking)
        self.keep_button.setVisible(asking)
        self.delete_button.setVisible(not asking)

    def set_gap(self, gap: int) -> None:
        """The mode's gap between buttons."""
        self.buttons.set_gap(gap)


class EditorListView(QWidget):
    """Every routine, own ones first.

    Signals:
        back_requested: "Back to home" or Escape.
        new_requested: "New routine".
        import_requested: "Import a routine file".
        edit_requested: carries the routine id.
        duplicate_requested: carries the routine id.
        export_requested: carries the routine id.
        delete_requested: carries the routine id (after the second press).
    """

    back_requested = Signal()
    new_requested = Signal()
    import_requested = Signal()
    edit_requested = Signal(str)
    duplicate_requested = Signal(str)
    export_requested = Signal(str)
    delete_requested = Signal(str)
    share_requested = Signal(str)
    handout_requested = Signal(str)
    new_exercise_requested = Signal()

    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self.setAccessibleName("Your routines")
        self.rows: list[RoutineRow] = []
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(make_label("Your routines", role="title"), 1)
        self.back_button = make_button("Back to home", "Back to home", "Leave the routine editor.")
        top.addWidget(self.back_button)
        outer.addLayout(top)
        self._top = top
        scroll, content = scroll_page()
        outer.addWidget(scroll, 1)
        self._outer = outer
        self._column = QVBoxLayout(content)
        self.message_card = make_card("banner")
        message_layout = QVBoxLayout(self.message_card)
        self.message = make_label(role="detail", name="Message")
        message_layout.addWidget(self.message)
        self.message_card.hide()
        self._column.addWidget(self.message_card)
        self.action_row = FlowLayout()
        self.new_button = make_button(
            "New routine",
            "New routine",
            "Start an empty routine and add exercises to it.",
            role="primary",
        )
        self.import_button = make_button(
            "Import a routine file",
            "Import a routine file",
            "Add a routine file or a shared programme (.neuroguide) someone gave you; "
            "it is checked first.",
        )
        self.new_exercise_button = make_button(
            "New exercise",
            "New exercise",
            "Add an exercise of your own, such as one from your physiotherapist.",
        )
        self.action_row.add(self.new_button)
        self.action_row.add(self.new_exercise_button)
        self.action_row.add(self.import_button)
        self._column.addLayout(self.action_row)
        self.own_heading = make_label("Your own routines", role="heading")
        self.own_note = make_label("You have none yet. Start a new one or duplicate one below.")
        self._column.addWidget(self.own_heading)
        self._column.addWidget(self.own_note)
        self._own = QVBoxLayout()
        self._column.addLayout(self._own)
        self._column.addWidget(make_label("Routines that come with NeuroGuide", role="heading"))
        self._column.addWidget(
            make_label("These cannot be changed, but you can duplicate one and change the copy.")
        )
        self._builtin = QVBoxLayout()
        self._column.addLayout(self._builtin)
        self._column.addStretch(1)
        self.back_button.clicked.connect(self.back_requested)
        self.new_button.clicked.connect(self.new_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.new_exercise_button.clicked.connect(self.new_exercise_requested)
        self.set_metrics(metrics)

    def show_routines(self, routines: Sequence[tuple[Routine, str]]) -> None:
        """One row per (routine, facts), own ones in the first list."""
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for routine, facts in routines:
            row = RoutineRow(routine, facts)
            rid = routine.id
            row.duplicate_button.clicked.connect(
                lambda _c=False, r=rid: self.duplicate_requested.emit(r)
            )
            row.export_button.clicked.connect(lambda _c=False, r=rid: self.export_requested.emit(r))
            row.share_button.clicked.connect(lambda _c=False, r=rid: self.share_requested.emit(r))
            row.handout_button.clicked.connect(
                lambda _c=False, r=rid: self.handout_requested.emit(r)
            )
            if row.edit_button is not None and row.confirm_button is not None:
                row.edit_button.clicked.connect(lambda _c=False, r=rid: self.edit_requested.emit(r))
                row.confirm_button.clicked.connect(
                    lambda _c=False, r=rid: self.delete_requested.emit(r)
                )
            (self._builtin if routine.builtin else self._own).addWidget(row)
            row.set_gap(self._gap)
            self.rows.append(row)
        self.own_note.setVisible(not any(not r.builtin for r, _facts in routines))

    def row(self, routine_id: str) -> RoutineRow:
        """The row of ``routine_id`` (tests press its buttons)."""
        return next(row for row in self.rows if row.routine.id == routine_id)

    def tell(self, text: str) -> None:
        """Show what the last action did ("" hides the message)."""
        self.message.setText(text)
        self.message_card.setVisible(bool(text))

    def set_metrics(self, metrics: Metrics) -> None:
        """The mode's gaps."""
        self._gap = metrics.spacing
        set_page_gaps(self._outer, metrics)
        self._top.setSpacing(self._gap)
        self._column.setContentsMargins(0, 0, self._gap, self._gap)
        self._column.setSpacing(self._gap)
        self._own.setSpacing(self._gap)
        self._builtin.setSpacing(self._gap)
        self.action_row.set_gap(self._gap)
        for row in self.rows:
            row.set_gap(self._gap)
