"""The speaker the app uses: planned phrases from the cache, played through the audio seam.

``prepare(plan)`` renders a routine's phrases in the background as soon as it is chosen.
``say`` hands a cue to the :class:`~neuroguide.core.voice_queue.VoiceQueue` (the same rules
the dry-run follows) and starts the clip it calls for at once; a phrase that is not rendered
yet is rendered first, ahead of everything else (the live fallback). Nothing here waits: clips
end and renders finish on background threads. A player that hangs or fails is reported once,
in plain words, through ``on_problem``.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable
from functools import partial

from neuroguide.core.clock import Clock, MonotonicClock
from neuroguide.core.cues import Cue, CuePriority
from neuroguide.core.speech_plan import Phrase
from neuroguide.core.voice_queue import Decision, Utterance, VoiceQueue
from neuroguide.speech.audio import AudioOut
from neuroguide.speech.phrase_cache import Clip, PhraseCache
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.renderer import Renderer

FAULT_WORDS = {
    "hang": "The voice stopped: the sound player hung, so it was stopped ({detail}).",
    "crash": "The voice could not be heard: the sound player failed ({detail}).",
    "missing": "The voice could not be heard: the sound player could not start ({detail}).",
}
AFTER_FAULT = "Check the sound settings and that no other program holds the sound card."
CAPTIONS_CARRY_ON = "The captions keep guiding you."


def fault_message(kind: str, detail: str) -> str:
    """One plain message about a broken sound path."""
    return f"{FAULT_WORDS[kind].format(detail=detail)} {AFTER_FAULT} {CAPTIONS_CARRY_ON}"


class PlannedSpeaker:
    """Says cues from the phrase cache through one audio seam, never blocking the caller.

    Args:
        cache: the phrase cache for the user's voice settings.
        clock: the session's clock (a cue's lateness is ``clock.now() - cue.at``).
        on_problem: called (from a background thread) with a plain message, once per kind of
            fault: a player that hangs, one that fails, an engine that cannot render.
        on_start: called with each sentence and the monotonic time its clip was started
            (benchmarks and tests).
        audio: the sound seam (default: an :class:`AudioOut` on ``NEUROGUIDE_AUDIO_COMMAND``).
        renderer: renders missing phrases (default: a :class:`Renderer` on ``cache``).
    """

    plays_tones = True
    """Tones lead their sentence in the same clip: the caller must not play them as well."""

    def __init__(
        self,
        cache: PhraseCache,
        *,
        clock: Clock | None = None,
        on_problem: Callable[[str], None] | None = None,
        on_start: Callable[[Utterance, float], None] | None = None,
        audio: AudioOut | None = None,
        renderer: Renderer | None = None,
    ) -> None:
        self.cache = cache
        self._clock = clock or MonotonicClock()
        self.on_problem = on_problem
        self.on_start = on_start
        self.on_sentence: Callable[[Utterance], None] | None = None
        """Called with each sentence as its clip starts (from a background thread): the
        captions follow the voice."""
        self.audio = audio or AudioOut()
        self.audio.on_end = self._clip_ended
        self.audio.on_fault = self._fault
        self.queue = VoiceQueue()
        self.problems: list[str] = []
        self._told: set[str] = set()
        self._lock = threading.RLock()
        self._idle = threading.Condition(self._lock)
        self._token: int | None = None
        self._waiting_render: Utterance | None = None
        self._unsaid: list[Utterance] = []
        self._closed = False
        self.renderer = renderer or Renderer(
            cache,
            on_problem=self._tell,
            on_fallback=partial(self._tell, kind="natural"),
            on_note=lambda note: self._tell(note, "cache"),
        )

    # ------------------------------------------------------------------ public

    @property
    def problem(self) -> str | None:
        """The last problem told, or ``None``."""
        return self.problems[-1] if self.problems else None

    def prepare(self, phrases: Iterable[Phrase]) -> None:
        """Render ``phrases`` (a plan's, in order of use) in the background."""
        wanted = list(phrases)
        self.renderer.prepare(wanted)
        self.cache.touch({self.cache.path(*p) for p in wanted})

    def say(self, cue: Cue) -> None:
        """Queue ``cue``'s sentences; a transition cuts what became true before it."""
        with self._lock:
            if self._closed:
                return
            self._apply(self.queue.offer(cue, self._clock.now()))

    def interrupt(self) -> None:
        """Silence the voice now and forget what waits (pause, next, back, stop); the names
        and safety words not yet said are kept for :meth:`take_unsaid` (a resume)."""
        with self._lock:
            pending = [self.queue.playing, *self.queue.waiting]
            self._unsaid = [
                u for u in pending if u is not None and u.cue.priority > CuePriority.TRANSITION
            ]
            self.queue.clear()
            self._token = None
            self._waiting_render = None
            self.audio.stop()
            self._idle.notify_all()

    def take_unsaid(self) -> list[Utterance]:
        """The names and safety words the last interrupt silenced (the one cut part-way
        first), once: a resume says them."""
        with self._lock:
            unsaid, self._unsaid = self._unsaid, []
        return unsaid

    def configure(self, voice: VoiceSettings) -> None:
        """Use ``voice`` from the next sentence on: clips for it come from its own cache keys
        (rendered on demand, or by the next :meth:`prepare`)."""
        cache = PhraseCache(self.cache.folder, voice, self.cache.sounds, self.cache.max_bytes)
        with self._lock:
            self.cache = cache
        self.renderer.use(cache)

    def close(self) -> None:
        """Stop speaking and rendering."""
        with self._lock:
            self._closed = True
        self.interrupt()
        self.renderer.close()
        self.audio.close()

    @property
    def speaking(self) -> bool:
        """Whether a sentence is playing or waiting."""
        with self._lock:
            return self.queue.busy

    def wait_until_idle(self, timeout: float) -> bool:
        """Block until nothing plays or waits (for the terminal, tests and benchmarks).

        Once a player has hung (and been reported) this no longer waits: the last words would
        only hang again.
        """
        end = time.monotonic() + timeout
        with self._idle:
            while self.queue.busy and "hang" not in self._told:
                left = end - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(min(left, 0.05))
        return True

    # ---------------------------------------------------------- under the lock

    def _apply(self, decision: Decision) -> None:
        if decision.cut is not None:
            self._token = None
            self._waiting_render = None
            self.audio.stop()
        if decision.start is not None:
            self._start(decision.start)

    def _start(self, item: Utterance | None) -> None:
        """Play ``item`` now, or have it rendered first (the live fallback)."""
        if item is None:
            self._idle.notify_all()
            return
        clip = self.cache.get(item.text, item.tone)
        if clip is None:
            self._waiting_render = item
            self.renderer.urgent((item.text, item.tone), partial(self._rendered, item))
            return
        self._token = self.audio.play(clip.path, clip.seconds)
        if self.on_start is not None:
            self.on_start(item, time.monotonic())
        follow = self.on_sentence
        if follow is not None:
            with contextlib.suppress(RuntimeError):  # a window already closed: nothing to show
                follow(item)

    def _rendered(self, item: Utterance, clip: Clip | None) -> None:
        with self._lock:
            if self._waiting_render is not item or self.queue.playing is not item:
                return
            self._waiting_render = None
            now = self._clock.now()
            if clip is None or self.queue.is_late(item, now):
                if clip is not None:
                    self.queue.dropped.append(item)
                self._start(self.queue.finished(now))
                return
            self._start(item)

    def _clip_ended(self, token: int) -> None:
        with self._lock:
            if token != self._token:
                return
            self._token = None
            self._start(self.queue.finished(self._clock.now()))
            self._idle.notify_all()

    def _fault(self, kind: str, detail: str) -> None:
        self._tell(fault_message(kind, detail), kind)

    def _tell(self, message: str, kind: str = "engine") -> None:
        with self._lock:
            if kind in self._told:
                return
            self._told.add(kind)
            self.problems.append(message)
        if self.on_problem is not None:
            self.on_problem(message)
