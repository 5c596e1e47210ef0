"""Offers the seated version of a routine that has standing steps (the seated-offer step).

The page is fitted to the window (no inner scroll box): its words take the largest size at
which the list of swaps and the three buttons all show (``ui/common/fitted_page.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal

from neuroguide.core.seated import SeatedVersion
from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.fitted_page import FittedPage
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label


class SeatedOfferView(FittedPage):
    """Offers the seated version of a routine that has standing steps.

    Signals:
        seated_chosen: "Start the seated version" (or Space).
        as_written_chosen: "Do it as written, standing".
        back_requested: "Back to home" (or Escape).
    """

    seated_chosen = Signal()
    as_written_chosen = Signal()
    back_requested = Signal()

    def __init__(self, metrics: Metrics) -> None:
        super().__init__(metrics)
        self.setAccessibleName("Seated version of the routine")
        column = words = self.page
        self.title = make_label(role="title")
        self.text = make_label(role="detail", name="What changes")
        self.changes = make_label(name="Exercises swapped or left out")
        words.addWidget(self.title)
        words.addWidget(self.text)
        words.addWidget(self.changes)
        self.buttons = FlowLayout()
        self.seated_button = make_button(
            "Start the seated version",
            "Start the seated version",
            "Do this routine from a chair, with the seated exercises listed.",
            role="primary",
        )
        self.as_written_button = make_button(
            "Do it as written, standing",
            "Do it as written, standing",
            "Do the routine with its standing exercises, as it was written.",
        )
        self.back_button = make_button(
            "Back to home", "Back to home", "Go back without starting anything."
        )
        for button in (self.seated_button, self.as_written_button, self.back_button):
            self.buttons.add(button)
        column.addLayout(self.buttons)
        column.addStretch(1)
        self.seated_button.clicked.connect(self.seated_chosen)
        self.as_written_button.clicked.connect(self.as_written_chosen)
        self.back_button.clicked.connect(self.back_requested)
        self.set_metrics(metrics)

    def show_version(self, version: SeatedVersion) -> None:
        """Describe ``version``: what is swapped, what is left out, or that none exists."""
        self.title.setText(f"{version.original.name}: seated?")
        lines = [f"{standing}  →  {seated}" for standing, seated in version.swapped]
        lines += [f"{name}: left out, it needs standing" for name in version.left_out]
        self.changes.setText("\n".join(lines))
        possible = version.routine is not None
        self.seated_button.setVisible(possible)
        self.text.setText(
            "This routine has standing exercises. The seated version swaps them for exercises "
            "you can do from a sturdy chair:"
            if possible
            else "Every exercise of this routine needs standing, so it has no seated version."
        )
        self.schedule_fit()

    def fit_key(self) -> tuple[object, ...]:
        """The words on show."""
        return (self.title.text(), self.text.text(), self.changes.text())

    def set_metrics(self, metrics: Metrics) -> None:
        """The mode's gaps; the words are fitted again."""
        self.buttons.set_gap(metrics.spacing)
        self.set_page_metrics(metrics)

    def handle_key(self, key: int) -> bool:
        """Space or Enter start the seated version; Escape goes back."""
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.seated_button.isVisible():
                self.seated_chosen.emit()
            return True
        if key == Qt.Key.Key_Escape:
            self.back_requested.emit()
            return True
        return False
