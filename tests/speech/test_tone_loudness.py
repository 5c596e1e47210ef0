"""Tones sit at the loudness of the words they lead (issue 24, item 5): the tone files are
about 12 dB louder than espeak-ng's words, and a startling beep is no help to follow."""

from __future__ import annotations

import array
from pathlib import Path

from neuroguide.core.cues import Tone
from neuroguide.speech.phrase_cache import PhraseCache, read_wav, rms
from neuroguide.speech.protocol import VoiceSettings
from tests.speech.test_planned_speaker import tone_wav

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def test_a_tone_is_no_louder_than_the_words_it_leads(tmp_path: Path) -> None:
    cache = PhraseCache(tmp_path / "phrases", VoiceSettings(), RESOURCES / "sounds")
    words = tone_wav(tmp_path / "words.wav", 0.5, pad=0.0)
    found = read_wav(words)
    assert found is not None
    level = rms(array.array("h", found[0]))
    for tone in Tone:
        lead = read_wav(RESOURCES / "sounds" / f"{tone.value}.wav")
        assert lead is not None
        assert rms(array.array("h", lead[0])) > 1.5 * level, "the files are louder than words"
        clip = cache.store("Hold.", tone, words)
        assert clip is not None
        stored = read_wav(clip.path)
        assert stored is not None
        samples = array.array("h", stored[0])
        tone_part = samples[: len(array.array("h", lead[0]))]
        assert rms(tone_part) <= level * 1.01, tone
        assert rms(tone_part) >= level * 0.9, "still clearly heard"
