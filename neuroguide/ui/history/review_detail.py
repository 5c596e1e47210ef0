"""One session in detail: when, how it ended, check-ins, pauses and every item planned vs done."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neuroguide.present.review_text import (
    OUTCOME_WORDS,
    checkin_text,
    day_text,
    minutes_text,
    seconds_text,
)
from neuroguide.store.models import Moment
from neuroguide.ui.common.widgets import make_label
from neuroguide.ui.history.review_data import SessionView

ITEM_HEADERS = ("Exercise", "Side", "Set", "Planned", "Done", "Reps", "Result")


class SessionDetail(QWidget):
    """Shows the session picked in the list."""

    def __init__(
        self, exercise_names: Mapping[str, str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._names = exercise_names or {}
        self.heading = make_label("Pick a session to see what was done.", role="heading")
        self.summary = make_label()
        self.before = make_label()
        self.after = make_label()
        self.pauses = make_label()
        self.items = QTableWidget(0, len(ITEM_HEADERS))
        self.items.setHorizontalHeaderLabels(ITEM_HEADERS)
        self.items.setAccessibleName("Items of the session, planned against done")
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.verticalHeader().setVisible(False)
        # Full width and never sideways: the exercise column takes what the others leave.
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setWordWrap(True)
        self.items.setMinimumHeight(0)  # at least its header and a row, by its own hint
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.summary, self.before, self.after, self.pauses):
            layout.addWidget(widget)
        layout.addWidget(self.items, 1)

    def show_session(self, view: SessionView | None) -> None:
        """Show one session as read for it (``None`` empties the panel)."""
        if view is None:
            self.heading.setText("Pick a session to see what was done.")
            for label in (self.summary, self.before, self.after, self.pauses):
                label.clear()
            self.items.setRowCount(0)
            return
        session, checkins = view.session, view.checkins
        local = session.started.local
        end = f"–{session.ended.local.strftime('%H:%M')}" if session.ended else ""
        self.heading.setText(
            f"{session.routine_name}, {day_text(local.date())} {local.strftime('%H:%M')}{end}"
        )
        self.summary.setText(
            f"{OUTCOME_WORDS.get(session.outcome, session.outcome).capitalize()}: "
            f"{minutes_text(session.active_ms)} active of {minutes_text(session.planned_ms)} "
            f"planned; {session.completed} done, {session.skipped} skipped."
        )
        self.before.setText(f"Before: {checkin_text(checkins.get(Moment.BEFORE))}.")
        self.after.setText(f"After: {checkin_text(checkins.get(Moment.AFTER))}.")
        words = []
        for pause in view.pauses:
            at = pause.at.local.strftime("%H:%M")
            if pause.reason == "unsteady":
                # A pause, not a stop: most such sessions were resumed (how it ended is said
                # in the line above).
                words.append(f"paused at {at} feeling unsteady")
            else:
                words.append(f"paused at {at} while the computer slept")
        self.pauses.setText(("Pauses: " + "; ".join(words) + ".") if words else "")
        self.pauses.setVisible(bool(words))
        rows = view.items
        self.items.setRowCount(len(rows))
        for number, item in enumerate(rows):
            reps = ""
            if item.reps_planned is not None:
                reps = f"{item.reps_done or 0} of {item.reps_planned}"
            planned = seconds_text(item.planned_ms + item.added_ms)
            cells = (
                self._names.get(item.exercise_id, item.exercise_id),
                item.side or "",
                str(item.set_number),
                planned,
                seconds_text(item.actual_ms),
                reps,
                "done" if item.status == "completed" else "skipped",
            )
            for column, text in enumerate(cells):
                self.items.setItem(number, column, QTableWidgetItem(text))
