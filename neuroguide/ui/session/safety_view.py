"""The short safety check before a routine with standing balance work."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.widgets import (
    FlowLayout,
    make_button,
    make_card,
    make_label,
    scrolling_page,
)

CHECKS = (
    "Clear space around you, with nothing on the floor to trip over.",
    "A wall or a sturdy counter within reach, so you can hold on at any moment.",
    "Shoes on: firm, flat shoes that support your feet.",
)


class SafetyView(QWidget):
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
        super().__init__(parent)
        self._layout = scrolling_page(self)
        self._layout.addWidget(make_label("Before you start", role="title"))
        self.routine_text = make_label(role="detail")
        self._layout.addWidget(self.routine_text)
        card = make_card()
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
            "Start the routine and do not show this check again. "
            "You can switch it back on in the settings file.",
        )
        for button in (self.ready_button, self.back_button, self.off_button):
            self._buttons.add(button)
        self._layout.addLayout(self._buttons)
        self._layout.addStretch(1)
        self.ready_button.clicked.connect(self.confirmed)
        self.back_button.clicked.connect(self.cancelled)
        self.off_button.clicked.connect(self.switched_off)
        self.set_metrics(metrics)

    def set_routine(self, name: str) -> None:
        """Name the routine about to start."""
        self.routine_text.setText(
            f"{name} has standing balance work. Please check these three things:"
        )

    def set_metrics(self, metrics: Metrics) -> None:
        """Spacing for the current mode."""
        m = metrics.margin
        self._layout.setContentsMargins(m, m, m, m)
        self._layout.setSpacing(metrics.spacing)
        self._buttons.set_gap(metrics.spacing)
