"""The optional check-in before and after a session: big 0-10 buttons, never a slider.

Everything is optional; one press on "Skip" leaves without storing anything. One question is
on show at a time, fitted to the window (``ui/common/fitted_page.py``): no scrolling. The view holds
the layout and turns the presses into a :class:`~neuroguide.store.models.CheckIn`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from neuroguide.present.metrics import Metrics
from neuroguide.store.models import SCALE_MAX, SYMPTOMS, CheckIn, Feel, Moment, Where
from neuroguide.ui.common.fitted_page import FittedPage
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label

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


class CheckInWidget(FittedPage):
    """Asks how symptoms are before or after a session, one question at a time.

    Each question fills the window with its eleven (or three) big buttons, so nothing
    scrolls; "Next question" and "Previous question" (or → and ←) move between them, and
    Space saves whatever was answered at any point.

    Signals:
        answered: the person pressed "Save"; carries the CheckIn (it may be empty).
        skipped: the person pressed "Skip"; nothing is to be stored.
    """

    answered = Signal(object)
    skipped = Signal()

    def __init__(
        self, moment: Moment, metrics: Metrics | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(metrics or Metrics(), parent)
        self.moment = moment
        self.window_title = (
            "Check-in before the session"
            if moment is Moment.BEFORE
            else "Check-in after the session"
        )
        self.setAccessibleName(self.window_title)
        self.scales: dict[str, QButtonGroup] = {}
        self.where = QButtonGroup(self)
        self.feel = QButtonGroup(self)
        self.note = QLineEdit()
        self._buttons: list[QPushButton] = []
        self._flows: list[FlowLayout] = []
        self._questions: dict[str, QWidget] = {}
        self._current = 0

        column = self.page
        title = (
            "Before you start: how are you today?"
            if moment is Moment.BEFORE
            else "Well done. How do you feel now?"
        )
        column.addWidget(make_label(title, role="title"))
        self.progress = make_label(role="detail", name="Question")
        column.addWidget(self.progress)
        for name, _label in SYMPTOMS:
            low, high = _SCALE_ENDS[name]
            self._question(
                name, _QUESTIONS[name], f"0 means {low}, 10 means {high}.", self._scale(name)
            )
        self._question(
            "where", "Where do you feel it?", "", self._choices(self.where, _WHERE, "Where")
        )
        if moment is Moment.AFTER:
            self._question(
                "feel",
                "How did the session feel?",
                "",
                self._choices(self.feel, _FEEL, "The session felt"),
            )
            self.note.setAccessibleName("Note")
            self.note.setPlaceholderText("For example: calves felt tight")
            self.note.setMaxLength(2000)
            self._question("note", "A note for yourself or your therapist", "", self.note)

        self.previous_button = make_button(
            "◀  Previous question", "Previous question", "Go back to the question before."
        )
        self.next_button = make_button(
            "Next question  ▶", "Next question", "Go on to the next question."
        )
        self.skip_button = make_button(
            "Skip  [Esc]", "Skip the check-in", "Go on without answering; nothing is saved."
        )
        self.save_button = make_button(
            "Save and continue  [Space]" if moment is Moment.BEFORE else "Save  [Space]",
            "Save the check-in",
            "Keep these answers with this session in your history.",
            role="primary",
        )
        self._buttons += [self.previous_button, self.next_button, self.skip_button,
                          self.save_button]  # fmt: skip
        self.previous_button.clicked.connect(lambda: self.show_question(self._current - 1))
        self.next_button.clicked.connect(lambda: self.show_question(self._current + 1))
        self.skip_button.clicked.connect(self.skipped)
        self.save_button.clicked.connect(lambda: self.answered.emit(self.checkin()))
        actions = FlowLayout()
        for button in (self.save_button, self.next_button, self.previous_button,
                       self.skip_button):  # fmt: skip
            actions.add(button)
        self._flows.append(actions)
        column.addLayout(actions)
        column.addStretch(1)
        self.show_question(0)
        self.set_metrics(metrics or Metrics())

    def _question(self, name: str, question: str, ends: str, answer: QLayout | QWidget) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(make_label(question, role="heading"))
        if ends:
            layout.addWidget(make_label(ends))
        if isinstance(answer, QWidget):
            layout.addWidget(answer)
        else:
            layout.addLayout(answer)
        self._questions[name] = box
        self.page.addWidget(box)

    @property
    def question_names(self) -> list[str]:
        """The questions in the order they are asked."""
        return list(self._questions)

    @property
    def current_question(self) -> str:
        """The name of the question on show (``pain`` ... ``where``, ``feel``, ``note``)."""
        return self.question_names[self._current]

    def show_question(self, index_or_name: int | str) -> None:
        """Show one question (by position or name); the others wait their turn."""
        names = self.question_names
        index = names.index(index_or_name) if isinstance(index_or_name, str) else index_or_name
        index = max(0, min(index, len(names) - 1))
        self._current = index
        for position, name in enumerate(names):
            self._questions[name].setVisible(position == index)
        self.progress.setText(f"Question {index + 1} of {len(names)}. Every question is optional.")
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(names) - 1)

    def needed_height(self, width: int) -> int:
        """Measured with the first question (the 0-10 ones are the tallest), so the words
        keep one size from question to question."""
        if self._current == 0:
            return super().needed_height(width)
        shown, first = (
            self._questions[self.current_question],
            self._questions[self.question_names[0]],
        )
        shown.hide()
        first.show()
        try:
            return super().needed_height(width)
        finally:
            first.hide()
            shown.show()

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
            button.setProperty("answer", True)  # the answers are the page: taller buttons
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
            button.setProperty("answer", True)
            group.addButton(button, index)
            flow.add(button)
            self._buttons.append(button)
        self._flows.append(flow)
        return flow

    def set_metrics(self, metrics: Metrics) -> None:
        """Size every target for the mode (64 x 64 in large-button mode)."""
        for button in self._buttons:
            button.setMinimumSize(metrics.target, metrics.target)
            if button.property("answer"):
                button.setMinimumWidth(metrics.target + 16)
        self.note.setMinimumHeight(metrics.target)
        for flow in self._flows:
            flow.set_gap(metrics.spacing)  # 16 px apart, 24 in large mode
        self.set_page_metrics(metrics)

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
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.show_question(self._current + (1 if key == Qt.Key.Key_Right else -1))
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
        self.show_question(0)


def _checked_id(group: QButtonGroup) -> int | None:
    found = group.checkedId()
    return None if found < 0 else found
