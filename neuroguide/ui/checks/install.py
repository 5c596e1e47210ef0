"""Wires the progress checks into the running app: a home-screen button, two screens, keys.

``install_checks`` is called once from the composition root after the history is open. The
home button says when a check is due (four weeks after the last one); it is on the home screen
only, so a check is never suggested in the middle of a session.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from neuroguide.core.check_reminder import check_suggested, suggestion_text
from neuroguide.paths import Paths
from neuroguide.ui.common.widgets import make_button
from neuroguide.ui.context import AppContext, Home, Sessions

if TYPE_CHECKING:
    from neuroguide.core.check_progress import Profile
    from neuroguide.present.metrics import Metrics
    from neuroguide.store.checks import ProgressChecks
    from neuroguide.ui.checks.controller import CheckController
    from neuroguide.ui.checks.progress_view import ProgressView
    from neuroguide.ui.checks.run_view import CheckView

CHECK_SCREEN = "check"
PROGRESS_SCREEN = "progress-checks"


class ChecksInstall(QObject):
    """The check screen, the Progress view and the home button; a child of the window.

    Only the home button is made at start-up; the two screens are built the first time they
    are shown (the 41 count buttons and three charts would otherwise delay the first paint).
    """

    def __init__(
        self,
        ctx: AppContext,
        home: Home,
        sessions: Sessions,
        checks: ProgressChecks | None,
        paths: Paths | None = None,
    ) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.home = home
        self.sessions = sessions
        self.checks = checks
        self._paths = paths
        self._view: CheckView | None = None
        self._controller: CheckController | None = None
        self._progress_view: ProgressView | None = None
        self.home_button = make_button(
            "Progress checks",
            "Progress checks",
            "Short tests of strength and balance, with your results over time.",
            object_name="progress-checks",
        )
        home.add_button(self.home_button)
        self.home_button.clicked.connect(self.show_progress)
        window = ctx.window
        window.add_screen(CHECK_SCREEN, self._build_check_screen, self._check_key)
        window.add_screen(PROGRESS_SCREEN, self._build_progress_view, self._progress_key)
        window.stack.currentChanged.connect(self._screen_changed)
        ctx.follow_look(self._look_changed)
        self.refresh_home()

    @property
    def view(self) -> CheckView:
        """The guided check screen (built on first use)."""
        from neuroguide.ui.checks.run_view import CheckView

        return self.ctx.window.screen_as(CHECK_SCREEN, CheckView)

    @property
    def controller(self) -> CheckController:
        """What drives the check screen (built with it)."""
        self.ctx.window.screen_widget(CHECK_SCREEN)
        assert self._controller is not None
        return self._controller

    @property
    def progress_view(self) -> ProgressView:
        """The Progress view (built on first use)."""
        from neuroguide.ui.checks.progress_view import ProgressView

        return self.ctx.window.screen_as(PROGRESS_SCREEN, ProgressView)

    def _build_progress_view(self) -> ProgressView:
        from neuroguide.ui.checks.progress_view import ProgressView

        view = self._progress_view = ProgressView(self.ctx.metrics)
        view.home_requested.connect(self.home.go_home)
        view.check_requested.connect(self.start_check)
        view.details_submitted.connect(self.save_details)
        return view

    def _build_check_screen(self) -> CheckView:
        from neuroguide.ui.checks.controller import CheckController
        from neuroguide.ui.checks.run_view import CheckView

        ctx = self.ctx
        tones = None
        if self._paths is not None and ctx.settings.settings.tones:
            from neuroguide.speech.tones import TonePlayer

            tones = TonePlayer(self._paths.resources_dir)
            ctx.window.closing.connect(tones.stop)  # reap the last tone's player
        view = self._view = CheckView(ctx.metrics)
        controller = self._controller = CheckController(
            view,
            clock=ctx.clock,
            speaker=ctx.voice,
            store=self.checks,
            profile=self.profile,
            get_ready=lambda: ctx.settings.settings.get_ready_seconds,
            tones=tones,
        )
        controller.left.connect(self.home.go_home)
        view.home_requested.connect(self.home.go_home)
        view.progress_requested.connect(self.show_progress)
        return view

    def _check_key(self, key: int) -> bool:
        return self.controller.handle_key(key)

    def profile(self) -> Profile:
        """Year of birth and sex from the settings (either may be missing)."""
        from neuroguide.core.check_progress import Profile  # with the check screens

        settings = self.ctx.settings.settings
        return Profile.of(settings.birth_year, settings.sex)

    def refresh_home(self, today: date | None = None) -> None:
        """The home button's words: a note when a check is due."""
        today = today or date.today()
        last = self.checks.last_day() if self.checks is not None else None
        due = check_suggested(last, today, in_session=self.sessions.running)
        self.home_button.setText("Progress checks: one is due" if due else "Progress checks")
        self.home_button.setAccessibleDescription(suggestion_text(last, today))

    def show_progress(self) -> None:
        """Open the Progress view, filled in."""
        self.refresh_progress()
        self.progress_view.show_details(self.profile())
        self.ctx.window.show_screen(PROGRESS_SCREEN)

    def refresh_progress(self, today: date | None = None) -> None:
        """Charts, results and the suggestion from the history."""
        from neuroguide.core.check_progress import progress

        today = today or date.today()
        rows = self.checks.all() if self.checks is not None else []
        profile = self.profile()
        for check, card in self.progress_view.cards.items():
            mine = [(r.taken.local_day, r.result) for r in rows if r.result.check is check]
            card.show_points(progress(check, mine, profile), profile)
        last = max((r.taken.local_day for r in rows), default=None)
        text = suggestion_text(last, today)
        if self.checks is None:
            text = "The history is not available, so results cannot be saved this time."
        self.progress_view.suggestion.setText(text)

    def start_check(self, check_id: str) -> None:
        """Open the safety page of a check (never while a session runs)."""
        from neuroguide.core.checks import check_by_id

        check = check_by_id(check_id)
        if check is None or self.sessions.running:
            return
        self.controller.open(check)
        self.ctx.window.show_screen(CHECK_SCREEN)

    def save_details(self, year_text: str, sex: str) -> None:
        """Keep year of birth and sex; a bad year is refused and nothing is saved."""
        from neuroguide.core.checks import CheckInputError, parse_birth_year

        year = 0
        if year_text.strip():
            try:
                year = parse_birth_year(year_text, date.today().year)
            except CheckInputError as error:
                self.progress_view.show_message(str(error))
                return
        self.ctx.settings.update(birth_year=year, sex=sex)
        self.progress_view.show_message("Saved.")
        self.refresh_progress()

    def _progress_key(self, key: int) -> bool:
        if key == Qt.Key.Key_Escape:
            self.home.go_home()
            return True
        return False

    def _screen_changed(self, _index: int) -> None:
        if self.ctx.window.current_screen == "home":
            self.refresh_home()

    def _look_changed(self, metrics: Metrics) -> None:
        for view in (self._view, self._progress_view):
            if view is not None:
                view.set_metrics(metrics)


def install_checks(
    ctx: AppContext,
    home: Home,
    sessions: Sessions,
    checks: ProgressChecks | None,
    paths: Paths | None = None,
) -> ChecksInstall:
    """Add the progress checks to the running app (``checks`` is ``None`` without a history)."""
    return ChecksInstall(ctx, home, sessions, checks, paths)
