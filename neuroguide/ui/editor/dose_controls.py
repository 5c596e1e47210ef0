"""The big controls a dose is set with, shared by the step editor and the exercise editor.

Each stepper takes its limits from the one table routine files are checked against
(:data:`neuroguide.core.dose_check.LIMITS`), so the editor can never offer a value a file
would refuse; only the preset buttons differ between the two editors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from neuroguide.core.dose_check import LIMITS
from neuroguide.core.library import format_duration
from neuroguide.ui.common.controls import Stepper
from neuroguide.ui.common.widgets import make_label


def _plural_sets(value: int) -> str:
    return f"{value} set{'s' if value != 1 else ''}"


def _seconds(value: int) -> str:
    return "no rest" if value == 0 else format_duration(value)


_STEPPERS: dict[str, tuple[str, int, Callable[[int], str]]] = {
    "hold": ("Hold", 5, lambda v: f"{v} s"),
    "reps": ("Repetitions", 1, lambda v: f"{v} reps"),
    "duration": ("Time", 30, format_duration),
    "cadence": ("Pace", 1, lambda v: f"{v} s per rep"),
    "sets": ("Sets", 1, _plural_sets),
    "rest": ("Rest between sets", 5, _seconds),
    "setup": (
        "Time to get ready",
        5,
        lambda v: "as the settings say" if v == 0 else f"at least {format_duration(v)}",
    ),
}
"""Per dose key: the stepper's name, its step, and how its value reads."""


def dose_stepper(key: str, presets: tuple[int, ...] = ()) -> Stepper:
    """A stepper for one dose key (``hold``, ``reps``, ...), within the file limits."""
    name, step, words = _STEPPERS[key]
    low, high, _unit = LIMITS[key]
    return Stepper(name, low=low, high=high, step=step, words=words, presets=presets)


def add_sections(
    column: QVBoxLayout, rows: Iterable[tuple[str, str, QWidget]], *, role: str = "detail"
) -> dict[str, QWidget]:
    """Add each control under its title to ``column``; the sections by key, to show or hide."""
    sections: dict[str, QWidget] = {}
    for key, title, control in rows:
        section = QWidget()
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(make_label(title, role=role))
        layout.addWidget(control)
        sections[key] = section
        column.addWidget(section)
    return sections
