"""The History screen in the window: the review (built when first shown) and its exports.

The composition root opens the history and builds this once, when there is a history; the
recorder and the check-ins are steps of each session (:mod:`neuroguide.ui.session.steps`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neuroguide.core.check_progress import Profile
from neuroguide.core.private_files import NOTHING_OWN, OwnFiles
from neuroguide.store.history import History
from neuroguide.ui.common.file_chooser import OPTIONS as FILE_OPTIONS
from neuroguide.ui.session.flow import SessionFlow

if TYPE_CHECKING:
    from neuroguide.content.loader import Content
    from neuroguide.ui.history.review_screen import ReviewScreen

RETRY_MS = 5000
"""How often records that could not be written yet are tried again."""


class HistoryController(QObject):
    """The History screen and its exports; a child of the window, so it lives as long."""

    def __init__(
        self,
        flow: SessionFlow,
        history: History,
        reports_dir: Path | None = None,
        own: OwnFiles = NOTHING_OWN,
    ) -> None:
        super().__init__(flow.window)
        self.reports_dir = reports_dir or Path.home() / "NeuroGuide"
        self.own = own
        """The app's own files, which an export never replaces."""
        self.saved_dialog: QWidget | None = None
        self.flow = flow
        self.history = history
        window = flow.window
        # The review screen (charts, tables, the PDF writer) is built the first time it is
        # shown: most starts never open it, and it would cost start-up time and memory.
        self._review: ReviewScreen | None = None
        self._review_holder = QWidget()
        holder_layout = QVBoxLayout(self._review_holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        window.add_screen("history", self._review_holder)
        window.stack.currentChanged.connect(self._screen_changed)
        window.large_toggled.connect(lambda _large: self._resize())
        # Records kept in memory while the file could not be written (a full disk, another
        # program's lock) are written as soon as it can be, even while nobody touches the app.
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._retry_writes)
        self._retry.start()

    @property
    def review(self) -> ReviewScreen:
        """The review screen, built on first use."""
        if self._review is None:
            from neuroguide.ui.history.review_screen import ReviewScreen

            flow = self.flow
            names = exercise_names(flow.content)
            self._review = ReviewScreen(
                self.history,
                goal_minutes=flow.store.settings.weekly_goal_minutes,
                exercise_names=names,
                metrics=flow.metrics,
            )
            self._review.back_requested.connect(flow.go_home)
            self._review.export_requested.connect(self._export)
            self._review.report_requested.connect(self._save_report)
            layout = self._review_holder.layout()
            assert layout is not None
            layout.addWidget(self._review)
        return self._review

    def _retry_writes(self) -> None:
        if self.history.unsaved:
            self.history.retry()

    def _resize(self) -> None:
        if self._review is not None:
            self._review.set_metrics(self.flow.metrics)

    def _screen_changed(self, _index: int) -> None:
        if self.flow.window.current_screen == "history":
            self.review.goal_minutes = self.flow.store.settings.weekly_goal_minutes
            self.review.reload_routines()
            self.review.refresh()

    def _export(self, kind: str) -> None:
        from PySide6.QtWidgets import QFileDialog  # the export's imports wait for an export

        from neuroguide.store.database import HistoryError
        from neuroguide.store.files import private_output

        window = self.flow.window
        suffix = "pdf" if kind == "pdf" else "csv"
        suggested = str(Path.home() / f"neuroguide-history.{suffix}")
        chosen, _filter = QFileDialog.getSaveFileName(
            window,
            "Save your history",
            suggested,
            f"{suffix.upper()} files (*.{suffix})",
            "",
            FILE_OPTIONS,
        )
        if not chosen:
            return
        path = Path(chosen)
        try:
            if kind == "pdf":
                self._write_pdf(path)
            else:
                with (
                    private_output(path, self.own) as partial,  # 0600, never onto our own files
                    open(partial, "w", encoding="utf-8", newline="") as out,
                ):
                    self.history.write_items_csv(out, self.review.current_filter())
            damaged = self.history.damaged_note()
        except OSError as error:
            _tell(self.flow, "Not saved", f"{path} could not be written: {error.strerror}.")
            return
        except HistoryError as error:
            _tell(self.flow, "Not saved", f"{path} was not written: {error}")
            return
        note = "" if damaged is None else f" {damaged}"
        _tell(self.flow, "Saved", f"Your history was saved to {path}.{note}")

    def _write_pdf(self, path: Path) -> None:
        """The report for the chosen period, owner-only (0600) and never half-written."""
        from neuroguide.store.files import private_output
        from neuroguide.ui.reports.clinician_report import write_report

        names = exercise_names(self.flow.content)
        settings = self.flow.store.settings
        with private_output(path, self.own) as partial:
            write_report(
                self.history,
                partial,
                self.review.current_filter(),
                goal_minutes=self.review.goal_minutes,
                exercise_names=names,
                today=date.today(),
                profile=Profile.of(settings.birth_year, settings.sex),
                routines=self.flow.content.catalog.routines,
            )

    def _save_report(self) -> None:
        """ "Save report": straight into the reports folder, then offer to open it."""
        from neuroguide.ui.history.report_folder import save_report

        self.saved_dialog = save_report(
            self.reports_dir,
            self._write_pdf,
            today=date.today(),
            metrics=self.flow.metrics,
            parent=self.flow.window,
            tell=lambda title, text: _tell(self.flow, title, text),
        )


def _tell(flow: SessionFlow, title: str, text: str) -> None:
    # open(), not exec(): a message must never block the app (or a test) behind a modal loop.
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=flow.window)
    box.open()


def exercise_names(content: Content) -> dict[str, str]:
    """Every exercise's name by id: the library's, and the own exercises written inside a
    routine's file (a physiotherapist's programme), so none appears by its id."""
    names = {e.id: e.name for e in content.library.exercises.values()}
    for routine in content.catalog.routines.values():
        for exercise in (*routine.exercises, *(step.exercise for step in routine.steps)):
            names.setdefault(exercise.id, exercise.name)
    return names
