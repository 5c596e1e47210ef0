"""The History screen in the window: the review (built when first shown), its reads and exports.

The composition root opens the history and builds this once, when there is a history; the
recorder and the check-ins are steps of each session (:mod:`neuroguide.ui.session.steps`).
Its :class:`~neuroguide.ui.history.review_controller.ReviewController` does every read the
review screen shows and works out its periods; the screen is layout, filled with plain values.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from neuroguide.core.private_files import NOTHING_OWN, OwnFiles
from neuroguide.store.database import HistoryError
from neuroguide.store.history import History
from neuroguide.store.models import Filter
from neuroguide.ui.context import AppContext, Home

if TYPE_CHECKING:
    from neuroguide.content.loader import Content
    from neuroguide.present.metrics import Metrics
    from neuroguide.ui.history.review_controller import ReviewController
    from neuroguide.ui.history.review_screen import ReviewScreen

SCREEN = "history"

RETRY_MS = 5000
"""How often records that could not be written yet are tried again."""


class HistoryController(QObject):
    """The History screen and its exports; a child of the window, so it lives as long."""

    def __init__(
        self,
        ctx: AppContext,
        home: Home,
        history: History,
        reports_dir: Path | None = None,
        own: OwnFiles = NOTHING_OWN,
    ) -> None:
        super().__init__(ctx.window)
        self.reports_dir = reports_dir or Path.home() / "NeuroGuide"
        self.own = own
        """The app's own files, which an export never replaces."""
        self.saved_dialog: QWidget | None = None
        self.ctx = ctx
        self.home = home
        self.history = history
        # The review screen (charts, tables, the PDF writer) is built the first time it is
        # shown: most starts never open it, and it would cost start-up time and memory.
        self._review: ReviewScreen | None = None
        self.reads: ReviewController | None = None
        """The review's reads and period, once the review is built."""
        ctx.window.add_screen(SCREEN, self._build_review)
        ctx.window.stack.currentChanged.connect(self._screen_changed)
        ctx.follow_look(self._look_changed)
        # Records kept in memory while the file could not be written (a full disk, another
        # program's lock) are written as soon as it can be, even while nobody touches the app.
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._retry_writes)
        self._retry.start()

    @property
    def review(self) -> ReviewScreen:
        """The review screen, built on first use."""
        from neuroguide.ui.history.review_screen import ReviewScreen

        return self.ctx.window.screen_as(SCREEN, ReviewScreen)

    def _build_review(self) -> ReviewScreen:
        from neuroguide.ui.history.review_controller import review_for

        ctx = self.ctx
        self.reads = review_for(
            self.history,
            goal_minutes=ctx.settings.settings.weekly_goal_minutes,
            exercise_names=exercise_names(ctx.content),
            metrics=ctx.metrics,
        )
        review = self._review = self.reads.screen
        review.back_requested.connect(self.home.go_home)
        review.export_requested.connect(self._export)
        review.report_requested.connect(self._save_report)
        return review

    def _retry_writes(self) -> None:
        if self.history.unsaved:
            self.history.retry()

    def _look_changed(self, metrics: Metrics) -> None:
        if self._review is not None:
            self._review.set_metrics(metrics)

    def _screen_changed(self, _index: int) -> None:
        if self.ctx.window.current_screen == SCREEN:
            self.refresh()

    def refresh(self) -> None:
        """Read the history again for the review (the goal, the routines, the period's rows)."""
        reads = self._reads()
        reads.goal_minutes = self.ctx.settings.settings.weekly_goal_minutes
        reads.reload_routines()
        reads.refresh()

    def current_filter(self) -> Filter:
        """The period and routine the review shows, which the exports write."""
        return self._reads().current_filter()

    def _reads(self) -> ReviewController:
        """The review's controller, building the screen first if it was never shown."""
        if self.reads is None:
            _ = self.review
        assert self.reads is not None
        return self.reads

    def _export(self, kind: str) -> None:
        from neuroguide.core.private_files import private_output
        from neuroguide.ui.common.file_chooser import save_file_name  # waits for an export

        window = self.ctx.window
        suffix = "pdf" if kind == "pdf" else "csv"
        suggested = str(Path.home() / f"neuroguide-history.{suffix}")
        chosen = save_file_name(
            window, "Save your history", suggested, f"{suffix.upper()} files (*.{suffix})"
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
                    self.history.write_items_csv(out, self.current_filter())
            damaged = self.history.damaged_note()
        except OSError as error:
            _tell(self.ctx.window, "Not saved", f"{path} could not be written: {error.strerror}.")
            return
        except HistoryError as error:
            _tell(self.ctx.window, "Not saved", f"{path} was not written: {error}")
            return
        note = "" if damaged is None else f" {damaged}"
        _tell(self.ctx.window, "Saved", f"Your history was saved to {path}.{note}")

    def _write_pdf(self, path: Path) -> None:
        """The report for the chosen period, owner-only (0600) and never half-written."""
        from neuroguide.core.check_progress import Profile
        from neuroguide.core.private_files import private_output
        from neuroguide.ui.reports.clinician_report import write_report

        names = exercise_names(self.ctx.content)
        settings = self.ctx.settings.settings
        with private_output(path, self.own) as partial:
            write_report(
                self.history,
                partial,
                self.current_filter(),
                goal_minutes=settings.weekly_goal_minutes,
                exercise_names=names,
                today=date.today(),
                profile=Profile.of(settings.birth_year, settings.sex),
                routines=self.ctx.content.catalog.routines,
            )

    def _save_report(self) -> None:
        """ "Save report": straight into the reports folder, then offer to open it."""
        from neuroguide.ui.history.report_folder import save_report

        self.saved_dialog = save_report(
            self.reports_dir,
            self._write_pdf,
            today=date.today(),
            metrics=self.ctx.metrics,
            parent=self.ctx.window,
            tell=lambda title, text: _tell(self.ctx.window, title, text),
        )


def _tell(window: QWidget, title: str, text: str) -> None:
    # open(), not exec(): a message must never block the app (or a test) behind a modal loop.
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=window)
    box.open()


def exercise_names(content: Content) -> dict[str, str]:
    """Every exercise's name by id: the library's, and the own exercises written inside a
    routine's file (a physiotherapist's programme), so none appears by its id."""
    names = {e.id: e.name for e in content.library.exercises.values()}
    for routine in content.catalog.routines.values():
        for exercise in (*routine.exercises, *(step.exercise for step in routine.steps)):
            names.setdefault(exercise.id, exercise.name)
    return names
