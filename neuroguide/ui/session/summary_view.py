"""The end-of-session summary: time, and what was completed or skipped."""

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


class SummaryView(QWidget):
    """Shows how a session went.

    Signals:
        home_requested: back to the home screen.
        again_requested: run the same routine again.
    """

    home_requested = Signal()
    again_requested = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = scrolling_page(self)
        self.heading = make_label(role="title")
        self._layout.addWidget(self.heading)
        self.routine_text = make_label(role="heading")
        self._layout.addWidget(self.routine_text)
        self.figures = make_label(role="detail", name="Your time")
        self._layout.addWidget(self.figures)
        self._buttons = FlowLayout()
        self.home_button = make_button(
            "Back to home  [Space]",
            "Back to home",
            "Return to the home screen.",
            role="primary",
            object_name="summary-home",
        )
        self.again_button = make_button(
            "Do it again", "Do it again", "Start the same routine once more."
        )
        self._buttons.add(self.home_button)
        self._buttons.add(self.again_button)
        self._layout.addLayout(self._buttons)
        card = make_card()
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(make_label("What you did", role="heading"))
        self.items = make_label(name="What you did")
        card_layout.addWidget(self.items)
        self._layout.addWidget(card)
        self._layout.addStretch(1)
        self.home_button.clicked.connect(self.home_requested)
        self.again_button.clicked.connect(self.again_requested)
        self.set_metrics(metrics)

    def main_action(self) -> QWidget:
        """Back to home: the focus rests there."""
        return self.home_button

    def show_summary(self, heading: str, routine: str, figures: str, items: list[str]) -> None:
        """Fill in the words."""
        self.heading.setText(heading)
        self.routine_text.setText(routine)
        self.figures.setText(figures)
        self.items.setText("\n".join(items) if items else "Nothing was recorded this time.")

    def set_metrics(self, metrics: Metrics) -> None:
        """Spacing for the current mode."""
        m = metrics.margin
        self._layout.setContentsMargins(m, m, m, m)
        self._layout.setSpacing(metrics.spacing)
        self._buttons.set_gap(metrics.spacing)
