"""The home screen: a big Start for the suggested routine, progress, and every routine as a card.

Layout only; :mod:`neuroguide.ui.home.controller` fills it in and reacts to its signals.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from neuroguide.present.metrics import Metrics
from neuroguide.present.routine_words import RoutineInfo
from neuroguide.settings import THEME_WORDS
from neuroguide.ui.common.widgets import (
    FlowLayout,
    make_button,
    make_card,
    make_label,
    vertical_scroll,
)


class RoutineCard(QFrame):
    """One routine: its name, length, position and needs, with a Start button."""

    def __init__(self, info: RoutineInfo) -> None:
        super().__init__()
        self.info = info
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(8)
        layout.addWidget(make_label(info.name, role="heading"))
        facts = f"{info.length} · {info.position}"
        layout.addWidget(make_label(facts, role="detail"))
        if info.schedule:
            self.schedule_label = make_label(info.schedule, role="detail")
            layout.addWidget(self.schedule_label)
        layout.addWidget(make_label(f"You need: {info.needs}"))
        layout.addWidget(make_label(info.description))
        layout.addStretch(1)
        self.start_button = make_button(
            "Start",
            f"Start {info.name}",
            f"{info.name}: {info.length}, {info.position}. You need {info.needs}.",
        )
        layout.addWidget(self.start_button)


class HomeView(QWidget):
    """The first screen.

    Signals:
        start_suggested: the big Start (or Space) was pressed.
        routine_chosen: a card's Start was pressed; carries the routine id.
        history_requested: the History button was pressed.
        problems_requested: the banner's Details button was pressed.
        text_size_requested: the text-size button was pressed (next size).
        theme_requested: the colours button was pressed (next theme).
        settings_requested: the Settings button was pressed.
        editor_requested: the "Edit routines" button was pressed.
    """

    start_suggested = Signal()
    routine_chosen = Signal(str)
    history_requested = Signal()
    problems_requested = Signal()
    text_size_requested = Signal()
    theme_requested = Signal()
    settings_requested = Signal()
    editor_requested = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self._cards: list[RoutineCard] = []
        self._columns = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # Text size, colours and settings sit above the scrolling part: reachable at once,
        # whatever the text size (they are what a person needs when the text is too small).
        self.display_bar = QWidget()
        self._display_buttons = FlowLayout(self.display_bar)
        outer.addWidget(self.display_bar)
        content = QWidget()
        self.scroll_area = vertical_scroll(content)
        outer.addWidget(self.scroll_area, 1)
        self._layout = QVBoxLayout(content)

        self.banner = make_card("banner")
        banner_layout = QVBoxLayout(self.banner)
        self.banner_text = make_label(role="detail")
        banner_layout.addWidget(self.banner_text)
        banner_buttons = FlowLayout()
        self.details_button = make_button(
            "Details", "Show the problems", "List each routine file that could not be loaded."
        )
        self.dismiss_button = make_button(
            "Dismiss", "Hide this message", "Hide the message about your routine files."
        )
        banner_buttons.add(self.details_button)
        banner_buttons.add(self.dismiss_button)
        banner_layout.addLayout(banner_buttons)
        self.banner.hide()
        self._layout.addWidget(self.banner)

        suggested = make_card()
        suggested_layout = QVBoxLayout(suggested)
        self.suggested_heading = make_label("Suggested for you", role="heading")
        suggested_layout.addWidget(self.suggested_heading)
        self.start_button = make_button(
            "Start",
            "Start",
            "Start the suggested routine. The Space key does the same.",
            role="primary",
            object_name="start-suggested",
        )
        self.suggested_facts = make_label(role="detail")
        suggested_layout.addWidget(self.suggested_facts)
        row = QHBoxLayout()
        row.addWidget(self.start_button, 1)
        suggested_layout.addLayout(row)
        suggested_layout.addWidget(
            make_label("Press Space to start. F1 shows every key and learns your own switch.")
        )
        self._layout.addWidget(suggested)

        progress = make_card()
        progress_layout = QVBoxLayout(progress)
        progress_layout.addWidget(make_label("Your activity", role="heading"))
        self.progress_text = make_label(role="detail", name="Your activity")
        progress_layout.addWidget(self.progress_text)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName("Progress towards this week's goal")
        progress_layout.addWidget(self.progress_bar)
        history_row = FlowLayout()
        self.history_button = make_button(
            "History", "History", "See what you did on earlier days.", object_name="history"
        )
        history_row.add(self.history_button)
        self.history_row = history_row  # features add their buttons here (progress checks)
        progress_layout.addLayout(history_row)
        self.history_note = make_label()
        progress_layout.addWidget(self.history_note)
        self._layout.addWidget(progress)

        self._layout.addWidget(make_label("All routines", role="title"))
        self._grid = QGridLayout()
        self._layout.addLayout(self._grid)

        self.text_size_button = make_button(
            "Text size",
            "Text size",
            "Make the text larger, up to twice the size, then smaller.",
            object_name="text-size",
        )
        self.theme_button = make_button(
            "Colours",
            "Colours",
            "Switch between the system, light, dark and high-contrast colours.",
            object_name="theme",
        )
        self.settings_button = make_button(
            "Settings", "Settings", "Every setting: voice, reminders, seated only and more."
        )
        self.editor_button = make_button(
            "Edit routines", "Edit routines", "Make your own routines or change them."
        )
        self._display_buttons.add(self.text_size_button)
        self._display_buttons.add(self.theme_button)
        self._display_buttons.add(self.settings_button)
        self._display_buttons.add(self.editor_button)
        self._layout.addStretch(1)

        self.start_button.clicked.connect(self.start_suggested)
        self.history_button.clicked.connect(self.history_requested)
        self.details_button.clicked.connect(self.problems_requested)
        self.dismiss_button.clicked.connect(self.banner.hide)
        self.text_size_button.clicked.connect(self.text_size_requested)
        self.theme_button.clicked.connect(self.theme_requested)
        self.settings_button.clicked.connect(self.settings_requested)
        self.editor_button.clicked.connect(self.editor_requested)
        self.set_metrics(metrics)

    # ----------------------------------------------------------------- filling

    def set_suggested(self, info: RoutineInfo | None) -> None:
        """Show the routine the big Start begins (``None``: no routine could be loaded)."""
        self.start_button.setEnabled(info is not None)
        if info is None:
            self.start_button.setText("Start")
            self.suggested_facts.setText("No routine is available. Reinstall NeuroGuide.")
            return
        self.start_button.setText(f"Start {info.name}")
        # Its card below has "Start {name}" too: a screen reader must tell them apart.
        self.start_button.setAccessibleName(f"Start {info.name}, suggested for you")
        self.suggested_facts.setText(f"{info.length} · {info.position} · you need {info.needs}")

    def set_routines(self, routines: list[RoutineInfo]) -> None:
        """One card per routine, in the given order.

        Cards already shown for the same leading routines are kept, so a list that only grows
        (the first row before the first paint, then the rest) or stays the same (the cached
        cards, then the loaded content) builds nothing twice and does not flicker.
        """
        kept = 0
        for card, info in zip(self._cards, routines, strict=False):
            if card.info != info:
                break
            kept += 1
        if kept == len(self._cards) == len(routines):
            return
        for card in self._cards[kept:]:
            card.setParent(None)
            card.deleteLater()
        self._cards = self._cards[:kept]
        for info in routines[kept:]:
            card = RoutineCard(info)
            card.start_button.clicked.connect(
                lambda _checked=False, rid=info.id: self.routine_chosen.emit(rid)
            )
            self._cards.append(card)
        self._columns = 0
        self._place_cards()

    @property
    def cards(self) -> list[RoutineCard]:
        """The routine cards, in order."""
        return list(self._cards)

    def set_progress(self, today: float, week: float, goal: int) -> None:
        """Active minutes today and this week, against the weekly goal."""
        self.progress_text.setText(
            f"Today: {round(today)} min active. This week: {round(week)} of {goal} min."
        )
        self.progress_bar.setRange(0, max(1, goal))
        self.progress_bar.setValue(min(goal, round(week)))
        self.progress_bar.setAccessibleDescription(f"{round(week)} of {goal} minutes this week")

    def set_history_available(self, available: bool) -> None:
        """Enable History, or explain why it is off."""
        self.history_button.setEnabled(available)
        self.history_note.setVisible(not available)
        self.history_note.setText(
            "" if available else "History is not available in this version yet."
        )

    def set_problems(self, count: int) -> None:
        """Show the banner about routine files that could not be loaded (none: hide it)."""
        if not count:
            self.banner.hide()
            return
        files = "routine file" if count == 1 else "routine files"
        verb = "was" if count == 1 else "were"
        self.banner_text.setText(
            f"{count} of your {files} could not be loaded and {verb} left out. "
            "Everything else works as usual."
        )
        self.banner.show()

    def scroll_to_top(self) -> None:
        """Show the top of the routines again (coming back from a session or History)."""
        self.scroll_area.verticalScrollBar().setValue(0)

    def main_action(self) -> QWidget:
        """The big Start: where the focus rests, so Enter starts as Space does."""
        return self.start_button

    def set_display(self, text_scale: int, theme: str) -> None:
        """Show the current text size and colours on their buttons."""
        self.text_size_button.setText(f"Text size: {text_scale} %")
        self.theme_button.setText(f"Colours: {THEME_WORDS.get(theme, theme)}")

    def set_metrics(self, metrics: Metrics) -> None:
        """Spacing and card width for the current mode."""
        self._metrics = metrics
        gap = metrics.spacing
        self._display_buttons.set_gap(gap)
        half = gap // 2  # with the header's own margin: a full gap from its buttons
        self._display_buttons.setContentsMargins(metrics.margin, half, metrics.margin, half)
        self._layout.setContentsMargins(metrics.margin, metrics.margin // 2, metrics.margin, 0)
        self._layout.setSpacing(gap)
        self._grid.setSpacing(gap)
        self._columns = 0
        self._place_cards()

    # ----------------------------------------------------------------- layout

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Re-flow the cards when the width changes."""
        super().resizeEvent(event)
        self._place_cards()

    def _place_cards(self) -> None:
        card_width = int(340 * self._metrics.text_factor)
        # The view's own width: the scroll area's viewport is resized only after this event.
        available = self.width() - 2 * self._metrics.margin - 40
        columns = max(1, min(3, available // max(1, card_width)))
        if columns == self._columns and all(c.parent() is not None for c in self._cards):
            return
        self._columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        for index, card in enumerate(self._cards):
            self._grid.addWidget(card, index // columns, index % columns)
        for column in range(3):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        # The cards' wrapped text needs a new height for the new width: lay out again.
        self._layout.invalidate()
        content = self.scroll_area.widget()
        if content is not None:
            content.updateGeometry()
