"""Offers the seated version of a routine that has standing steps (the seated-offer step).

The page is fitted to the window (no inner scroll box): its words take the largest size at
which the list of swaps and the three buttons all show (``ui/common/fitted_page.py``).

The first time the seated profile is offered, the page first asks "Do you use a wheelchair?"
(issue 26): the question takes the place of the offer, with two big answers. Space (or the
person's switch) presses the framed answer, Tab or the arrow keys move the frame, switch
scanning lights each answer in turn; Escape leaves the question unanswered (it is asked
again next time).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neuroguide.core.seated import SeatedVersion
from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.fitted_page import FittedPage
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_card, make_label

WHEELCHAIR_QUESTION = "Do you use a wheelchair?"
WHEELCHAIR_WHY = (
    "If you do, the voice tells you how to do each exercise from your wheelchair: brakes on, "
    "and feet off the footrests only when that is safe. You can change this later in "
    "Settings, under \u201cYour plan\u201d, \u201cI use a wheelchair\u201d."
)


class SeatedOfferView(FittedPage):
    """Offers the seated version of a routine that has standing steps.

    Signals:
        seated_chosen: "Start the seated version" (or Space).
        as_written_chosen: "Do it as written, standing".
        back_requested: "Back to home" (or Escape).
        wheelchair_answered: "Do you use a wheelchair?" answered; carries True for yes.
    """

    seated_chosen = Signal()
    as_written_chosen = Signal()
    back_requested = Signal()
    wheelchair_answered = Signal(bool)

    def __init__(self, metrics: Metrics) -> None:
        super().__init__(metrics)
        self.setAccessibleName("Seated version of the routine")
        self._possible = True
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
        self.question = self._question_card()
        self.question.hide()
        column.addWidget(self.question)
        column.addStretch(1)
        self.seated_button.clicked.connect(self.seated_chosen)
        self.as_written_button.clicked.connect(self.as_written_chosen)
        self.back_button.clicked.connect(self.back_requested)
        self.yes_button.clicked.connect(lambda: self._answer(True))
        self.no_button.clicked.connect(lambda: self._answer(False))
        self.set_metrics(metrics)

    def _question_card(self) -> QWidget:
        """ "Do you use a wheelchair?" with a big Yes and a big No."""
        card = make_card("banner")
        layout = QVBoxLayout(card)
        layout.addWidget(make_label(WHEELCHAIR_QUESTION, role="heading"))
        layout.addWidget(make_label(WHEELCHAIR_WHY, role="detail"))
        self.answers = FlowLayout()
        self.yes_button = make_button(
            "Yes, I use a wheelchair",
            "Yes, I use a wheelchair",
            "The voice says how to do each exercise from a wheelchair.",
            role="primary",
            object_name="wheelchair-yes",
        )
        self.no_button = make_button(
            "No",
            "No, I do not use a wheelchair",
            "The voice does not add the wheelchair words.",
            role="primary",
            object_name="wheelchair-no",
        )
        self.answers.add(self.yes_button)
        self.answers.add(self.no_button)
        layout.addLayout(self.answers)
        return card

    @property
    def asking(self) -> bool:
        """Whether "Do you use a wheelchair?" is on show."""
        return self.question.isVisibleTo(self)

    def ask_wheelchair(self) -> None:
        """Ask "Do you use a wheelchair?" in place of the offer; the frame starts on Yes."""
        self._show_question(True)
        self.yes_button.setFocus()

    def _answer(self, yes: bool) -> None:
        if not self.asking:
            return
        self._show_question(False)
        self.main_action().setFocus()
        self.wheelchair_answered.emit(yes)

    def _show_question(self, asking: bool) -> None:
        for part in (self.text, self.changes, *self._offer_buttons):
            part.setVisible(not asking and (part is not self.seated_button or self._possible))
        self.question.setVisible(asking)
        self.schedule_fit()

    @property
    def _offer_buttons(self) -> tuple[QWidget, ...]:
        return (self.seated_button, self.as_written_button, self.back_button)

    def main_action(self) -> QWidget:
        """Yes while asking; otherwise the seated version (or, without one, as written)."""
        if self.asking:
            return self.yes_button
        return self.seated_button if self._possible else self.as_written_button

    def show_version(self, version: SeatedVersion) -> None:
        """Describe ``version``: what is swapped, what is left out, or that none exists."""
        self.title.setText(f"{version.original.name}: seated?")
        lines = [f"{standing}  →  {seated}" for standing, seated in version.swapped]
        lines += [f"{name}: left out, it needs standing" for name in version.left_out]
        self.changes.setText("\n".join(lines))
        possible = self._possible = version.routine is not None
        if self.asking:  # a new offer: an unanswered question is asked again if need be
            self._show_question(False)
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
        return (self.title.text(), self.text.text(), self.changes.text(), self.asking)

    def set_metrics(self, metrics: Metrics) -> None:
        """The mode's gaps; the words are fitted again."""
        self.buttons.set_gap(metrics.spacing)
        self.answers.set_gap(metrics.spacing)
        self.set_page_metrics(metrics)

    def handle_key(self, key: int) -> bool:
        """Space or Enter start the seated version; Escape goes back. While asking, Space
        presses the framed answer, the arrows move the frame, Escape leaves the question."""
        if self.asking:
            return self._question_key(key)
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.seated_button.isVisible():
                self.seated_chosen.emit()
            return True
        if key == Qt.Key.Key_Escape:
            self.back_requested.emit()
            return True
        return False

    def _question_key(self, key: int) -> bool:
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            other = self.no_button if self.yes_button.hasFocus() else self.yes_button
            other.setFocus()
            return True
        if key == Qt.Key.Key_Escape:
            self._show_question(False)
            self.main_action().setFocus()
            return True
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            for answer in (self.yes_button, self.no_button):
                if answer.hasFocus():
                    answer.click()
                    return True
        return False  # the framed control (if any) is pressed as on any screen
