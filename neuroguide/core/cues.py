"""Which words are spoken (and captioned) when: engine events in, cues out.

Pure Python, so the wording and its timing are tested with a fake clock. Priorities let the
speech layer keep the exercise name and safety words and drop a stale count instead. Cues due
at the same moment are joined into one, so a phrase is never split across two utterances that
the speech layer might treat differently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum

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
    TimeAdded,
)
from neuroguide.core.records import ItemStatus, Outcome
from neuroguide.core.timeline import Phase, PhaseKind

TIMES = {1: "once", 2: "twice", 3: "three times", 4: "four times", 5: "five times"}
SAME_MOMENT = 1e-6
"""Cues whose ``at`` differ by less than this are said as one."""


class CuePriority(IntEnum):
    """Higher goes first and may displace lower; counts are the first to be dropped."""

    COUNT = 1
    TRANSITION = 2
    NAME = 3
    SAFETY = 4


class Tone(StrEnum):
    """The short sound that goes with a cue (``resources/sounds/<tone>.wav``)."""

    TICK = "tick"
    WORK = "work"
    REST = "rest"


_TONE_RANK = {None: 0, Tone.TICK: 1, Tone.REST: 2, Tone.WORK: 3}


@dataclass(frozen=True)
class Cue:
    """Words to say and show.

    ``at`` is when they became true; ``phase_index`` and ``step_index`` say which phase and
    step they belong to, so the speech layer can drop them once that phase or step is over;
    ``tone`` is the sound that may accompany them.
    """

    text: str
    priority: CuePriority
    at: float
    phase_index: int | None = None
    step_index: int | None = None
    tone: Tone | None = None


def spoken_duration(seconds: float) -> str:
    """``75`` -> ``1 minute 15 seconds``: words a voice reads well (never ``s`` or ``min``)."""
    whole = int(-(-seconds // 1))
    minutes, secs = divmod(whole, 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'' if minutes == 1 else 's'}")
    if secs or not minutes:
        parts.append(f"{secs} second{'' if secs == 1 else 's'}")
    return " ".join(parts)


def side_phrase(phase: Phase) -> str:
    """``your left leg`` / ``your right side``; empty for exercises done with both sides."""
    if phase.side is None:
        return ""
    word = phase.exercise.side_word or "side"
    return f"your {phase.side} {word}"


def dose_phrase(phase: Phase) -> str:
    """``Hold for 15 seconds, three times on each leg.`` and the like."""
    dose = phase.step.dose
    each = f" on each {phase.exercise.side_word or 'side'}" if dose.sides else ""
    if dose.hold is not None:
        times = f", {TIMES.get(dose.sets, f'{dose.sets} times')}" if dose.sets > 1 else ""
        return f"Hold for {spoken_duration(dose.hold)}{times}{each}."
    if dose.reps is not None:
        noun = "repetition" if dose.reps == 1 else "repetitions"
        sets = f", {dose.sets} sets" if dose.sets > 1 else ""
        return f"{dose.reps} slow {noun}{sets}{each}."
    return f"Keep going for {spoken_duration(dose.work_seconds)}{each}."


def breathing_line(phase: Phase) -> str:
    """The exercise's own reminder to breathe, if its safety notes have one."""
    return next((line for line in phase.exercise.safety if "breath" in line.lower()), "")


class CueWriter:
    """Turns events into cues; it remembers only which step it last announced.

    Given the session's timeline it can also say what comes next during a rest and notice a
    change of side that has no switch-sides phase of its own.
    """

    def __init__(self, timeline: Sequence[Phase] = ()) -> None:
        self._timeline = tuple(timeline)
        self._step_seen: int | None = None

    def cues_for(self, events: Sequence[Event]) -> list[Cue]:
        """Every cue the events call for, in order; cues of the same moment joined into one."""
        cues: list[Cue] = []
        for event in events:
            for cue in self._cues(event):
                if cues and abs(cues[-1].at - cue.at) < SAME_MOMENT:
                    cues[-1] = join(cues[-1], cue)
                else:
                    cues.append(cue)
        return cues

    # ----------------------------------------------------------------- events

    def _cues(self, event: Event) -> list[Cue]:
        if isinstance(event, PhaseStarted):
            return self._phase_started(event.phase, event.at)
        if isinstance(event, SideSwitched) and event.to_side:
            words = f"Switch to {side_phrase(event.phase)}."
            return [_cue(words, CuePriority.TRANSITION, event.at, event.phase, Tone.REST)]
        if isinstance(event, Halfway):
            return [self._halfway(event)]
        if isinstance(event, LastSeconds):
            return self._last_seconds(event)
        if isinstance(event, RepMoved):
            words = "Up." if event.movement == "up" else "And down."
            return [_cue(words, CuePriority.COUNT, event.at, event.phase)]
        if isinstance(event, RepCounted):
            words = f"{event.rep}."
            if event.of - event.rep == 2:
                words += " Last two."
            return [_cue(words, CuePriority.COUNT, event.at, event.phase, Tone.TICK)]
        if isinstance(event, Milestone):
            return [self._milestone(event)]
        if isinstance(event, SetDone):
            return self._set_done(event)
        if isinstance(event, TimeAdded):
            words = f"{spoken_duration(event.seconds)} more."
            return [_cue(words, CuePriority.TRANSITION, event.at, event.phase)]
        if isinstance(event, SessionPaused):
            return [self._paused(event)]
        if isinstance(event, SessionResumed):
            return [Cue("Carrying on.", CuePriority.TRANSITION, event.at)]
        if isinstance(event, SessionFinished):
            return [self._finished(event)]
        return []

    def _phase_started(self, phase: Phase, at: float) -> list[Cue]:
        # Announce each exercise as its step begins, with or without a get-ready phase.
        new_step = phase.step_index != self._step_seen
        self._step_seen = phase.step_index
        if phase.kind is PhaseKind.GET_READY:
            return self._announce(phase, at)
        cues = self._announce(phase, at) if new_step else []
        if phase.kind.is_work and self._changed_side_without_switch(phase):
            words = f"Switch to {side_phrase(phase)}."
            cues.append(_cue(words, CuePriority.TRANSITION, at, phase))
        if phase.kind is PhaseKind.HOLD:
            words = "Hold." if phase.sets == 1 else f"Hold, {phase.set_number} of {phase.sets}."
            cues.append(_cue(words, CuePriority.TRANSITION, at, phase, Tone.WORK))
        elif phase.kind is PhaseKind.REPS:
            words = f"{phase.reps} repetitions. Begin."
            if phase.sets > 1:
                words = f"Set {phase.set_number} of {phase.sets}. {words}"
            cues.append(_cue(words, CuePriority.TRANSITION, at, phase, Tone.WORK))
        elif phase.kind is PhaseKind.TIMED:
            words = f"Start now, for {spoken_duration(phase.seconds)}."
            cues.append(_cue(words, CuePriority.TRANSITION, at, phase, Tone.WORK))
        elif phase.kind is PhaseKind.REST:
            words = f"Rest for {spoken_duration(phase.seconds)}"
            coming = self._next_work(phase)
            words += f" — next, {coming}." if coming else "."
            cues.append(_cue(words, CuePriority.TRANSITION, at, phase, Tone.REST))
        return cues

    def _announce(self, phase: Phase, at: float) -> list[Cue]:
        """Before an exercise: name, side, dose, first instruction, then one safety line."""
        exercise = phase.exercise
        side = side_phrase(phase)
        parts = [
            f"Next exercise: {exercise.name}." if phase.step_index else f"{exercise.name}.",
            f"Start with {side}." if side else "",
            dose_phrase(phase),
            exercise.steps[0] if exercise.steps else "",
        ]
        cues = [_cue(" ".join(p for p in parts if p), CuePriority.NAME, at, phase, Tone.REST)]
        safety = phase.step.note or (exercise.safety[0] if exercise.safety else "")
        if safety:
            cues.append(_cue(safety, CuePriority.SAFETY, at, phase))
        return cues

    def _halfway(self, event: Halfway) -> Cue:
        phase = event.phase
        words = "Halfway."
        breathe = breathing_line(phase)
        if breathe and phase.set_number == 1:
            words += f" {breathe}"
        return _cue(words, CuePriority.TRANSITION, event.at, phase)

    def _last_seconds(self, event: LastSeconds) -> list[Cue]:
        phase = event.phase
        if phase.kind is PhaseKind.GET_READY:
            return []  # the announcement is still being read; the work tone marks the start
        if event.seconds == 5:
            return [_cue("5 seconds.", CuePriority.COUNT, event.at, phase)]
        return [_cue(f"{event.seconds}.", CuePriority.COUNT, event.at, phase, Tone.TICK)]

    def _milestone(self, event: Milestone) -> Cue:
        if event.kind == "last-minute":
            words = "Last minute."
        else:
            done, left = spoken_duration(event.elapsed), spoken_duration(event.remaining)
            words = f"{done} done, {left} to go."
        return _cue(words, CuePriority.TRANSITION, event.at, event.phase)

    def _set_done(self, event: SetDone) -> list[Cue]:
        record = event.record
        if record.status is not ItemStatus.COMPLETED:
            return []
        return [
            Cue(
                "And relax.",
                CuePriority.TRANSITION,
                event.at,
                phase_index=record.phase_index,
                step_index=record.step_index,
            )
        ]

    def _paused(self, event: SessionPaused) -> Cue:
        if event.reason is PauseReason.UNSTEADY:
            words = "Paused. Hold on to something steady, or sit down. Take all the time you need."
            return Cue(words, CuePriority.SAFETY, event.at)
        if event.reason is PauseReason.MACHINE_SLEEP:
            words = "Paused. The computer was asleep, so your session waited for you."
            return Cue(words, CuePriority.SAFETY, event.at)
        return Cue("Paused.", CuePriority.NAME, event.at)

    def _finished(self, event: SessionFinished) -> Cue:
        summary = event.summary
        active = spoken_duration(summary.active_seconds)
        if summary.outcome is Outcome.FINISHED:
            words = f"All done. You were active for {active}. Well done, see you next time."
        else:
            words = f"Session stopped. You were active for {active}. Every bit counts."
        return Cue(words, CuePriority.NAME, event.at)

    # ----------------------------------------------------------------- timeline

    def _changed_side_without_switch(self, phase: Phase) -> bool:
        """A per-side step run with no switch-sides phase still needs "switch"."""
        if phase.side is None or not 0 < phase.index <= len(self._timeline):
            return False
        before = self._timeline[phase.index - 1]
        return (
            before.step_index == phase.step_index
            and before.kind.is_work
            and before.side not in (None, phase.side)
        )

    def _next_work(self, rest: Phase) -> str:
        """``hold 2 of 3`` / ``set 2 of 2``: the work that follows a rest."""
        for phase in self._timeline[rest.index + 1 :]:
            if not phase.kind.is_work:
                continue
            if phase.step_index != rest.step_index:
                return phase.exercise.name.lower()
            noun = "hold" if phase.kind is PhaseKind.HOLD else "set"
            return f"{noun} {phase.set_number} of {phase.sets}"
        return ""


def _cue(
    text: str, priority: CuePriority, at: float, phase: Phase, tone: Tone | None = None
) -> Cue:
    return Cue(text, priority, at, phase.index, phase.step_index, tone)


def join(first: Cue, second: Cue) -> Cue:
    """One cue saying both, as important as the more important one, with the stronger tone."""
    tone = max(first.tone, second.tone, key=lambda t: _TONE_RANK[t])
    return Cue(
        f"{first.text} {second.text}",
        max(first.priority, second.priority),
        first.at,
        second.phase_index if second.phase_index is not None else first.phase_index,
        second.step_index if second.step_index is not None else first.step_index,
        tone,
    )
