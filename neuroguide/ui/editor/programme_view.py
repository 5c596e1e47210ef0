"""The page that shows what a shared programme holds before it is added.

When the programme's routine id is already in use, the page says so and offers to replace it;
nothing is replaced without that second, explicit press.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.widgets import (
    FlowLayout,
    make_button,
    make_label,
    repolish,
    scroll_page,
    set_page_gaps,
)


class ProgrammeView(QWidget):
    """A programme's contents with Add (or Replace) and Cancel.

    Signals:
        add_requested: carries ``True`` when the person chose to replace their routine.
        cancel_requested: "Cancel" or Escape.
    """

    add_requested = Signal(bool)
    cancel_requested = Signal()

    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self.setAccessibleName("A shared programme")
        outer = QVBoxLayout(self)
        self._outer = outer
        outer.addWidget(make_label("A shared programme", role="title"))
        scroll, content = scroll_page()
        outer.addWidget(scroll, 1)
        column = QVBoxLayout(content)
        self.contents = make_label(name="What the programme holds")
        self.conflict = make_label(role="detail", name="Routine of the same id")
        column.addWidget(self.contents)
        column.addWidget(self.conflict)
        column.addStretch(1)
        self.buttons = FlowLayout()
        self.add_button = make_button(
            "Add this programme",
            "Add this programme",
            "Add the routine and its exercises.",
            role="primary",
        )
        self.replace_button = make_button(
            "Replace my routine",
            "Replace my routine",
            "Replace your routine of the same id with this one.",
            role="danger",
        )
        self.cancel_button = make_button("Cancel", "Cancel", "Add nothing.")
        for button in (self.add_button, self.replace_button, self.cancel_button):
            self.buttons.add(button)
        row = QHBoxLayout()
        row.addLayout(self.buttons, 1)
        outer.addLayout(row)
        self.add_button.clicked.connect(lambda: self.add_requested.emit(False))
        self.replace_button.clicked.connect(lambda: self.add_requested.emit(True))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.set_metrics(metrics)

    def show_programme(
        self, lines: list[str], taken_name: str | None, *, taken_builtin: bool = False
    ) -> None:
        """What it holds; ``taken_name`` names the routine that already has its id
        (``taken_builtin``: one of NeuroGuide's own, which is never lost: it comes back when
        the added routine is deleted, so nothing red is offered)."""
        self.contents.setText("\n".join(lines))
        if taken_name is None:
            self.conflict.setText("")
        elif taken_builtin:
            self.conflict.setText(
                f"NeuroGuide has a built-in routine with this id: {taken_name}. This one "
                "takes its place; delete it later to have the built-in back."
            )
        else:
            self.conflict.setText(
                f"You already have a routine with this id: {taken_name}. "
                "Replace it, or cancel and keep yours."
            )
        self.replace_button.setText(
            "Use it instead of the built-in" if taken_builtin else "Replace my routine"
        )
        self.replace_button.setAccessibleName(self.replace_button.text())
        self.replace_button.setProperty("role", "primary" if taken_builtin else "danger")
        repolish(self.replace_button)
        self.add_button.setVisible(taken_name is None)
        self.replace_button.setVisible(taken_name is not None)

    def set_metrics(self, metrics: Metrics) -> None:
        """The mode's gaps."""
        set_page_gaps(self._outer, metrics)
        self.buttons.set_gap(metrics.spacing)

    def handle_key(self, key: int) -> bool:
        """Escape cancels."""
        if key == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
            return True
        return False
