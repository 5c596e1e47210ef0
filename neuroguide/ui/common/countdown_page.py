"""Pages read from across the room: the session player and a check's running page.

Both have the same frame: a top row ending in "Stop, I feel unsteady", the countdown, whose
square comes from the window alone (:func:`countdown_side`, decision 0009), and a column of
words and buttons beside it. :class:`CountdownPage` fits the words around the countdown by
shrinking their text size, never the countdown; *when* it fits is :class:`WindowFitted`'s.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QLayout, QPushButton, QVBoxLayout, QWidget

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.countdown import CountdownRing
from neuroguide.ui.common.fitted_page import (
    WindowFitted,
    first_that_fits,
    height_for,
    place_now,
)
from neuroguide.ui.common.text_fit import countdown_side, distance_factor, font_sheet, text_factors
from neuroguide.ui.common.widgets import FlowLayout, make_button


def make_unsteady_button(what_it_does: str, object_name: str) -> QPushButton:
    """ "Stop, I feel unsteady  [U]": the button that must always show on these pages."""
    return make_button(
        "Stop, I feel unsteady  [U]",
        "Stop, I feel unsteady",
        what_it_does,
        role="danger",
        object_name=object_name,
    )


class CountdownPage(WindowFitted):
    """The frame both pages share; a subclass builds its parts in its own order (the Tab
    order follows it) and says which layouts its words are in.

    The subclass sets :attr:`_run_layout` (the page's outer layout), :attr:`_top`,
    :attr:`_flow` (the row of buttons beside the countdown), :attr:`unsteady_button` and
    :attr:`_primary` (the large button in that row), and calls :meth:`_countdown_row`.
    """

    fits_hidden = True
    """Filled before it shows, and fitted as it is filled (as the player always was)."""

    _run_layout: QVBoxLayout
    _top: QHBoxLayout
    _middle: QHBoxLayout
    _column: QVBoxLayout
    _flow: FlowLayout
    _ring: CountdownRing
    side_panel: QWidget
    unsteady_button: QPushButton
    _primary: QPushButton

    borrowed_height = 0
    """Height a notice above the page took (the window says): the countdown keeps it."""

    def _countdown_row(self, ring: CountdownRing) -> QHBoxLayout:
        """The countdown, and the box of the column of words beside it (:attr:`side_panel`,
        whose layout is :attr:`_column`); the caller adds the box once it is filled."""
        self._ring = ring
        middle = self._middle = QHBoxLayout()
        middle.addWidget(ring, 0)
        self.side_panel = QWidget()
        self._column = QVBoxLayout(self.side_panel)
        self._column.setContentsMargins(0, 0, 0, 0)
        return middle

    def _space_frame(self, metrics: Metrics) -> None:
        """The frame's margins, gaps and button heights for the mode."""
        m = metrics.margin
        self._run_layout.setContentsMargins(m, m // 2, m, m // 2)
        self._run_layout.setSpacing(metrics.spacing // 2)
        for box in (self._top, self._middle):
            box.setSpacing(metrics.spacing)
        self._column.setSpacing(metrics.spacing // 2)
        self._flow.set_gap(metrics.spacing)
        self.unsteady_button.setMinimumHeight(metrics.target)
        self._primary.setMinimumHeight(int(metrics.target * 1.25))

    # ------------------------------------------------------------- what is the page's own

    def largest_factor(self, width: int, height: int) -> float:
        """The text factor to start from (the player's may keep a smaller one)."""
        return distance_factor(self._metrics, height)

    def text_layouts(self) -> Sequence[QLayout]:
        """The layouts whose sizes a new text size changes."""
        return (self._run_layout,)

    def rows_below(self) -> Sequence[QLayout]:
        """Rows under the countdown, across the page (the player's progress)."""
        return ()

    def placed_boxes(self) -> Sequence[QWidget]:
        """Boxes whose own layouts must be placed again after a fit."""
        return (self.side_panel,)

    def after_fit(self, width: int, height: int) -> None:
        """Anything else to fit at this size (the player's calm pages)."""

    # ------------------------------------------------------------------ fitting

    def fit_to(self, width: int, height: int) -> None:
        """The countdown by the window, then the largest text size at which the rest fits."""
        side = countdown_side(width, height + self.borrowed_height, large=self._metrics.large)
        self._ring.setFixedSize(side, side)
        self.text_factor = first_that_fits(
            text_factors(self.largest_factor(width, height)),
            self._use_factor,
            lambda: self._fits(width, height, side),
        )
        self.after_fit(width, height)
        place_now(self.text_layouts(), self.placed_boxes())

    def _use_factor(self, factor: float) -> None:
        self.use_sheet(font_sheet(factor, self._metrics), self.text_layouts(), geometry=False)

    def _fits(self, width: int, height: int, side: int) -> bool:
        m = self._metrics.margin
        inner = width - 2 * m
        spacing = self._metrics.spacing
        column_width = inner - side - spacing
        if column_width < self.side_panel.minimumSizeHint().width():
            return False
        if column_width < self._flow.minimumSize().width():
            return False
        if inner < self._top.minimumSize().width():
            return False
        below = self.rows_below()
        rows = height_for(self._top, inner) + sum(height_for(row, inner) for row in below)
        column = height_for(self._column, column_width)
        return m + rows + max(side, column) + (1 + len(below)) * (spacing // 2) <= height
