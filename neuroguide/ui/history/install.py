"""Wires the history into the GUI: recorder, check-ins, the review screen and progress.

``install_history`` is called once from the composition root after the session flow exists.
Without a usable history (another instance, a file from a newer version) the app still runs;
the person is told once that sessions are not being saved.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QVBoxLayout, QWidget

from neuroguide.core.library import Routine
from neuroguide.core.records import Summary
from neuroguide.paths import Paths
from neuroguide.store.csv_export import write_items_csv
from neuroguide.store.database import HistoryError
from neuroguide.store.models import CheckIn, Moment
from neuroguide.store.progress import HistoryProgress
from neuroguide.store.session_history import RecordingHistory, open_for_recording
from neuroguide.ui.session.checkin_view import CheckInWidget
from neuroguide.ui.session.flow import SessionFlow

if TYPE_CHECKING:
    from neuroguide.ui.history.review_screen import ReviewScreen


class HistoryInstall(QObject):
    """Everything the history added to the window; a child of the window, so it lives as long."""

    def __init__(self, flow: SessionFlow, history: RecordingHistory) -> None:
        super().__init__(flow.window)
        self.flow = flow
        self.history = history
        window = flow.window
        settings = flow.store.settings
        metrics = flow.metrics
        # The review screen (charts, tables, the PDF writer) is built the first time it is
        # shown: most starts never open it, and it would cost start-up time and memory.
        self._review: ReviewScreen | None = None
        self._review_holder = QWidget()
        holder_layout = QVBoxLayout(self._review_holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        self.before = CheckInWidget(Moment.BEFORE, metrics)
        self.after = CheckInWidget(Moment.AFTER, metrics)
        window.add_screen("history", self._review_holder)
        window.add_screen("checkin-before", self.before)
        window.add_screen("checkin-after", self.after)
        self._proceed: Callable[[], None] | None = None

        flow.listeners.append(history.recorder)
        flow.progress = HistoryProgress(history.connection, settings.weekly_goal_minutes)
        flow.before_session = self._before_session
        flow.after_session = self._after_session
        self.before.answered.connect(self._before_answered)
        self.before.skipped.connect(lambda: self._before_answered(None))
        self.after.answered.connect(self._after_answered)
        self.after.skipped.connect(lambda: self._after_answered(None))
        window.stack.currentChanged.connect(self._screen_changed)
        window.large_toggled.connect(lambda _large: self._resize())
        window.closing.connect(history.close)  # after the flow stopped (and recorded) a session
        flow.refresh_home()

    @property
    def review(self) -> ReviewScreen:
        """The review screen, built on first use."""
        if self._review is None:
            from neuroguide.ui.history.review_screen import ReviewScreen

            flow = self.flow
            names = {e.id: e.name for e in flow.content.library.exercises.values()}
            self._review = ReviewScreen(
                self.history.connection,
                goal_minutes=flow.store.settings.weekly_goal_minutes,
                exercise_names=names,
                metrics=flow.metrics,
            )
            self._review.back_requested.connect(flow.go_home)
            self._review.export_requested.connect(self._export)
            layout = self._review_holder.layout()
            assert layout is not None
            layout.addWidget(self._review)
        return self._review

    def _resize(self) -> None:
        metrics = self.flow.metrics
        if self._review is not None:
            self._review.set_metrics(metrics)
        self.before.set_metrics(metrics)
        self.after.set_metrics(metrics)

    def _screen_changed(self, _index: int) -> None:
        if self.flow.window.current_screen == "history":
            self.review.goal_minutes = self.flow.store.settings.weekly_goal_minutes
            self.review.reload_routines()
            self.review.refresh()

    def _before_session(self, _routine: Routine, proceed: Callable[[], None]) -> None:
        self._proceed = proceed
        self.before.clear()
        self.flow.window.show_screen("checkin-before")

    def _before_answered(self, checkin: CheckIn | None) -> None:
        self.history.recorder.set_before_checkin(checkin)
        self._go_on()

    def _after_session(self, _summary: Summary, proceed: Callable[[], None]) -> None:
        self._proceed = proceed
        self.after.clear()
        self.flow.window.show_screen("checkin-after")

    def _after_answered(self, checkin: CheckIn | None) -> None:
        if checkin is not None:
            self.history.recorder.save_after_checkin(checkin)
        self._go_on()

    def _go_on(self) -> None:
        proceed, self._proceed = self._proceed, None
        if proceed is not None:
            proceed()

    def _export(self, kind: str) -> None:
        window = self.flow.window
        suffix = "pdf" if kind == "pdf" else "csv"
        suggested = str(Path.home() / f"neuroguide-history.{suffix}")
        chosen, _filter = QFileDialog.getSaveFileName(
            window, "Save your history", suggested, f"{suffix.upper()} files (*.{suffix})"
        )
        if not chosen:
            return
        path = Path(chosen)
        flt = self.review.current_filter()
        try:
            if kind == "pdf":
                from neuroguide.ui.history.report_pdf import write_report

                names = {e.id: e.name for e in self.flow.content.library.exercises.values()}
                write_report(
                    self.history.connection,
                    path,
                    flt,
                    goal_minutes=self.review.goal_minutes,
                    exercise_names=names,
                    today=date.today(),
                )
            else:
                with open(path, "w", encoding="utf-8", newline="") as out:
                    write_items_csv(self.history.connection, out, flt)
        except OSError as error:
            _tell(self.flow, "Not saved", f"{path} could not be written: {error.strerror}.")
            return
        _tell(self.flow, "Saved", f"Your history was saved to {path}.")


def install_history(flow: SessionFlow, paths: Paths) -> HistoryInstall | None:
    """Add the history to the running app; ``None`` (after telling the person) if unusable."""
    try:
        history = open_for_recording(
            paths.data_dir, paths.history_db, paths.backups, flow.content.catalog.routines
        )
    except HistoryError as error:
        message = f"{error} Your sessions will not be saved in the history this time."
        print(f"neuroguide: {message}", file=sys.stderr)
        QTimer.singleShot(0, lambda: _tell(flow, "History is not available", message))
        return None
    installed = HistoryInstall(flow, history)
    if history.messages:
        text = "\n\n".join(history.messages)
        print(f"neuroguide: {text}", file=sys.stderr)
        QTimer.singleShot(0, lambda: _tell(flow, "Your history file", text))
    return installed


def _tell(flow: SessionFlow, title: str, text: str) -> None:
    # open(), not exec(): a message must never block the app (or a test) behind a modal loop.
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=flow.window)
    box.open()
