"""The session flow: starts a routine's session steps, and answers whether one runs.

The steps of one session (seated offer, gentle dose, check-ins, safety check, the player,
the summary) are :class:`~neuroguide.ui.session.steps.SessionSteps`; this class starts them
when a routine is chosen and is what other features know of sessions (it implements
:class:`~neuroguide.ui.context.Sessions`). The home screen is ``ui/home``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from neuroguide.ui.context import AppContext

if TYPE_CHECKING:
    from neuroguide.core.library import Routine
    from neuroguide.core.records import Summary
    from neuroguide.core.speech_plan import ClipLength
    from neuroguide.present.metrics import Metrics
    from neuroguide.store.history import History
    from neuroguide.ui.session.player_presenter import PlayerPresenter
    from neuroguide.ui.session.player_view import PlayerView
    from neuroguide.ui.session.safety_view import SafetyView
    from neuroguide.ui.session.session_controller import SessionController
    from neuroguide.ui.session.steps import SessionSteps
    from neuroguide.ui.session.summary_view import SummaryView


class SessionFlow(QObject):
    """Starts a routine's session steps; the :class:`~neuroguide.ui.context.Sessions` of the app.

    Signals:
        session_started: a session began; carries its SessionController.
        session_ended: a session ended; carries its Summary.
        left: the steps were left (ended, or given up before the player); home follows.
    """

    session_started = Signal(object)
    session_ended = Signal(object)
    left = Signal()

    def __init__(self, ctx: AppContext, history: History | None = None) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.history = history
        self._steps: SessionSteps | None = None
        self.summary: Summary | None = None
        ctx.follow_look(self._look_changed)
        ctx.window.closing.connect(self._closing)

    @property
    def steps(self) -> SessionSteps:
        """The steps of a session (built, with their modules, when the first routine starts)."""
        if self._steps is None:
            from neuroguide.ui.session.steps import SessionSteps

            ctx = self.ctx
            steps = self._steps = SessionSteps(
                ctx.window,
                ctx.settings,
                lambda: ctx.content,
                clock=ctx.clock,
                speaker=ctx.voice,
                history=self.history,
                progress=ctx.progress,
                illustrations=ctx.paths.illustrations,
                metrics=lambda: ctx.metrics,
            )
            steps.session_started.connect(self.session_started)
            steps.session_ended.connect(self._session_ended)
            steps.left.connect(self.left)
        return self._steps

    def _closing(self) -> None:
        if self._steps is not None:
            self._steps.stop_running()  # so a running session is recorded

    # ------------------------------------------------------------- Sessions

    @property
    def running(self) -> bool:
        """Whether a session runs (its player is on)."""
        return self._steps is not None and self._steps.controller is not None

    def start_routine(self, routine_id: str) -> None:
        """Begin ``routine_id``'s session steps (see :mod:`neuroguide.ui.session.steps`)."""
        self.steps.start(self.ctx.content.catalog.routines[routine_id])

    def leave(self) -> bool:
        """Leave a session being prepared or shown; ``True`` if there was one (``left`` follows)."""
        if self._steps is None or self._steps.plan is None:
            return False
        self.steps.leave()
        return True

    def describe_gentle(self) -> str:
        """One line on the gentle start (for the settings screen)."""
        return self.steps.describe_gentle()

    def lengths(self) -> Callable[[Routine], int]:
        """A measure of routines as a session of each would run now (the home cards'): the
        gentle dose and the wheelchair words the settings ask for, what the person knows,
        the voice's clip lengths. It needs neither the session's steps nor a running voice,
        so the home screen's first paint builds neither (see :mod:`neuroguide.core.heard_length`).
        """
        from neuroguide.core.heard_length import as_run_seconds
        from neuroguide.core.speech_plan import measured_once
        from neuroguide.store.session_start import session_start

        settings = self.ctx.settings.settings
        start = session_start(self.history, settings, date.today())
        clips = measured_once(self._clip_lengths())  # each phrase asked once for all the cards

        def length(routine: Routine) -> int:
            return as_run_seconds(
                routine,
                get_ready=settings.get_ready_seconds,
                gentle_level=start.gentle_level,
                wheelchair=settings.wheelchair,
                known=start.known,
                lengths=clips,
            )

        return length

    def _clip_lengths(self) -> ClipLength:
        """The clip lengths of the voice in use; before it is started (the first paint), of
        the voice the settings start: the same phrase cache, so the same lengths."""
        from neuroguide.speech.heard import settings_lengths, speaker_lengths

        voice = self.ctx.voice
        if voice.started:
            return speaker_lengths(voice.speaker)
        return settings_lengths(self.ctx.paths, self.ctx.settings.settings)

    def on_ended(self, listener: Callable[[Summary], None]) -> None:
        """Call ``listener`` with the summary when a session ends."""
        self.session_ended.connect(listener)

    def on_left(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` when the steps are left (the home screen comes back)."""
        self.left.connect(listener)

    # ------------------------------------------------- the session, for tests and tools

    @property
    def controller(self) -> SessionController | None:
        """The running session's controller, if a session runs."""
        return self._steps.controller if self._steps is not None else None

    @property
    def presenter(self) -> PlayerPresenter | None:
        """The player's presenter while a session runs."""
        return self._steps.presenter if self._steps is not None else None

    @property
    def routine(self) -> Routine | None:
        """The routine of the session being prepared or run (after the seated and gentle steps)."""
        plan = self._steps.plan if self._steps is not None else None
        return plan.routine if plan is not None else None

    @property
    def safety(self) -> SafetyView:
        """The safety-check screen (built on first use)."""
        return self.steps.safety

    @property
    def player(self) -> PlayerView:
        """The player screen (built on first use)."""
        return self.steps.player

    @property
    def summary_view(self) -> SummaryView:
        """The summary screen (built on first use)."""
        return self.steps.summary_view

    def _session_ended(self, summary: Summary) -> None:
        self.summary = summary
        self.session_ended.emit(summary)

    def _look_changed(self, metrics: Metrics) -> None:
        if self._steps is None:
            return
        for view in self._steps.built_views():
            view.set_metrics(metrics)  # type: ignore[attr-defined]
        if self.presenter is not None:
            self.presenter.theme = self.ctx.look.theme
            self.presenter.refresh()
