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
from neuroguide.ui.common.fitted_page import (
    WindowFitted,
    first_that_fits,
    height_for,
    place_now,
)
from neuroguide.ui.common.text_fit import (
    countdown_side,
    distance_factor,
    font_sheet,
    text_factors,
)
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label


class RunningPage(WindowFitted):
    """Title and "Stop, I feel unsteady" on top; the countdown; beside it the caption, the
    mark button (and "I needed my arms" for the sit to stand) and the keys in words."""

    fits_hidden = True
    """Filled before it shows, and fitted as it is filled (its fitting is the player's)."""

    def __init__(self, metrics: Metrics) -> None:
        super().__init__(metrics)
        layout = self._layout = QVBoxLayout(self)
        top = self._top = QHBoxLayout()
        self.title = make_label(role="exercise", name="Check")
        top.addWidget(self.title, 1)
        self.unsteady_button = make_button(
            "Stop, I feel unsteady  [U]",
            "Stop, I feel unsteady",
            "End the check at once. It is saved as stopped for safety, not as a score.",
            role="danger",
            object_name="check-unsteady",
        )
        top.addWidget(self.unsteady_button, 0)
        layout.addLayout(top)
        middle = self._middle = QHBoxLayout()
        self.ring = CountdownRing()
        self.ring.setAccessibleName("Time")
        self.ring.setAccessibleDescription("The seconds of the check.")
        middle.addWidget(self.ring, 0)
        side = self.side_panel = QWidget()
        column = self._column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.caption = make_label(role="caption", name="Caption")
        column.addWidget(self.caption)
        self.buttons_box = QWidget()
        self._buttons = FlowLayout(self.buttons_box)
        self.mark_button = make_button(
            "", "Mark", "Marks the moment for the check.", role="primary", object_name="check-mark"
        )
        self.arms_button = make_button(
            "I needed my arms  [A]",
            "I needed my arms",
            "Using your arms ends the check; it is kept as arms needed, with no time.",
            object_name="check-arms",
        )
        self._buttons.add(self.mark_button)
        self._buttons.add(self.arms_button)
        column.addWidget(self.buttons_box)
        self.keys_hint = make_label(role="detail", name="Keys")
        column.addWidget(self.keys_hint)
        column.addStretch(1)
        middle.addWidget(side, 1)
        layout.addLayout(middle, 1)
        self.set_metrics(metrics)

    @property
    def buttons(self) -> list[QPushButton]:
        """The buttons that must always be inside the window."""
        return [self.unsteady_button, self.mark_button, self.arms_button]

    def set_metrics(self, metrics: Metrics) -> None:
        """Spacing for the mode; the words are fitted again."""
        m = metrics.margin
        self._layout.setContentsMargins(m, m // 2, m, m // 2)
        self._layout.setSpacing(metrics.spacing // 2)
        for box in (self._top, self._middle):
            box.setSpacing(metrics.spacing)
        self._column.setSpacing(metrics.spacing // 2)
        self._buttons.set_gap(metrics.spacing)
        self.unsteady_button.setMinimumHeight(metrics.target)
        self.mark_button.setMinimumHeight(int(metrics.target * 1.25))
        self.use_metrics(metrics)

    def fit_key(self) -> tuple[object, ...]:
        """The words on show and which buttons show."""
        shown = (self.title, self.caption, self.keys_hint, self.mark_button, self.arms_button)
        return tuple((w.text(), w.isVisibleTo(self)) for w in shown)

    def fit_to(self, width: int, height: int) -> None:
        """The countdown by the window, then the largest text size at which the rest fits."""
        side = countdown_side(width, height, large=self._metrics.large)
        self.ring.setFixedSize(side, side)
        self.text_factor = first_that_fits(
            text_factors(distance_factor(self._metrics, height)),
            self._use_factor,
            lambda: self._fits(width, height, side),
        )
        place_now((self._layout,), (self.side_panel, self.buttons_box))

    def _use_factor(self, factor: float) -> None:
        self.use_sheet(font_sheet(factor, self._metrics), (self._layout,), geometry=False)

    def _fits(self, width: int, height: int, side: int) -> bool:
        m = self._metrics.margin
        inner = width - 2 * m
        spacing = self._metrics.spacing
        column_width = inner - side - spacing
        if column_width < self._buttons.minimumSize().width():
            return False
        if column_width < self.side_panel.minimumSizeHint().width():
            return False
        if inner < self._top.minimumSize().width():
            return False
        top = height_for(self._top, inner)
        column = height_for(self._column, column_width)
        return m + top + spacing // 2 + max(side, column) <= height
