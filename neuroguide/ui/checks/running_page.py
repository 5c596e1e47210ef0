"""The page shown while a check runs or explains: made to be read from across the room.

Like the session player (decision 0009), nothing here scrolls: the countdown's square comes
from the window alone (the player's own rule, :func:`countdown_side`), so its digits are as
tall as the player's in the same mode, and the words are fitted around it by shrinking their
text size, never the countdown. "Stop, I feel unsteady" and the mark button always show.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.countdown import CountdownRing
from neuroguide.ui.common.countdown_page import CountdownPage, make_unsteady_button
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label


class RunningPage(CountdownPage):
    """Title and "Stop, I feel unsteady" on top; the countdown; beside it the caption, the
    mark button (and "I needed my arms" for the sit to stand) and the keys in words."""

    def __init__(self, metrics: Metrics) -> None:
        super().__init__(metrics)
        layout = self._run_layout = QVBoxLayout(self)
        top = self._top = QHBoxLayout()
        self.title = make_label(role="exercise", name="Check")
        top.addWidget(self.title, 1)
        self.unsteady_button = make_unsteady_button(
            "End the check at once. It is saved as stopped for safety, not as a score.",
            "check-unsteady",
        )
        top.addWidget(self.unsteady_button, 0)
        layout.addLayout(top)
        self.ring = CountdownRing()
        self.ring.setAccessibleName("Time")
        self.ring.setAccessibleDescription("The seconds of the check.")
        middle = self._countdown_row(self.ring)
        column = self._column
        self.caption = make_label(role="caption", name="Caption")
        column.addWidget(self.caption)
        self.buttons_box = QWidget()
        self._flow = FlowLayout(self.buttons_box)
        self.mark_button = self._primary = make_button(
            "", "Mark", "Marks the moment for the check.", role="primary", object_name="check-mark"
        )
        self.arms_button = make_button(
            "I needed my arms  [A]",
            "I needed my arms",
            "Using your arms ends the check; it is kept as arms needed, with no time.",
            object_name="check-arms",
        )
        self._flow.add(self.mark_button)
        self._flow.add(self.arms_button)
        column.addWidget(self.buttons_box)
        self.keys_hint = make_label(role="detail", name="Keys")
        column.addWidget(self.keys_hint)
        column.addStretch(1)
        middle.addWidget(self.side_panel, 1)
        layout.addLayout(middle, 1)
        self.set_metrics(metrics)

    @property
    def buttons(self) -> list[QPushButton]:
        """The buttons that must always be inside the window."""
        return [self.unsteady_button, self.mark_button, self.arms_button]

    def set_metrics(self, metrics: Metrics) -> None:
        """Spacing for the mode; the words are fitted again."""
        self._space_frame(metrics)
        self.use_metrics(metrics)

    def fit_key(self) -> tuple[object, ...]:
        """The words on show and which buttons show."""
        shown = (self.title, self.caption, self.keys_hint, self.mark_button, self.arms_button)
        return tuple((w.text(), w.isVisibleTo(self)) for w in shown)

    def placed_boxes(self) -> tuple[QWidget, ...]:
        """The column and the row of buttons."""
        return (self.side_panel, self.buttons_box)
