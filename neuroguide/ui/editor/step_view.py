"""The editor's step page: every value of one step with big steppers and presets, no typing.

Each press gives a new, valid :class:`~neuroguide.core.library.Dose` at once (out-of-range
values cannot be reached: a stepper's button switches off at its limit).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from neuroguide.core.library import Dose, Step
from neuroguide.core.routine_writer import WorkKind, with_kind, with_value, work_kind, work_value
from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.controls import ChoiceRow, Stepper
from neuroguide.ui.common.illustration import Illustration
from neuroguide.ui.common.widgets import (
    make_button,
    make_card,
    make_label,
    scroll_page,
    set_page_gaps,
)
from neuroguide.ui.editor.dose_controls import add_sections, dose_stepper

KINDS = (
    (WorkKind.HOLD, "Hold for a time"),
    (WorkKind.REPS, "Count repetitions"),
    (WorkKind.DURATION, "Timed block"),
)
SIDES = (
    ((), "Both sides at once"),
    (("left", "right"), "Left, then right"),
    (("left",), "Left only"),
    (("right",), "Right only"),
)


class StepEditView(QWidget):
    """Changes one step's dose.

    Signals:
        step_changed: carries the new Step after every press.
        done_requested: "Done" or Escape.
    """

    step_changed = Signal(object)
    done_requested = Signal()

    def __init__(self, metrics: Metrics, illustrations: Path) -> None:
        super().__init__()
        self.setAccessibleName("Change a step")
        self._illustrations = illustrations
        self._step: Step | None = None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = make_label(role="title", name="Exercise")
        top.addWidget(self.title, 1)
        self.done_button = make_button(
            "Done", "Done", "Go back to the routine; the change is kept.", role="primary"
        )
        top.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self._top = top
        scroll, content = scroll_page()
        outer.addWidget(scroll, 1)
        self._outer = outer
        column = QVBoxLayout(content)
        about = QHBoxLayout()
        picture = make_card("picture")
        picture_layout = QVBoxLayout(picture)
        self.illustration = Illustration()
        picture_layout.addWidget(self.illustration)
        picture.setFixedSize(180, 180)
        about.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        self.summary = make_label(name="About the exercise")
        about.addWidget(self.summary, 1)
        column.addLayout(about)
        self.kind = ChoiceRow("How it is measured", KINDS)
        self.hold = dose_stepper("hold", (15, 30, 45, 60))
        self.reps = dose_stepper("reps", (5, 10, 12, 15))
        self.duration = dose_stepper("duration", (300, 600, 1200, 1800))
        self.cadence = dose_stepper("cadence")
        self.sets = dose_stepper("sets", (1, 2, 3))
        self.sides = ChoiceRow("Sides", SIDES)
        self.rest = dose_stepper("rest", (0, 10, 15, 30, 60))
        self.setup = dose_stepper("setup", (0, 15, 30, 60))
        self._sections = add_sections(
            column,
            (
                ("kind", "How it is measured", self.kind),
                ("hold", "Hold each time for", self.hold),
                ("reps", "Repetitions in a set", self.reps),
                ("duration", "How long", self.duration),
                ("cadence", "Seconds for each repetition (the voice paces you)", self.cadence),
                ("sets", "Sets", self.sets),
                ("sides", "Sides", self.sides),
                ("rest", "Rest between sets", self.rest),
                ("setup", "Time to get ready before it (to put on a weight, say)", self.setup),
            ),
        )
        column.addStretch(1)
        self._column = column
        self.kind.chosen.connect(lambda kind: self._change(with_kind(self._dose(), kind)))
        for key in ("hold", "reps", "duration", "cadence", "sets", "rest"):
            stepper: Stepper = getattr(self, key)
            stepper.value_changed.connect(
                lambda value, k=key: self._change(with_value(self._dose(), k, value))
            )
        self.sides.chosen.connect(lambda sides: self._change(replace(self._dose(), sides=sides)))
        self.setup.value_changed.connect(self._set_setup)
        self.done_button.clicked.connect(self.done_requested)
        self.set_metrics(metrics)

    @property
    def step(self) -> Step:
        """The step as it now stands."""
        assert self._step is not None
        return self._step

    def show_step(self, step: Step) -> None:
        """Show ``step``'s exercise and values."""
        self._step = step
        exercise = step.exercise
        self.title.setText(exercise.name)
        self.summary.setText(exercise.summary)
        path = self._illustrations / exercise.illustration if exercise.illustration else None
        self.illustration.load(path)
        self._refresh()

    def set_metrics(self, metrics: Metrics) -> None:
        """The mode's gaps."""
        gap = metrics.spacing
        set_page_gaps(self._outer, metrics)
        self._top.setSpacing(gap)
        self._column.setSpacing(gap)
        self._column.setContentsMargins(0, 0, gap, gap)
        controls = (self.hold, self.reps, self.duration, self.cadence, self.sets, self.rest)
        for control in (*controls, self.setup):
            control.set_metrics(metrics)
        self.kind.set_metrics(metrics)
        self.sides.set_metrics(metrics)

    def handle_key(self, key: int) -> bool:
        """Escape or Enter: done."""
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.done_requested.emit()
            return True
        return False

    def _dose(self) -> Dose:
        return self.step.dose

    def _set_setup(self, seconds: int) -> None:
        self._step = replace(self.step, setup=seconds)
        self.step_changed.emit(self._step)

    def _change(self, dose: Dose) -> None:
        self._step = replace(self.step, dose=dose)
        self._refresh()
        self.step_changed.emit(self._step)

    def _refresh(self) -> None:
        dose = self.step.dose
        kind = work_kind(dose)
        self.kind.set_value(kind)
        for key in ("hold", "reps", "duration"):
            self._sections[key].setVisible(key == kind.value)
        getattr(self, kind.value).set_value(work_value(dose))
        self._sections["cadence"].setVisible(kind is WorkKind.REPS)
        self.cadence.set_value(dose.cadence or 3)
        self.sets.set_value(dose.sets)
        self.sides.set_value(dose.sides)
        self.rest.set_value(dose.rest)
        self._sections["rest"].setVisible(dose.sets > 1)
        self.setup.set_value(self.step.setup)
