"""The guided check screen: safety first, then the run, then the result, all with big buttons.

Layout only; :mod:`neuroguide.ui.checks.controller` drives it. Four pages share the screen:
the safety page, the running page (:mod:`neuroguide.ui.checks.running_page`: caption,
countdown, the mark and "I feel unsteady" buttons; nothing scrolls), the chair stand's count
page (0 to 40) and the result. There is no question after the balance test or the sit to
stand: what happened during the check is marked while it happens.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from neuroguide.core.check_steps import STANCE_WORDS
from neuroguide.core.checks import CHECKS, MAX_STANDS, SAFETY_POINTS, STANCES, CheckId
from neuroguide.present.metrics import Metrics
from neuroguide.ui.checks.running_page import RunningPage
from neuroguide.ui.common.widgets import (
    FlowLayout,
    make_button,
    make_card,
    make_label,
    vertical_scroll,
)

MARK_WORDS = {
    CheckId.BALANCE: (
        "I moved my feet or held on  [Space]",
        "Press when your feet move or you need to hold on: the position ends, as not held.",
    ),
    CheckId.SIT_TO_STAND: (
        "Fifth stand done  [Space]",
        "Press (or a helper, or your foot pedal) when you stand up fully the fifth time.",
    ),
}
KEYS_WORDS = {
    CheckId.CHAIR_STAND: "Count your stands out loud. Space, any switch or U stops the check "
    "if you feel unsteady.",
    CheckId.BALANCE: "Space or any switch: I moved my feet or held on (the position ends, not "
    "held). U stops the check if you feel unsteady.",
    CheckId.SIT_TO_STAND: "Space or any switch: the fifth full stand. A: I needed my arms. "
    "U stops the check if you feel unsteady. Esc after Go: kept as not completed.",
}


class _Page(QWidget):
    """A scrolling page whose layout follows the metrics."""

    def __init__(self) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        outer.addWidget(vertical_scroll(content))
        self.layout_ = QVBoxLayout(content)

    def set_metrics(self, metrics: Metrics) -> None:
        m = metrics.margin
        self.layout_.setContentsMargins(m, m, m, m)
        self.layout_.setSpacing(metrics.spacing)


class CheckView(QWidget):
    full_screen = True
    """Read by the main window: no header (no setting can change during a check)."""

    """Every page of one guided check.

    Signals:
        ready: the safety page was confirmed.
        cancelled: "Not now", or leaving before the check started.
        mark: the big mark button (feet moved or held on, the fifth full stand) was pressed.
        arms: "I needed my arms" (sit to stand) was pressed.
        unsteady: "Stop, I feel unsteady" was pressed.
        count_chosen: a count button was pressed; carries the count (0 to 40).
        home_requested: back to the home screen from the result.
        progress_requested: open the Progress view from the result.
    """

    full_screen = True
    """Read by the main window: no header (no setting can change during a check)."""

    ready = Signal()
    cancelled = Signal()
    mark = Signal()
    arms = Signal()
    unsteady = Signal()
    count_chosen = Signal(int)
    home_requested = Signal()
    progress_requested = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self.check = CheckId.CHAIR_STAND
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self._pages: list[_Page] = []
        self._flows: list[FlowLayout] = []
        self._build_safety()
        self._build_running()
        self._build_count()
        self._build_done()
        self.set_metrics(metrics)

    # ----------------------------------------------------------------- building

    def _page(self) -> _Page:
        page = _Page()
        self._pages.append(page)
        self.pages.addWidget(page)
        return page

    def _row(self, page: _Page, *buttons: QPushButton) -> FlowLayout:
        row = FlowLayout()
        for button in buttons:
            row.add(button)
        self._flows.append(row)
        page.layout_.addLayout(row)
        return row

    def _build_safety(self) -> None:
        page = self.safety_page = self._page()
        self.safety_title = make_label(role="title")
        page.layout_.addWidget(self.safety_title)
        self.about = make_label(role="detail", name="About this check")
        page.layout_.addWidget(self.about)
        card = make_card()
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(make_label("Before you start", role="heading"))
        for number, point in enumerate(SAFETY_POINTS, start=1):
            card_layout.addWidget(make_label(f"{number}. {point}", role="detail"))
        page.layout_.addWidget(card)
        self.ready_button = make_button(
            "I am ready: begin  [Space]",
            "I am ready, begin",
            "Confirm the safety points; the voice then explains the check.",
            role="primary",
            object_name="check-ready",
        )
        self.not_now_button = make_button(
            "Not now  [Esc]", "Not now", "Go back without doing the check."
        )
        self._row(page, self.ready_button, self.not_now_button)
        page.layout_.addStretch(1)
        self.ready_button.clicked.connect(self.ready)
        self.not_now_button.clicked.connect(self.cancelled)

    def _build_running(self) -> None:
        page = self.running_page = RunningPage(self._metrics)
        self.pages.addWidget(page)
        self.running_title = page.title
        self.caption = page.caption
        self.mark_button = page.mark_button
        self.arms_button = page.arms_button
        self.unsteady_button = page.unsteady_button
        self.keys_hint = page.keys_hint
        self.ring = page.ring
        self.mark_button.clicked.connect(self.mark)
        self.ring.clicked.connect(self.mark)
        self.arms_button.clicked.connect(self.arms)
        self.unsteady_button.clicked.connect(self.unsteady)

    def _build_count(self) -> None:
        page = self.count_page = self._page()
        page.layout_.addWidget(make_label("How many times did you stand up?", role="title"))
        page.layout_.addWidget(
            make_label(
                "Press the number. A stand that was more than half way up when time ran out "
                "counts. If you needed your arms, press 'I needed my arms'.",
                role="detail",
            )
        )
        self.count_grid = QGridLayout()
        self.count_buttons: list[QPushButton] = []
        for count in range(MAX_STANDS + 1):
            button = make_button(
                str(count), f"{count} stands", f"I stood up {count} times.", object_name="count"
            )
            button.clicked.connect(lambda _c=False, n=count: self.count_chosen.emit(n))
            self.count_buttons.append(button)
        page.layout_.addLayout(self.count_grid)
        self.count_arms_button = make_button(
            "I needed my arms",
            "I needed my arms",
            "Needing your arms ends the check with a score of 0.",
        )
        self.count_arms_button.clicked.connect(lambda: self.count_chosen.emit(-1))
        self._row(page, self.count_arms_button)
        page.layout_.addStretch(1)

    def _build_done(self) -> None:
        page = self.done_page = self._page()
        self.done_title = make_label(role="title")
        page.layout_.addWidget(self.done_title)
        self.result_text = make_label(role="heading", name="Result")
        page.layout_.addWidget(self.result_text)
        self.comparison_text = make_label(role="detail", name="Comparison")
        page.layout_.addWidget(self.comparison_text)
        self.problem_text = make_label(role="detail", name="Problem")
        page.layout_.addWidget(self.problem_text)
        self.home_button = make_button(
            "Home  [Space]", "Home", "Back to the home screen.", role="primary"
        )
        self.progress_button = make_button(
            "See my progress", "See my progress", "Open the Progress view with every check."
        )
        self._row(page, self.home_button, self.progress_button)
        page.layout_.addStretch(1)
        self.home_button.clicked.connect(self.home_requested)
        self.progress_button.clicked.connect(self.progress_requested)

    # ----------------------------------------------------------------- filling

    def show_safety(self, check: CheckId) -> None:
        """The safety page for ``check``."""
        self.check = check
        info = CHECKS[check]
        self.safety_title.setText(info.name)
        self.about.setText(f"{info.short} You need: {info.equipment}")
        self.pages.setCurrentWidget(self.safety_page)

    def show_running(self) -> None:
        """The running page, with the mark button only where the check has one."""
        info = CHECKS[self.check]
        self.running_title.setText(info.name)
        self.caption.setText("")
        words = MARK_WORDS.get(self.check)
        self.mark_button.setVisible(words is not None)
        self.arms_button.setVisible(self.check is CheckId.SIT_TO_STAND)
        if words is not None:
            self.mark_button.setText(words[0])
            self.mark_button.setAccessibleName(words[0].split("  [")[0])
            self.mark_button.setAccessibleDescription(words[1])
        self.keys_hint.setText(KEYS_WORDS[self.check])
        # The chair stand has nothing to mark: there the switch (Space) is the stop.
        stop_keys = "U or Space" if words is None else "U"
        self.unsteady_button.setText(f"Stop, I feel unsteady  [{stop_keys}]")
        self.ring.show_time("", 1.0)
        self.pages.setCurrentWidget(self.running_page)
        self.running_page.schedule_fit()
        self._focus_main_action()

    def show_stance(self, stance: int | None) -> None:
        """Name the balance position under way in the title (``None``: just the check)."""
        name = CHECKS[self.check].name
        if stance is not None:
            position = STANCE_WORDS[stance - 1][0].lower()
            name = f"Position {stance} of {STANCES}: {position}"
        if self.running_title.text() != name:
            self.running_title.setText(name)
            self.running_page.schedule_fit()

    def show_caption(self, text: str) -> None:
        """The words just spoken."""
        self.caption.setText(text)
        self.running_page.schedule_fit()

    def show_time(self, seconds: int | None, fraction: float, detail: str) -> None:
        """The big figure: seconds left (or gone, on the stopwatch)."""
        # The palette's highlight follows the theme (yellow on black in high contrast).
        self.ring.set_ring_colour(self.palette().highlight().color().name())
        self.ring.show_time("" if seconds is None else str(seconds), fraction, detail)

    def show_count(self) -> None:
        """The count page (0 to 40)."""
        self.pages.setCurrentWidget(self.count_page)

    def show_done(self, title: str, result: str, comparison: str, problem: str = "") -> None:
        """The result page."""
        self.done_title.setText(title)
        self.result_text.setText(result)
        self.comparison_text.setText(comparison)
        self.problem_text.setText(problem)
        self.problem_text.setVisible(bool(problem))
        self.pages.setCurrentWidget(self.done_page)
        self._focus_main_action()

    def scans(self) -> bool:
        """Switch scanning (the window's) runs on every page but the running check: there the
        switch does the check's one action (:meth:`switch_action`), never another control."""
        return self.page != "running"

    def main_action(self) -> QWidget | None:
        """Where the focus rests and scanning starts: "I am ready", the running check's one
        action, or Home on the result (the count page has none: every number is as likely)."""
        page = self.page
        if page == "safety":
            return self.ready_button
        if page == "running":
            return self.switch_action()
        return self.home_button if page == "done" else None

    def _focus_main_action(self) -> None:
        main = self.main_action()
        if main is not None and self.isVisible():
            main.setFocus()

    def switch_action(self) -> QWidget | None:
        """While a check runs, what the switch does, kept lit by scanning: the mark (feet moved
        or held on, the fifth stand) or, in the chair stand (nothing to mark), the stop."""
        if self.page != "running":
            return None
        return self.mark_button if self.mark_button.isVisibleTo(self) else self.unsteady_button

    @property
    def page(self) -> str:
        """Which page is on show: safety, running, count or done."""
        current = self.pages.currentWidget()
        pages: list[tuple[QWidget, str]] = [
            (self.safety_page, "safety"),
            (self.running_page, "running"),
            (self.count_page, "count"),
            (self.done_page, "done"),
        ]
        return next((name for page, name in pages if page is current), "")

    def set_metrics(self, metrics: Metrics) -> None:
        """Spacing and the count grid's columns for the mode."""
        self._metrics = metrics
        self.running_page.set_metrics(metrics)
        for page in self._pages:
            page.set_metrics(metrics)
        for row in self._flows:
            row.set_gap(metrics.spacing)
        self.count_grid.setSpacing(metrics.spacing // 2)
        columns = max(4, int(10 / max(1.0, metrics.text_factor)))
        for button in self.count_buttons:
            self.count_grid.removeWidget(button)
        for index, button in enumerate(self.count_buttons):
            self.count_grid.addWidget(button, index // columns, index % columns)
