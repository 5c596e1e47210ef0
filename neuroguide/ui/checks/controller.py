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
from neuroguide.core.checks import (
    SAFETY_POINTS,
    CheckId,
    CheckInputError,
    CheckOutcome,
    CheckResult,
)
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
STOPPED_WORDS = "Stopped. Sit down and rest. The check is kept as not completed."
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
        view.arms.connect(self.arms)
        view.unsteady.connect(self.unsteady)
        view.count_chosen.connect(self._count_chosen)

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
        """Space, a switch, the ring or the mark button: the feet moved or the person held on
        (the balance position ends, not held), or the fifth full stand."""
        if self.run is None or not self.running:
            return
        cues = self.run.mark()
        if cues:
            self._speaker().interrupt()  # "Stop" now, not after a count
        self._publish(cues)
        self._refresh()

    def arms(self) -> None:
        """Sit to stand: "I needed my arms" ends the check (stored as arms needed)."""
        if self.run is None or not self.running:
            return
        cues = self.run.arms()
        if cues:
            self._speaker().interrupt()
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
        """Leave: nothing is stored, except a sit to stand after Go (kept as not completed)."""
        self._timer.stop()
        self._speaker().interrupt()
        if self._tones is not None:
            self._tones.stop()
        run = self.run
        if run is not None and run.stored_on_cancel:
            run.cancel()
            self._publish([Cue(STOPPED_WORDS, CuePriority.TRANSITION, self.clock.now())])
            self._save(run.result())
            return
        if run is not None:
            run.cancel()
        self.left.emit()

    # ----------------------------------------------------------------- keys

    def handle_key(self, key: int) -> bool:
        """Keys of the check screen; on the running page any key but U and Esc marks (in the
        chair stand, which has nothing to mark, Space, the switch, stops for safety)."""
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
            nothing_to_mark = self.view.check is CheckId.CHAIR_STAND
            if key == Qt.Key.Key_U or (key == Qt.Key.Key_Space and nothing_to_mark):
                self.unsteady()  # the chair stand's one action for the switch is the stop
            elif key == Qt.Key.Key_Escape:
                self.cancel()
            elif key == Qt.Key.Key_A and self.view.check is CheckId.SIT_TO_STAND:
                self.arms()
            else:
                self.mark()
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
        if run.state is RunState.FINISHED and run.check is CheckId.CHAIR_STAND:
            self.view.show_count()
        elif run.state in (RunState.FINISHED, RunState.NOT_COMPLETED):
            self._finish()

    def _count_chosen(self, count: int) -> None:
        if self.run is None or self.run.check is not CheckId.CHAIR_STAND:
            return
        self._count = count
        self._finish(arms=count < 0)

    def _finish(self, *, arms: bool = False) -> None:
        assert self.run is not None
        try:
            if self.run.check is CheckId.CHAIR_STAND:
                count = 0 if arms else self._count
                result = self.run.result(count, arms_used=arms)
            else:
                result = self.run.result()
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
        if result.outcome is CheckOutcome.NOT_COMPLETED:
            self.view.progress_button.setText("See my progress")
            self.view.show_done(
                "Not completed",
                f"Saved as {describe(result)}: not as a time.",
                compare(result, None, None).text,
                problem,
            )
            return
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
