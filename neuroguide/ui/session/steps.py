"""A session as an explicit, ordered list of steps, owned by one object.

From the routine a person picks to the summary, a session passes these steps in this order;
each is skipped when its setting (or the routine) says it does not apply:

1. ``seated offer``    — seated only, and the routine has standing steps: offer the seated version.
2. ``gentle dose``     — "start gently" on: scale the dose for the level reached so far.
3. ``check-in before`` — check-ins on, and a history to keep them in.
4. ``safety check``    — standing balance work, and the check not switched off.
5. ``session``         — the player, driven by one :class:`~neuroguide.core.runner.SessionRunner`.
6. ``check-in after``  — as before.
7. ``summary``         — what was done; Space goes home.

:class:`SessionSteps` is given everything it needs when it is built (the window, the settings,
the content, the history, the voice) and nothing is hooked onto it afterwards.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from neuroguide.content.loader import Content
from neuroguide.core.clock import Clock
from neuroguide.core.gentle import FULL_LEVEL, gentle_routine, percent
from neuroguide.core.heard_length import plan_seconds
from neuroguide.core.library import Routine, format_duration
from neuroguide.core.records import Summary
from neuroguide.core.runner import Listener
from neuroguide.core.runner import get_ready_seconds as runner_get_ready
from neuroguide.core.seated import SeatedVersion, seated_version
from neuroguide.core.speech_plan import SpeechPlan
from neuroguide.core.timeline import build_timeline
from neuroguide.core.wheelchair import for_wheelchair
from neuroguide.present.metrics import Metrics
from neuroguide.present.phase_text import (
    planned_parts,
    summary_figures,
    summary_heading,
    summary_lines,
)
from neuroguide.present.progress import ProgressSource
from neuroguide.settings import Settings
from neuroguide.settings_store import SettingsStore
from neuroguide.speech.planning import plays_tones, render_ahead, start_plan
from neuroguide.speech.speaker import Speaker
from neuroguide.store.history import History
from neuroguide.store.models import CheckIn, Moment
from neuroguide.store.session_start import SessionStart, session_start
from neuroguide.ui.shell.main_window import KeyHandler, MainWindow

if TYPE_CHECKING:
    from neuroguide.ui.session.checkin_view import CheckInWidget
    from neuroguide.ui.session.player_presenter import PlayerPresenter
    from neuroguide.ui.session.player_view import PlayerView
    from neuroguide.ui.session.safety_view import SafetyView
    from neuroguide.ui.session.seated_offer_view import SeatedOfferView
    from neuroguide.ui.session.session_controller import SessionController
    from neuroguide.ui.session.summary_view import SummaryView


@dataclass
class SessionPlan:
    """What one session carries from step to step."""

    chosen: Routine
    """The routine the person picked (what "again" starts)."""
    routine: Routine
    """The routine that runs: the chosen one after the seated and gentle steps."""
    start: SessionStart
    """What the history said when the routine was chosen (the gentle level, known exercises)."""
    summary: Summary | None = None
    length: int = 0
    """Seconds the session was planned to take, as heard (its "planned" on the summary)."""


@dataclass(frozen=True)
class Step:
    """One step of a session: when it applies, and what it does (it calls ``proceed`` later)."""

    name: str
    wanted: Callable[[SessionPlan], bool]
    enter: Callable[[SessionPlan], None]


class SessionSteps(QObject):
    """Runs one session at a time through its steps, from the chosen routine to the summary.

    Signals:
        session_started: the player began a session; carries its SessionController.
        session_ended: the session itself ended; carries its Summary.
        left: the person left the steps (finished, cancelled, or went home).
    """

    session_started = Signal(object)
    session_ended = Signal(object)
    left = Signal()

    def __init__(
        self,
        window: MainWindow,
        store: SettingsStore,
        content: Callable[[], Content],
        *,
        clock: Clock,
        speaker: Callable[[], Speaker],
        history: History | None,
        progress: ProgressSource,
        illustrations: Path,
        metrics: Callable[[], Metrics],
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self._content = content
        self.clock = clock
        self._speaker = speaker
        self.history = history
        self.progress = progress
        self._illustrations = illustrations
        self._metrics = metrics
        self._today = today
        self.plan: SessionPlan | None = None
        self.controller: SessionController | None = None
        self.presenter: PlayerPresenter | None = None
        self._index = 0
        self._views: dict[str, object] = {}
        self._pending_version: SeatedVersion | None = None
        self._last_chosen: Routine | None = None
        self.steps: tuple[Step, ...] = (
            Step("seated offer", self._seated_wanted, self._offer_seated),
            Step("gentle dose", lambda _plan: self.settings.start_gently, self._apply_gentle),
            Step("check-in before", self._checkins_wanted, self._check_in_before),
            Step("safety check", self._safety_wanted, self._check_safety),
            Step("session", lambda _plan: True, self._run),
            Step("check-in after", self._checkin_after_wanted, self._check_in_after),
            Step("summary", lambda _plan: True, self._show_summary),
        )

    @property
    def settings(self) -> Settings:
        """The settings as they are now."""
        return self.store.settings

    def session_start(self) -> SessionStart:
        """What the history says now: the gentle level reached, the exercises done before."""
        return session_start(self.history, self.settings, self._today())

    # ----------------------------------------------------------------- walking

    def start(self, routine: Routine) -> None:
        """Begin the steps for ``routine``."""
        self.end_player()
        self.plan = SessionPlan(chosen=routine, routine=routine, start=self.session_start())
        self._index = -1
        self._render_ahead(self.plan)  # rendering starts now, while the steps before are done
        self.proceed()

    def proceed(self) -> None:
        """Go on to the next step that applies."""
        plan = self.plan
        if plan is None:
            return
        while self._index + 1 < len(self.steps):
            self._index += 1
            step = self.steps[self._index]
            if step.wanted(plan):
                step.enter(plan)
                return
        self.leave()

    @property
    def current_step(self) -> str:
        """The name of the step on show ("" between sessions)."""
        if self.plan is None or not 0 <= self._index < len(self.steps):
            return ""
        return self.steps[self._index].name

    def leave(self) -> None:
        """Leave the steps (and any player) and let the app go home."""
        self.end_player()
        self.plan = None
        self._pending_version = None
        self.left.emit()

    def again(self) -> None:
        """Run the routine of the last session again."""
        routine = self._last_chosen
        if routine is not None:
            self.start(routine)

    # --------------------------------------------------------------- screens

    def _screen(
        self, name: str, build: Callable[[], object], keys: KeyHandler | None = None
    ) -> object:
        """The screen ``name``, built and added to the window on first use."""
        view = self._views.get(name)
        if view is None:
            view = self._views[name] = build()
            self.window.add_screen(name, view, keys)  # type: ignore[arg-type]
        return view

    def built_views(self) -> list[object]:
        """Every screen built so far (for a change of look)."""
        return list(self._views.values())

    @property
    def safety(self) -> SafetyView:
        """The safety-check screen."""
        from neuroguide.ui.session.safety_view import SafetyView

        def build() -> SafetyView:
            view = SafetyView(self._metrics())
            view.confirmed.connect(self.proceed)
            view.cancelled.connect(self.leave)
            view.switched_off.connect(self._safety_switched_off)
            return view

        return self._screen("safety", build, self._safety_key)  # type: ignore[return-value]

    @property
    def player(self) -> PlayerView:
        """The player screen."""
        from neuroguide.ui.session.player_view import PlayerView

        view = self._screen("player", lambda: PlayerView(self._metrics()), self._player_key)
        return view  # type: ignore[return-value]

    @property
    def summary_view(self) -> SummaryView:
        """The summary screen."""
        from neuroguide.ui.session.summary_view import SummaryView

        def build() -> SummaryView:
            view = SummaryView(self._metrics())
            view.home_requested.connect(self.proceed)
            view.again_requested.connect(self.again)
            return view

        return self._screen("summary", build, self._summary_key)  # type: ignore[return-value]

    @property
    def seated_offer(self) -> SeatedOfferView:
        """The screen that offers a routine's seated version."""
        from neuroguide.ui.session.seated_offer_view import SeatedOfferView

        def build() -> SeatedOfferView:
            view = SeatedOfferView(self._metrics())
            view.seated_chosen.connect(lambda: self._seated_chosen(seated=True))
            view.as_written_chosen.connect(lambda: self._seated_chosen(seated=False))
            view.back_requested.connect(self.leave)
            view.wheelchair_answered.connect(self._wheelchair_answered)
            return view

        return self._screen("seated-offer", build)  # type: ignore[return-value]

    def checkin_view(self, moment: Moment) -> CheckInWidget:
        """The check-in screen before or after a session."""
        from neuroguide.ui.session.checkin_view import CheckInWidget

        def build() -> CheckInWidget:
            view = CheckInWidget(moment, self._metrics())
            view.answered.connect(lambda checkin: self._checked_in(moment, checkin))
            view.skipped.connect(lambda: self._checked_in(moment, None))
            return view

        return self._screen(f"checkin-{moment.value}", build)  # type: ignore[return-value]

    # ------------------------------------------------------ 1. seated offer

    def _seated_wanted(self, plan: SessionPlan) -> bool:
        if not self.settings.seated_only:
            return False
        return seated_version(plan.routine, self._content().library).changed

    def _offer_seated(self, plan: SessionPlan) -> None:
        version = self._pending_version = seated_version(plan.routine, self._content().library)
        offer = self.seated_offer
        offer.set_metrics(self._metrics())
        offer.show_version(version)
        if not (self.settings.wheelchair_asked or self.settings.wheelchair):
            offer.ask_wheelchair()  # once, where the seated profile is first offered
        self.window.show_screen("seated-offer")

    def _wheelchair_answered(self, yes: bool) -> None:
        """Remember the answer; a wheelchair user's session says the wheelchair words."""
        self.store.update(wheelchair=yes, wheelchair_asked=True)

    def _seated_chosen(self, *, seated: bool) -> None:
        version, self._pending_version = self._pending_version, None
        if version is None or self.plan is None:
            return
        if seated and version.routine is not None:
            self.plan.routine = version.routine
        self.proceed()

    # ------------------------------------------------------- 2. gentle dose

    def gentle_level(self) -> int:
        """How far "start gently" has come (the first level when it is off or unknown)."""
        return self.session_start().gentle_level or 0

    def _apply_gentle(self, plan: SessionPlan) -> None:
        plan.routine = gentle_routine(plan.routine, plan.start.gentle_level or 0)
        self.proceed()

    # ---------------------------------------------------------- 3, 6. check-ins

    def _checkins_wanted(self, _plan: SessionPlan) -> bool:
        return self.history is not None and self.settings.checkins

    def _checkin_after_wanted(self, plan: SessionPlan) -> bool:
        return self._checkins_wanted(plan) and plan.summary is not None

    def _check_in_before(self, _plan: SessionPlan) -> None:
        self._show_checkin(Moment.BEFORE)

    def _check_in_after(self, _plan: SessionPlan) -> None:
        self._show_checkin(Moment.AFTER)

    def _show_checkin(self, moment: Moment) -> None:
        view = self.checkin_view(moment)
        view.set_metrics(self._metrics())
        view.clear()
        self.window.show_screen(f"checkin-{moment.value}")

    def _checked_in(self, moment: Moment, checkin: CheckIn | None) -> None:
        if self.history is not None:
            try:
                if moment is Moment.BEFORE:
                    self.history.set_before_checkin(checkin)
                elif checkin is not None:
                    self.history.save_after_checkin(checkin)
            except Exception as error:
                self._report("history", error)
        self.proceed()

    # ------------------------------------------------------- 4. safety check

    def _safety_wanted(self, plan: SessionPlan) -> bool:
        return plan.routine.has_standing_balance and self.settings.safety_check

    def _check_safety(self, plan: SessionPlan) -> None:
        self.safety.set_routine(plan.routine.name)
        self.window.show_screen("safety")

    def _safety_switched_off(self) -> None:
        self.store.update(safety_check=False)
        self.proceed()

    # ----------------------------------------------------------- 5. session

    def _run(self, plan: SessionPlan) -> None:
        from neuroguide.speech.tones import TonePlayer
        from neuroguide.ui.session.player_presenter import PlayerPresenter
        from neuroguide.ui.session.session_controller import SessionController
        from neuroguide.ui.shell.theme import resolve_theme

        self.end_player()
        settings = self.settings
        listeners = [Listener("progress", self.progress)]
        if self.history is not None:
            listeners.append(Listener("history", self.history.recorder))
        self._last_chosen = plan.chosen
        speaker = self._speaker()
        speech = self._plan_speech(plan)
        plan.length = plan_seconds(speech)
        controller = SessionController(
            speech.routine,  # with the wheelchair words, for a wheelchair user
            self.clock,
            speaker=speaker,
            tones=(
                TonePlayer(self._illustrations.parent)
                if settings.tones and not plays_tones(speaker)
                else None
            ),
            listeners=listeners,
            ready_by_step=speech.ready_by_step,
            switch_by_step=speech.switch_by_step,
            ready_again_by_step=speech.ready_again_by_step,
            known=plan.start.known,
            lengths=speech.lengths,
            get_ready_seconds=settings.get_ready_seconds,
            auto_advance=settings.auto_advance,
            captions=settings.captions,
            on_error=self._report,
            parent=self,
        )
        presenter = PlayerPresenter(
            self.player, controller, resolve_theme(settings.theme), self._illustrations, self
        )
        presenter.title_changed.connect(self.window.setWindowTitle)
        controller.finished.connect(self._finished)
        self.controller, self.presenter = controller, presenter
        self.window.show_screen("player")
        self.session_started.emit(controller)
        controller.start()

    def _plan_speech(self, plan: SessionPlan) -> SpeechPlan:
        """Plan the routine's words and start rendering them (never waits); the get-ready
        lengths come from the clips rendered so far, estimated for the others."""
        routine, minimum = self._as_said(plan)
        return start_plan(routine, self._speaker(), minimum=minimum, known=plan.start.known)

    def _render_ahead(self, plan: SessionPlan) -> None:
        """Plan the chosen routine's words and render them, off the window's thread (the
        history was read on this thread, in :meth:`start`: SQLite stays on it)."""
        routine, minimum = self._as_said(plan)
        render_ahead(routine, self._speaker(), minimum=minimum, known=plan.start.known)

    def _as_said(self, plan: SessionPlan) -> tuple[Routine, int]:
        """The plan's routine as the voice says it (with the wheelchair words when the
        settings ask) and its shortest get-ready: what planning and rendering both start from."""
        routine = plan.routine
        if self.settings.wheelchair:
            routine = for_wheelchair(routine)
        return routine, runner_get_ready(routine, self.settings.get_ready_seconds)

    def _finished(self, summary: Summary) -> None:
        if self.plan is None:
            return
        self.plan.summary = summary
        self.end_player()
        self.session_ended.emit(summary)
        self.proceed()

    def _report(self, role: str, error: BaseException) -> None:
        """Say once, in the window and on stderr, that a part failed and the session goes on."""
        words = LISTENER_TROUBLE.get(role, f"Part of NeuroGuide ({role}) failed")
        message = f"{words} ({error}). The session carries on."
        print(f"neuroguide: {message}", file=sys.stderr)
        self.window.notice_requested.emit(message)

    def end_player(self) -> None:
        """Stop and let go of the player's controller and presenter, if any."""
        if self.presenter is not None:
            self.presenter.detach()
            self.presenter.deleteLater()
            self.presenter = None
        if self.controller is not None:
            self.controller.shutdown()
            self.controller.deleteLater()
            self.controller = None

    def stop_running(self) -> None:
        """The window is closing: stop a running session, so it is recorded."""
        if self.controller is not None:
            self.controller.stop()

    # ----------------------------------------------------------- 7. summary

    def _show_summary(self, plan: SessionPlan) -> None:
        summary = plan.summary
        if summary is None:  # nothing ran (cannot happen: the session step always runs)
            self.leave()
            return
        figures = summary_figures(
            summary,
            format_duration(plan.length),
            format_duration(summary.active_seconds),
            format_duration(summary.elapsed_seconds),
        )
        planned = planned_parts(build_timeline(plan.routine))  # sets counted as sets
        exercises = dict(self._content().library.exercises)  # and the routine's own, by name
        exercises.update({step.exercise.id: step.exercise for step in plan.routine.steps})
        self.summary_view.show_summary(
            summary_heading(summary),
            plan.routine.name,
            figures,
            summary_lines(summary, exercises, planned),
        )
        self.window.show_screen("summary")  # titled "Session finished" by the summary

    # ----------------------------------------------------------------- keys

    def _safety_key(self, key: int) -> bool:
        from PySide6.QtCore import Qt

        if self.safety.asking:  # "skip this check from now on?" has its own safe keys
            return self.safety.handle_question_key(key)
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.proceed()
        elif key == Qt.Key.Key_Escape:
            self.leave()
        else:
            return False
        return True

    def _player_key(self, key: int) -> bool:
        return self.presenter is not None and self.presenter.handle_key(key)

    def _summary_key(self, key: int) -> bool:
        from PySide6.QtCore import Qt

        if self.summary_view.handle_key(key):  # Esc on "What you did": back to the result
            return True
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.proceed()
            return True
        return False

    # ------------------------------------------------------ for the settings

    def describe_gentle(self) -> str:
        """Where "start gently" stands, in words for the settings screen."""
        if not self.settings.start_gently:
            return "Start gently is off: every routine runs at its full amount."
        level = self.gentle_level()
        if level >= FULL_LEVEL:
            return "You have reached the full amount. You can switch start gently off."
        return (
            f"Sessions now run at {percent(level)} % of the full amount. Each session you finish "
            "without more pain afterwards brings you closer to the full amount."
        )


LISTENER_TROUBLE = {
    "history": "This session could not be saved in your history",
    "voice": "The voice stopped working; the captions carry on",
    "screen": "The screen could not show the latest part",
    "progress": "Today's minutes could not be counted",
}
"""What a failing part means to the person, by its role in the runner."""
