"""The workout player: layout only. :mod:`neuroguide.ui.session.player_presenter` fills it in.

Made to be read from across the room: nothing scrolls. The countdown gets a square sized by
the window alone (never by the text size), and the words around it are fitted into the room
that is left (:mod:`neuroguide.ui.common.text_fit`): the steps and the drawing give way
first (behind "How to", key H), then the text size, never the countdown. Three pages share
the screen: the running session, the calm "unsteady" page, and the two-button question
before stopping.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.announce import announce
from neuroguide.ui.common.countdown import CountdownRing
from neuroguide.ui.common.countdown_page import CountdownPage, make_unsteady_button
from neuroguide.ui.common.fitted_page import factors_from, height_for, invalidate_all, text_sheet
from neuroguide.ui.common.illustration import Illustration
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_card, make_label
from neuroguide.ui.shell.theme import PhaseColours

PAUSE_TEXT = "Pause  [Space]"
RESUME_TEXT = "Resume  [Space]"
HOW_TO_TEXT = "How to  [H]"
HIDE_HOW_TO_TEXT = "Hide how to  [H]"


class PlayerView(CountdownPage):
    """Everything a person follows during a session.

    Signals:
        countdown_clicked: a click or tap on the countdown (pause or resume).
    """

    countdown_clicked = Signal()
    full_screen = True
    """Read by the main window: the player needs the whole window (no header, no switches)."""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(metrics, parent)
        self._how_to = False
        self._balance = False
        self._steady: tuple[object, ...] | None = None
        self.calm_factors: dict[str, float] = {}
        """The text factor of each calm page (``unsteady``, ``confirm``): the person's own
        unless it must shrink to fit."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self._build_run_page()
        self._build_unsteady_page()
        self._build_confirm_page()
        self.countdown.clicked.connect(self.countdown_clicked)
        self.how_to_button.clicked.connect(self.toggle_how_to)
        self.set_metrics(metrics)

    # ---------------------------------------------------------------- building

    def _build_run_page(self) -> None:
        page = self.run_page = QWidget()
        self.pages.addWidget(page)
        layout = self._run_layout = QVBoxLayout(page)

        top = self._top = QHBoxLayout()
        self.phase_label = make_label(role="phase", name="Phase")
        self.phase_label.setWordWrap(False)
        top.addWidget(self.phase_label, 0)
        names = QVBoxLayout()
        names.setSpacing(0)
        self.exercise_label = make_label(role="exercise", name="Exercise")
        names.addWidget(self.exercise_label)
        self.position_label = make_label(role="heading", name="Side and set")
        names.addWidget(self.position_label)
        top.addLayout(names, 1)
        self.unsteady_button = make_unsteady_button(
            "Pause at once. Hold on to something steady or sit down.", "unsteady"
        )
        top.addWidget(self.unsteady_button, 0)
        layout.addLayout(top)

        self.countdown = CountdownRing()
        middle = self._countdown_row(self.countdown)
        column = self._column
        self.caption_label = make_label(role="caption", name="Caption")
        column.addWidget(self.caption_label)
        self.paused_label = make_label(
            "Paused. Press Space or click the countdown to carry on.",
            role="heading",
            name="Paused",
        )
        self.paused_label.hide()
        column.addWidget(self.paused_label)
        self.safety_label = make_label(role="safety", name="Safety")
        column.addWidget(self.safety_label)
        self.details = QWidget()
        details_layout = QHBoxLayout(self.details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        self.picture_card = make_card("picture")
        picture_layout = QVBoxLayout(self.picture_card)
        self.illustration = Illustration()
        self.illustration.setMinimumSize(150, 150)
        picture_layout.addWidget(self.illustration)
        details_layout.addWidget(self.picture_card, 0)
        self.steps_label = make_label(name="How to do it")
        details_layout.addWidget(self.steps_label, 1)
        column.addWidget(self.details)
        self.details.hide()

        self.controls_box = QWidget()
        self._flow = FlowLayout(self.controls_box)
        self.pause_button = self._primary = make_button(
            PAUSE_TEXT,
            "Pause",
            "Pause or resume the session.",
            role="primary",
            object_name="pause",
        )
        self.how_to_button = make_button(
            HOW_TO_TEXT,
            "How to",
            "Show or hide the steps and the drawing of this exercise.",
            object_name="how-to",
        )
        self.how_to_button.setCheckable(True)
        self.back_button = make_button(
            "Back  [←]", "Back", "Start this part again, or go back to the one before."
        )
        self.next_button = make_button("Next  [→]", "Next", "Skip to the next part.")
        self.add_button = make_button(
            "+15 s  [+]", "Add 15 seconds", "Make this part 15 seconds longer."
        )
        self.done_button = make_button(
            "Done  [D]", "Done", "Finish this set of repetitions now, as done."
        )
        self.stop_button = make_button(
            "Stop  [Esc]", "Stop the session", "End the session. You will be asked first."
        )
        for button in (self.pause_button, self.how_to_button, *self.secondary_buttons):
            self._flow.add(button)
        column.addWidget(self.controls_box)
        column.addStretch(1)
        middle.addWidget(self.side_panel, 1)
        layout.addLayout(middle, 1)

        info = self._info = QHBoxLayout()
        self.upcoming_label = make_label(role="detail", name="What comes next")
        info.addWidget(self.upcoming_label, 3)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setAccessibleName("Routine progress")
        info.addWidget(self.progress_bar, 1)
        self.time_left_label = make_label(role="detail", name="Time left")
        info.addWidget(self.time_left_label, 2)
        layout.addLayout(info)

    def _build_unsteady_page(self) -> None:
        page = self.unsteady_page = QWidget()
        self.pages.addWidget(page)
        layout = self._unsteady_layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(make_label("Take your time", role="title"))
        layout.addWidget(
            make_label(
                "The session is paused. Hold on to something steady or sit down, and breathe "
                "slowly. Carry on only when you feel steady again.",
                role="detail",
            )
        )
        self._unsteady_buttons = FlowLayout()
        self.resume_button = make_button(
            "Resume when ready  [Space]",
            "Resume when ready",
            "Carry on with the session from where it paused.",
            role="primary",
            object_name="unsteady-resume",
        )
        self.end_button = make_button(
            "End session", "End session", "End the session now. What you did is kept."
        )
        self._unsteady_buttons.add(self.resume_button)
        self._unsteady_buttons.add(self.end_button)
        layout.addLayout(self._unsteady_buttons)
        layout.addStretch(2)

    def _build_confirm_page(self) -> None:
        page = self.confirm_page = QWidget()
        self.pages.addWidget(page)
        layout = self._confirm_layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.confirm_title = make_label("End this session?", role="title", name="Question")
        layout.addWidget(self.confirm_title)
        layout.addWidget(
            make_label("What you have done so far is kept in your summary.", role="detail")
        )
        self._confirm_buttons = FlowLayout()
        self.keep_going_button = make_button(
            "Keep going  [Space]",
            "Keep going",
            "Go back to the session; it stays paused until you resume.",
            role="primary",
            object_name="keep-going",
        )
        self.confirm_end_button = make_button(
            "End session",
            "End session now",
            "End the session and see the summary.",
            role="danger",
            object_name="confirm-end",
        )
        self._confirm_buttons.add(self.keep_going_button)
        self._confirm_buttons.add(self.confirm_end_button)
        layout.addLayout(self._confirm_buttons)
        layout.addStretch(2)

    # ----------------------------------------------------------------- showing

    @property
    def secondary_buttons(self) -> list[QPushButton]:
        """The controls that give way to the steps when "How to" is on (keys still work)."""
        return [self.back_button, self.next_button, self.add_button, self.done_button,
                self.stop_button]  # fmt: skip

    def main_action(self) -> QWidget:
        """The button the focus rests on for the page on show (Enter presses it)."""
        return {
            "unsteady": self.resume_button,
            "confirm": self.keep_going_button,
        }.get(self.page, self.pause_button)

    def scans(self) -> bool:
        """Switch scanning runs on a question or while paused; while a session runs, the
        switch pauses it (read by the window's scanner)."""
        return self.page != "run" or self.countdown.paused

    def show_page(self, name: str) -> None:
        """``run``, ``unsteady`` or ``confirm``; the focus goes to the page's main action."""
        page = {"run": self.run_page, "unsteady": self.unsteady_page, "confirm": self.confirm_page}
        changed = self.pages.currentWidget() is not page[name]
        self.pages.setCurrentWidget(page[name])
        if self.isVisible():
            self.main_action().setFocus()
        if changed and name != "run":  # the calm page and the stop question are said
            words = [label.text() for label in page[name].findChildren(QLabel) if label.text()]
            announce(page[name], " ".join(words))

    @property
    def page(self) -> str:
        """The page on show."""
        current = self.pages.currentWidget()
        if current is self.unsteady_page:
            return "unsteady"
        if current is self.confirm_page:
            return "confirm"
        return "run"

    def show_phase(self, word: str, colours: PhaseColours) -> None:
        """The phase in words and in colour (never colour alone)."""
        self.phase_label.setText(word)
        self.phase_label.setStyleSheet(f"background: {colours.band}; color: {colours.band_text};")
        self.countdown.set_ring_colour(colours.ring)

    def show_exercise(
        self,
        name: str,
        position: str,
        illustration: Path | None,
        steps: str,
        safety: str,
        *,
        balance: bool = False,
    ) -> None:
        """The exercise name (wrapping, never cut off), side and set, drawing, steps, safety.

        During balance work (``balance``) the safety words stay on screen whatever the room.
        """
        self.exercise_label.setText(name)
        self.position_label.setText(position)
        self.position_label.setVisible(bool(position))
        self.illustration.load(illustration)
        self.picture_card.setVisible(self.illustration.has_drawing)
        self.steps_label.setText(steps)
        self.safety_label.setText(safety)
        self._balance = balance
        self._show_details()
        self.schedule_fit()

    def show_caption(self, text: str) -> None:
        """What the voice says, as text."""
        self.caption_label.setText(text)
        self.caption_label.setVisible(bool(text))
        self.schedule_fit()

    def show_progress(self, upcoming: str, fraction: float, time_left: str) -> None:
        """What comes next, and how far through the routine the session is."""
        self.upcoming_label.setText(upcoming)
        self.progress_bar.setValue(round(max(0.0, min(1.0, fraction)) * 1000))
        self.time_left_label.setText(time_left)

    def show_unsteady(self, shown: bool) -> None:
        """The "Stop, I feel unsteady" button (balance work only)."""
        if self.unsteady_button.isVisibleTo(self) != shown:
            self.unsteady_button.setVisible(shown)
            self.schedule_fit()

    def set_paused(self, paused: bool) -> None:
        """Pause becomes Resume; the countdown greys and says PAUSED; a sentence says why."""
        self.pause_button.setText(RESUME_TEXT if paused else PAUSE_TEXT)
        self.pause_button.setAccessibleName("Resume" if paused else "Pause")
        self.countdown.set_paused(paused)
        if self.paused_label.isVisibleTo(self) != paused:
            self.paused_label.setVisible(paused)
            self.schedule_fit()

    # ------------------------------------------------------------- how to

    @property
    def how_to(self) -> bool:
        """Whether the steps and the drawing are asked for."""
        return self._how_to

    def toggle_how_to(self) -> None:
        """Show or hide the steps and the drawing (and the safety words, outside balance)."""
        self._how_to = not self._how_to
        self._show_details()
        self.schedule_fit()

    def _show_details(self) -> None:
        on = self._how_to
        self.how_to_button.blockSignals(True)
        self.how_to_button.setChecked(on)
        self.how_to_button.blockSignals(False)
        self.how_to_button.setText(HIDE_HOW_TO_TEXT if on else HOW_TO_TEXT)
        self.details.setVisible(on)
        self.safety_label.setVisible(bool(self.safety_label.text()) and (on or self._balance))
        for button in self.secondary_buttons:
            button.setVisible(not on)

    # ------------------------------------------------------------- fitting

    def set_metrics(self, metrics: Metrics) -> None:
        """Spacing for the mode; the text is fitted again."""
        self._space_frame(metrics)
        m = metrics.margin
        for layout in (self._unsteady_layout, self._confirm_layout):
            layout.setContentsMargins(m, m // 2, m, m // 2)
            layout.setSpacing(16)
        for flow in (self._unsteady_buttons, self._confirm_buttons):
            flow.set_gap(metrics.spacing)
        self._info.setSpacing(metrics.spacing)
        self.use_metrics(metrics)

    def text_layouts(self) -> tuple[QLayout, ...]:
        """The run page and the two calm pages."""
        return (self._run_layout, self._unsteady_layout, self._confirm_layout)

    def rows_below(self) -> tuple[QLayout, ...]:
        """What comes next and the progress, under the countdown."""
        return (self._info,)

    def placed_boxes(self) -> tuple[QWidget, ...]:
        """The column, the controls and the steps with the drawing."""
        return (self.side_panel, self.controls_box, self.details)

    def largest_factor(self, width: int, height: int) -> float:
        """Within one exercise the text only ever shrinks: a long caption must not make the
        words jump back and forth in size as the captions change."""
        steady = (width, height, self._metrics, self.exercise_label.text(), self._how_to)
        full = super().largest_factor(width, height)
        if steady == self._steady:
            full = min(full, self.text_factor)
        self._steady = steady
        return full

    def fit_key(self) -> tuple[object, ...]:
        """The words on show and what shows, and the height a notice borrowed."""
        labels = (self.caption_label, self.safety_label, self.steps_label, self.exercise_label,
                  self.position_label, self.upcoming_label, self.paused_label)  # fmt: skip
        shown = tuple((label.text(), label.isVisibleTo(self)) for label in labels)
        return (
            self.borrowed_height,
            *shown,
            self._how_to,
            self.pause_button.text(),
            self.unsteady_button.isVisibleTo(self),
        )

    def after_fit(self, width: int, height: int) -> None:
        """ "Take your time" and "End this session?" are read close up, calmly: they get the
        app's own text size (the person's), not the player's, shrunk only if it must fit."""
        pages = (("unsteady", self.unsteady_page, self._unsteady_layout),
                 ("confirm", self.confirm_page, self._confirm_layout))  # fmt: skip
        for name, page, layout in pages:
            for factor in factors_from(self._metrics.text_factor):
                sheet = text_sheet(factor)
                if page.styleSheet() != sheet:
                    page.setStyleSheet(sheet)
                invalidate_all(layout)
                wide = layout.totalMinimumSize().width()
                if wide <= width and height_for(layout, width) <= height:
                    break
            self.calm_factors[name] = factor
