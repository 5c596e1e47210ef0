"""Which words are spoken (and captioned) when: engine events in, cues out.

Pure Python, so the wording and its timing are tested with a fake clock. Priorities let the
speech layer keep the exercise name and safety words and drop a stale count instead. Cues due
at the same moment are joined into one, so a phrase is never split across two utterances that
the speech layer might treat differently.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from neuroguide.core.cue_words import (
    FOOT_CHECK,
    as_sentence,
    breathing_line,
    dose_phrase,
    needs_foot_check,
    rep_words,
    sentences,
    side_phrase,
    spoken_duration,
)
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
    StepFinished,
    TimeAdded,
)
from neuroguide.core.library import Exercise
from neuroguide.core.marks import marks_for
from neuroguide.core.records import ItemStatus, Outcome
from neuroguide.core.timeline import Phase, PhaseKind

__all__ = [
    "Cue",
    "CuePriority",
    "CueWriter",
    "Tone",
    "as_sentence",
    "breathing_line",
    "dose_phrase",
    "join",
    "rep_words",
    "sentences",
    "side_phrase",
    "spoken_duration",
]

HALFWAY_WORDS_MIN = 20
"""Holds at least this long hear their breathing line at halfway; shorter ones have no time
for it before "5 seconds" (they hear the exercise's safety words as the hold starts)."""
INTRODUCTION_CAP = 30.0
"""Seconds a first-time announcement may last; the other steps are one press away."""
REST_UNDER_HOW_TO = "The other steps are under How to, or press R to hear them."
SHORT_REST = 8
"""A rest shorter than this (seconds) is announced with one word: its countdown starts soon."""
SAME_MOMENT = 1e-6
"""Cues whose ``at`` differ by less than this are said as one."""
PLAYER_END = 0.3
"""Seconds the app learns of a clip's end after its sound ends (the player exiting: 50-300 ms
measured at the stand-in sound card, see decision 0013): words are fitted with this margin."""


def with_player_end(seconds: float) -> float:
    """A clip's time until the next may start: its sound, then the player's end (a silent
    clip, with the voice off, takes none)."""
    return seconds + PLAYER_END if seconds > 0 else 0.0


ClipSeconds = Callable[[str, "Tone | None"], float]
"""How long a sentence's clip lasts (measured from the phrase cache, or estimated)."""


class CuePriority(IntEnum):
    """How a cue fares when the voice is busy (see :mod:`neuroguide.core.voice_queue`).

    Counts and information (halfway, minutes done) wait their turn and are dropped once
    late; transitions, names and safety words are never dropped and cut off anything that
    became true before them.
    """

    COUNT = 1
    INFO = 2
    TRANSITION = 3
    NAME = 4
    SAFETY = 5


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


class CueWriter:
    """Turns events into cues; it remembers which step it last announced and which exercises
    it has explained in full.

    Args:
        timeline: the session's phases, to say what comes next during a rest and to notice a
            change of side that has no switch-sides phase of its own.
        known: ids of exercises the person has done before: they get the short announcement
            (name, side, dose, the one instruction that matters most); the others get every
            step, the first time.
    """

    def __init__(
        self,
        timeline: Sequence[Phase] = (),
        known: Collection[str] = (),
        lengths: ClipSeconds | None = None,
    ) -> None:
        self._timeline = tuple(timeline)
        self._known = set(known)
        self._step_seen: int | None = None
        self._lengths = lengths
        """Clip lengths to fit words to their phase; ``None`` says every word (no fitting)."""

    def seconds(self, words: str, tone: Tone | None = None) -> float:
        """How long ``words`` (led by ``tone``) take to say, sentence by sentence, with the
        player's end after each clip; 0 when no lengths were given."""
        if self._lengths is None or not words:
            return 0.0
        parts = sentences(words) or [words]
        return sum(
            with_player_end(self._lengths(part, tone if n == 0 else None))
            for n, part in enumerate(parts)
        )

    def fits(self, words: str, seconds: float, tone: Tone | None = None) -> bool:
        """Whether ``words`` are said within ``seconds`` (always, without lengths)."""
        return self._lengths is None or self.seconds(words, tone) <= seconds

    def first_fitting(
        self, choices: Sequence[str], seconds: float, tone: Tone | None = None
    ) -> str:
        """The first of ``choices`` said within ``seconds``, else the last (the shortest)."""
        return next((w for w in choices if self.fits(w, seconds, tone)), choices[-1])

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

    def pass_phase(self, phase: Phase) -> None:
        """What a phase's start changes in the writer, without writing its words: for a
        driver that needs the words of a few moments only (a routine's heard length). The
        same two facts :meth:`cues_for` keeps: the step last announced, and that an
        announced exercise is explained (the short form next time)."""
        new_step = phase.step_index != self._step_seen
        self._step_seen = phase.step_index
        if phase.kind is PhaseKind.GET_READY or new_step:
            self._known.add(phase.exercise.id)

    def announcement(self, phase: Phase, *, full: bool | None = None) -> str:
        """What is said as an exercise begins: name, side, dose, then every step (the first
        time, or ``full``) or the key step, then the routine's note for this step.

        Pure: it does not mark the exercise as explained.
        """
        exercise = phase.exercise
        side = side_phrase(phase)
        if full is None:
            full = exercise.id not in self._known
        if full:
            steps = list(exercise.steps)
        elif exercise.steps:
            steps = [exercise.steps[min(exercise.key_step, len(exercise.steps) - 1)]]
        else:
            steps = []
        note = phase.step.note
        if not note and not exercise.spoken_safety and exercise.safety:
            note = exercise.safety[0]  # no line for every hold: keep one safety line here
        head = [
            f"Next exercise: {exercise.name}." if phase.step_index else f"{exercise.name}.",
            f"Start with {side}." if side else "",
            dose_phrase(phase),
            f"With {as_sentence(phase.step.dose.load)}" if phase.step.dose.load else "",
        ]
        tail = [
            as_sentence(exercise.wheelchair) if phase.step.wheelchair else "",
            as_sentence(note),
            as_sentence(exercise.spoken_safety)
            if phase.step.dose.reps is not None or not self._safety_fits_work(phase)
            else "",
        ]
        return self._capped(
            [p for p in head if p], [as_sentence(s) for s in steps], [p for p in tail if p]
        )

    def _capped(self, head: list[str], steps: list[str], tail: list[str]) -> str:
        """The announcement within ``INTRODUCTION_CAP`` seconds: the name, side and dose, then
        as many steps as fit, then where the rest is; the note and safety line always stay."""
        words = " ".join([*head, *steps, *tail])
        if self.seconds(words, Tone.REST) <= INTRODUCTION_CAP or len(steps) < 2:
            return words
        kept: list[str] = []
        for step in steps:
            trial = " ".join([*head, *kept, step, REST_UNDER_HOW_TO, *tail])
            if self.seconds(trial, Tone.REST) > INTRODUCTION_CAP and kept:
                break
            kept.append(step)
        if len(kept) == len(steps):
            return words
        return " ".join([*head, *kept, REST_UNDER_HOW_TO, *tail])

    def repeat(self, phase: Phase, at: float) -> Cue:
        """The R key: every step of the current exercise, said now."""
        exercise = phase.exercise
        words = " ".join([f"{exercise.name}.", *(as_sentence(step) for step in exercise.steps)])
        return _cue(words, CuePriority.NAME, at, phase)

    # ----------------------------------------------------------------- events

    def _cues(self, event: Event) -> list[Cue]:
        if isinstance(event, PhaseStarted):
            return self._phase_started(event.phase, event.at)
        if isinstance(event, SideSwitched) and event.to_side:
            return [self._switch(event.phase, event.at, Tone.REST)]
        if isinstance(event, Halfway):
            return self._halfway(event)
        if isinstance(event, LastSeconds):
            return self._last_seconds(event)
        if isinstance(event, RepMoved):
            return self._rep_moved(event)
        if isinstance(event, RepCounted):
            return []  # the number is said as the rep starts, when the screen shows it
        if isinstance(event, Milestone):
            return [self._milestone(event)]
        if isinstance(event, SetDone):
            return self._set_done(event)
        if isinstance(event, StepFinished):
            return self._step_finished(event)
        if isinstance(event, TimeAdded):
            words = f"{spoken_duration(event.seconds)} more."
            return [_cue(words, CuePriority.INFO, event.at, event.phase)]
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
            cues.append(self._switch(phase, at, None))
        if phase.kind is PhaseKind.HOLD:
            words = "Hold." if phase.sets == 1 else f"Hold, {phase.set_number} of {phase.sets}."
            words = self.first_fitting([words, "Hold."], first_mark(phase), Tone.WORK)
            cues.append(_cue(words, CuePriority.TRANSITION, at, phase, Tone.WORK))
        elif phase.kind is PhaseKind.REPS:
            # The dose was said in the announcement and the set number during the rest:
            # one short word, so the first rep is counted close to its moment.
            # Where "Begin." does not end within half a rep, the work tone starts the set and
            # the first movement's word follows it, so the first "down" is heard on its beat.
            up = rep_choices(phase.exercise, 1)[0][0].removeprefix("1, ").capitalize()
            words = self.first_fitting(["Begin.", up, "Up."], phase.cadence / 2, Tone.WORK)
            cues.append(_cue(words, CuePriority.TRANSITION, at, phase, Tone.WORK))
        elif phase.kind is PhaseKind.TIMED:
            words = f"Start now, for {spoken_duration(phase.seconds)}."
            cues.append(_cue(words, CuePriority.TRANSITION, at, phase, Tone.WORK))
        elif phase.kind is PhaseKind.REST:
            cues.append(_cue(self._rest_words(phase), CuePriority.TRANSITION, at, phase, Tone.REST))
        # What is said at the start must end before the phase's first count: the 3-2-1 and
        # the transition word are never the ones to go. A safety line that cannot fit here
        # is said in the announcement instead (see announcement()).
        said = " ".join(c.text for c in cues)
        tone = max((c.tone for c in cues), key=lambda t: _TONE_RANK[t], default=None)
        room = first_mark(phase)
        if self._safety_now(phase):
            safety = as_sentence(phase.exercise.spoken_safety)
            if self.fits(f"{said} {safety}", room, tone):
                cues.append(_cue(safety, CuePriority.SAFETY, at, phase))
        elif self._breathe_at_start(phase):
            breathe = breathing_line(phase)
            if self.fits(f"{said} {breathe}", room, tone):
                cues.append(_cue(breathe, CuePriority.SAFETY, at, phase))
        return cues

    def _safety_fits_work(self, phase: Phase) -> bool:
        """Whether the exercise's safety line fits at the start of each of this step's holds
        or blocks (else the announcement says it)."""
        for work in self._timeline:
            if work.step_index != phase.step_index or work.kind not in (
                PhaseKind.HOLD,
                PhaseKind.TIMED,
            ):
                continue
            start = "Hold, 2 of 3." if work.kind is PhaseKind.HOLD and work.sets > 1 else "Hold."
            if work.kind is PhaseKind.TIMED:
                start = f"Start now, for {spoken_duration(work.seconds)}."
            safety = as_sentence(work.exercise.spoken_safety)
            if not self.fits(f"{start} {safety}", first_mark(work), Tone.WORK):
                return False
        return True

    def _rest_words(self, phase: Phase) -> str:
        if phase.seconds < SHORT_REST:
            return "Rest."  # its last three seconds are counted down: time for one word only
        coming = self._next_work(phase)
        words = f"Rest for {spoken_duration(phase.seconds)}"
        words += f" — next, {coming}." if coming else "."
        return self.first_fitting([words, "Rest."], first_mark(phase), Tone.REST)

    def _announce(self, phase: Phase, at: float) -> list[Cue]:
        """Before an exercise: the announcement (in full the first time it is met)."""
        words = self.announcement(phase)
        self._known.add(phase.exercise.id)
        return [_cue(words, CuePriority.NAME, at, phase, Tone.REST)]

    def _switch(self, phase: Phase, at: float, tone: Tone | None) -> Cue:
        words = f"Switch to {side_phrase(phase)}."
        extra = phase.exercise.switch_words
        if extra and phase.side:
            words += " " + as_sentence(extra.replace("{side}", phase.side))
        return _cue(words, CuePriority.TRANSITION, at, phase, tone)

    def _rep_moved(self, event: RepMoved) -> list[Cue]:
        if event.rep == 1 and event.movement == "up":
            return []  # "Begin." starts the first rep: no time for more before "down"
        up, down = rep_choices(event.phase.exercise, event.rep)
        # The longest words that are said within half a rep: the movement, then "Up" or
        # "Down", then the count alone, so every count is heard on its beat.
        half = event.phase.cadence / 2
        words = self.first_fitting(up if event.movement == "up" else down, half)
        return [_cue(words, CuePriority.COUNT, event.at, event.phase)]

    def _step_finished(self, event: StepFinished) -> list[Cue]:
        phase = next((p for p in self._timeline if p.step_index == event.step_index), None)
        if phase is None or not phase.exercise.after_words:
            return []
        words = as_sentence(phase.exercise.after_words)
        return [
            Cue(words, CuePriority.SAFETY, event.at, phase_index=None, step_index=event.step_index)
        ]

    def _halfway(self, event: Halfway) -> list[Cue]:
        """Halfway, with what changes there or the breathing line, if it fits before the
        next count; in a 10-s hold it is said with "5 seconds." and both must be heard before
        "3.": the longer words go first, then "Halfway." itself (the count says more)."""
        phase = event.phase
        words = "Halfway."
        breathe = breathing_line(phase)
        if phase.exercise.halfway_words:  # something changes here: say that, not breathing
            words += f" {as_sentence(phase.exercise.halfway_words)}"
        elif breathe and phase.set_number == 1 and phase.seconds >= HALFWAY_WORDS_MIN:
            words += f" {breathe}"
        half = phase.seconds / 2
        later = [m.remaining for m in marks_for(phase, phase.seconds) if m.key != "halfway"]
        later = [r for r in later if r < half + SAME_MOMENT]
        with_count = " 5 seconds." if any(abs(r - half) < SAME_MOMENT for r in later) else ""
        later = [r for r in later if r < half - SAME_MOMENT]
        room = half - max(later) if later else half
        chosen = self.first_fitting([words + with_count, "Halfway." + with_count, ""], room)
        if not chosen:
            return []
        return [_cue(chosen.removesuffix(with_count), CuePriority.INFO, event.at, phase)]

    @staticmethod
    def _safety_now(phase: Phase) -> bool:
        """The exercise's safety words go with each hold or block as it starts, and before
        each set of reps (in the announcement or the rest), where no count needs the time."""
        if not phase.exercise.spoken_safety:
            return False
        if phase.kind in (PhaseKind.HOLD, PhaseKind.TIMED):
            return True
        return phase.kind is PhaseKind.REST and phase.step.dose.reps is not None

    @staticmethod
    def _breathe_at_start(phase: Phase) -> bool:
        """A short first hold hears its breathing line as it starts: at halfway there would
        be no time for it before "5 seconds"."""
        return (
            phase.kind is PhaseKind.HOLD
            and phase.set_number == 1
            and phase.seconds < HALFWAY_WORDS_MIN
            and bool(breathing_line(phase))
        )

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
        return _cue(words, CuePriority.INFO, event.at, event.phase)

    def _set_done(self, event: SetDone) -> list[Cue]:
        record = event.record
        if record.status is not ItemStatus.COMPLETED:
            return []
        # A rest too short for "And relax." and its own word keeps its own word.
        following = self._phase_at(record.phase_index + 1)
        if (
            following is not None
            and following.kind is PhaseKind.REST
            and not self.fits(
                f"And relax. {self._rest_words(following)}", first_mark(following), Tone.REST
            )
        ):
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
        if needs_foot_check(phase.exercise for phase in self._timeline):
            words += f" {FOOT_CHECK}"
        return Cue(words, CuePriority.NAME, event.at)

    # ----------------------------------------------------------------- timeline

    def _phase_at(self, index: int) -> Phase | None:
        return self._timeline[index] if 0 <= index < len(self._timeline) else None

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


def rep_choices(exercise: Exercise, rep: int) -> tuple[list[str], list[str]]:
    """The words for rep ``rep``'s two movements, longest first: "5, rise onto your toes.",
    "5, up.", "5." and "Lower slowly.", "Down." (a "5. Up." would pause after the number for
    longer than half a 2-second rep leaves)."""
    up, down = rep_words(exercise)
    ups = [f"{rep}, {up[0].lower()}{up[1:]}", f"{rep}, up.", f"{rep}."]
    downs = [down, "Down."]
    return list(dict.fromkeys(ups)), list(dict.fromkeys(downs))


def first_mark(phase: Phase) -> float:
    """Seconds from a phase's start to its first cue after the start (halfway, "5 seconds",
    "3", a rep's movement), or its whole length when there is none."""
    total = float(phase.seconds)
    later = [m.remaining for m in marks_for(phase, total) if m.remaining < total - SAME_MOMENT]
    return total - max(later) if later else total


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
