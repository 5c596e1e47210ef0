"""The seated profile and "start gently" on the way into a session.

:class:`ProfileHook` is the session flow's ``prepare_routine`` hook: in the seated profile a
routine with standing steps first shows :class:`SeatedOfferView` (its seated alternatives, and
what is left out); with "start gently" on, the chosen routine is scaled for the level the
history's check-ins have reached.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neuroguide.core.gentle import FULL_LEVEL, SessionOutcome, gentle_level, gentle_routine, percent
from neuroguide.core.library import Routine
from neuroguide.core.records import Outcome
from neuroguide.core.seated import SeatedVersion, seated_version
from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label
from neuroguide.ui.settings.controls import scroll_page

if TYPE_CHECKING:
    from neuroguide.ui.session.flow import SessionFlow

Proceed = Callable[[Routine], None]


class SeatedOfferView(QWidget):
    """Offers the seated version of a routine that has standing steps.

    Signals:
        seated_chosen: "Start the seated version" (or Space).
        as_written_chosen: "Do it as written, standing".
        back_requested: "Back to home" (or Escape).
    """

    seated_chosen = Signal()
    as_written_chosen = Signal()
    back_requested = Signal()

    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self.setAccessibleName("Seated version of the routine")
        column = QVBoxLayout(self)
        scroll, content = scroll_page()
        words = QVBoxLayout(content)
        self.title = make_label(role="title")
        self.text = make_label(role="detail", name="What changes")
        self.changes = make_label(name="Exercises swapped or left out")
        words.addWidget(self.title)
        words.addWidget(self.text)
        words.addWidget(self.changes)
        words.addStretch(1)
        column.addWidget(scroll, 1)
        self.buttons = FlowLayout()
        self.seated_button = make_button(
            "Start the seated version",
            "Start the seated version",
            "Do this routine from a chair, with the seated exercises listed.",
            role="primary",
        )
        self.as_written_button = make_button(
            "Do it as written, standing",
            "Do it as written, standing",
            "Do the routine with its standing exercises, as it was written.",
        )
        self.back_button = make_button(
            "Back to home", "Back to home", "Go back without starting anything."
        )
        for button in (self.seated_button, self.as_written_button, self.back_button):
            self.buttons.add(button)
        column.addLayout(self.buttons)
        self._column = column
        self.seated_button.clicked.connect(self.seated_chosen)
        self.as_written_button.clicked.connect(self.as_written_chosen)
        self.back_button.clicked.connect(self.back_requested)
        self.set_metrics(metrics)

    def show_version(self, version: SeatedVersion) -> None:
        """Describe ``version``: what is swapped, what is left out, or that none exists."""
        self.title.setText(f"{version.original.name}: seated?")
        lines = [f"{standing}  →  {seated}" for standing, seated in version.swapped]
        lines += [f"{name}: left out, it needs standing" for name in version.left_out]
        self.changes.setText("\n".join(lines))
        possible = version.routine is not None
        self.seated_button.setVisible(possible)
        self.text.setText(
            "This routine has standing exercises. The seated version swaps them for exercises "
            "you can do from a sturdy chair:"
            if possible
            else "Every exercise of this routine needs standing, so it has no seated version."
        )

    def set_metrics(self, metrics: Metrics) -> None:
        """The mode's gaps."""
        m = metrics.margin
        self._column.setContentsMargins(m, m, m, m)
        self._column.setSpacing(metrics.spacing)
        self.buttons.set_gap(metrics.spacing)

    def handle_key(self, key: int) -> bool:
        """Space or Enter start the seated version; Escape goes back."""
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.seated_button.isVisible():
                self.seated_chosen.emit()
            return True
        if key == Qt.Key.Key_Escape:
            self.back_requested.emit()
            return True
        return False


def history_outcomes(connection: sqlite3.Connection, since: date) -> list[SessionOutcome]:
    """The sessions from ``since`` on, oldest first, with their pain ratings."""
    from neuroguide.store.models import Filter, Moment
    from neuroguide.store.queries import checkins, list_sessions

    chosen = Filter(first_day=since)
    ratings = checkins(connection, chosen)
    outcomes = []
    for row in reversed(list_sessions(connection, chosen)):
        found = ratings.get(row.id, {})
        before, after = found.get(Moment.BEFORE), found.get(Moment.AFTER)
        outcomes.append(
            SessionOutcome(
                finished=row.outcome == Outcome.FINISHED,
                pain_before=before.pain if before else None,
                pain_after=after.pain if after else None,
            )
        )
    return outcomes


class ProfileHook(QObject):
    """Seated version and gentle dose for the routine about to start (``prepare_routine``)."""

    def __init__(self, flow: SessionFlow) -> None:
        super().__init__(flow)
        self.flow = flow
        self._offer: SeatedOfferView | None = None
        self._pending: tuple[SeatedVersion, Proceed] | None = None

    @property
    def offer(self) -> SeatedOfferView:
        """The seated-version screen (built on first use)."""
        if self._offer is None:
            view = self._offer = SeatedOfferView(self.flow.metrics)
            view.seated_chosen.connect(lambda: self._chosen(seated=True))
            view.as_written_chosen.connect(lambda: self._chosen(seated=False))
            view.back_requested.connect(self._back)
            self.flow.window.add_screen("seated-offer", view)
            self.flow.window.large_toggled.connect(lambda _on: view.set_metrics(self.flow.metrics))
        return self._offer

    def __call__(self, routine: Routine, proceed: Proceed) -> None:
        """Offer the seated version when it differs, then scale the dose, then go on."""
        if self.flow.store.settings.seated_only:
            version = seated_version(routine, self.flow.content.library)
            if version.changed:
                self._pending = (version, proceed)
                self.offer.set_metrics(self.flow.metrics)
                self.offer.show_version(version)
                self.flow.window.show_screen("seated-offer")
                return
        self._go(routine, proceed)

    def level(self) -> int:
        """How far "start gently" has come (the first level when there is no history)."""
        settings = self.flow.store.settings
        connection = self._history()
        if connection is None:
            return 0
        try:
            since = date.fromisoformat(settings.gentle_since)
        except ValueError:
            since = date.today()
        return gentle_level(history_outcomes(connection, since))

    def describe(self) -> str:
        """Where "start gently" stands, in words for the settings screen."""
        if not self.flow.store.settings.start_gently:
            return "Start gently is off: every routine runs at its full amount."
        level = self.level()
        if level >= FULL_LEVEL:
            return "You have reached the full amount. You can switch start gently off."
        return (
            f"Sessions now run at {percent(level)} % of the full amount. Each session you finish "
            "without more pain afterwards brings you closer to the full amount."
        )

    def _back(self) -> None:
        self._pending = None
        self.flow.go_home()

    def _chosen(self, *, seated: bool) -> None:
        if self._pending is None:
            return
        version, proceed = self._pending
        self._pending = None
        chosen = version.routine if seated and version.routine is not None else version.original
        self._go(chosen, proceed)

    def _go(self, routine: Routine, proceed: Proceed) -> None:
        if self.flow.store.settings.start_gently:
            routine = gentle_routine(routine, self.level())
        proceed(routine)

    def _history(self) -> sqlite3.Connection | None:
        from neuroguide.ui.history.install import HistoryInstall

        installed = self.flow.window.findChild(HistoryInstall)
        return installed.history.connection if installed is not None else None
