"""The Progress view: each check over time against its norm, the next check, and the details
the norms need (year of birth and sex, both optional).

Layout only; :mod:`neuroguide.ui.checks.install` fills it in.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from neuroguide.core.check_norms import HOME_TEST_WORDS, citations
from neuroguide.core.check_progress import Profile, ProgressPoint, change_text
from neuroguide.core.checks import CHECKS, CheckId
from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.charts import ChartWidget
from neuroguide.ui.common.check_chart import current_line, paint_check_trend
from neuroguide.ui.common.widgets import (
    FlowLayout,
    make_button,
    make_card,
    make_label,
    scrolling_page,
)

SHOWN_RESULTS = 5
"""How many of the latest results are listed in words under each chart."""


class CheckCard(QWidget):
    """One check: its chart with the norm's line and its latest results in words."""

    def __init__(self, check: CheckId) -> None:
        super().__init__()
        self.check = check
        self.card = make_card()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.card)
        layout = QVBoxLayout(self.card)
        layout.addWidget(make_label(CHECKS[check].name, role="heading"))
        self.chart = ChartWidget(f"{CHECKS[check].name} over time")
        layout.addWidget(self.chart)
        self.latest = make_label(role="detail", name="Latest result")
        layout.addWidget(self.latest)
        self.results = make_label(name="Results")
        layout.addWidget(self.results)
        sources = make_label(
            "Sources: " + " ".join(citations(check)), role="detail", name="Sources"
        )
        layout.addWidget(sources)
        if check is CheckId.CHAIR_STAND:
            layout.addWidget(make_label(HOME_TEST_WORDS, role="detail", name="Done at home"))

    def show_points(self, points: Sequence[ProgressPoint], profile: Profile) -> None:
        """Chart and list ``points`` (oldest first)."""
        line = current_line(self.check, points, profile)
        summary = "No results yet."
        if points:
            last = points[-1]
            summary = f"Latest, {last.day.isoformat()}: {last.text}. {last.comparison.text}"
        self.chart.set_painter(
            lambda painter, rect, colours: paint_check_trend(
                painter, rect, self.check, points, line, colours
            ),
            summary,
        )
        self.latest.setText(summary)
        lines = []
        for point in list(points)[-SHOWN_RESULTS:]:
            change = change_text(point)
            lines.append(
                f"{point.day.isoformat()}: {point.text}" + (f" ({change})" if change else "")
            )
        self.results.setText("\n".join(lines))
        self.results.setVisible(bool(lines))


class ProgressView(QWidget):
    """Every progress check over time.

    Signals:
        check_requested: a "Do the check" button was pressed; carries the check id.
        home_requested: Home was pressed.
        details_submitted: Save details was pressed; carries the year typed and the sex chosen.
    """

    check_requested = Signal(str)
    home_requested = Signal()
    details_submitted = Signal(str, str)

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = scrolling_page(self)
        self._flows: list[FlowLayout] = []
        self._layout.addWidget(make_label("Progress checks", role="title"))
        self.suggestion = make_label(role="detail", name="Next check")
        self._layout.addWidget(self.suggestion)
        buttons = self._flow()
        self.check_buttons: dict[CheckId, QPushButton] = {}
        for check, info in CHECKS.items():
            button = make_button(
                f"Do the {info.name[0].lower()}{info.name[1:]}",
                f"Do the {info.name}",
                info.short,
                role="primary" if check is CheckId.CHAIR_STAND else "",
                object_name=f"do-{check.value}",
            )
            button.clicked.connect(lambda _c=False, cid=check.value: self.check_requested.emit(cid))
            self.check_buttons[check] = button
            buttons.add(button)
        self.home_button = make_button("Home  [Esc]", "Home", "Back to the home screen.")
        buttons.add(self.home_button)
        self._layout.addLayout(buttons)
        self.home_button.clicked.connect(self.home_requested)

        details = make_card()
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(
            make_label("Your details for the comparison (optional)", role="heading")
        )
        details_layout.addWidget(
            make_label(
                "The chair stand's average depends on age and sex. They are used for nothing "
                "else and stay on this computer.",
            )
        )
        details_layout.addWidget(make_label("Year of birth (four digits)"))
        self.year_edit = QLineEdit()
        self.year_edit.setAccessibleName("Year of birth")
        self.year_edit.setMaxLength(4)
        self.year_edit.setPlaceholderText("e.g. 1955")
        details_layout.addWidget(self.year_edit)
        sex_row = self._flow()
        self.sex_buttons: dict[str, QPushButton] = {}
        for value, words in (("female", "Female"), ("male", "Male"), ("", "Not given")):
            button = make_button(words, words, f"Sex for the comparison: {words.lower()}.")
            button.setCheckable(True)
            button.setAutoExclusive(True)
            self.sex_buttons[value] = button
            sex_row.add(button)
        details_layout.addLayout(sex_row)
        save_row = self._flow()
        self.save_button = make_button(
            "Save details", "Save details", "Keep your year of birth and sex for the comparison."
        )
        save_row.add(self.save_button)
        details_layout.addLayout(save_row)
        self.details_message = make_label(role="detail", name="Details message")
        details_layout.addWidget(self.details_message)
        self._layout.addWidget(details)
        # The details come first: they are asked once, and at 200 % text the charts are long.
        self.cards = {check: CheckCard(check) for check in CheckId}
        for card in self.cards.values():
            self._layout.addWidget(card)
        self._layout.addStretch(1)
        self.save_button.clicked.connect(self._submit)
        self.set_metrics(metrics)

    def _flow(self) -> FlowLayout:
        row = FlowLayout()
        self._flows.append(row)
        return row

    def _submit(self) -> None:
        sex = next((value for value, b in self.sex_buttons.items() if b.isChecked()), "")
        self.details_submitted.emit(self.year_edit.text(), sex)

    def show_details(self, profile: Profile, message: str = "") -> None:
        """Fill in the details form from the settings."""
        self.year_edit.setText("" if profile.birth_year is None else str(profile.birth_year))
        wanted = "" if profile.sex is None else profile.sex.value
        self.sex_buttons[wanted].setChecked(True)
        self.details_message.setText(message)
        self.details_message.setVisible(bool(message))

    def show_message(self, message: str) -> None:
        """A line under the details form (saved, or what to fix)."""
        self.details_message.setText(message)
        self.details_message.setVisible(bool(message))

    def set_metrics(self, metrics: Metrics) -> None:
        """Spacing for the mode."""
        m = metrics.margin
        self._layout.setContentsMargins(m, m, m, m)
        self._layout.setSpacing(metrics.spacing)
        for row in self._flows:
            row.set_gap(metrics.spacing)
        self.year_edit.setMinimumHeight(metrics.target)
