"""Drives the guided check screen: the core CheckRun against the clock, voice and captions.

A precise single-shot QTimer only wakes the run up (just after the next cue or whole second);
every time comes from the run's clock, as in a session. The result is stored the moment it is
known; "I feel unsteady" stores a stop for safety, never a score.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from neuroguide.core.check_norms import age_in, compare
from neuroguide.core.check_progress import Profile, describe
from neuroguide.core.check_run import CheckRun, RunState
from neuroguide.core.check_steps import StepKind
from neuroguide.core.checks import SAFETY_POINTS, CheckId, CheckInputError, CheckResult
from neuroguide.core.clock import Clock, local_now
from neuroguide.core.cues import Cue, CuePriority
from neuroguide.speech.planning import plays_tones
from neuroguide.speech.speaker import Speaker
from neuroguide.speech.tones import TonePlayer
from neuroguide.store.checks import ProgressChecks
from neuroguide.store.database import HistoryError
from neuroguide.store.models import Stamp
from neuroguide.ui.checks.run_view import CheckView

WAKE_MARGIN_MS = 2
NO_PROFILE = (
    "To compare with people of your age, add your year of birth and sex (both optional): "
    "press 'Add my year of birth and sex'."
)


class CheckController(QObject):
    """One guided check at a time on a :class:`CheckView`.

    Signals:
        saved: a result was stored; carries the :class:`CheckResult`.
        left: the person left the check screen (home or progress).
    """

    saved = Signal(object)
    left = Signal()

    def __init__(
        self,
        view: CheckView,
        *,
        clock: Clock,
        speaker: Callable[[], Speaker],
        store: ProgressChecks | None,
        profile: Callable[[], Profile],
        get_ready: Callable[[], int],
        tones: TonePlayer | None = None,
        now: Callable[[], datetime] = local_now,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.clock = clock
        self._speaker = speaker
        self.store = store
        self._profile = profile
        self._get_ready = get_ready
        self._tones = tones
        self._now = now
        self.run: CheckRun | None = None
        self.result: CheckResult | None = None
        self._count: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        view.ready.connect(self.begin)
        view.cancelled.connect(self.cancel)
        view.mark.connect(self.mark)
        view.unsteady.connect(self.unsteady)
        view.count_chosen.connect(self._count_chosen)
        view.answered.connect(self._answered)

    @property
    def running(self) -> bool:
        """True while a check is being timed (a session must not start now)."""
        return self.run is not None and self.run.state is RunState.RUNNING

    def open(self, check: CheckId) -> None:
        """Show the safety page of ``check`` and read it out."""
        self.run = None
        self.result = None
        self._count = None
        self.view.show_safety(check)
        words = "Before you start. " + " ".join(SAFETY_POINTS)
        self._speaker().say(Cue(words, CuePriority.SAFETY, self.clock.now(), step_index=-2))

    def begin(self) -> None:
        """Safety confirmed: the voice explains, counts down, says Go and times the check."""
        self._speaker().interrupt()
        self.run = CheckRun(self.view.check, self.clock, self._get_ready())
        self.view.show_running()
        self._publish(self.run.start())
        self._refresh()

    def tick(self) -> None:
        """The timer fired: everything due now is said and shown."""
        if self.run is None:
            return
        self._publish(self.run.tick())
        self._refresh()

    def mark(self) -> None:
        """Space, a switch, the ring or the mark button: a lost position / the fifth sit."""
        if self.run is None or not self.running:
            return
        cues = self.run.mark()
        if cues:
            self._speaker().interrupt()  # "Stop" now, not after a count
        self._publish(cues)
        self._refresh()

    def unsteady(self) -> None:
        """Stop at once; stored as stopped for safety."""
        if self.run is None or not self.running:
            return
        self._timer.stop()
        self._speaker().interrupt()
        self._publish(self.run.unsteady())
        self._save(self.run.result())

    def cancel(self) -> None:
        """Leave without storing anything."""
        self._timer.stop()
        if self.run is not None:
            self.run.cancel()
        self._speaker().interrupt()
        if self._tones is not None:
            self._tones.stop()
        self.left.emit()

    # ----------------------------------------------------------------- keys

    def handle_key(self, key: int) -> bool:
        """Keys of the check screen; on the running page any key but U and Esc marks."""
        page = self.view.page
        activate = key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if page == "safety":
            if activate:
                self.begin()
            elif key == Qt.Key.Key_Escape:
                self.cancel()
            else:
                return False
            return True
        if page == "running":
            if key == Qt.Key.Key_U:
                self.unsteady()
            elif key == Qt.Key.Key_Escape:
                self.cancel()
            else:
                self.mark()
            return True
        if page == "question":
            if activate or key == Qt.Key.Key_N:
                self._answered(False)
            elif key == Qt.Key.Key_Y:
                self._answered(True)
            else:
                return False
            return True
        if page == "done" and (activate or key == Qt.Key.Key_Escape):
            self.left.emit()
            return True
        return False

    # ----------------------------------------------------------------- inner

    def _publish(self, cues: list[Cue]) -> None:
        speaker = self._speaker()
        for cue in cues:
            self.view.show_caption(cue.text)
            speaker.say(cue)
            if self._tones is not None and cue.tone is not None and not plays_tones(speaker):
                self._tones.play(cue.tone)  # the planned speaker puts tones in its clips

    def _refresh(self) -> None:
        run = self.run
        if run is None:
            return
        if run.state is RunState.RUNNING:
            step = run.step
            detail = {
                StepKind.SAY: "listen",
                StepKind.GET_READY: "get ready",
                StepKind.TIMED: "seconds left",
                StepKind.STANCE: "seconds left",
                StepKind.STOPWATCH: "seconds",
            }[step.kind]
            self.view.show_stance(step.stance)
            self.view.show_time(run.display_seconds(), run.fraction_left(), detail)
            wait = run.seconds_to_next_change()
            if wait is not None:
                self._timer.start(max(0, int(wait * 1000) + WAKE_MARGIN_MS))
            return
        self._timer.stop()
        if run.state is RunState.FINISHED:
            self._after_run(run)

    def _after_run(self, run: CheckRun) -> None:
        if run.check is CheckId.CHAIR_STAND:
            self.view.show_count()
        elif run.check is CheckId.BALANCE:
            self.view.ask(
                "Did you touch the counter or anything else for support?",
                "Your times are kept either way; this is noted for your physiotherapist.",
            )
        else:
            self.view.ask(
                "Did you need your arms to stand up?",
                "Needing your arms scores 0 for this check.",
            )

    def _count_chosen(self, count: int) -> None:
        if self.run is None or self.run.check is not CheckId.CHAIR_STAND:
            return
        self._count = count
        self._finish(arms=count < 0)

    def _answered(self, yes: bool) -> None:
        if self.run is None or self.view.page != "question":
            return
        self._finish(arms=yes, support=yes)

    def _finish(self, *, arms: bool = False, support: bool = False) -> None:
        assert self.run is not None
        try:
            if self.run.check is CheckId.CHAIR_STAND:
                count = 0 if arms else self._count
                result = self.run.result(count, arms_used=arms)
            elif self.run.check is CheckId.BALANCE:
                result = self.run.result(support_used=support)
            else:
                result = self.run.result(arms_used=arms)
        except CheckInputError as error:
            self.view.show_done("Not saved", "", "", str(error))
            return
        self._save(result)

    def _save(self, result: CheckResult) -> None:
        self.result = result
        when = self._now()
        problem = ""
        if self.store is None:
            problem = "The history is not available, so this result was not saved."
        else:
            try:
                self.store.add(result, Stamp.of(when))
            except HistoryError as error:
                problem = str(error)
            else:
                self.saved.emit(result)
        if not result.scored:
            self.view.progress_button.setText("See my progress")
            self.view.show_done(
                "Stopped for your safety",
                "Saved as stopped, not as a score.",
                "Hold on to something steady and sit down. Rest until you feel steady again. "
                "If this keeps happening, tell your physiotherapist or doctor.",
                problem,
            )
            return
        profile = self._profile()
        comparison = compare(result, age_in(when.year, profile.birth_year), profile.sex)
        text = comparison.text
        missing = profile.birth_year is None or profile.sex is None
        if result.check is CheckId.CHAIR_STAND and missing:
            text = NO_PROFILE
        self.view.progress_button.setText(
            "Add my year of birth and sex" if missing else "See my progress"
        )
        self.view.show_done("Well done", f"Your result: {describe(result)}", text, problem)
