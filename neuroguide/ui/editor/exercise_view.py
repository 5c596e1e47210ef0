"""The "New exercise" page: typing only for the name and the steps, big buttons for the rest.

Layout only. The page hands its values over as the table a file would hold
(:meth:`ExerciseEditView.table`); :mod:`neuroguide.ui.editor.exercise_controller` checks and
saves it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from neuroguide.core.exercise_form import steps_from_text
from neuroguide.core.exercise_table import DEFAULT_DOSE
from neuroguide.core.exercise_writer import dose_table
from neuroguide.core.library import NEED_LABELS, NEEDS, Category, Dose, Exercise, Position
from neuroguide.core.pictures import FIGURE_WORDS, FIGURES
from neuroguide.core.routine_writer import WorkKind, work_kind, work_value
from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.controls import ChoiceRow, Stepper, make_toggle, set_toggle
from neuroguide.ui.common.illustration import Illustration
from neuroguide.ui.common.widgets import (
    FlowLayout,
    make_button,
    make_card,
    make_label,
    scroll_page,
    set_page_gaps,
)
from neuroguide.ui.editor.dose_controls import add_sections, dose_stepper
from neuroguide.ui.editor.picker import CATEGORY_WORDS, POSITION_WORDS
from neuroguide.ui.editor.step_view import KINDS

SIDE_CHOICES = (((), "Both sides at once"), (("left", "right"), "Each side in turn"))
IMAGE_CHOICE = "image"


class ExerciseEditView(QWidget):
    """Defines or changes one own exercise.

    Signals:
        save_requested: "Save exercise".
        cancel_requested: "Cancel" or Escape.
        image_requested: "Choose a picture file".
    """

    save_requested = Signal()
    cancel_requested = Signal()
    image_requested = Signal()

    def __init__(self, metrics: Metrics, illustrations: Path) -> None:
        super().__init__()
        self.setAccessibleName("Your own exercise")
        self._illustrations = illustrations
        self.image: Path | None = None
        """A picture file chosen on this page (copied in on save)."""
        self._kept_picture = ""
        self._kept_illustration = ""
        outer = QVBoxLayout(self)
        self.title = make_label("New exercise", role="title")
        outer.addWidget(self.title)  # above its buttons: side by side, large text cut them
        top = FlowLayout()
        self.save_button = make_button(
            "Save exercise", "Save exercise", "Check and keep this exercise.", role="primary"
        )
        self.cancel_button = make_button("Cancel", "Cancel", "Leave without saving.")
        top.add(self.save_button)
        top.add(self.cancel_button)
        outer.addLayout(top)
        self._top, self._outer = top, outer
        scroll, content = scroll_page()
        outer.addWidget(scroll, 1)
        column = QVBoxLayout(content)
        self._column = column
        self.problems = make_label(role="detail", name="What to fix")
        self.problems_card = make_card("banner")
        QVBoxLayout(self.problems_card).addWidget(self.problems)
        self.problems_card.hide()
        column.addWidget(self.problems_card)
        column.addWidget(make_label("Name", role="heading"))
        self.name = QLineEdit()
        self.name.setAccessibleName("Name of the exercise")
        self.name.setPlaceholderText("For example: Sit to stand")
        self.name.setMaxLength(80)
        column.addWidget(self.name)
        column.addWidget(make_label("Steps, one on each line", role="heading"))
        self.steps = QPlainTextEdit()
        self.steps.setAccessibleName("Steps, one on each line")
        self.steps.setPlaceholderText("Sit near the front of a sturdy chair.\nStand up slowly.")
        self.steps.setTabChangesFocus(True)
        column.addWidget(self.steps)
        self.category = ChoiceRow("Kind of exercise", list(CATEGORY_WORDS.items()))
        self.position = ChoiceRow("Position", list(POSITION_WORDS.items()))
        self.kind = ChoiceRow("How it is measured", KINDS)
        self.hold = dose_stepper("hold", (10, 15, 20, 30))
        self.reps = dose_stepper("reps", (5, 8, 10, 15))
        self.duration = dose_stepper("duration", (30, 60, 120, 300))
        self.sets = dose_stepper("sets", (1, 2, 3))
        self.sides = ChoiceRow("Sides", SIDE_CHOICES)
        self.needs: dict[str, QPushButton] = {}
        needs_row = QWidget()
        self._needs_flow = FlowLayout(needs_row)
        for need in NEEDS:
            label = NEED_LABELS[need].capitalize()
            toggle = make_toggle(
                f"Needs {NEED_LABELS[need]}",
                f"Whether the exercise needs {NEED_LABELS[need]}.",
                on=f"{label}: yes",
                off=f"{label}: no",
            )
            self.needs[need] = toggle
            self._needs_flow.add(toggle)
        self.picture = ChoiceRow(
            "Picture", [*FIGURE_WORDS.items(), (IMAGE_CHOICE, "A picture file")]
        )
        self.image_button = make_button(
            "Choose a picture file",
            "Choose a picture file",
            "A PNG, JPEG or SVG image up to 5 MB; it is copied into your data folder.",
        )
        self.image_text = make_label(role="detail", name="Chosen picture file")
        self.preview = Illustration()
        self.preview.setFixedSize(160, 160)
        self._sections = add_sections(
            column,
            (
                ("category", "Kind of exercise", self.category),
                ("position", "Position", self.position),
                ("needs", "What it needs", needs_row),
                ("kind", "How it is measured", self.kind),
                ("hold", "Hold each time for", self.hold),
                ("reps", "Repetitions in a set", self.reps),
                ("duration", "How long", self.duration),
                ("sets", "Sets", self.sets),
                ("sides", "Sides", self.sides),
                ("picture", "Picture", self.picture),
            ),
            role="heading",
        )
        picture_row = QHBoxLayout()
        card = make_card("picture")  # a light card: the drawings are dark strokes
        QVBoxLayout(card).addWidget(self.preview)
        picture_row.addWidget(card, 0, Qt.AlignmentFlag.AlignTop)
        picture_column = QVBoxLayout()
        picture_column.addWidget(self.image_button)
        picture_column.addWidget(self.image_text)
        picture_column.addStretch(1)
        picture_row.addLayout(picture_column, 1)
        column.addLayout(picture_row)
        column.addStretch(1)
        self.kind.chosen.connect(lambda _kind: self._refresh())
        self.picture.chosen.connect(lambda _value: self._refresh())
        self.image_button.clicked.connect(self.image_requested)
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.set_metrics(metrics)
        self.show_exercise(None)

    # ----------------------------------------------------------------- filling

    def show_exercise(self, exercise: Exercise | None) -> None:
        """An empty form (``None``) or ``exercise``'s values to change."""
        self.title.setText("New exercise" if exercise is None else f"Change {exercise.name}")
        self.name.setText(exercise.name if exercise else "")
        self.steps.setPlainText("\n".join(exercise.steps) if exercise else "")
        self.category.set_value(exercise.category if exercise else Category.STRENGTH)
        self.position.set_value(exercise.position if exercise else Position.SEATED)
        for need, toggle in self.needs.items():
            set_toggle(toggle, bool(exercise and need in exercise.needs))
        self.set_dose(exercise.dose if exercise else DEFAULT_DOSE)
        self.image = None
        self._kept_illustration = exercise.illustration if exercise else ""
        self._kept_picture = exercise.picture if exercise else ""
        picture = exercise.picture if exercise else "seated"
        self.picture.set_value(picture if picture in FIGURES else IMAGE_CHOICE)
        self.image_text.setText(picture if picture not in FIGURES else "")
        self.show_problems([])
        self._refresh()

    def set_dose(self, dose: Dose) -> None:
        """Show ``dose`` on the dose controls."""
        kind = work_kind(dose)
        self.kind.set_value(kind)
        for key in ("hold", "reps", "duration"):
            stepper: Stepper = getattr(self, key)
            default = {"hold": 20, "reps": 10, "duration": 60}[key]
            stepper.set_value(work_value(dose) if key == kind.value else default)
        self.sets.set_value(dose.sets)
        self.sides.set_value(("left", "right") if dose.sides else ())
        self._refresh()

    def set_image(self, path: Path) -> None:
        """A picture file was chosen (already checked): show it."""
        self.image = path
        self.picture.set_value(IMAGE_CHOICE)
        self.image_text.setText(path.name)
        self._refresh()

    def show_problems(self, lines: list[str]) -> None:
        """What keeps the exercise from being saved ([] hides it)."""
        self.problems.setText("\n".join(lines))
        self.problems_card.setVisible(bool(lines))

    # ----------------------------------------------------------------- reading

    def table(self) -> dict[str, Any]:
        """The form as an ``[[exercises]]`` table (without id and picture file)."""
        kind = self.kind.value or WorkKind.REPS
        value: int = getattr(self, WorkKind(kind).value).value
        dose = Dose(
            hold=value if kind == WorkKind.HOLD else None,
            reps=value if kind == WorkKind.REPS else None,
            duration=value if kind == WorkKind.DURATION else None,
            sets=self.sets.value,
            sides=tuple(self.sides.value or ()),
            rest=15 if self.sets.value > 1 else 0,
        )
        table: dict[str, Any] = {
            "name": self.name.text().strip(),
            "category": str(self.category.value),
            "position": str(self.position.value),
            "needs": [need for need, toggle in self.needs.items() if toggle.isChecked()],
            "steps": steps_from_text(self.steps.toPlainText()),
            "dose": dose_table(dose),
        }
        if self.sides.value:
            table["side_word"] = "side"
        choice = self.picture.value
        if choice in FIGURES:
            table["picture"] = choice
        return table

    # ----------------------------------------------------------------- looks

    def _refresh(self) -> None:
        kind = self.kind.value or WorkKind.REPS
        for key in ("hold", "reps", "duration"):
            self._sections[key].setVisible(key == WorkKind(kind).value)
        choice = self.picture.value
        image = choice == IMAGE_CHOICE
        self.image_button.setVisible(image)
        self.image_text.setVisible(image)
        if choice in FIGURES:
            self.preview.load(self._illustrations / FIGURES[choice])
        elif self.image is not None:
            self.preview.load(self.image)
        elif self._kept_illustration:
            self.preview.load(self._illustrations / self._kept_illustration)
        else:
            self.preview.load(None)

    def set_metrics(self, metrics: Metrics) -> None:
        """The mode's gaps, and text boxes as tall as a button."""
        gap = metrics.spacing
        set_page_gaps(self._outer, metrics)
        self._top.set_gap(gap)
        self._column.setSpacing(gap // 2)
        self._column.setContentsMargins(0, 0, gap, gap)
        self.name.setMinimumHeight(metrics.target)
        self.steps.setMinimumHeight(metrics.target * 3)
        self._needs_flow.set_gap(gap)
        for control in (self.category, self.position, self.kind, self.sides, self.picture):
            control.set_metrics(metrics)
        for stepper in (self.hold, self.reps, self.duration, self.sets):
            stepper.set_metrics(metrics)

    def handle_key(self, key: int) -> bool:
        """Escape cancels (typing goes to the text boxes)."""
        if key == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
            return True
        return False
