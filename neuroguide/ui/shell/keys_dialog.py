"""The list of keys, shown with F1 or ?."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QGridLayout, QVBoxLayout, QWidget

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.widgets import make_button, make_label

KEYS = (
    ("Space", "Start on the home screen; pause and resume during a session"),
    ("Right arrow", "Next part"),
    ("Left arrow", "Back: this part again, or the one before"),
    ("+", "Add 15 seconds"),
    ("Enter", "Done (finish a set of repetitions early)"),
    ("Escape", "Stop the session (asks first)"),
    ("U", "Stop, I feel unsteady: pause at once"),
    ("R", "Repeat: hear every step of this exercise again"),
    ("Tab", "Move between buttons; Space or Enter presses the framed one"),
    ("F1 or ?", "Show this list"),
)


class KeysDialog(QDialog):
    """A plain list of every key, closed with one press."""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keys")
        self.setAccessibleName("Keys")
        layout = QVBoxLayout(self)
        m = metrics.margin
        layout.setContentsMargins(m, m, m, m)
        layout.setSpacing(metrics.spacing)
        layout.addWidget(make_label("Keys", role="title"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(metrics.spacing * 2)
        grid.setVerticalSpacing(8)
        for row, (key, meaning) in enumerate(KEYS):
            grid.addWidget(make_label(key, role="heading"), row, 0)
            grid.addWidget(make_label(meaning, role="detail"), row, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        self.close_button = make_button("Close", "Close", "Close the list of keys.", role="primary")
        self.close_button.setDefault(True)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.accept)
