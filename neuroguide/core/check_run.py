"""One guided check run against a clock: steps, spoken cues, the person's mark, the result.

Like the session engine, every time here derives from ``clock.now()``; the GUI and the terminal
only call :meth:`CheckRun.tick` when something is due. One key (Space, or any switch) marks the
moment a balance stance ends (the feet moved or the person held on: the stance is not held) or
the fifth full stand of the sit to stand, so the person never looks at the screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum

from neuroguide.core.check_steps import (
    NEXT_STANCE,
    STOP_ARMS,
    STOP_CHAIR,
    STOP_LAST_STANCE,
    STOP_LOST,
    STOP_TIME_UP,
    UNSTEADY_WORDS,
    CheckStep,
    StepKind,
    check_steps,
    count_words,
    timed_counts,
)
from neuroguide.core.checks import (
    STANCES,
    CheckId,
    CheckResult,
    EndReason,
    balance_result,
    chair_stand_result,
    not_completed,
    sit_to_stand_result,
    stopped_unsteady,
)
from neuroguide.core.clock import Clock
from neuroguide.core.cues import Cue, CuePriority, Tone

__all__ = [
    "NEXT_STANCE",
    "STOP_ARMS",
    "STOP_CHAIR",
    "STOP_LAST_STANCE",
    "STOP_LOST",
    "STOP_TIME_UP",
    "UNSTEADY_WORDS",
    "CheckRun",
    "RunState",
    "captions",
]

LATE_COUNT = 1.0
"""A count more than this many seconds late is skipped rather than said late."""


class RunState(StrEnum):
    """Where a run is."""

    READY = "ready"
    RUNNING = "running"
    FINISHED = "finished"
    """The timed part is over; the result can be taken (a count may still be needed)."""
    UNSTEADY = "unsteady"
    NOT_COMPLETED = "not-completed"
    """The sit to stand ended without its mark (time up, or stopped after Go)."""
    CANCELLED = "cancelled"


class CheckRun:
    """Walks a check's steps against ``clock`` and reports the cues that became due.

    Attributes:
        held: balance: seconds each stance was held so far.
        stopwatch: five times sit to stand: the timed seconds once marked (``None`` without).
        arms_used: the sit to stand was ended with "I needed my arms".
        end_reason: why a run without a result ended (no mark, stopped, unsteady).
    """

    def __init__(self, check: CheckId, clock: Clock, get_ready: int = 5) -> None:
        self.check = check
        self.clock = clock
        self.steps: tuple[CheckStep, ...] = check_steps(check, get_ready)
        self.state = RunState.READY
        self.index = 0
        self.held: list[float] = []
        self.stopwatch: float | None = None
        self.arms_used = False
        self.end_reason: EndReason | None = None
        self._went = False
        self._step_start = 0.0
        self._counts: list[int] = []

    @property
    def step(self) -> CheckStep:
        """The current step."""
        return self.steps[self.index]

    def start(self) -> list[Cue]:
        """Begin with the first step (after the safety screen was confirmed)."""
        if self.state is not RunState.READY:
            return []
        self.state = RunState.RUNNING
        return self._enter(0, self.clock.now())

    def tick(self) -> list[Cue]:
        """Advance to ``clock.now()``; returns every cue that became due, oldest first."""
        cues: list[Cue] = []
        now = self.clock.now()
        while self.state is RunState.RUNNING:
            end = self._step_start + self.step.seconds
            cues += self._due_counts(min(now, end))
            if now < end:
                break
            cues += self._end_step(end)
        return cues

    def mark(self) -> list[Cue]:
        """Space or a switch: the feet moved or the person held on (the balance stance ends as
        not held), or the fifth full stand of the sit to stand."""
        if self.state is not RunState.RUNNING:
            return []
        cues = self.tick()
        if self.state is not RunState.RUNNING:
            return cues
        now = self.clock.now()
        elapsed = now - self._step_start
        if self.step.kind is StepKind.STANCE:
            self.held.append(min(elapsed, self.step.seconds))
            return [*cues, self._finish(STOP_LOST, now)]
        if self.step.kind is StepKind.STOPWATCH:
            self.stopwatch = elapsed
            words = f"Stop. {elapsed:.1f} seconds. Well done."
            return [*cues, self._finish(words, now)]
        return cues

    def arms(self) -> list[Cue]:
        """Sit to stand: "I needed my arms" after Go ends the check (scored as arms needed)."""
        if self.check is not CheckId.SIT_TO_STAND or self.state is not RunState.RUNNING:
            return []
        cues = self.tick()
        if self.state is not RunState.RUNNING or self.step.kind is not StepKind.STOPWATCH:
            return cues
        self.arms_used = True
        return [*cues, self._finish(STOP_ARMS, self.clock.now())]

    def unsteady(self) -> list[Cue]:
        """ "I feel unsteady": the run ends at once and will be stored as stopped for safety."""
        if self.state not in (RunState.READY, RunState.RUNNING):
            return []
        self.state = RunState.UNSTEADY
        self.end_reason = EndReason.UNSTEADY
        return [Cue(UNSTEADY_WORDS, CuePriority.SAFETY, self.clock.now(), step_index=-1)]

    def cancel(self) -> None:
        """Leave (Esc, q, Stop). Nothing is stored, except for the sit to stand once Go was
        said: that is kept as not completed (see :attr:`stored_on_cancel`)."""
        if self.state in (RunState.READY, RunState.RUNNING):
            if self.stored_on_cancel:
                self.state = RunState.NOT_COMPLETED
                self.end_reason = EndReason.STOPPED
            else:
                self.state = RunState.CANCELLED

    @property
    def stored_on_cancel(self) -> bool:
        """Whether leaving now stores "not completed" (the sit to stand after Go)."""
        return self.check is CheckId.SIT_TO_STAND and self._went and self.state is RunState.RUNNING

    def seconds_to_next_event(self) -> float | None:
        """Seconds until the next cue or step end; ``None`` when nothing more will happen."""
        if self.state is not RunState.RUNNING:
            return None
        now = self.clock.now()
        end = self._step_start + self.step.seconds
        due = [end] + [end - n for n in self._counts]
        return max(0.0, min(due) - now)

    def seconds_to_next_change(self) -> float | None:
        """Seconds until the next cue, step end or change of the shown whole seconds."""
        due = self.seconds_to_next_event()
        if due is None:
            return None
        elapsed = self.clock.now() - self._step_start
        return min(due, 1.0 - (elapsed % 1.0))

    def fraction_left(self) -> float:
        """How much of the current step is left (0 to 1), for a ring that empties."""
        if self.state is not RunState.RUNNING or self.step.seconds <= 0:
            return 0.0
        elapsed = self.clock.now() - self._step_start
        return max(0.0, min(1.0, 1.0 - elapsed / self.step.seconds))

    def display_seconds(self) -> int | None:
        """The whole seconds to show: left in a countdown, gone on the stopwatch."""
        if self.state is not RunState.RUNNING:
            return None
        elapsed = self.clock.now() - self._step_start
        if self.step.kind is StepKind.STOPWATCH:
            return int(elapsed)
        if self.step.kind is StepKind.SAY:
            return None
        return max(0, math.ceil(self.step.seconds - elapsed - 1e-9))

    @property
    def ended(self) -> bool:
        """True when the run has something to store (a result, a stop or not completed)."""
        return self.state in (RunState.FINISHED, RunState.UNSTEADY, RunState.NOT_COMPLETED)

    @property
    def needs_count(self) -> bool:
        """True when the person still has to enter a count (the chair stand)."""
        return self.check is CheckId.CHAIR_STAND and self.state is RunState.FINISHED

    def result(self, count: int | None = None, *, arms_used: bool = False) -> CheckResult:
        """The result to store; raises :class:`CheckInputError` for a count out of range.

        Raises:
            RuntimeError: the run has not ended (or was cancelled): there is nothing to store.
        """
        if self.state is RunState.UNSTEADY:
            return stopped_unsteady(self.check)
        if self.state is RunState.NOT_COMPLETED:
            return not_completed(self.check, self.end_reason or EndReason.STOPPED)
        if self.state is not RunState.FINISHED:
            raise RuntimeError("the check has not ended")
        if self.check is CheckId.CHAIR_STAND:
            return chair_stand_result(-1 if count is None else count, arms_used=arms_used)
        if self.check is CheckId.BALANCE:
            return balance_result(self.held)
        return sit_to_stand_result(self.stopwatch, arms_used=arms_used or self.arms_used)

    def _enter(self, index: int, at: float) -> list[Cue]:
        self.index = index
        self._step_start = at
        step = self.step
        self._counts = sorted(timed_counts(step.kind, step.seconds), reverse=True)
        if step.kind is StepKind.SAY:
            return [Cue(step.text, CuePriority.NAME, at, step_index=index)]
        if step.kind in (StepKind.TIMED, StepKind.STOPWATCH, StepKind.STANCE):
            self._went = True
        if step.kind is StepKind.GET_READY:
            return [Cue(step.text, CuePriority.TRANSITION, at, phase_index=index, tone=Tone.REST)]
        return [Cue(step.text, CuePriority.TRANSITION, at, phase_index=index, tone=Tone.WORK)]

    def _due_counts(self, upto: float) -> list[Cue]:
        cues: list[Cue] = []
        end = self._step_start + self.step.seconds
        while self._counts and end - self._counts[0] <= upto + 1e-9:
            number = self._counts.pop(0)
            at = end - number
            if self.clock.now() - at <= LATE_COUNT:
                words = count_words(number)
                cues.append(
                    Cue(words, CuePriority.COUNT, at, phase_index=self.index, tone=Tone.TICK)
                )
        return cues

    def _end_step(self, at: float) -> list[Cue]:
        step = self.step
        if step.kind is StepKind.TIMED:
            return [self._finish(STOP_CHAIR, at)]
        if step.kind is StepKind.STOPWATCH:
            cue = self._finish(STOP_TIME_UP, at)
            self.state = RunState.NOT_COMPLETED
            self.end_reason = EndReason.NO_MARK
            return [cue]
        if step.kind is not StepKind.STANCE:
            return self._enter(self.index + 1, at)
        self.held.append(step.seconds)
        if len(self.held) == STANCES:
            return [self._finish(STOP_LAST_STANCE, at)]
        # One utterance, so the praise is never dropped in favour of the next instruction.
        first, *rest = self._enter(self.index + 1, at)
        return [replace(first, text=f"{NEXT_STANCE} {first.text}"), *rest]

    def _finish(self, words: str, at: float) -> Cue:
        self.state = RunState.FINISHED
        self._counts = []
        return Cue(words, CuePriority.TRANSITION, at, phase_index=self.index, tone=Tone.REST)


def captions(cues: Sequence[Cue]) -> list[str]:
    """The words of ``cues``, for a caption line or a test."""
    return [cue.text for cue in cues]
