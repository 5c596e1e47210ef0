"""A phrase cache folder that cannot be written: the renderer says so once and the voice goes
on (clips kept for this run in a private temporary folder); folders it makes are 0700."""

from __future__ import annotations

import ctypes.util
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from neuroguide.core.cues import Tone
from neuroguide.speech.phrase_cache import PhraseCache
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.renderer import Renderer
from tests.speech.test_planned_speaker import tone_wav

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
PHRASES = [("Calf stretch.", Tone.REST), ("Hold.", Tone.WORK), ("3.", None)]


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    yield
    os.umask(previous)


@pytest.mark.speech
@pytest.mark.skipif(
    ctypes.util.find_library("espeak-ng") is None,
    reason="the espeak-ng library (Debian package libespeak-ng1) is not installed",
)
def test_a_cache_folder_that_cannot_be_written_is_said_once_and_the_voice_goes_on(
    tmp_path: Path,
) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be\n")
    cache = PhraseCache(blocked / "phrases", VoiceSettings(), RESOURCES / "sounds")
    told: list[str] = []
    renderer = Renderer(cache, on_problem=told.append)
    try:
        started = time.monotonic()
        renderer.prepare(PHRASES)
        assert renderer.wait(PHRASES, timeout=20)
        assert time.monotonic() - started < 20
        assert renderer.problem is None
        clips = [cache.get(*phrase) for phrase in PHRASES]
        assert all(clip is not None and clip.seconds > 0 for clip in clips)
    finally:
        renderer.close()
    [said] = told
    assert "cannot be written" in said and "The voice goes on" in said
    assert blocked.read_text() == "a file where the cache folder should be\n"


def test_a_cache_folder_is_made_owner_only_under_umask_000(
    tmp_path: Path, open_umask: None
) -> None:
    folder = tmp_path / "cache" / "neuroguide" / "phrases"
    cache = PhraseCache(folder, VoiceSettings(), RESOURCES / "sounds")
    assert cache.store("Hold.", None, tone_wav(tmp_path / "raw.wav", 0.4)) is not None
    for made in (folder, folder.parent, folder.parent.parent):
        assert stat.S_IMODE(made.stat().st_mode) == 0o700, made
    assert cache.take_note() is None
