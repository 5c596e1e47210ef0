"""Which sentence the voice says next, and what a new cue cuts off: the rules, without sound.

Pure, so the speaker that plays real clips and the dry-run that plays pretend ones follow the
very same rules. A cue is said sentence by sentence (each sentence is one clip of the phrase
cache). The rules:

- A transition, a name or safety words (priority TRANSITION and above) are never dropped and
  never wait: whatever became true before them stops at once; counts, notes and transitions
  still waiting from before are dropped, names and safety words still waiting are said after
  the new cue. Sentences of the same moment are said in order.
- Counts and information (COUNT, INFO) never cut anything. They wait their turn and are
  dropped if they could not start on time: a count more than ``count_late`` after its second,
  information more than ``info_late`` after its moment, or either once another phase began.
- A count's tick tone is left out when the number is spoken (the number is the tick); the
  other tones lead the first sentence of their cue in the same clip, so a tone never plays
  over a word.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from neuroguide.core.cues import SAME_MOMENT, Cue, CuePriority, Tone, sentences

COUNT_LATE = 0.12
"""Seconds after its second beyond which a count is no longer said."""
INFO_LATE = 1.5
"""Seconds after its moment beyond which "Halfway" and the like are no longer said."""


@dataclass(frozen=True)
class Utterance:
    """One sentence of a cue: one clip. ``tone`` leads it (only on a cue's first sentence)."""

    text: str
    cue: Cue
    tone: Tone | None = None

    @property
    def at(self) -> float:
        """The moment the words belong to."""
        return self.cue.at

    @property
    def urgent(self) -> bool:
        """Transitions, names and safety: never dropped, never kept waiting."""
        return self.cue.priority >= CuePriority.TRANSITION


def utterances(cue: Cue) -> list[Utterance]:
    """The sentences of ``cue`` as clips; the cue's tone leads the first (not a count's tick).

    A count or a note ("3. Stand up.", "Halfway. Keep breathing.") stays one clip: it is said
    on its moment as a whole or not at all.
    """
    tone = cue.tone
    if tone is Tone.TICK and cue.priority is CuePriority.COUNT:
        tone = None
    parts = sentences(cue.text) if cue.priority >= CuePriority.TRANSITION else [cue.text]
    return [Utterance(text, cue, tone if n == 0 else None) for n, text in enumerate(parts)]


def caption_from(said: Utterance) -> str:
    """The caption while ``said`` is being said: that sentence and those after it in its cue
    (the ones already said are gone), so the words shown are the words heard."""
    parts = [u.text for u in utterances(said.cue)]
    position = parts.index(said.text) if said.text in parts else 0
    return " ".join(parts[position:])


@dataclass(frozen=True)
class Decision:
    """What the player must do after an offer: stop ``cut`` (if set), then start ``start``."""

    cut: Utterance | None = None
    start: Utterance | None = None


class VoiceQueue:
    """One sentence playing, the rest waiting in order; the player reports when a clip ends."""

    def __init__(self, count_late: float = COUNT_LATE, info_late: float = INFO_LATE) -> None:
        self.count_late = count_late
        self.info_late = info_late
        self.playing: Utterance | None = None
        self.waiting: deque[Utterance] = deque()
        self.dropped: list[Utterance] = []
        """Sentences never said (late or out of date), for tests, the dry-run and benchmarks."""
        self.cut: list[Utterance] = []
        """Sentences stopped part-way for a newer transition."""
        self._phase: int | None = None

    @property
    def busy(self) -> bool:
        """Whether anything is playing or waiting."""
        return self.playing is not None or bool(self.waiting)

    def offer(self, cue: Cue, now: float) -> Decision:
        """A new cue: queue its sentences; maybe cut what plays; maybe start one now."""
        if cue.phase_index is not None:
            self._phase = cue.phase_index
        items = utterances(cue)
        cut: Utterance | None = None
        if cue.priority >= CuePriority.TRANSITION:
            older = [u for u in self.waiting if u.at < cue.at - SAME_MOMENT]
            # Names and safety words still waiting are said after the new cue; counts, notes
            # and transitions of earlier moments are out of date.
            kept = [u for u in older if u.cue.priority > CuePriority.TRANSITION]
            self._drop([u for u in older if u not in kept])
            for item in kept:
                self.waiting.remove(item)
            if self.playing is not None and self.playing.at < cue.at - SAME_MOMENT:
                cut = self.playing
                self.cut.append(cut)
                self.playing = None
            self.waiting.extend(items)
            self.waiting.extend(kept)
        else:  # a newer count or note makes the waiting ones of earlier moments pointless
            self._drop([u for u in self.waiting if not u.urgent and u.at < cue.at - SAME_MOMENT])
            self.waiting.extend(items)
        start = self._next(now) if self.playing is None else None
        return Decision(cut, start)

    def finished(self, now: float) -> Utterance | None:
        """The clip playing has ended: the next sentence to start, if any."""
        self.playing = None
        return self._next(now)

    def clear(self) -> Utterance | None:
        """Silence (pause, skip, stop): forget everything; returns the sentence to stop."""
        playing, self.playing = self.playing, None
        self._drop(list(self.waiting))
        return playing

    def is_late(self, item: Utterance, now: float) -> bool:
        """Whether a count or note can no longer start in time (urgent ones never are)."""
        if item.urgent:
            return False
        if item.cue.phase_index is not None and item.cue.phase_index != self._phase:
            return True
        limit = self.count_late if item.cue.priority is CuePriority.COUNT else self.info_late
        return now - item.at > limit

    def _next(self, now: float) -> Utterance | None:
        while self.waiting:
            item = self.waiting.popleft()
            if self.is_late(item, now):
                self.dropped.append(item)
                continue
            self.playing = item
            return item
        return None

    def _drop(self, items: list[Utterance]) -> None:
        for item in items:
            self.waiting.remove(item)
            self.dropped.append(item)
