"""The short safety check before a routine with standing balance work.

Turning the check off for good is a safety choice, so it is asked about first, with two big
buttons (keeping the check is the one Space and Enter choose), and the words say where to
switch it back on. The question takes the place of the checks while it is asked, and the page
is fitted to the window (no scrolling: :class:`~neuroguide.ui.common.fitted_page.FittedPage`);
where leaving out the title keeps the words larger, it is left out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.fitted_page import FittedPage
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_card, make_label

CHECKS = (
    "Clear space around you, with nothing on the floor to trip over.",
    "A wall or a sturdy counter within reach, so you can hold on at any moment.",
    "Shoes on: firm, flat shoes that support your feet.",
)


class SafetyView(FittedPage):
    """Three things to check, confirmed with one press.

    Signals:
        confirmed: the person is ready; the session starts.
        cancelled: back to the home screen.
        switched_off: start, and skip this check from now on.
    """

    confirmed = Signal()
    cancelled = Signal()
    switched_off = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(metrics, parent)
        self._layout = self.page
        self.title = make_label("Before you start", role="title")
        self._layout.addWidget(self.title)
        self.routine_text = make_label(role="detail")
        self._layout.addWidget(self.routine_text)
        card = self.checks_card = make_card()
        card_layout = QVBoxLayout(card)
        card_layout.setSpacing(12)
        for number, check in enumerate(CHECKS, start=1):
            card_layout.addWidget(make_label(f"{number}. {check}", role="detail"))
        self._layout.addWidget(card)
        self._buttons = FlowLayout()
        self.ready_button = make_button(
            "I am ready: start  [Space]",
            "I am ready, start",
            "Confirm the three checks and start the routine.",
            role="primary",
            object_name="safety-ready",
        )
        self.back_button = make_button(
            "Not now  [Esc]", "Not now", "Go back to the home screen without starting."
        )
        self.off_button = make_button(
            "Start, and skip this check from now on",
            "Start and skip this check from now on",
            "Asks first. Start the routine and do not show this check again; "
            "you can switch it back on in Settings.",
        )
        for button in (self.ready_button, self.back_button, self.off_button):
            self._buttons.add(button)
        self._layout.addLayout(self._buttons)
        self.question = make_card("banner")
        question_layout = QVBoxLayout(self.question)
        question_layout.addWidget(
            make_label("Stop showing this check before balance work?", role="heading")
        )
        question_layout.addWidget(
            make_label(
                "The three checks keep you safe while you stand on one leg or step. If you "
                "stop them, you can switch them back on in Settings, under "
                "\u201cDuring a session\u201d, \u201cSafety check\u201d.",
                role="detail",
            )
        )
        self._question_buttons = FlowLayout()
        self.keep_button = make_button(
            "No, keep the check  [Space]",
            "No, keep the check",
            "Keep showing this check before balance work.",
            role="primary",
            object_name="safety-keep",
        )
        self.confirm_off_button = make_button(
            "Yes, stop showing it and start",
            "Yes, stop showing it and start",
            "Do not show this check again (Settings can bring it back), and start.",
            object_name="safety-off-confirm",
        )
        self._question_buttons.add(self.keep_button)
        self._question_buttons.add(self.confirm_off_button)
        question_layout.addLayout(self._question_buttons)
        self.question.hide()
        self._layout.addWidget(self.question)
        self._layout.addStretch(1)
        self.ready_button.clicked.connect(self.confirmed)
        self.back_button.clicked.connect(self.cancelled)
        self.off_button.clicked.connect(self.ask_off)
        self.keep_button.clicked.connect(self.keep_check)
        self.confirm_off_button.clicked.connect(self._switch_off)
        self.set_metrics(metrics)

    @property
    def asking(self) -> bool:
        """Whether the "stop showing this check?" question is on show."""
        return self.question.isVisibleTo(self)

    def main_action(self) -> QWidget:
        """Keep the check while asking; otherwise "I am ready"."""
        return self.keep_button if self.asking else self.ready_button

    def ask_off(self) -> None:
        """Ask before turning the check off for good, in place of the checks."""
        self._show_question(True)
        self.keep_button.setFocus()

    def keep_check(self) -> None:
        """Answered no: back to the check, nothing changed."""
        self._show_question(False)
        self.ready_button.setFocus()

    def _show_question(self, asking: bool) -> None:
        for part in (self.routine_text, self.checks_card, *self._check_buttons):
            part.setVisible(not asking)
        self.question.setVisible(asking)
        self.schedule_fit()

    @property
    def _check_buttons(self) -> tuple[QWidget, ...]:
        return (self.ready_button, self.back_button, self.off_button)

    def arrangements(self) -> int:
        """With its title, or (when that keeps the words larger) without: the sentence
        naming the routine says what the page is for."""
        return 2

    def arrange(self, index: int) -> None:
        """0: the title shown; 1: no title."""
        self.title.setVisible(index == 0)

    def fit_key(self) -> tuple[object, ...]:
        """The routine's name and whether the question is asked change the words."""
        return (self.routine_text.text(), self.asking)

    def _switch_off(self) -> None:
        self.keep_check()
        self.switched_off.emit()

    def handle_question_key(self, key: int) -> bool:
        """Space and Escape keep the check; nothing else answers the question."""
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Escape):
            self.keep_check()
            return True
        return False

    def set_routine(self, name: str) -> None:
        """Name the routine about to start (and forget an unanswered question)."""
        if self.asking:
            self.keep_check()
        self.routine_text.setText(
            f"{name} has standing balance work. Please check these three things:"
        )
        self.schedule_fit()

    def set_metrics(self, metrics: Metrics) -> None:
        """Spacing for the current mode; the words are fitted again."""
        self._buttons.set_gap(metrics.spacing)
        self._question_buttons.set_gap(metrics.spacing)
        self.set_page_metrics(metrics)
