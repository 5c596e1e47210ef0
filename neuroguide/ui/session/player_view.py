"""The workout player: layout only. :mod:`neuroguide.ui.session.player_presenter` fills it in.

Three pages share the screen: the running session, the calm "unsteady" page, and the
two-button question before stopping.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.illustration import Illustration
from neuroguide.ui.common.widgets import (
    FlowLayout,
    make_button,
    make_card,
    make_label,
    repolish,
    vertical_scroll,
)
from neuroguide.ui.session.countdown import CountdownRing
from neuroguide.ui.shell.theme import PhaseColours

PAUSE_TEXT = "Pause  [Space]"
RESUME_TEXT = "Resume  [Space]"


class PlayerView(QWidget):
    """Everything a person follows during a session.

    Signals:
        countdown_clicked: a click or tap on the countdown (pause or resume).
    """

    countdown_clicked = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self._placed = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self._build_run_page()
        self._build_unsteady_page()
        self._build_confirm_page()
        self.countdown.clicked.connect(self.countdown_clicked)
        self.set_metrics(metrics)

    # ---------------------------------------------------------------- building

    def _build_run_page(self) -> None:
        page = QWidget()
        self.run_page = vertical_scroll(page)
        self.pages.addWidget(self.run_page)
        layout = self._run_layout = QVBoxLayout(page)

        top = QHBoxLayout()
        self._top = top
        self.phase_label = make_label(role="phase", name="Phase")
        self.phase_label.setWordWrap(False)
        top.addWidget(self.phase_label, 0, Qt.AlignmentFlag.AlignTop)
        names = QVBoxLayout()
        names.setSpacing(0)
        self.exercise_label = make_label(role="exercise", name="Exercise")
        names.addWidget(self.exercise_label)
        self.position_label = make_label(role="heading", name="Side and set")
        names.addWidget(self.position_label)
        top.addLayout(names, 1)
        self.unsteady_button = make_button(
            "Stop, I feel unsteady  [U]",
            "Stop, I feel unsteady",
            "Pause at once. Hold on to something steady or sit down.",
            role="danger",
            object_name="unsteady",
        )
        top.addWidget(self.unsteady_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.paused_label = make_label(
            "Paused. Press Space or click the countdown to carry on.", role="heading"
        )
        self.paused_label.hide()
        layout.addWidget(self.paused_label)

        self._middle = QHBoxLayout()
        self.countdown = CountdownRing()
        self._middle.addWidget(self.countdown, 3)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        self.picture_card = make_card("picture")
        picture_layout = QVBoxLayout(self.picture_card)
        self.illustration = Illustration()
        picture_layout.addWidget(self.illustration)
        details_layout.addWidget(self.picture_card, 2)
        self.steps_label = make_label(name="How to do it")
        self.safety_label = make_label(role="detail", name="Safety")
        text = QWidget()
        text_layout = QVBoxLayout(text)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(self.steps_label)
        text_layout.addWidget(self.safety_label)
        text_layout.addStretch(1)
        self.details_scroll = vertical_scroll(text)
        details_layout.addWidget(self.details_scroll, 3)
        self.details = details
        self._details_layout = details_layout
        self._middle.addWidget(details, 2)
        layout.addLayout(self._middle, 1)

        self.caption_label = make_label(role="caption", name="Caption")
        layout.addWidget(self.caption_label)

        info = QHBoxLayout()
        self.upcoming_label = make_label(role="detail", name="What comes next")
        self._info = info
        info.addWidget(self.upcoming_label, 3)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setAccessibleName("Routine progress")
        info.addWidget(self.progress_bar, 1, Qt.AlignmentFlag.AlignVCenter)
        self.time_left_label = make_label(role="detail", name="Time left")
        info.addWidget(self.time_left_label, 2)
        layout.addLayout(info)

        self.controls_box = QWidget()
        self._controls = FlowLayout(self.controls_box)
        self.controls_grid_box = QWidget()
        self._controls_grid = QGridLayout(self.controls_grid_box)
        self._controls_grid.setContentsMargins(0, 0, 0, 0)
        self.pause_button = make_button(
            PAUSE_TEXT,
            "Pause",
            "Pause or resume the session.",
            role="primary",
            object_name="pause",
        )
        self.back_button = make_button(
            "Back  [←]", "Back", "Start this part again, or go back to the one before."
        )
        self.next_button = make_button("Next  [→]", "Next", "Skip to the next part.")
        self.add_button = make_button(
            "+15 s  [+]", "Add 15 seconds", "Make this part 15 seconds longer."
        )
        self.done_button = make_button(
            "Done  [Enter]", "Done", "Finish this set of repetitions now, as done."
        )
        self.stop_button = make_button(
            "Stop  [Esc]", "Stop the session", "End the session. You will be asked first."
        )
        for button in self.control_buttons:
            self._controls.add(button)
        layout.addWidget(self.controls_box)
        self._details_layout.insertWidget(0, self.controls_grid_box)
        self.controls_grid_box.hide()

    def _build_unsteady_page(self) -> None:
        page = QWidget()
        self.unsteady_page = vertical_scroll(page)
        self.pages.addWidget(self.unsteady_page)
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
        page = QWidget()
        self.confirm_page = vertical_scroll(page)
        self.pages.addWidget(self.confirm_page)
        layout = self._confirm_layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(make_label("End this session?", role="title"))
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
            "End session  [Enter]",
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
    def control_buttons(self) -> list[QPushButton]:
        """The row of session controls, in order."""
        return [
            self.pause_button,
            self.back_button,
            self.next_button,
            self.add_button,
            self.done_button,
            self.stop_button,
        ]

    def show_page(self, name: str) -> None:
        """``run``, ``unsteady`` or ``confirm``."""
        page = {"run": self.run_page, "unsteady": self.unsteady_page, "confirm": self.confirm_page}
        self.pages.setCurrentWidget(page[name])

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
        self.phase_label.setAccessibleName(f"Phase: {word}")
        self.phase_label.setStyleSheet(f"background: {colours.band}; color: {colours.band_text};")
        self.countdown.set_ring_colour(colours.ring)

    def show_exercise(
        self, name: str, position: str, illustration: Path | None, steps: str, safety: str
    ) -> None:
        """The exercise name (wrapping, never cut off), side and set, drawing, steps, safety."""
        self.exercise_label.setText(name)
        self.position_label.setText(position)
        self.position_label.setVisible(bool(position))
        self.illustration.load(illustration)
        self.steps_label.setText(steps)
        self.safety_label.setText(safety)
        self.safety_label.setVisible(bool(safety))

    def show_caption(self, text: str) -> None:
        """What the voice says, as text."""
        self.caption_label.setText(text)
        self.caption_label.setVisible(bool(text))

    def show_progress(self, upcoming: str, fraction: float, time_left: str) -> None:
        """What comes next, and how far through the routine the session is."""
        self.upcoming_label.setText(upcoming)
        self.progress_bar.setValue(round(max(0.0, min(1.0, fraction)) * 1000))
        self.time_left_label.setText(time_left)

    def set_paused(self, paused: bool) -> None:
        """Pause becomes Resume, and a plain sentence says the session is paused."""
        self.pause_button.setText(RESUME_TEXT if paused else PAUSE_TEXT)
        self.pause_button.setAccessibleName("Resume" if paused else "Pause")
        self.paused_label.setVisible(paused)

    def _place_controls(self, large: bool) -> None:
        # Large mode: the controls sit in a grid beside the countdown, so the countdown can
        # fill the height; the numbered steps give way (they are spoken, and shown in normal
        # mode). Normal mode: one row under the countdown that wraps when narrow.
        if large == self.controls_grid_box.isVisibleTo(self) and self._placed:
            return
        self._placed = True
        buttons = self.control_buttons
        for button in buttons:
            self._controls.removeWidget(button)
            self._controls_grid.removeWidget(button)
        if large:
            pause, back, next_, add, done, stop = buttons
            self._controls_grid.addWidget(pause, 0, 0)
            self._controls_grid.addWidget(stop, 0, 1)
            self._controls_grid.addWidget(back, 1, 0)
            self._controls_grid.addWidget(next_, 1, 1)
            self._controls_grid.addWidget(add, 2, 0)
            self._controls_grid.addWidget(done, 2, 1)
        else:
            for button in buttons:
                self._controls.add(button)
        for button in buttons:
            button.show()
        self.controls_grid_box.setVisible(large)
        self.controls_box.setVisible(not large)
        self.details_scroll.setVisible(not large)
        self.illustration.setMinimumSize(0 if large else 120, 0 if large else 120)

    def set_metrics(self, metrics: Metrics) -> None:
        """Spacing, and in large mode a countdown that fills most of the player."""
        self._metrics = metrics
        for layout in (self._run_layout, self._unsteady_layout, self._confirm_layout):
            m = metrics.margin
            layout.setContentsMargins(m, m // 2, m, m // 2)
            layout.setSpacing(metrics.spacing // 2 if layout is self._run_layout else 16)
        for flow in (self._controls, self._unsteady_buttons, self._confirm_buttons):
            flow.set_gap(metrics.spacing)
        self._middle.setSpacing(metrics.spacing)
        self._top.setSpacing(metrics.spacing)
        self.unsteady_button.setMinimumHeight(metrics.target + 16)
        self._middle.setStretch(0, 3)
        self._middle.setStretch(1, 2)
        # Pause is the largest control: bigger text, wider padding, and taller.
        self.pause_button.setMinimumHeight(int(metrics.target * 1.5))
        self._controls_grid.setSpacing(metrics.spacing)
        self._place_controls(metrics.large)
        self._info.setSpacing(metrics.spacing)
        minimum = 200
        self.countdown.setMinimumSize(minimum, minimum)
        repolish(self.pause_button)
