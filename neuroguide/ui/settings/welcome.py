"""The first-run welcome: what the app is, and the three choices a one-switch user needs first.

Shown once, on the first start (no history yet and never passed before), before the home
screen. It says in two sentences what NeuroGuide is and offers, with big buttons:

- **Start** (the main action: Space, Enter or any switch) — on to the home screen; the welcome
  is passed and never shown again (``welcome_seen`` in the settings);
- **Learn my switch** — the settings' own :class:`SwitchRow`, so learning is the same
  (Escape cancels, keys that mean something are refused) and the welcome stays on show;
- **Turn on scanning** — switch scanning starts at once, on this screen, lighting Start first.

The page is fitted to the window like the safety check (no scrolling in any mode), and read
aloud once the window has painted when the voice is on. It lives with the settings because
both of its choices are settings. Decision 0026.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from neuroguide.core.cues import Cue, CuePriority
from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.fitted_page import FittedPage
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_card, make_label
from neuroguide.ui.context import AppContext, Home
from neuroguide.ui.settings.switch_row import SwitchRow
from neuroguide.ui.shell.keys import key_name

SCREEN = "welcome"
TITLE = "Welcome to NeuroGuide"
ABOUT = (
    "NeuroGuide guides you through short exercises for numb or painful feet, legs and hands. "
    "It says every step aloud and shows it in big letters. Your history stays on this computer."
)
START_HINT = "Press Space, or any switch, to start."
SCANNING_OFF = "Scanning lights each button in turn; your switch presses the lit one."
SCANNING_ON = "Scanning is on: your switch presses the lit button."
LATER = "You can change all of this later in Settings."


class WelcomeView(FittedPage):
    """The welcome's words and buttons (layout only).

    Signals:
        start_requested: Start (or Space, or the switch) was pressed.
        scanning_requested: "Turn on scanning" / "Turn off scanning" was pressed.
    """

    start_requested = Signal()
    scanning_requested = Signal()
    window_title = "Welcome"
    """The window's title while the welcome is on show."""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(metrics, parent)
        layout = self.page
        self.title = make_label(TITLE, role="title")
        layout.addWidget(self.title)
        self.about = make_label(ABOUT, role="detail")
        layout.addWidget(self.about)
        start_row = self._start_row = QHBoxLayout()
        self.start_button = make_button(
            "Start  [Space]",
            "Start",
            "Go on to the home screen. This welcome is not shown again.",
            role="primary",
            object_name="welcome-start",
        )
        start_row.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hint = make_label(START_HINT, role="heading")
        start_row.addWidget(self.hint, 1)
        layout.addLayout(start_row)
        card = self.choices_card = make_card()
        columns = self._columns = QHBoxLayout(card)
        self.switch = SwitchRow()
        self.switch.forget_button.hide()  # nothing to forget on a first start
        columns.addWidget(self.switch, 1, Qt.AlignmentFlag.AlignTop)
        scanning = QWidget()
        scanning_column = self._scanning_column = QVBoxLayout(scanning)
        scanning_column.setContentsMargins(0, 0, 0, 0)
        self.scanning_text = make_label(SCANNING_OFF, role="detail", name="Scanning")
        scanning_column.addWidget(self.scanning_text)
        self._scanning_row = FlowLayout()
        self.scanning_button = make_button(
            "Turn on scanning",
            "Turn on scanning",
            "Light each button in turn; your switch presses the lit one (S does this too).",
            object_name="welcome-scanning",
        )
        self._scanning_row.add(self.scanning_button)
        scanning_column.addLayout(self._scanning_row)
        columns.addWidget(scanning, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(card)
        self.later = make_label(LATER, role="detail")
        layout.addWidget(self.later)
        layout.addStretch(1)
        self.start_button.clicked.connect(self.start_requested)
        self.scanning_button.clicked.connect(self.scanning_requested)
        self.set_metrics(metrics)

    def main_action(self) -> QWidget:
        """Start: the focus rests there, scanning lights it first."""
        return self.start_button

    def handle_key(self, key: int) -> bool:
        """Space (the switch, Enter with nothing framed) starts; Escape leaves the same way."""
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Escape):
            self.start_requested.emit()
            return True
        return False

    def show_scanning(self, on: bool) -> None:
        """Name scanning's state and what the button does now."""
        self.scanning_text.setText(SCANNING_ON if on else SCANNING_OFF)
        words = "Turn off scanning" if on else "Turn on scanning"
        self.scanning_button.setText(words)
        self.scanning_button.setAccessibleName(words)
        self.schedule_fit()

    def spoken(self) -> str:
        """What the voice reads when the welcome shows."""
        return f"{TITLE}. {ABOUT} {self.hint.text()}"

    def fit_key(self) -> tuple[object, ...]:
        """The switch row's sentence and the scanning words change the height."""
        return (self.switch.status.text(), self.scanning_text.text(), self.switch.listening)

    def set_metrics(self, metrics: Metrics) -> None:
        """Gaps for the mode; the words are fitted again."""
        self._start_row.setSpacing(metrics.spacing)
        self._scanning_row.set_gap(metrics.spacing)
        self._columns.setSpacing(metrics.spacing * 2)
        self._scanning_column.setSpacing(metrics.spacing // 2)
        self.switch.set_metrics(metrics)
        self.start_button.setMinimumHeight(int(metrics.target * 1.25))
        self.set_page_metrics(metrics)


class Welcome:
    """Shows the welcome, applies its choices, and remembers that it was passed."""

    def __init__(self, ctx: AppContext, home: Home) -> None:
        self.ctx = ctx
        self.home = home
        self.view = WelcomeView(ctx.metrics)
        ctx.window.add_screen(SCREEN, self.view)
        ctx.follow_look(self.view.set_metrics)
        view = self.view
        view.start_requested.connect(self.finish)
        view.scanning_requested.connect(self.toggle_scanning)
        view.switch.learned.connect(self._learned)
        ctx.settings.subscribe(self._follow_scanning, keys=("scanning",))
        self._follow_scanning()

    def show(self) -> None:
        """Put the welcome on show (the composition root calls this on a first start)."""
        self.view.switch.show_key(self.ctx.settings.settings.switch_key)
        self.ctx.window.show_screen(SCREEN)

    def say(self) -> None:
        """Read the welcome aloud (when the voice is on and the welcome is still on show)."""
        if not self.ctx.settings.settings.voice or self.ctx.window.current_screen != SCREEN:
            return
        speaker = self.ctx.voice.speaker
        speaker.say(Cue(self.view.spoken(), CuePriority.NAME, at=self.ctx.clock.now()))

    @property
    def passed(self) -> bool:
        """Whether the welcome was passed (in this run or before)."""
        return self.ctx.settings.settings.welcome_seen

    def finish(self) -> None:
        """Start: remember the welcome was passed, and go to the home screen."""
        if self.view.switch.listening:
            self.view.switch.cancel()
        if not self.passed:
            self.ctx.settings.update(welcome_seen=True)
        self.home.go_home()

    def toggle_scanning(self) -> None:
        """Scanning on or off; the window follows the setting (and lights Start first)."""
        self.ctx.settings.update(scanning=not self.ctx.settings.settings.scanning)

    def _follow_scanning(self) -> None:
        self.view.show_scanning(self.ctx.settings.settings.scanning)

    def _learned(self, key: int) -> None:
        from neuroguide.ui.common.key_names import set_space_name

        self.ctx.settings.update(switch_key=key)
        self.view.switch.show_key(key)
        set_space_name(key_name(key) if key else "Space")  # "Press F9, or any switch ..."
        self.view.schedule_fit()
