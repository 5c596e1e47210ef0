"""The end-of-session summary: first how it went, then (on request) what was done, part by part.

The page is fitted to the window (no scrolling, see ``ui/common/fitted_page.py``). What
matters comes first and large: the heading, the routine, the time taken and the parts done,
and "Back to home". The list of every exercise and side is long (15 lines for the longest
built-in routine); at large buttons with 200 % text, listed under the result, it shrank all
the words to 1.2 times (of the 3.2 asked). So it has a page of its own behind "What you did",
in place of the result, in columns that read top to bottom from the left like a printed list;
where that list would still shrink the words, it is shown in parts ("Next part").
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.fitted_page import FittedPage, invalidate_all
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_card, make_label

ONE_COLUMN_LINES = 5
"""Up to this many lines of what was done stay in one column; more are split in two."""
MOST_PARTS = 4
"""The list of what was done is cut into at most this many parts."""
TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
"""Both columns start at their top-left corner, whatever the other column's height."""


class SummaryView(FittedPage):
    """Shows how a session went, and on a second page what was done.

    Signals:
        home_requested: back to the home screen.
        again_requested: run the same routine again.
    """

    home_requested = Signal()
    again_requested = Signal()
    settle_at_floor = True  # as few parts of "What you did" as keep the words large enough
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
        self.done_button = make_button(
            "What you did",
            "What you did",
            "Every exercise and side, and how much of it was done.",
            object_name="summary-done",
        )
        self.result_button = make_button(
            "◀  Your result  [Esc]",
            "Back to your result",
            "Show the session's time and the buttons again.",
            object_name="summary-result",
        )
        self.previous_part_button = make_button(
            "◀  Previous part", "Previous part", "The part of the list before this one."
        )
        self.next_part_button = make_button(
            "Next part  ▶", "Next part", "The rest of what you did."
        )
        for button in (self.home_button, self.done_button, self.again_button):
            self._buttons.add(button)
        for button in (self.result_button, self.previous_part_button, self.next_part_button):
            self._buttons.add(button)
        self._lines: list[str] = []
        self._parts = 1
        self.part = 0
        """The part of the list on show (0: the first)."""
        self._layout.addLayout(self._buttons)
        self.done_card = make_card()
        card_layout = QVBoxLayout(self.done_card)
        self.done_heading = make_label("What you did", role="heading")
        card_layout.addWidget(self.done_heading)
        columns = QHBoxLayout()
        self.items = make_label(name="What you did")
        self.more_items = make_label(name="What you did, continued")
        for label in (self.items, self.more_items):
            label.setAlignment(TOP_LEFT)
            columns.addWidget(label, 1)
        card_layout.addLayout(columns)
        self._columns = columns
        self._layout.addWidget(self.done_card)
        self._layout.addStretch(1)
        self.home_button.clicked.connect(self.home_requested)
        self.again_button.clicked.connect(self.again_requested)
        self.done_button.clicked.connect(self.show_done)
        self.result_button.clicked.connect(self.show_result)
        self.previous_part_button.clicked.connect(lambda: self.show_part(self.part - 1))
        self.next_part_button.clicked.connect(lambda: self.show_part(self.part + 1))
        self.show_result()
        self.set_metrics(metrics)

    def main_action(self) -> QWidget:
        """Back to home: the focus rests there."""
        return self.home_button

    @property
    def showing_done(self) -> bool:
        """Whether the "What you did" page is on show instead of the result."""
        return self.done_card.isVisibleTo(self)

    def show_done(self) -> None:
        """The list of what was done, in place of the result (the main action stays)."""
        self.part = 0
        self._show(done=True)
        self.result_button.setFocus()

    def show_result(self) -> None:
        """The time taken and the parts done: the first page."""
        self._show(done=False)

    def _show(self, *, done: bool) -> None:
        for widget in (self.heading, self.routine_text, self.figures, self.done_button):
            widget.setVisible(not done)
        self.again_button.setVisible(not done)
        self.result_button.setVisible(done)
        self.done_card.setVisible(done)
        self._show_part()
        self.schedule_fit()

    @property
    def parts(self) -> int:
        """Into how many parts the list of what was done is cut now."""
        return self._parts

    def show_part(self, part: int) -> None:
        """Show part ``part`` of the list (0: the first)."""
        self.part = max(0, min(part, self._parts - 1))  # the parts as cut now
        self._show_part()

    def arrangements(self) -> int:
        """The list of what was done whole, or in 2 .. 4 parts (the result page: one way)."""
        return min(MOST_PARTS, len(self._lines)) if self.showing_done else 1

    def arrange(self, index: int) -> None:
        """Cut the list into ``index + 1`` parts."""
        self._parts = index + 1
        self._show_part()

    def needed_height(self, width: int) -> int:
        """The tallest part's height: every part of the list keeps one text size."""
        if not self.showing_done or self._parts == 1:
            return super().needed_height(width)
        heights = []
        for part in range(self._parts):
            self._show_part(part)
            invalidate_all(self.page)
            heights.append(super().needed_height(width))
        self._show_part()
        invalidate_all(self.page)
        return max(heights)

    def _show_part(self, shown_part: int | None = None) -> None:
        lines = self._lines or ["Nothing was recorded this time."]
        size = -(-len(lines) // self._parts)
        part = min(self.part if shown_part is None else shown_part, self._parts - 1)
        shown = lines[part * size : (part + 1) * size]
        split = (len(shown) + 1) // 2 if len(shown) > ONE_COLUMN_LINES else len(shown)
        self.items.setText("\n".join(shown[:split]))
        self.more_items.setText("\n".join(shown[split:]))
        self.more_items.setVisible(split < len(shown))
        several = self._parts > 1 and self.showing_done
        heading = "What you did"
        if several:
            heading += f", part {part + 1} of {self._parts}"
        self.done_heading.setText(heading)
        self.previous_part_button.setVisible(several)
        self.next_part_button.setVisible(several)
        self.previous_part_button.setEnabled(part > 0)
        self.next_part_button.setEnabled(part < self._parts - 1)

    def handle_key(self, key: int) -> bool:
        """Escape on "What you did" goes back to the result (elsewhere it goes home); → and ←
        show the next and previous part there."""
        if not self.showing_done:
            return False
        if key == Qt.Key.Key_Escape:
            self.show_result()
        elif key == Qt.Key.Key_Right and self._parts > 1:
            self.show_part(self.part + 1)
        elif key == Qt.Key.Key_Left and self._parts > 1:
            self.show_part(self.part - 1)
        else:
            return False
        return True

    def show_summary(self, heading: str, routine: str, figures: str, items: list[str]) -> None:
        """Fill in the words and show the result first; a long list of what was done is
        split into two columns."""
        self.heading.setText(heading)
        self.routine_text.setText(routine)
        self.figures.setText(figures)
        self._lines = list(items)
        self._parts, self.part = 1, 0
        self.show_result()

    def fit_key(self) -> tuple[object, ...]:
        """The words and which page (every part of the list is fitted at once)."""
        return (self.heading.text(), self.figures.text(), tuple(self._lines),
                self.showing_done)  # fmt: skip

    def set_metrics(self, metrics: Metrics) -> None:
        """Spacing for the current mode; the words are fitted again."""
        self._buttons.set_gap(metrics.spacing)
        self._columns.setSpacing(metrics.spacing * 2)
        self.set_page_metrics(metrics)
