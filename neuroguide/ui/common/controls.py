"""Big controls for values: an on/off toggle, a -/+ stepper with presets, and a choice row.

No sliders, no small check boxes, no typing: every value is reached by pressing large buttons,
and a stepper's buttons switch off at its limits, so an invalid value cannot be made. The
settings screen and the routine editor share them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label


def make_toggle(name: str, description: str, on: str = "On", off: str = "Off") -> QPushButton:
    """A large on/off button that says its state in words; its ``clicked(bool)`` is the press."""
    button = make_button(off, name, description)
    button.setCheckable(True)
    button.setProperty("words", (off, on))
    button.toggled.connect(lambda checked: button.setText(on if checked else off))
    return button


def set_toggle(button: QPushButton, checked: bool) -> None:
    """Show ``checked`` on a toggle without reporting it as a press."""
    button.blockSignals(True)
    button.setChecked(checked)
    button.blockSignals(False)
    off, on = button.property("words")
    button.setText(on if checked else off)


class Stepper(QWidget):
    """A value with large "−" and "+" buttons and optional preset buttons under them.

    Signals:
        value_changed: the person changed the value; carries the new int.
    """

    value_changed = Signal(int)

    def __init__(
        self,
        name: str,
        *,
        low: int,
        high: int,
        step: int,
        words: Callable[[int], str],
        presets: Sequence[int] = (),
        preset_words: Callable[[int], str] | None = None,
        value: int | None = None,
    ) -> None:
        super().__init__()
        self.name = name
        self.low, self.high, self.step = low, high, step
        self._words = words
        self._value = low if value is None else value
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.minus = make_button(
            "−", f"Less: {name}", f"Make {name.lower()} smaller by {words(step)}."
        )
        self.plus = make_button(
            "+", f"More: {name}", f"Make {name.lower()} larger by {words(step)}."
        )
        for button in (self.minus, self.plus):
            button.setProperty("role", "stepper")
        self.shown = make_label(role="heading", name=name)
        self.shown.setWordWrap(False)
        row.addWidget(self.minus)
        row.addWidget(self.shown)
        row.addWidget(self.plus)
        row.addStretch(1)
        outer.addLayout(row)
        self._row = row
        self.presets = FlowLayout()
        self.preset_buttons: list[QPushButton] = []
        say = preset_words or words
        for preset in presets:
            button = make_button(
                say(preset), f"{name}: {say(preset)}", f"Set {name.lower()} to {say(preset)}."
            )
            button.clicked.connect(lambda _c=False, v=preset: self._set(v))
            self.presets.add(button)
            self.preset_buttons.append(button)
        if presets:
            outer.addLayout(self.presets)
        self._outer = outer
        self.minus.clicked.connect(lambda: self._set(self._value - self.step))
        self.plus.clicked.connect(lambda: self._set(self._value + self.step))
        self._show()

    @property
    def value(self) -> int:
        """The value shown."""
        return self._value

    def set_value(self, value: int) -> None:
        """Show ``value`` (kept in range) without reporting it as a change."""
        self._value = max(self.low, min(self.high, value))
        self._show()

    def set_metrics(self, metrics: Metrics) -> None:
        """Square −/+ buttons of the mode's size, and the mode's gaps."""
        for button in (self.minus, self.plus):
            button.setMinimumWidth(metrics.target + 16)
            button.setStyleSheet(f"font-size: {metrics.points(1.5)}pt; font-weight: bold;")
        self._row.setSpacing(metrics.spacing)
        self._outer.setSpacing(metrics.spacing)
        self.presets.set_gap(metrics.spacing)

    def _set(self, value: int) -> None:
        before = self._value
        self.set_value(value)
        if self._value != before:
            self.value_changed.emit(self._value)

    def _show(self) -> None:
        text = self._words(self._value)
        self.shown.setText(text)
        self.shown.setAccessibleDescription(f"{self.name}: {text}")
        self.minus.setEnabled(self._value > self.low)
        self.plus.setEnabled(self._value < self.high)


class ChoiceRow(QWidget):
    """One large button per choice; the chosen one is pressed in. Wraps onto more rows.

    Signals:
        chosen: the person picked a choice; carries its value.
    """

    chosen = Signal(object)

    def __init__(self, name: str, choices: Sequence[tuple[Any, str]]) -> None:
        super().__init__()
        self.name = name
        self.flow = FlowLayout(self)
        self.buttons: list[QPushButton] = []
        self._values: list[Any] = []
        self.set_choices(choices)

    def set_choices(self, choices: Sequence[tuple[Any, str]]) -> None:
        """Replace the choices (e.g. when routines were added)."""
        current = self.value
        for button in self.buttons:
            self.flow.removeWidget(button)
            button.deleteLater()
        self.buttons, self._values = [], []
        for value, words in choices:
            button = make_button(
                words, f"{self.name}: {words}", f"Choose {words} for {self.name.lower()}."
            )
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, v=value: self._pick(v))
            self.flow.add(button)
            self.buttons.append(button)
            self._values.append(value)
        if current is not None:
            self.set_value(current)

    @property
    def value(self) -> Any:
        """The chosen value, or ``None``."""
        for button, value in zip(self.buttons, self._values, strict=True):
            if button.isChecked():
                return value
        return None

    def set_value(self, value: Any) -> None:
        """Press in the button of ``value`` without reporting it (no button if unknown)."""
        for button, candidate in zip(self.buttons, self._values, strict=True):
            button.setChecked(candidate == value)

    def button_for(self, value: Any) -> QPushButton:
        """The button of ``value`` (tests press it)."""
        return self.buttons[self._values.index(value)]

    def set_metrics(self, metrics: Metrics) -> None:
        """The mode's gap between buttons."""
        self.flow.set_gap(metrics.spacing)

    def _pick(self, value: Any) -> None:
        self.set_value(value)
        self.chosen.emit(value)
