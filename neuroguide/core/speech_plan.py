"""The speech plan: a session's words are known before it starts, so plan them.

From a routine, the settings' minimum get-ready and the exercises the person knows, the plan
gives every distinct sentence the session will say (each rendered once, ahead of time, into the
phrase cache) and the get-ready of each step stretched to fit its announcement. The same
engine, the same cue writer and the same :class:`~neuroguide.core.voice_queue.VoiceQueue`
then play the session on a fake clock with known clip lengths: the dry-run script, what the
tests check and what the coverage benchmark counts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from math import inf

from neuroguide.core.clock import Clock, FakeClock
from neuroguide.core.cue_words import spoken_duration
from neuroguide.core.cues import (
    SAME_MOMENT,
    Cue,
    CuePriority,
    CueWriter,
    Tone,
    rep_choices,
    sentences,
    with_player_end,
)
from neuroguide.core.events import Event, PhaseStarted
from neuroguide.core.library import Routine
from neuroguide.core.session import Session, SessionState
from neuroguide.core.timeline import (
    DEFAULT_SWITCH,
    Phase,
    PhaseKind,
    stretched_get_ready,
    stretched_switch,
)
from neuroguide.core.voice_queue import Utterance, VoiceQueue, utterances

Phrase = tuple[str, Tone | None]
"""One clip to render: a sentence, and the tone that leads it (if any)."""
ClipLength = Callable[[str, Tone | None], float]
"""Seconds a phrase's clip lasts (measured from the cache, or estimated)."""

WORDS_PER_MINUTE = 160
TONE_SECONDS = {Tone.TICK: 0.06, Tone.WORK: 0.34, Tone.REST: 0.4}


def estimate_seconds(text: str, tone: Tone | None = None, rate: int = WORDS_PER_MINUTE) -> float:
    """A clip's length before it is rendered: words at ``rate``, silences trimmed."""
    words = max(1, len(text.split()))
    return words * 60.0 / max(40, rate) + 0.15 + (TONE_SECONDS[tone] if tone else 0.0)


@dataclass(frozen=True)
class SpeechPlan:
    """What a session will say: ``phrases`` in order of first use, the get-ready of each step
    (``ready_by_step``) stretched to fit its announcement, and each switch of sides
    (``switch_by_step``) long enough for its words before its countdown."""

    routine: Routine
    minimum: int
    known: frozenset[str]
    ready_by_step: Mapping[int, int]
    phrases: tuple[Phrase, ...]
    switch_seconds: int = DEFAULT_SWITCH
    switch_by_step: Mapping[int, int] = field(default_factory=dict)
    lengths: ClipLength | None = field(default=None, compare=False)
    ready_again_by_step: Mapping[int, int] = field(default_factory=dict)
    """Each get-ready visited again (Back): the short announcement's length plus a breath."""
    """The clip lengths the words were fitted with; the live cue writer fits with the same."""

    def session(self, clock: FakeClock | None = None) -> Session:
        """A session that follows this plan (its get-ready lengths) on a fake clock."""
        return self.session_on(clock or FakeClock(0.0))

    def session_on(self, clock: Clock) -> Session:
        """A session that follows this plan (its get-ready lengths) on ``clock``."""
        return Session(
            self.routine,
            clock,
            get_ready=self.minimum,
            switch_seconds=self.switch_seconds,
            ready_by_step=self.ready_by_step,
            switch_by_step=self.switch_by_step,
            ready_again_by_step=self.ready_again_by_step,
        )

    def writer(self, session: Session) -> CueWriter:
        """The cue writer for ``session``, knowing what the person has done before and
        fitting words to their phases with the plan's clip lengths."""
        return CueWriter(session.timeline, self.known, self.lengths)


def run_to_end(session: Session, clock: FakeClock) -> list[tuple[list[Event], float]]:
    """Every batch of events of an untouched session, with the fake time it came at."""
    batches = [(session.start(), clock.now())]
    while session.state is SessionState.RUNNING:
        wait = session.seconds_to_next_event()
        clock.advance(max(wait or 0.0, 1e-6))
        batches.append((session.tick(), clock.now()))
    return batches


def _events_to_end(session: Session, clock: FakeClock) -> list[list[Event]]:
    """Every batch of events of an untouched session that a cue can come from: the clock goes
    from mark to mark, not second by second (the countdown's seconds have no words), and
    the session must not take a long wait for the machine's sleep."""
    batches = [session.start()]
    while session.state is SessionState.RUNNING:
        clock.advance(max(session.seconds_to_next_mark() or 0.0, 1e-6))
        batches.append(session.tick())
    return batches


def plan_speech(
    routine: Routine,
    *,
    minimum: int,
    lengths: ClipLength = estimate_seconds,
    known: Collection[str] = (),
    switch_seconds: int = DEFAULT_SWITCH,
) -> SpeechPlan:
    """Plan a routine's words and stretch each get-ready to its announcement plus a breath.

    ``lengths`` gives each clip's length: measured from the phrase cache where a clip is
    rendered, estimated where not yet.
    """
    planned, lengths = lengths, measured_once(lengths)
    # A draft with a get-ready of at least a second, so each announcement has its moment even
    # when the setting is 0: the words still need their time.
    draft = SpeechPlan(
        routine, max(1, minimum), frozenset(known), {}, (), switch_seconds, lengths=lengths
    )
    clock = FakeClock(0.0)
    session = _draft_session(routine, clock, draft.minimum, switch_seconds)
    writer = draft.writer(session)
    cues = [cue for events in _events_to_end(session, clock) for cue in writer.cues_for(events)]
    ready, switch = _stretched(session.timeline, cues, minimum, switch_seconds, lengths)
    again: dict[int, int] = {}
    for phase in session.timeline:
        if phase.kind is PhaseKind.GET_READY:
            again[phase.step_index] = stretched_get_ready(
                minimum,
                sum(
                    with_player_end(lengths(text, Tone.REST if n == 0 else None))
                    for n, text in enumerate(sentences(writer.announcement(phase, full=False)))
                ),
            )
    phrases: dict[Phrase, None] = {}
    for cue in cues:
        for item in utterances(cue):
            phrases.setdefault((item.text, item.tone), None)
    for phrase in alternatives(session.timeline):  # rendered last, in case they are needed
        phrases.setdefault(phrase, None)
    return SpeechPlan(
        routine,
        minimum,
        frozenset(known),
        ready,
        tuple(phrases),
        switch_seconds,
        switch,
        planned,
        again,
    )


def fitted_pauses(
    routine: Routine,
    *,
    minimum: int,
    lengths: ClipLength = estimate_seconds,
    known: Collection[str] = (),
    switch_seconds: int = DEFAULT_SWITCH,
) -> tuple[dict[int, int], dict[int, int]]:
    """The plan's get-ready and switch of each step (``plan_speech``'s ``ready_by_step`` and
    ``switch_by_step``, the same numbers), without the rest of its words: all a routine's
    length needs, so the home cards pay for no more (decision 0031).

    Only the words said as a get-ready or switch begins stretch it. The draft session is
    driven straight from one such moment to the next (its catch-up reports every event on
    the way, at its own moment), the cue writer writes only the events of those moments, and
    every other phase start just moves the writer on (:meth:`CueWriter.pass_phase`).
    """
    lengths = measured_once(lengths)
    clock = FakeClock(0.0)
    session = _draft_session(routine, clock, max(1, minimum), switch_seconds)
    writer = CueWriter(session.timeline, known, lengths)
    moments = sorted(set(_pause_starts(session.timeline).values()))
    cues: list[Cue] = []
    batch = session.start()
    previous = -1.0
    for moment in moments:
        if moment > clock.now():
            clock.advance(moment - clock.now())
            batch += session.tick()
        cues += _cues_at(writer, batch, (previous, moment))
        batch, previous = [], moment
    return _stretched(session.timeline, cues, minimum, switch_seconds, lengths)


def _draft_session(routine: Routine, clock: FakeClock, ready: int, switch: int) -> Session:
    """The session the words are planned on: every get-ready ``ready`` seconds, driven from
    mark to mark (no wait between two is the machine's sleep)."""
    return Session(routine, clock, get_ready=ready, switch_seconds=switch, jump_threshold=inf)


def _pause_starts(timeline: Sequence[Phase]) -> dict[int, float]:
    """When each get-ready and switch of ``timeline`` begins, by phase index."""
    starts: dict[int, float] = {}
    elapsed = 0
    for phase in timeline:
        if phase.kind in (PhaseKind.GET_READY, PhaseKind.SWITCH_SIDES):
            starts[phase.index] = elapsed
        elapsed += phase.seconds
    return starts


def _cues_at(writer: CueWriter, events: list[Event], moments: tuple[float, float]) -> list[Cue]:
    """The cues of ``events`` that fall on one of ``moments`` (the last moment and this one:
    the events since the last), as :meth:`CueWriter.cues_for` writes them; the other events
    are not written, but their phase starts move the writer on as writing them would.

    The events come in time order, every one on the half-second grid of whole-second phases
    and half-rep marks, so the cues of one moment never join those of another."""
    cues: list[Cue] = []
    pending: list[Event] = []
    last, this = moments
    for event in events:
        if abs(event.at - this) < SAME_MOMENT or abs(event.at - last) < SAME_MOMENT:
            pending.append(event)
            continue
        if pending:
            cues += writer.cues_for(pending)
            pending = []
        if isinstance(event, PhaseStarted):
            writer.pass_phase(event.phase)
    if pending:
        cues += writer.cues_for(pending)
    return cues


def _stretched(
    timeline: Sequence[Phase],
    cues: Sequence[Cue],
    minimum: int,
    switch_seconds: int,
    lengths: ClipLength,
) -> tuple[dict[int, int], dict[int, int]]:
    """Each get-ready and switch stretched to the words said as it begins (with the player's
    end after each clip, as the app hears of it that late)."""
    ready: dict[int, int] = {}
    switch: dict[int, int] = {}
    ats = [cue.at for cue in cues]
    ordered = all(a <= b for a, b in pairwise(ats))
    for index, start in _pause_starts(timeline).items():
        phase = timeline[index]
        # The cues of this moment: found by halving when they come in time order (they do).
        near = (
            cues[bisect_left(ats, start - SAME_MOMENT) : bisect_right(ats, start + SAME_MOMENT)]
            if ordered
            else cues
        )
        said = sum(
            with_player_end(lengths(u.text, u.tone))
            for cue in near
            if abs(cue.at - start) < SAME_MOMENT
            for u in utterances(cue)
        )
        if phase.kind is PhaseKind.GET_READY:
            ready[phase.step_index] = stretched_get_ready(minimum, said)
        else:
            switch[phase.step_index] = stretched_switch(switch_seconds, said)
    return ready, switch


def measured_once(lengths: ClipLength) -> ClipLength:
    """``lengths``, asking once per phrase: a plan asks for the same words at every rep and
    every fit (some 2,000 questions about 300 phrases for the built-in routines), and each
    question may read a file's header. Within one plan a clip's length does not change, nor
    within one measure of the home cards (their eight routines share half their phrases)."""
    measured: dict[Phrase, float] = {}

    def length(text: str, tone: Tone | None) -> float:
        phrase = (text, tone)
        if phrase not in measured:
            measured[phrase] = lengths(text, tone)
        return measured[phrase]

    return length


def alternatives(timeline: Sequence[Phase]) -> list[Phrase]:
    """The shorter words the cue writer may choose once real clip lengths are known: every
    rep's "5, up." / "5." / "Down.", "Rest." for rests and "Hold." for holds."""
    found: list[Phrase] = []
    for phase in timeline:
        if phase.kind is PhaseKind.REPS:
            up = rep_choices(phase.exercise, 1)[0][0].removeprefix("1, ").capitalize()
            found += [(up, Tone.WORK), ("Up.", Tone.WORK)]
            for rep in range(1, (phase.reps or 0) + 1):
                ups, downs = rep_choices(phase.exercise, rep)
                found += [(words, None) for words in [*ups, *downs]]
        elif phase.kind is PhaseKind.REST:
            found.append(("Rest.", Tone.REST))
        elif phase.kind is PhaseKind.HOLD:
            found.append(("Hold.", Tone.WORK))
    return found


@dataclass(frozen=True)
class ScriptLine:
    """One line of the dry-run: ``kind`` is ``show`` (a caption), ``say`` (a clip starts,
    lasting ``seconds``), ``cut`` (a clip stopped) or ``drop`` (a sentence never said)."""

    at: float
    kind: str
    text: str
    seconds: float = 0.0
    late: float = 0.0


@dataclass
class Script:
    """The dry-run of a plan: every line in time order, and what the voice made of the cues."""

    lines: list[ScriptLine] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    said: list[tuple[Utterance, float]] = field(default_factory=list)
    dropped: list[Utterance] = field(default_factory=list)
    cut: list[Utterance] = field(default_factory=list)
    total_seconds: float = 0.0

    def spoken_share(self, urgent: bool) -> tuple[int, int]:
        """(spoken, all) cues of the transitions and above (``urgent``) or of the rest, a cue
        counting as spoken when its first sentence started on its moment (within 0.1 s) and
        every one of its sentences was said, none cut off."""
        chosen = [c for c in self.cues if (c.priority >= CuePriority.TRANSITION) == urgent]
        on_time = {id(u.cue) for u, at in self.said if at - u.at <= 0.1}
        said: dict[int, int] = {}
        for utterance, _ in self.said:
            said[id(utterance.cue)] = said.get(id(utterance.cue), 0) + 1
        cut = {id(u.cue) for u in self.cut}
        whole = [
            c
            for c in chosen
            if id(c) in on_time and said.get(id(c), 0) >= len(utterances(c)) and id(c) not in cut
        ]
        return len(whole), len(chosen)

    def captions_spoken(self) -> tuple[int, int]:
        """(spoken, all) captions: a caption is spoken when every one of its sentences is
        said (and none cut off)."""
        said: dict[int, int] = {}
        for utterance, _ in self.said:
            said[id(utterance.cue)] = said.get(id(utterance.cue), 0) + 1
        cut = {id(u.cue) for u in self.cut}
        whole = sum(
            1 for c in self.cues if said.get(id(c), 0) >= len(utterances(c)) and id(c) not in cut
        )
        return whole, len(self.cues)


def dry_run(plan: SpeechPlan, lengths: ClipLength = estimate_seconds) -> Script:
    """Play the plan's session on a fake clock, with clips of known length, through the same
    voice queue as the real speaker: what would be shown and said, and when."""
    clock = FakeClock(0.0)
    session = plan.session(clock)
    writer = plan.writer(session)
    queue = VoiceQueue()
    script = Script()
    clip_end: float | None = None
    sound_end = 0.0
    """When the playing clip's sound ends (``clip_end`` adds the player's exit after it)."""
    finished_cuts: list[Utterance] = []
    """Clips "cut" after their sound ended, while their player was exiting: nothing lost."""
    begun: set[int] = set()
    """Cues whose first sentence has been said: only that one has a moment of its own."""

    def start(item: Utterance | None, now: float) -> None:
        nonlocal clip_end, sound_end
        if item is None:
            clip_end = None
            return
        seconds = lengths(item.text, item.tone)
        first = id(item.cue) not in begun
        begun.add(id(item.cue))
        script.said.append((item, now))
        late = now - item.at if first else 0.0
        script.lines.append(ScriptLine(now, "say", item.text, seconds, late))
        sound_end = now + seconds
        clip_end = now + with_player_end(seconds)  # the player exits, the next may start

    def publish(events: list[Event], now: float) -> None:
        nonlocal clip_end
        for cue in writer.cues_for(events):
            script.cues.append(cue)
            script.lines.append(ScriptLine(cue.at, "show", cue.text))
            decision = queue.offer(cue, now)
            if decision.cut is not None and now >= sound_end - SAME_MOMENT:
                finished_cuts.append(decision.cut)
                clip_end = None
            elif decision.cut is not None:
                script.lines.append(ScriptLine(now, "cut", decision.cut.text))
                clip_end = None
            if decision.start is not None:
                start(decision.start, now)

    publish(session.start(), clock.now())
    while session.state is SessionState.RUNNING or clip_end is not None:
        wait = session.seconds_to_next_event()
        due = None if wait is None else clock.now() + max(wait, 1e-6)
        if clip_end is not None and (due is None or clip_end <= due):
            clock.advance(max(0.0, clip_end - clock.now()))
            start(queue.finished(clock.now()), clock.now())
            continue
        if due is None:
            break
        clock.advance(due - clock.now())
        publish(session.tick(), clock.now())
    script.dropped = list(queue.dropped)
    script.cut = [u for u in queue.cut if u not in finished_cuts]
    script.lines.extend(ScriptLine(u.at, "drop", u.text) for u in queue.dropped)
    order = {"show": 0, "cut": 1, "say": 2, "drop": 3}
    script.lines.sort(key=lambda line: (line.at, order[line.kind]))
    script.total_seconds = clock.now()
    return script


def format_script(script: Script) -> list[str]:
    """The dry-run as text: ``m:ss.s  kind  words  (length, lateness)``."""
    rows = []
    for line in script.lines:
        minutes, seconds = divmod(round(line.at, 1), 60)  # 59.96 s is 1:00.0, never 0:60.0
        stamp = f"{int(minutes):2d}:{seconds:04.1f}"
        if line.kind == "say":
            late = f", {line.late:+.1f} s" if line.late > 0.05 else ""
            rows.append(f"{stamp}  say   {line.text}  ({line.seconds:.1f} s{late})")
        elif line.kind == "show":
            rows.append(f"{stamp}  show  {line.text}")
        else:
            rows.append(f"{stamp}  {line.kind:<4}  {line.text}")
    return rows


def fit_warnings(plan: SpeechPlan, lengths: ClipLength = estimate_seconds) -> list[str]:
    """Where the routine's phases are too short for their words (at these clip lengths):
    one line per phase, naming the step, the phase and its seconds, and what would be lost."""
    script = dry_run(plan, lengths)
    timeline = plan.session().timeline
    lost: dict[int, list[str]] = {}
    late_first = {
        id(u.cue)
        for u, at in script.said
        if at - u.at > 0.3 and u.text == utterances(u.cue)[0].text
    }
    for utterance in [*script.dropped, *script.cut]:
        if utterance.cue.phase_index is not None:
            lost.setdefault(utterance.cue.phase_index, []).append(utterance.text)
    for cue in script.cues:
        if id(cue) in late_first and cue.phase_index is not None:
            lost.setdefault(cue.phase_index, []).append(f"{utterances(cue)[0].text} (late)")
    lines = []
    for index, words in sorted(lost.items()):
        phase = timeline[index]
        heard = ", ".join(dict.fromkeys(f'"{w}"' for w in words))
        if phase.kind is PhaseKind.REPS:
            what = f"reps of {spoken_duration(phase.cadence)} are too fast"
        else:
            what = f"a {phase.seconds}-second {PHASE_WORDS[phase.kind]} is too short"
        line = (
            f"step {phase.step_index + 1} ({phase.exercise.name}): {what} for their words: "
            f"{heard} would not be heard whole or on time"
        )
        if line not in lines:
            lines.append(line)
    return lines


PHASE_WORDS = {
    PhaseKind.GET_READY: "get-ready",
    PhaseKind.HOLD: "hold",
    PhaseKind.REPS: "set",
    PhaseKind.TIMED: "block",
    PhaseKind.REST: "rest",
    PhaseKind.SWITCH_SIDES: "switch of sides",
}
