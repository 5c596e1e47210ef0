"""The list of keys, shown with F1 or ?.

It must fit the screen it opens on (a 768-pixel laptop in large mode at 200 % text): the
list is laid out in two columns when it is wide enough, and its text gives way, like the
player's words, until the whole list and its Close button fit. Nothing scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from neuroguide.present.metrics import BASE_POINT_SIZE, Metrics
from neuroguide.ui.common.text_fit import text_factors
from neuroguide.ui.common.widgets import make_button, make_label

KEYS = (
    ("Space", "The next obvious thing: start, pause, carry on, go on"),
    ("Enter", "Press the framed button (the main one unless you moved with Tab)"),
    ("B, . or F5", "Like Space (the keys presenter remotes and switches send)"),
    ("→ or Page Down", "Next part; on the last part it asks first"),
    ("← or Page Up", "Back: this part again, or the one before"),
    ("+", "Add 15 seconds"),
    ("D", "Done: finish a set of repetitions early"),
    ("H", "How to: show or hide the steps and the drawing"),
    ("U", "Stop, I feel unsteady: pause at once"),
    ("R", "Repeat: hear every step of this exercise again"),
    ("Escape", "Stop the session (asks first); leave History or Settings"),
    ("S", "Switch scanning: the choices light up in turn, your switch picks one"),
    ("Tab", "Move between buttons"),
    ("F1 or ?", "Show this list"),
)
"""Each key and what it does. Your own switch (Settings) does what Space does."""


class KeysDialog(QDialog):
    """A plain list of every key, closed with one press; it always fits its window.

    Signals:
        learn_requested: "Learn my switch" was pressed (the dialog has closed).
    """

    learn_requested = Signal()

    def __init__(
        self, metrics: Metrics, parent: QWidget | None = None, *, can_learn: bool = True
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keys")
        self.setAccessibleName("Keys")
        self._metrics = metrics
        layout = self._layout = QVBoxLayout(self)
        m = metrics.margin
        layout.setContentsMargins(m, m, m, m)
        layout.setSpacing(metrics.spacing)
        layout.addWidget(make_label("Keys", role="title"))
        layout.addWidget(
            make_label(
                "Your own switch (learned here or in Settings) does what Space does.",
                role="detail",
            )
        )
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(metrics.spacing * 2)
        self._grid.setVerticalSpacing(8)
        self._cells = [
            (make_label(key, role="heading"), make_label(meaning, role="detail"))
            for key, meaning in KEYS
        ]
        layout.addLayout(self._grid)
        layout.addStretch(1)  # any height left over goes above Close, not between lines
        self.close_button = make_button("Close", "Close", "Close the list of keys.", role="primary")
        self.close_button.setDefault(True)
        self.learn_button = make_button(
            "Learn my switch",
            "Learn my switch",
            "Go to Settings and press your switch: it will do what Space does.",
            object_name="learn-switch",
        )
        self.learn_button.setVisible(can_learn)  # not in the middle of a session
        buttons = QHBoxLayout()  # side by side: the list keeps its height
        buttons.setSpacing(metrics.spacing)
        buttons.addWidget(self.learn_button, 1)
        buttons.addWidget(self.close_button, 2)
        layout.addLayout(buttons)
        self.close_button.clicked.connect(self.accept)
        self.learn_button.clicked.connect(self._learn)
        self.text_factor = metrics.text_factor
        self.fit(_room(parent))

    def _learn(self) -> None:
        self.accept()
        self.learn_requested.emit()

    def main_action(self) -> QWidget:
        """Close: the focus rests there."""
        return self.close_button

    def _place(self, columns: int) -> None:
        for key, meaning in self._cells:
            self._grid.removeWidget(key)
            self._grid.removeWidget(meaning)
        rows = -(-len(self._cells) // columns)
        for index, (key, meaning) in enumerate(self._cells):
            row, column = index % rows, 2 * (index // rows)
            self._grid.addWidget(key, row, column)
            self._grid.addWidget(meaning, row, column + 1)
        for column in range(4):
            self._grid.setColumnStretch(column, 1 if column % 2 else 0)

    def fit(self, room: QSize) -> None:
        """The largest text (at most the person's) at which the list fits ``room``."""
        width = max(320, room.width() - 40)
        height = max(240, room.height() - 40)
        columns = 2 if width >= 1000 else 1
        self._place(columns)
        for factor in text_factors(self._metrics.text_factor):
            self.setStyleSheet(_sheet(factor))
            self._layout.invalidate()
            self.resize(width, height)
            self._layout.activate()  # measured on a laid-out dialog, not on stale hints
            needed = self.heightForWidth(width)
            self.text_factor = factor
            least = self.minimumSizeHint()  # what the window system will insist on
            if max(needed, least.height()) <= height and least.width() <= width:
                break
        self.resize(width, min(height, self.heightForWidth(width)))


def _room(parent: QWidget | None) -> QSize:
    if parent is not None:
        return parent.window().size()
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    return screen.availableSize() if screen is not None else QSize(1280, 720)


def _sheet(factor: float) -> str:
    def pt(relative: float) -> float:
        return round(BASE_POINT_SIZE * factor * relative, 1)

    return (
        f"QWidget {{ font-size: {pt(1.0)}pt; }}"
        f'QLabel[role="title"] {{ font-size: {pt(1.6)}pt; font-weight: bold; }}'
        f'QLabel[role="heading"] {{ font-size: {pt(1.15)}pt; font-weight: bold; }}'
        f'QLabel[role="detail"] {{ font-size: {pt(1.0)}pt; }}'
        f'QPushButton[role="primary"] {{ font-size: {pt(1.2)}pt; font-weight: bold; }}'
    )
