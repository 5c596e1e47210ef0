"""The optional check-in before and after a session: big 0-10 buttons, never a slider.

Everything is optional; one press on "Skip" leaves without storing anything. The view holds
the layout and turns the presses into a :class:`~neuroguide.store.models.CheckIn`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from neuroguide.present.metrics import Metrics
from neuroguide.store.models import SCALE_MAX, SYMPTOMS, CheckIn, Feel, Moment, Where
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label, vertical_scroll

_SCALE_ENDS = {
    "pain": ("none", "the worst"),
    "numbness": ("none", "complete"),
    "tingling": ("none", "constant"),
    "balance": ("not at all sure", "completely sure"),
}
_QUESTIONS = {
    "pain": "How much pain do you have?",
    "numbness": "How numb do your feet or hands feel?",
    "tingling": "How much tingling or burning do you feel?",
    "balance": "How sure are you of your balance?",
}
_WHERE = ((Where.FEET, "Feet"), (Where.HANDS, "Hands"), (Where.BOTH, "Both"))
_FEEL = (
    (Feel.TOO_EASY, "Too easy"),
    (Feel.ABOUT_RIGHT, "About right"),
    (Feel.TOO_HARD, "Too hard"),
)


class CheckInWidget(QWidget):
    """Asks how symptoms are before or after a session.

    Signals:
        answered: the person pressed "Save"; carries the CheckIn (it may be empty).
        skipped: the person pressed "Skip"; nothing is to be stored.
    """

    answered = Signal(object)
    skipped = Signal()

    def __init__(
        self, moment: Moment, metrics: Metrics | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.moment = moment
        self.setAccessibleName(
            "Check-in before the session"
            if moment is Moment.BEFORE
            else "Check-in after the session"
        )
        self.scales: dict[str, QButtonGroup] = {}
        self.where = QButtonGroup(self)
        self.feel = QButtonGroup(self)
        self.note = QLineEdit()
        self._buttons: list[QPushButton] = []
        self._flows: list[FlowLayout] = []

        content = QWidget()
        column = QVBoxLayout(content)
        title = (
            "Before you start: how are you today?"
            if moment is Moment.BEFORE
            else "Well done. How do you feel now?"
        )
        column.addWidget(make_label(title, role="title"))
        column.addWidget(
            make_label(
                "Every question is optional. Choose a number for any of them, then press Space "
                "to go on. Escape skips the whole check-in."
            )
        )
        for name, _label in SYMPTOMS:
            column.addWidget(make_label(_QUESTIONS[name], role="heading"))
            low, high = _SCALE_ENDS[name]
            column.addWidget(make_label(f"0 means {low}, 10 means {high}."))
            column.addLayout(self._scale(name))
        column.addWidget(make_label("Where do you feel it?", role="heading"))
        column.addLayout(self._choices(self.where, _WHERE, "Where"))
        if moment is Moment.AFTER:
            column.addWidget(make_label("How did the session feel?", role="heading"))
            column.addLayout(self._choices(self.feel, _FEEL, "The session felt"))
            column.addWidget(make_label("A note for yourself or your therapist", role="heading"))
            self.note.setAccessibleName("Note")
            self.note.setPlaceholderText("For example: calves felt tight")
            self.note.setMaxLength(2000)
            column.addWidget(self.note)
        column.addStretch(1)

        scroll = vertical_scroll(content)

        self.skip_button = make_button(
            "Skip", "Skip the check-in", "Go on without answering; nothing is saved."
        )
        self.save_button = make_button(
            "Save and continue" if moment is Moment.BEFORE else "Save",
            "Save the check-in",
            "Keep these answers with this session in your history.",
            role="primary",
        )
        self._buttons += [self.skip_button, self.save_button]
        self.skip_button.clicked.connect(self.skipped)
        self.save_button.clicked.connect(lambda: self.answered.emit(self.checkin()))
        actions = QHBoxLayout()
        actions.addWidget(self.skip_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)

        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addLayout(actions)
        self.set_metrics(metrics or Metrics())

    def _scale(self, name: str) -> FlowLayout:
        group = QButtonGroup(self)
        group.setExclusive(True)
        flow = FlowLayout()
        label = dict(SYMPTOMS)[name]
        for value in range(SCALE_MAX + 1):
            button = make_button(
                str(value), f"{label} {value}", f"{label}: {value} out of {SCALE_MAX}"
            )
            button.setCheckable(True)
            group.addButton(button, value)
            flow.add(button)
            self._buttons.append(button)
        self.scales[name] = group
        self._flows.append(flow)
        return flow

    def _choices(
        self, group: QButtonGroup, options: tuple[tuple[object, str], ...], prefix: str
    ) -> FlowLayout:
        group.setExclusive(True)
        flow = FlowLayout()
        for index, (_value, text) in enumerate(options):
            button = make_button(text, f"{prefix}: {text}", f"{prefix}: {text.lower()}")
            button.setCheckable(True)
            group.addButton(button, index)
            flow.add(button)
            self._buttons.append(button)
        self._flows.append(flow)
        return flow

    def set_metrics(self, metrics: Metrics) -> None:
        """Size every target for the mode (64 x 64 in large-button mode)."""
        for button in self._buttons:
            button.setMinimumSize(metrics.target, metrics.target)
        for flow in self._flows:
            flow.set_gap(metrics.spacing)  # 16 px apart, 24 in large mode

    def main_action(self) -> QWidget:
        """Save (or go on): the focus rests there, so Enter does what Space does."""
        return self.save_button

    def handle_key(self, key: int) -> bool:
        """Space or Enter goes on (saving any answer given), Escape skips; typing a note wins."""
        if self.note.hasFocus() and key != Qt.Key.Key_Escape:
            return False
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            answers = self.checkin()
            if answers.is_empty:
                self.skipped.emit()
            else:
                self.answered.emit(answers)
            return True
        if key == Qt.Key.Key_Escape:
            self.skipped.emit()
            return True
        return False

    def buttons(self) -> list[QPushButton]:
        """Every pressable target (for size checks)."""
        return list(self._buttons)

    def checkin(self) -> CheckIn:
        """The answers so far."""
        ratings = {name: _checked_id(group) for name, group in self.scales.items()}
        where_id = _checked_id(self.where)
        feel_id = _checked_id(self.feel)
        return CheckIn(
            moment=self.moment,
            pain=ratings["pain"],
            numbness=ratings["numbness"],
            tingling=ratings["tingling"],
            balance=ratings["balance"],
            where=None if where_id is None else _WHERE[where_id][0],
            feel=None if feel_id is None else _FEEL[feel_id][0],
            note=self.note.text().strip(),
        )

    def clear(self) -> None:
        """Forget every answer, ready for the next session."""
        for group in (*self.scales.values(), self.where, self.feel):
            checked: QAbstractButton | None = group.checkedButton()
            if checked is not None:
                group.setExclusive(False)
                checked.setChecked(False)
                group.setExclusive(True)
        self.note.clear()


def _checked_id(group: QButtonGroup) -> int | None:
    found = group.checkedId()
    return None if found < 0 else found
