"""Choosing the speaker at start-up: the planned speaker, or silence when the voice is off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from neuroguide.core.clock import Clock
from neuroguide.speech.phrase_cache import PhraseCache
from neuroguide.speech.planned import PlannedSpeaker
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.speaker import NullSpeaker, Speaker


def create_speaker(
    enabled: bool,
    voice: VoiceSettings,
    clock: Clock,
    on_problem: Callable[[str], None] | None = None,
    *,
    phrase_cache: Path,
    sounds: Path | None = None,
) -> Speaker:
    """A :class:`PlannedSpeaker` on the phrase cache ``phrase_cache`` (its renderer starts in
    the background), or a ``NullSpeaker``.

    ``clock`` must be the session's clock: a cue's lateness is measured with it. A GUI that
    wants to show a problem with the voice sets ``speaker.on_problem`` (called once per kind
    of problem, from a background thread) or reads ``speaker.problem``. ``sounds`` is the
    folder of tone files the clips begin with.
    """
    if not enabled:
        return NullSpeaker()
    cache = PhraseCache(phrase_cache, voice, sounds)
    return PlannedSpeaker(cache, clock=clock, on_problem=on_problem)
