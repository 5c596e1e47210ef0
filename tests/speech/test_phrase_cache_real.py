"""The phrase cache rendered by the real espeak-ng, through the real worker: clips hold
speech, their silences are trimmed, their length is known, and a second run renders nothing."""

from __future__ import annotations

import array
import ctypes.util
import time
from pathlib import Path

import pytest

from neuroguide.core.cues import Tone
from neuroguide.speech.phrase_cache import SILENCE, PhraseCache, read_wav
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.renderer import Renderer

pytestmark = [
    pytest.mark.speech,
    pytest.mark.skipif(
        ctypes.util.find_library("espeak-ng") is None,
        reason="the espeak-ng library (Debian package libespeak-ng1) is not installed",
    ),
]

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
PHRASES = [("Calf stretch.", Tone.REST), ("Hold.", Tone.WORK), ("3.", None), ("2.", None)]


def render(folder: Path) -> tuple[PhraseCache, Renderer]:
    cache = PhraseCache(folder, VoiceSettings(), RESOURCES / "sounds")
    renderer = Renderer(cache)
    renderer.prepare(PHRASES)
    return cache, renderer


def test_rendered_clips_hold_speech_from_their_first_to_their_last_hundredth(
    tmp_path: Path,
) -> None:
    cache, renderer = render(tmp_path / "phrases")
    try:
        assert renderer.wait(PHRASES, 60), renderer.problem
    finally:
        renderer.close()
    for text, tone in PHRASES:
        clip = cache.get(text, tone)
        assert clip is not None, text
        found = read_wav(clip.path)
        assert found is not None
        frames, rate = found
        samples = array.array("h", frames)
        assert len(samples) / rate == pytest.approx(clip.seconds)
        loud = [i for i, s in enumerate(samples) if abs(s) > SILENCE]
        assert loud, f"{text!r} holds no sound"
        assert loud[0] / rate <= 0.015, "silence left before the words"
        assert (len(samples) - loud[-1]) / rate <= 0.05, "silence left after the words"
        assert clip.seconds < 2.0
        rms = (sum(s * s for s in samples) / len(samples)) ** 0.5
        assert rms > 500, f"{text!r} is nearly silent"
    assert cache.get("3.") is not None and cache.get("3.").seconds < 0.6  # type: ignore[union-attr]


def test_a_second_run_finds_every_clip_on_disk_and_renders_none(tmp_path: Path) -> None:
    _, first = render(tmp_path / "phrases")
    try:
        assert first.wait(PHRASES, 60), first.problem
    finally:
        first.close()
    cache, second = render(tmp_path / "phrases")
    try:
        assert second.wait(PHRASES, 1)
        assert second.rendered == 0
        assert all(cache.get(*phrase) is not None for phrase in PHRASES)
    finally:
        second.close()


def test_the_cache_keeps_to_its_size_and_keeps_the_clips_in_use(tmp_path: Path) -> None:
    cache, renderer = render(tmp_path / "phrases")
    try:
        assert renderer.wait(PHRASES, 60), renderer.problem
    finally:
        renderer.close()
    keep = {cache.path("Hold.", Tone.WORK)}
    cache.max_bytes = keep.pop().stat().st_size
    keep = {cache.path("Hold.", Tone.WORK)}
    cache.prune(keep)
    assert cache.size() <= cache.max_bytes
    assert cache.get("Hold.", Tone.WORK) is not None
    assert cache.get("Calf stretch.", Tone.REST) is None


def test_the_renderer_keeps_the_folder_within_its_limit_and_the_plan_in_it(
    tmp_path: Path,
) -> None:
    cache = PhraseCache(tmp_path / "phrases", VoiceSettings(), RESOURCES / "sounds")
    old = [("An old phrase.", None), ("Another old one.", None)]
    renderer = Renderer(cache)
    try:
        renderer.prepare(old)
        assert renderer.wait(old, 60), renderer.problem
        cache.max_bytes = 1  # from now on, only what the plan needs may stay
        renderer.prepare(PHRASES)
        assert renderer.wait(PHRASES, 60), renderer.problem
        deadline = time.monotonic() + 10
        while cache.get(*old[0]) is not None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        renderer.close()
    assert cache.get(*old[0]) is None and cache.get(*old[1]) is None
    assert all(cache.get(*phrase) is not None for phrase in PHRASES)


def test_a_phrase_not_planned_is_rendered_at_once_and_played(tmp_path: Path) -> None:
    from neuroguide.core.clock import FakeClock
    from neuroguide.core.cues import Cue, CuePriority
    from neuroguide.speech.audio import AudioOut
    from neuroguide.speech.planned import PlannedSpeaker

    log = tmp_path / "played.log"
    player = tmp_path / "player"
    player.write_text(f'#!/bin/sh\necho "$1" >> "{log}"\n')
    player.chmod(0o755)
    cache = PhraseCache(tmp_path / "phrases", VoiceSettings(), RESOURCES / "sounds")
    speaker = PlannedSpeaker(cache, clock=FakeClock(0.0), audio=AudioOut([str(player)]))
    try:
        speaker.say(Cue("Fifteen seconds more.", CuePriority.INFO, 0.0))
        assert speaker.wait_until_idle(30)
    finally:
        speaker.close()
    clip = cache.get("Fifteen seconds more.")
    assert clip is not None and log.read_text().split() == [str(clip.path)]
