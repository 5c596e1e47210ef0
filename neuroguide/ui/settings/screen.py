"""The settings screen: every setting as a big toggle, stepper or row of choices.

Layout only. Each press is reported at once through ``changed`` (the controller applies and
saves it); :meth:`SettingsScreen.show_settings` puts the current values back on the controls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from neuroguide.present.metrics import Metrics
from neuroguide.present.settings_rows import Row, groups, quarter_hour
from neuroguide.settings import QUARTER_HOURS, Settings
from neuroguide.ui.common.controls import ChoiceRow, Stepper, make_toggle, set_toggle
from neuroguide.ui.common.widgets import (
    FlowLayout,
    make_button,
    make_card,
    make_label,
    scroll_page,
    set_page_gaps,
)
from neuroguide.ui.settings.switch_row import SwitchRow

VoiceList = Callable[[], tuple[list[tuple[str, str]], str | None]]
"""Returns the voices as (id, name), or an empty list and why there are none."""


class VoicePicker(QWidget):
    """Steps through the speech engine's voices with large buttons; the list loads on first use.

    Signals:
        picked: a voice was chosen; carries its id ("" for the standard voice).
        try_requested: "Try the voice" was pressed.
    """

    picked = Signal(str)
    try_requested = Signal()

    def __init__(self, load: VoiceList) -> None:
        super().__init__()
        self._load = load
        self._voices: list[tuple[str, str]] | None = None
        self._current = ""
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.shown = make_label(role="heading", name="Voice")
        column.addWidget(self.shown)
        self.buttons = FlowLayout()
        self.previous_button = make_button(
            "Previous voice", "Previous voice", "Use the voice before this one in the list."
        )
        self.next_button = make_button(
            "Next voice", "Next voice", "Use the voice after this one in the list."
        )
        self.standard_button = make_button(
            "Standard voice", "Standard voice", "Go back to the speech engine's usual voice."
        )
        self.try_button = make_button(
            "Try the voice", "Try the voice", "Hear a short sentence in the chosen voice."
        )
        for button in (self.previous_button, self.next_button, self.standard_button):
            self.buttons.add(button)
        self.buttons.add(self.try_button)
        column.addLayout(self.buttons)
        self._column = column
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.standard_button.clicked.connect(lambda: self._choose(""))
        self.try_button.clicked.connect(self.try_requested)

    def set_voice(self, voice_id: str) -> None:
        """Show ``voice_id`` as the current voice."""
        self._current = voice_id
        if not voice_id:
            self.shown.setText("The standard voice")
            return
        names = dict(self._voices or [])
        self.shown.setText(names.get(voice_id, voice_id))

    def set_metrics(self, metrics: Metrics) -> None:
        """The mode's gaps."""
        self.buttons.set_gap(metrics.spacing)
        self._column.setSpacing(metrics.spacing // 2)

    def _step(self, offset: int) -> None:
        if self._voices is None:
            voices, problem = self._load()
            if problem or not voices:
                self.shown.setText(problem or "No other voices were found.")
                return
            self._voices = voices
        ids = [voice_id for voice_id, _name in self._voices]
        index = ids.index(self._current) if self._current in ids else -1 if offset > 0 else 0
        self._choose(ids[(index + offset) % len(ids)])

    def _choose(self, voice_id: str) -> None:
        self.set_voice(voice_id)
        self.picked.emit(voice_id)


class SettingsScreen(QWidget):
    """Every setting, grouped, on one scrolling screen.

    Signals:
        changed: a setting was changed; carries its key and new value.
        back_requested: "Back to home" or Escape.
        voice_try_requested: "Try the voice" was pressed.
    """

    changed = Signal(str, object)
    back_requested = Signal()
    voice_try_requested = Signal()

    def __init__(self, metrics: Metrics, voices: VoiceList, settings_file: str = "") -> None:
        super().__init__()
        self.setAccessibleName("Settings")
        self.toggles: dict[str, QPushButton] = {}
        self.steppers: dict[str, Stepper] = {}
        self.choices: dict[str, ChoiceRow] = {}
        self._flows: list[QHBoxLayout | QVBoxLayout] = []
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(make_label("Settings", role="title"), 1)
        self.back_button = make_button(
            "Back to home", "Back to home", "Leave the settings; every change is already saved."
        )
        top.addWidget(self.back_button)
        outer.addLayout(top)
        self._top = top
        self.scroll_area, content = scroll_page()
        outer.addWidget(self.scroll_area, 1)
        self._outer = outer
        self._layout = QVBoxLayout(content)
        self.switch = SwitchRow()
        self.voice = VoicePicker(voices)
        self.voice.picked.connect(lambda voice_id: self.changed.emit("voice_id", voice_id))
        self.voice.try_requested.connect(self.voice_try_requested)
        self.reminder_where = make_label(name="Where reminders appear")
        self.gentle_status = make_label(name="Start gently: where you are")
        self._cards: list[QVBoxLayout] = []
        for heading, rows in groups():
            self._layout.addWidget(self._card(heading, rows))
        self.file_note = make_label(
            "Every change is saved at once"
            + (f", in {settings_file}." if settings_file else ".")
            + " A setting the file cannot use goes back to its default, and you are told."
        )
        self._layout.addWidget(self.file_note)
        self._layout.addStretch(1)
        self.back_button.clicked.connect(self.back_requested)
        self.set_metrics(metrics)

    # ----------------------------------------------------------------- building

    def _card(self, heading: str, rows: Sequence[Row]) -> QWidget:
        card = make_card()
        column = QVBoxLayout(card)
        column.addWidget(make_label(heading, role="heading"))
        if heading == "Reminders":
            column.addWidget(self.reminder_where)
        for row in rows:
            column.addWidget(make_label(row.title, role="detail"))
            column.addWidget(make_label(row.explanation))
            column.addWidget(self._control(row))
            if row.key == "start_gently":
                column.addWidget(self.gentle_status)
        self._cards.append(column)
        return card

    def _control(self, row: Row) -> QWidget:
        if row.kind == "toggle":
            button = make_toggle(row.title, row.explanation)
            button.clicked.connect(lambda on, key=row.key: self.changed.emit(key, bool(on)))
            self.toggles[row.key] = button
            holder = QWidget()
            line = QHBoxLayout(holder)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(button)
            line.addStretch(1)
            return holder
        if row.kind in ("stepper", "time"):
            words = quarter_hour if row.kind == "time" else row.words
            stepper = Stepper(
                row.title,
                low=row.low,
                high=row.high,
                step=row.step,
                words=words,
                presets=row.presets,
            )
            stepper.value_changed.connect(lambda value, r=row: self._stepped(r, value))
            self.steppers[row.key] = stepper
            return stepper
        if row.kind == "voice":
            return self.voice
        if row.kind == "switch":
            self.switch.learned.connect(lambda key, name=row.key: self.changed.emit(name, key))
            return self.switch
        choice = ChoiceRow(row.title, row.choices)
        choice.chosen.connect(lambda value, key=row.key: self.changed.emit(key, value))
        self.choices[row.key] = choice
        return choice

    def _stepped(self, row: Row, value: int) -> None:
        self.changed.emit(row.key, QUARTER_HOURS[value] if row.kind == "time" else value)

    # ----------------------------------------------------------------- filling

    def show_settings(self, settings: Settings, routines: Sequence[tuple[str, str]]) -> None:
        """Put ``settings`` on every control; ``routines`` are (id, name) for routine choices."""
        for key, choice in self.choices.items():
            if key in ("suggested_routine", "break_routine"):
                choice.set_choices(list(routines))
            choice.set_value(getattr(settings, key))
        for key, button in self.toggles.items():
            set_toggle(button, bool(getattr(settings, key)))
        for key, stepper in self.steppers.items():
            value: Any = getattr(settings, key)
            stepper.set_value(QUARTER_HOURS.index(value) if isinstance(value, str) else value)
        self.voice.set_voice(settings.voice_id)
        self.switch.show_key(settings.switch_key)
        voice_parts = [self.voice, *(self.steppers[k] for k in ("voice_rate", "voice_volume"))]
        for part in voice_parts:
            part.setEnabled(settings.voice)
        for key in ("breaks_per_day", "break_from", "break_until"):
            self.steppers[key].setEnabled(settings.break_reminders)
        self.choices["break_routine"].setEnabled(settings.break_reminders)
        self.steppers["session_time"].setEnabled(settings.session_reminder)

    def set_metrics(self, metrics: Metrics) -> None:
        """Gaps and margins for the mode."""
        gap = metrics.spacing
        set_page_gaps(self._outer, metrics)
        self._top.setSpacing(gap)
        self._layout.setSpacing(gap)
        self._layout.setContentsMargins(0, 0, gap, gap)
        for column in self._cards:
            column.setSpacing(gap // 2)
        for stepper in self.steppers.values():
            stepper.set_metrics(metrics)
        for choice in self.choices.values():
            choice.set_metrics(metrics)
        self.voice.set_metrics(metrics)
        self.switch.set_metrics(metrics)

    def main_action(self) -> QWidget:
        """Back to home: where the focus rests (Enter goes back, Tab reaches every row)."""
        return self.back_button

    def handle_key(self, key: int) -> bool:
        """Escape goes back to the home screen."""
        if key == Qt.Key.Key_Escape:
            self.back_requested.emit()
            return True
        return False
