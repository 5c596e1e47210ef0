"""How long each clip lasts for the voice a person has chosen: what lengths are measured with.

The same rule as a session's plan (:func:`neuroguide.speech.planning.start_plan`): clips
rendered in the phrase cache are measured, the others estimated at the voice's rate, and
with the voice off nothing is said, so each get-ready keeps its minimum.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from neuroguide.core.speech_plan import ClipLength
from neuroguide.paths import Paths
from neuroguide.settings import Settings
from neuroguide.speech.phrase_cache import PhraseCache
from neuroguide.speech.planning import cached_lengths, silent
from neuroguide.speech.protocol import VoiceSettings

if TYPE_CHECKING:
    from neuroguide.speech.speaker import Speaker


def settings_lengths(paths: Paths, settings: Settings) -> ClipLength:
    """Clip lengths for the voice in ``settings`` (no speaker needed: the terminal's lists)."""
    if not settings.voice:
        return silent
    voice = VoiceSettings(settings.voice_id, settings.voice_rate, settings.voice_volume)
    cache = PhraseCache(paths.phrase_cache, voice, paths.resources_dir / "sounds")
    return cached_lengths(cache, voice.rate)


def speaker_lengths(speaker: Speaker) -> ClipLength:
    """Clip lengths for the speaker at hand (the window's), as its session plan uses them."""
    # Imported here: the window's first paint measures with settings_lengths, before the
    # speaker and its renderer's modules are loaded.
    from neuroguide.speech.planned import PlannedSpeaker

    if not isinstance(speaker, PlannedSpeaker):
        return silent
    return cached_lengths(speaker.cache, speaker.cache.voice.rate)
