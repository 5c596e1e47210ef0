"""The voice as a session listener: events in, cues written, said, and shown.

It also decides when to silence the voice: when the person pauses, stops, skips or goes back.
Those show up in the events as a pause, a stop, or a phase that starts before the previous
one was due to end (or out of order); a phase that starts exactly on time is the session
moving on by itself, and the speaker's own rules then decide what its transition cuts (see
:mod:`neuroguide.core.voice_queue`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from neuroguide.core.cues import SAME_MOMENT, Cue, CuePriority, CueWriter, first_mark
from neuroguide.core.events import (
    Event,
    PhaseStarted,
    SessionFinished,
    SessionPaused,
    SessionResumed,
    SessionStarted,
    TimeAdded,
)
from neuroguide.core.records import Outcome
from neuroguide.core.timeline import Phase
from neuroguide.speech.speaker import Speaker

ON_TIME = 1e-3
"""A phase starting within this many seconds of the previous one's end started on its own."""


class VoiceGuide:
    """Follows a session for the voice (a ``SessionListener``).

    Args:
        speaker: says the cues (a ``NullSpeaker`` when the voice is off).
        writer: turns events into cues; give it the session's timeline.
        on_cue: called with every cue, spoken or not: captions and tones hang off it.
        on_need_time: called with the seconds a rest must be lengthened by for the steps
            asked for (R) during the work before it to be said before its countdown; the
            caller adds them to the current phase once it has handled the events.
    """

    def __init__(
        self,
        speaker: Speaker,
        writer: CueWriter,
        on_cue: Callable[[Cue], None] | None = None,
        on_need_time: Callable[[int], None] | None = None,
    ) -> None:
        self.speaker = speaker
        self.writer = writer
        self.on_cue = on_cue
        self.on_need_time = on_need_time
        self._index: int | None = None
        self._end = 0.0
        self._left = 0.0
        self._paused = False
        self._repeat_after: Phase | None = None
        """A work phase during which R was pressed: its steps wait for the next rest."""

    def handle(self, events: Sequence[Event]) -> None:
        """Write the cues for ``events``; silence what is said if the person acted."""
        cut = self._follow(events)
        if cut is not None:
            self._show(self.writer.cues_for(events[:cut]))
            self.speaker.interrupt()
            events = events[cut:]
        said: list[Cue] = []
        for cue in self.writer.cues_for(events):
            if any(isinstance(e, SessionResumed) for e in events):
                cue = self._go_on(cue)
            self._show([cue])
            self.speaker.say(cue)
            said.append(cue)
        self._repeat_now(events, said)

    def _go_on(self, cue: Cue) -> Cue:
        """After a pause, "Carrying on." becomes the rest of what the pause silenced (an
        introduction goes on where it stopped, its cut sentence said whole)."""
        take = getattr(self.speaker, "take_unsaid", None)
        if cue.text != "Carrying on." or take is None:
            return cue
        unsaid = take()
        if not unsaid:
            return cue
        first = unsaid[0].cue
        words = " ".join(u.text for u in unsaid)
        return Cue(words, CuePriority.NAME, cue.at, first.phase_index, first.step_index)

    def repeat(self, phase: Phase, at: float) -> None:
        """The R key: every step of the current exercise. Outside work they are said now,
        cutting what is said; during a hold, block or set they are shown now and said as the
        next rest, switch or get-ready of the same step begins, so no count is silenced."""
        cue = self.writer.repeat(phase, at)
        self._show([cue])
        if phase.kind.is_work:
            self._repeat_after = phase
            return
        self.speaker.interrupt()
        self.speaker.say(cue)

    def _repeat_now(self, events: Sequence[Event], said: Sequence[Cue]) -> None:
        """Say the steps asked for during work, as the first pause in the work begins (after
        what that pause says first); a pause too short for them before its countdown is
        lengthened (``on_need_time``), so no count is silenced and no step cut."""
        asked = self._repeat_after
        if asked is None:
            return
        for event in events:
            if not isinstance(event, PhaseStarted):
                continue
            if event.phase.step_index != asked.step_index:
                self._repeat_after = None  # a new exercise is announced anyway
                return
            if not event.phase.kind.is_work:
                self._repeat_after = None
                cue = self.writer.repeat(event.phase, event.at)
                self._show([cue])
                self.speaker.say(cue)
                before = [c for c in said if abs(c.at - event.at) < SAME_MOMENT]
                need = sum(self.writer.seconds(c.text, c.tone) for c in [*before, cue])
                short = need - first_mark(event.phase)
                if short > 0 and self.on_need_time is not None:
                    self.on_need_time(math.ceil(short))
                return

    def _show(self, cues: Sequence[Cue]) -> None:
        if self.on_cue is not None:
            for cue in cues:
                self.on_cue(cue)

    def _follow(self, events: Sequence[Event]) -> int | None:
        """Track the phase deadline; return the position of the first event that interrupts."""
        cut: int | None = None
        for position, event in enumerate(events):
            interrupts = False
            if isinstance(event, SessionStarted):
                self._index, self._paused = None, False
            elif isinstance(event, PhaseStarted):
                on_time = (
                    not self._paused
                    and self._index is not None
                    and event.phase.index == self._index + 1
                    and event.at >= self._end - ON_TIME
                )
                interrupts = self._index is not None and not on_time
                self._index = event.phase.index
                self._end, self._left = event.at + event.seconds, event.seconds
            elif isinstance(event, TimeAdded):
                self._end += event.seconds
                self._left += event.seconds
            elif isinstance(event, SessionPaused):
                interrupts = True
                if not self._paused:
                    self._left = self._end - event.at
                self._paused = True
            elif isinstance(event, SessionResumed):
                self._paused = False
                self._end = event.at + self._left
            elif isinstance(event, SessionFinished):
                interrupts = event.summary.outcome is not Outcome.FINISHED
            if interrupts and cut is None:
                cut = position
        return cut
