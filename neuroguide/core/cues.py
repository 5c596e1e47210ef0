"""Which words are spoken (and captioned) when: engine events in, cues out.

Pure Python, so the wording and its timing are tested with a fake clock. Priorities let the
speech layer keep the exercise name and safety words and drop a stale count instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from neuroguide.core.events import (
    Event,
    Halfway,
    LastSeconds,
    Milestone,
    PauseReason,
    PhaseStarted,
    RepCounted,
    RepMoved,
    SessionFinished,
    SessionPaused,
    SessionResumed,
    SetDone,
    SideSwitched,
)
from neuroguide.core.library import format_duration
from neuroguide.core.records import ItemStatus, Outcome
from neuroguide.core.timeline import Phase, PhaseKind

NUMBER_WORDS = {1: "once", 2: "twice", 3: "three times", 4: "four times", 5: "five times"}


class CuePriority(IntEnum):
    """Higher goes first and may displace lower; counts are the first to be dropped."""

    COUNT = 1
    TRANSITION = 2
    NAME = 3
    SAFETY = 4


@dataclass(frozen=True)
class Cue:
    """Words to say and show; ``at`` is when they became true, ``phase_index`` their phase."""

    text: str
    priority: CuePriority
    at: float
    phase_index: int | None = None


def side_phrase(phase: Phase) -> str:
    """``your left leg`` / ``your right side``; empty for exercises done with both sides."""
    if phase.side is None:
        return ""
    word = phase.exercise.side_word or "side"
    return f"your {phase.side} {word}"


def dose_phrase(phase: Phase) -> str:
    """``Hold for 15 seconds, three times on each leg.`` and the like."""
    dose = phase.step.dose
    times = NUMBER_WORDS.get(dose.sets, f"{dose.sets} times")
    each = f" on each {phase.exercise.side_word or 'side'}" if dose.sides else ""
    if dose.hold is not None:
        repeat = f", {times}{each}" if dose.sets > 1 or dose.sides else ""
        return f"Hold for {dose.hold} seconds{repeat}."
    if dose.reps is not None:
        sets = f", {dose.sets} sets" if dose.sets > 1 else ""
        return f"{dose.reps} slow repetitions{sets}{each}."
    return f"Keep going for {format_duration(dose.work_seconds)}."


class CueWriter:
    """Turns events into cues; stateless apart from knowing what was last announced."""

    def cues_for(self, events: Sequence[Event]) -> list[Cue]:
        """Every cue the events call for, in order."""
        cues: list[Cue] = []
        for event in events:
            cues += self._cues(event)
        return cues

    def _cues(self, event: Event) -> list[Cue]:
        if isinstance(event, PhaseStarted):
            return self._phase_started(event)
        if isinstance(event, SideSwitched) and event.to_side:
            words = f"Switch to {side_phrase(event.phase)}."
            return [Cue(words, CuePriority.NAME, event.at, event.phase.index)]
        if isinstance(event, Halfway):
            return [Cue("Halfway.", CuePriority.TRANSITION, event.at, event.phase.index)]
        if isinstance(event, LastSeconds) and event.phase.kind is not PhaseKind.GET_READY:
            text = "5 seconds." if event.seconds == 5 else f"{event.seconds}"
            return [Cue(text, CuePriority.COUNT, event.at, event.phase.index)]
        if isinstance(event, RepMoved):
            return [Cue(f"{event.movement}", CuePriority.COUNT, event.at, event.phase.index)]
        if isinstance(event, RepCounted):
            text = f"{event.rep}"
            if event.of - event.rep == 2:
                text += ", last two"
            return [Cue(text, CuePriority.COUNT, event.at, event.phase.index)]
        if isinstance(event, Milestone):
            return [self._milestone(event)]
        if isinstance(event, SetDone):
            if event.record.status is ItemStatus.COMPLETED:
                return [Cue("And relax.", CuePriority.TRANSITION, event.at)]
            return []
        if isinstance(event, SessionPaused):
            return [self._paused(event)]
        if isinstance(event, SessionResumed):
            return [Cue("Carrying on.", CuePriority.TRANSITION, event.at)]
        if isinstance(event, SessionFinished):
            return [self._finished(event)]
        return []

    def _phase_started(self, event: PhaseStarted) -> list[Cue]:
        phase = event.phase
        exercise = phase.exercise
        at, index = event.at, phase.index
        if phase.kind is PhaseKind.GET_READY:
            side = side_phrase(phase)
            first = exercise.steps[0]
            words = " ".join(
                part
                for part in (
                    f"{exercise.name}.",
                    f"Start with {side}." if side else "",
                    dose_phrase(phase),
                    first,
                )
                if part
            )
            cues = [Cue(words, CuePriority.NAME, at, index)]
            safety = phase.step.note or (exercise.safety[0] if exercise.safety else "")
            if safety:
                cues.append(Cue(safety, CuePriority.SAFETY, at, index))
            return cues
        if phase.kind is PhaseKind.HOLD:
            text = "Hold." if phase.sets == 1 else f"Hold. {phase.set_number} of {phase.sets}."
            return [Cue(text, CuePriority.TRANSITION, at, index)]
        if phase.kind is PhaseKind.REPS:
            return [Cue(f"Begin. {phase.reps} reps.", CuePriority.TRANSITION, at, index)]
        if phase.kind is PhaseKind.TIMED:
            words = f"Go. {format_duration(phase.seconds)}."
            return [Cue(words, CuePriority.TRANSITION, at, index)]
        if phase.kind is PhaseKind.REST:
            words = f"Rest for {phase.step.dose.rest} seconds."
            return [Cue(words, CuePriority.TRANSITION, at, index)]
        return []

    def _milestone(self, event: Milestone) -> Cue:
        if event.kind == "last-minute":
            text = "Last minute."
        else:
            done, left = format_duration(event.elapsed), format_duration(event.remaining)
            text = f"{done} done, {left} to go."
        return Cue(text, CuePriority.TRANSITION, event.at, event.phase.index)

    def _paused(self, event: SessionPaused) -> Cue:
        if event.reason is PauseReason.UNSTEADY:
            text = "Paused. Hold on to something steady or sit down. Take your time."
            return Cue(text, CuePriority.SAFETY, event.at)
        if event.reason is PauseReason.MACHINE_SLEEP:
            text = "Paused. The computer was asleep, so your session waited for you."
            return Cue(text, CuePriority.SAFETY, event.at)
        return Cue("Paused.", CuePriority.NAME, event.at)

    def _finished(self, event: SessionFinished) -> Cue:
        summary = event.summary
        active = format_duration(summary.active_seconds)
        if summary.outcome is Outcome.FINISHED:
            text = f"All done. You were active for {active}. Well done."
        else:
            text = f"Session stopped. You were active for {active}. Every bit counts."
        return Cue(text, CuePriority.NAME, event.at)
