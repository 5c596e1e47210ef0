"""How often a routine is meant to be done, set with big buttons on the routine page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neuroguide.core.schedule import SCHEDULE_LIMITS, Schedule
from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.controls import ChoiceRow, Stepper
from neuroguide.ui.common.widgets import make_label

OFTEN = (("none", "No schedule"), ("daily", "Every day"), ("weekly", "Some days a week"))


class ScheduleEditor(QWidget):
    """No schedule, every day, or some days a week; times a day; for how many weeks.

    Signals:
        schedule_changed: carries the new Schedule, or ``None`` for no schedule.
    """

    schedule_changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self._column = column
        self.often = ChoiceRow("How often", OFTEN)
        low, high = SCHEDULE_LIMITS["days_a_week"]
        self.days = Stepper(
            "Days a week",
            low=low,
            high=6,
            step=1,
            words=lambda v: f"{v} day{'s' if v != 1 else ''} a week",
            presets=(2, 3, 5),
        )
        low, high = SCHEDULE_LIMITS["times_a_day"]
        self.times = Stepper(
            "Times a day",
            low=low,
            high=high,
            step=1,
            words=lambda v: "once a day" if v == 1 else f"{v} times a day",
            presets=(1, 2, 3),
        )
        self.weeks = Stepper(
            "For how many weeks",
            low=0,
            high=SCHEDULE_LIMITS["weeks"][1],
            step=1,
            words=lambda v: "no end" if v == 0 else f"{v} week{'s' if v != 1 else ''}",
            presets=(0, 4, 6, 12),
        )
        self.days_label = make_label("Days a week", role="detail")
        self.times_label = make_label("Times a day", role="detail")
        self.weeks_label = make_label("For how many weeks", role="detail")
        column.addWidget(self.often)
        for label, control in (
            (self.days_label, self.days),
            (self.times_label, self.times),
            (self.weeks_label, self.weeks),
        ):
            column.addWidget(label)
            column.addWidget(control)
        self.often.chosen.connect(lambda _value: self._changed())
        for stepper in (self.days, self.times, self.weeks):
            stepper.value_changed.connect(lambda _value: self._changed())
        self.set_schedule(None)

    def set_schedule(self, schedule: Schedule | None) -> None:
        """Show ``schedule`` without reporting it as a change."""
        if schedule is None:
            self.often.set_value("none")
        else:
            self.often.set_value("daily" if schedule.days_a_week == 7 else "weekly")
            self.days.set_value(min(schedule.days_a_week, 6))
            self.times.set_value(schedule.times_a_day)
            self.weeks.set_value(schedule.weeks or 0)
        self._show()

    def schedule(self) -> Schedule | None:
        """The schedule the buttons describe."""
        often = self.often.value
        if often in (None, "none"):
            return None
        return Schedule(
            times_a_day=self.times.value,
            days_a_week=7 if often == "daily" else self.days.value,
            weeks=self.weeks.value or None,
        )

    def _changed(self) -> None:
        self._show()
        self.schedule_changed.emit(self.schedule())

    def _show(self) -> None:
        often = self.often.value
        for widget in (self.times_label, self.times, self.weeks_label, self.weeks):
            widget.setVisible(often in ("daily", "weekly"))
        for widget in (self.days_label, self.days):
            widget.setVisible(often == "weekly")

    def set_metrics(self, metrics: Metrics) -> None:
        """The mode's gaps."""
        self._column.setSpacing(metrics.spacing // 2)
        self.often.set_metrics(metrics)
        for stepper in (self.days, self.times, self.weeks):
            stepper.set_metrics(metrics)
