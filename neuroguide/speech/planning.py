"""Planning a session's speech with the speaker at hand: the one place that asks the phrase
cache for clip lengths and starts rendering, for the GUI, ``neuroguide play`` and the dry-run.
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from typing import TYPE_CHECKING

from neuroguide.core.cues import Tone
from neuroguide.core.library import Routine
from neuroguide.core.speech_plan import ClipLength, SpeechPlan, estimate_seconds, plan_speech
from neuroguide.speech.phrase_cache import PhraseCache

if TYPE_CHECKING:
    from neuroguide.speech.speaker import Speaker


def cached_lengths(cache: PhraseCache | None, rate: int) -> ClipLength:
    """Clip lengths from ``cache`` where rendered, estimated at ``rate`` where not."""

    def length(text: str, tone: Tone | None) -> float:
        clip = cache.get(text, tone) if cache is not None else None
        return clip.seconds if clip is not None else estimate_seconds(text, tone, rate)

    return length


def silent(text: str, tone: Tone | None) -> float:
    """With the voice off nothing is said: the get-ready keeps its minimum."""
    return 0.0


def start_plan(
    routine: Routine,
    speaker: Speaker,
    *,
    minimum: int,
    known: Collection[str] = (),
    render_wait: float = 0.0,
) -> SpeechPlan:
    """Plan ``routine``'s words, start rendering them (in order of use) and return the plan.

    Call it when a routine is chosen; call it again just before the session starts to get
    the get-ready lengths from the clips rendered meanwhile. ``render_wait`` blocks up to that
    many seconds for every phrase to be rendered (the terminal player; never the GUI).
    """
    # Imported here: measuring lengths (cached_lengths) must not load the speaker's modules.
    from neuroguide.speech.planned import PlannedSpeaker

    if not isinstance(speaker, PlannedSpeaker):
        return plan_speech(routine, minimum=minimum, known=known, lengths=silent)
    cache = speaker.cache
    lengths = cached_lengths(cache, cache.voice.rate)
    plan = plan_speech(routine, minimum=minimum, known=known, lengths=lengths)
    speaker.prepare(plan.phrases)
    if render_wait > 0 and speaker.renderer.wait(plan.phrases, render_wait):
        plan = plan_speech(routine, minimum=minimum, known=known, lengths=lengths)
    return plan


def render_ahead(
    routine: Routine, speaker: Speaker, *, minimum: int, known: Collection[str] = ()
) -> threading.Thread | None:
    """:func:`start_plan` on a thread of its own, for the window: planning a long routine's
    words takes a few hundred milliseconds, which the window's event loop must not wait for
    (the session's own plan is made again as it starts, from the clips rendered by then)."""
    from neuroguide.speech.planned import PlannedSpeaker  # see start_plan

    if not isinstance(speaker, PlannedSpeaker):
        return None
    thread = threading.Thread(
        target=start_plan,
        args=(routine, speaker),
        kwargs={"minimum": minimum, "known": frozenset(known)},
        name="plan-speech",
        daemon=True,
    )
    thread.start()
    return thread


def plays_tones(speaker: Speaker) -> bool:
    """Whether the speaker puts the tones into its clips (then nobody else may play them)."""
    return bool(getattr(speaker, "plays_tones", False))
