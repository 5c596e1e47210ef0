"""The editor's library page: find an exercise by words, category or position, see it, add it.

Typing in the search box is optional; the category and position buttons alone narrow the list.
In the seated profile only exercises that can be done from a chair are listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from neuroguide.core.library import Category, Exercise, Position
from neuroguide.core.seated import can_sit
from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.controls import ChoiceRow
from neuroguide.ui.common.illustration import Illustration
from neuroguide.ui.common.widgets import (
    FlowLayout,
    make_button,
    make_card,
    make_label,
    scroll_page,
    set_page_gaps,
)

CATEGORY_WORDS = {
    Category.WARM_UP: "Warm-up",
    Category.FLEXIBILITY: "Stretching",
    Category.BALANCE: "Balance",
    Category.STRENGTH: "Strength",
    Category.AEROBIC: "Aerobic",
}
POSITION_WORDS = {
    Position.STANDING: "Standing",
    Position.SEATED: "Seated",
    Position.EITHER: "Standing or seated",
}


def matches(exercise: Exercise, words: str, category: object, position: object) -> bool:
    """Whether ``exercise`` fits the search words and the chosen category and position."""
    text = f"{exercise.name} {exercise.summary} {exercise.id}".lower()
    if any(word not in text for word in words.lower().split()):
        return False
    if category not in (None, "all") and exercise.category != category:
        return False
    return position in (None, "all") or exercise.position == position


class ExerciseCard(QFrame):
    """One exercise: drawing, name, kind and position, summary, and an Add button."""

    def __init__(self, exercise: Exercise, illustrations: Path) -> None:
        super().__init__()
        self.exercise = exercise
        self.setProperty("role", "card")
        row = QHBoxLayout(self)
        picture = make_card("picture")
        picture_layout = QVBoxLayout(picture)
        picture_layout.setContentsMargins(4, 4, 4, 4)
        drawing = Illustration()
        drawing.setMinimumSize(96, 96)
        if exercise.illustration:
            drawing.load(illustrations / exercise.illustration)
        picture_layout.addWidget(drawing)
        picture.setFixedSize(112, 112)
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.addWidget(make_label(exercise.name, role="heading"))
        facts = f"{CATEGORY_WORDS[exercise.category]} · {POSITION_WORDS[exercise.position]}"
        column.addWidget(make_label(f"{facts} · {exercise.dose.describe()}", role="detail"))
        column.addWidget(make_label(exercise.summary))
        self.add_button: QPushButton = make_button(
            "Add", f"Add {exercise.name}", f"Add {exercise.name} at the end of the routine."
        )
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        self.change_button: QPushButton | None = None
        if exercise.own:
            self.change_button = make_button(
                "Change", f"Change {exercise.name}", f"Change your exercise {exercise.name}."
            )
            add_row.addWidget(self.change_button)
        add_row.addStretch(1)
        column.addLayout(add_row)
        row.addLayout(column, 1)


class ExercisePicker(QWidget):
    """Lists the library with filters.

    Signals:
        chosen: an exercise's Add was pressed; carries its id.
        back_requested: "Back to the routine" or Escape.
    """

    chosen = Signal(str)
    back_requested = Signal()
    new_exercise_requested = Signal()
    change_requested = Signal(str)

    def __init__(
        self, metrics: Metrics, exercises: Sequence[Exercise], illustrations: Path
    ) -> None:
        super().__init__()
        self.setAccessibleName("Add an exercise")
        self._exercises = list(exercises)
        self._illustrations = illustrations
        self.cards: list[ExerciseCard] = []
        self._seated_only = False
        outer = QVBoxLayout(self)
        # The title above its buttons, the buttons in a row that wraps: side by side, large
        # text cut them ("Back to the routine") at 1280 pixels.
        outer.addWidget(make_label("Add an exercise", role="title"))
        top = FlowLayout()
        self.back_button = make_button(
            "Back to the routine", "Back to the routine", "Go back without adding anything."
        )
        top.add(self.back_button)
        outer.addLayout(top)
        self._top = top
        self.new_exercise_button = make_button(
            "New exercise",
            "New exercise",
            "Make an exercise of your own (from your physiotherapist) and add it.",
        )
        self.new_exercise_button.clicked.connect(self.new_exercise_requested)
        top.add(self.new_exercise_button)
        scroll, content = scroll_page()
        outer.addWidget(scroll, 1)
        self._outer = outer
        column = QVBoxLayout(content)
        column.addWidget(make_label("Search (optional)", role="detail"))
        self.search = QLineEdit()
        self.search.setPlaceholderText("A word from the name, such as calf")
        self.search.setAccessibleName("Search the exercises")
        self.search.setAccessibleDescription("Type part of a name; the list follows as you type.")
        column.addWidget(self.search)
        column.addWidget(make_label("Kind of exercise", role="detail"))
        self.category = ChoiceRow("Kind of exercise", [("all", "All"), *CATEGORY_WORDS.items()])
        column.addWidget(self.category)
        self.position_label = make_label("Position", role="detail")
        column.addWidget(self.position_label)
        self.position = ChoiceRow("Position", [("all", "All"), *POSITION_WORDS.items()])
        column.addWidget(self.position)
        self.seated_note = make_label(
            "Seated only is on, so only exercises you can do from a chair are listed."
        )
        column.addWidget(self.seated_note)
        self.count = make_label(role="detail", name="How many exercises are listed")
        column.addWidget(self.count)
        self._list = QVBoxLayout()
        column.addLayout(self._list)
        column.addStretch(1)
        self._column = column
        self.category.set_value("all")
        self.position.set_value("all")
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.category.chosen.connect(lambda _value: self.refresh())
        self.position.chosen.connect(lambda _value: self.refresh())
        self.back_button.clicked.connect(self.back_requested)
        self.set_metrics(metrics)

    def set_exercises(self, exercises: Sequence[Exercise]) -> None:
        """A new list (after an own exercise was saved)."""
        self._exercises = list(exercises)
        self.refresh()

    def set_seated_only(self, seated_only: bool) -> None:
        """In the seated profile, hide the position filter and every standing exercise."""
        self._seated_only = seated_only
        self.position_label.setVisible(not seated_only)
        self.position.setVisible(not seated_only)
        self.seated_note.setVisible(seated_only)
        if seated_only:
            self.position.set_value("all")
        self.refresh()

    def visible_exercises(self) -> list[Exercise]:
        """The exercises the filters let through, in library order."""
        found = [
            exercise
            for exercise in self._exercises
            if matches(exercise, self.search.text(), self.category.value, self.position.value)
        ]
        return [e for e in found if can_sit(e)] if self._seated_only else found

    def refresh(self) -> None:
        """Rebuild the list for the current filters."""
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        shown = self.visible_exercises()
        for exercise in shown:
            card = ExerciseCard(exercise, self._illustrations)
            card.add_button.clicked.connect(lambda _c=False, eid=exercise.id: self.chosen.emit(eid))
            if card.change_button is not None:
                card.change_button.clicked.connect(
                    lambda _c=False, eid=exercise.id: self.change_requested.emit(eid)
                )
            self._list.addWidget(card)
            self.cards.append(card)
        self.count.setText(
            f"{len(shown)} exercise{'s' if len(shown) != 1 else ''} listed"
            if shown
            else "No exercise fits. Choose All, or clear the search."
        )

    def set_metrics(self, metrics: Metrics) -> None:
        """The mode's gaps and a search box as tall as a button."""
        gap = metrics.spacing
        set_page_gaps(self._outer, metrics)
        self._top.set_gap(gap)
        self._column.setSpacing(gap // 2)
        self._column.setContentsMargins(0, 0, gap, gap)
        self._list.setSpacing(gap)
        self.search.setMinimumHeight(metrics.target)
        self.category.set_metrics(metrics)
        self.position.set_metrics(metrics)

    def handle_key(self, key: int) -> bool:
        """Escape goes back to the routine."""
        if key == Qt.Key.Key_Escape:
            self.back_requested.emit()
            return True
        return False
