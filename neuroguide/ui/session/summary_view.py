"""The end-of-session summary: time, and what was completed or skipped.

The page is fitted to the window (no scrolling): a long list of what was done goes into two
columns, and the words take the largest size that fits (see ``ui/common/fitted_page.py``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.fitted_page import FittedPage
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_card, make_label

ONE_COLUMN_LINES = 5
"""Up to this many lines of what was done stay in one column; more are split in two."""


class SummaryView(FittedPage):
    """Shows how a session went.

    Signals:
        home_requested: back to the home screen.
        again_requested: run the same routine again.
    """

    home_requested = Signal()
    again_requested = Signal()
    window_title = "Session finished"
    """The window's title while the summary is on show."""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(metrics, parent)
        self._layout = self.page
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
        columns = QHBoxLayout()
        self.items = make_label(name="What you did")
        self.more_items = make_label(name="What you did, continued")
        columns.addWidget(self.items, 1)
        columns.addWidget(self.more_items, 1)
        card_layout.addLayout(columns)
        self._columns = columns
        self._layout.addWidget(card)
        self._layout.addStretch(1)
        self.home_button.clicked.connect(self.home_requested)
        self.again_button.clicked.connect(self.again_requested)
        self.set_metrics(metrics)

    def main_action(self) -> QWidget:
        """Back to home: the focus rests there."""
        return self.home_button

    def show_summary(self, heading: str, routine: str, figures: str, items: list[str]) -> None:
        """Fill in the words; a long list of what was done is shown in two columns."""
        self.heading.setText(heading)
        self.routine_text.setText(routine)
        self.figures.setText(figures)
        lines = items or ["Nothing was recorded this time."]
        split = (len(lines) + 1) // 2 if len(lines) > ONE_COLUMN_LINES else len(lines)
        self.items.setText("\n".join(lines[:split]))
        self.more_items.setText("\n".join(lines[split:]))
        self.more_items.setVisible(split < len(lines))
        self.schedule_fit()

    def fit_key(self) -> tuple[object, ...]:
        """The words on show."""
        return (self.heading.text(), self.figures.text(), self.items.text(),
                self.more_items.text())  # fmt: skip

    def set_metrics(self, metrics: Metrics) -> None:
        """Spacing for the current mode; the words are fitted again."""
        self._buttons.set_gap(metrics.spacing)
        self._columns.setSpacing(metrics.spacing)
        self.set_page_metrics(metrics)
