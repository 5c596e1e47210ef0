"""The natural voice (Piper, from an installed voice package) behind the phrase cache, and
espeak-ng as its fallback: when the engine cannot load, when a phrase cannot be rendered, and
when the package is missing. The person is told once each time."""

from __future__ import annotations

import array
import ctypes.util
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from neuroguide.core.cues import Tone
from neuroguide.speech import natural
from neuroguide.speech.oneshot import list_voices
from neuroguide.speech.phrase_cache import SILENCE, PhraseCache, read_wav
from neuroguide.speech.protocol import VoiceSettings, worker_command
from neuroguide.speech.renderer import Renderer

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
PHRASES = [("Calf stretch.", Tone.REST), ("Hold.", Tone.WORK), ("3.", None)]
JOE = natural.KNOWN[0].id

pytestmark = pytest.mark.timeout(600)  # the natural voice renders slowly on a busy machine
needs_espeak = pytest.mark.skipif(
    ctypes.util.find_library("espeak-ng") is None,
    reason="the espeak-ng library (Debian package libespeak-ng1) is not installed",
)


@pytest.fixture
def natural_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(natural.SWITCH_VARIABLE, "1")


@pytest.fixture
def joe(natural_on: None) -> None:
    if not natural.installed():
        pytest.skip("the natural voice is not installed (pip install neuroguide[natural-voice])")


def broken_piper(folder: Path) -> dict[str, str]:
    """An environment whose worker finds a ``piper`` that fails to import, as after a
    partial removal of the package."""
    shadow = folder / "shadow" / "piper"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError('piper was removed')\n")
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = str(shadow.parent)
    return env


def mute_natural_worker(arguments: Sequence[str]) -> list[str]:
    """The natural voice's worker makes no sound of "Mute me."; espeak-ng's is the real one."""
    if any(natural.is_natural(argument) for argument in arguments):
        return [sys.executable, str(Path(__file__).with_name("mute_natural_worker.py")), *arguments]
    return worker_command(arguments)


def samples_of(path: Path) -> tuple[array.array[int], int]:
    found = read_wav(path)
    assert found is not None
    return array.array("h", found[0]), found[1]


# ------------------------------------------------------------------ choosing the voice


def test_the_standard_voice_is_the_natural_one_where_it_is_installed(
    monkeypatch: pytest.MonkeyPatch, natural_on: None
) -> None:
    monkeypatch.setattr(natural, "installed", lambda: list(natural.KNOWN))
    assert natural.resolve(VoiceSettings("", 170, 90)) == VoiceSettings(JOE, 170, 90)
    assert natural.resolve(VoiceSettings(natural.ESPEAK_VOICE)).voice_id == ""
    assert natural.resolve(VoiceSettings("gmw/en")).voice_id == "gmw/en"
    monkeypatch.setattr(natural, "installed", lambda: [])
    assert natural.resolve(VoiceSettings("")).voice_id == ""
    assert natural.resolve(VoiceSettings(JOE)).voice_id == "", "a missing voice: espeak-ng"


def test_the_cache_keys_on_the_voice_that_really_speaks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, natural_on: None
) -> None:
    monkeypatch.setattr(natural, "installed", lambda: list(natural.KNOWN))
    standard = PhraseCache(tmp_path, VoiceSettings())
    chosen = PhraseCache(tmp_path, VoiceSettings(JOE))
    espeak = PhraseCache(tmp_path, VoiceSettings(natural.ESPEAK_VOICE))
    assert standard.path("Hold.") == chosen.path("Hold.")
    assert standard.path("Hold.") != espeak.path("Hold."), "switching must never play an old clip"
    assert standard.natural and not espeak.natural


def test_a_missing_package_is_named_only_where_a_natural_voice_was_expected(
    monkeypatch: pytest.MonkeyPatch, natural_on: None
) -> None:
    monkeypatch.setattr(natural, "installed", lambda: [])
    monkeypatch.setattr(natural, "engine_installed", lambda: True)
    assert natural.missing_reason("") == "no natural voice package is installed"
    monkeypatch.setattr(natural, "engine_installed", lambda: False)
    monkeypatch.setattr(natural, "_module_folder", lambda module: None)
    assert natural.missing_reason("") is None, "never had it: espeak-ng without a word"
    assert natural.missing_reason(JOE) == "the package piper-tts is missing"
    assert natural.missing_reason(natural.ESPEAK_VOICE) is None


def test_rate_maps_to_the_voices_own_pace_at_160_words_a_minute() -> None:
    assert natural.length_scale(160) == 1.0
    assert natural.length_scale(200) == pytest.approx(0.8)
    assert natural.length_scale(80) == 2.0
    assert natural.length_scale(400) == 0.5


# ------------------------------------------------------------------ the real engines


@pytest.mark.speech
@needs_espeak
def test_voices_lists_the_natural_voice_first_then_espeak_ng(joe: None) -> None:
    voices, problem = list_voices()
    assert problem is None
    assert voices[0].id == JOE
    assert voices[1].id == natural.ESPEAK_VOICE
    assert len(voices) > 2, "espeak-ng's own voices follow"
    shown = subprocess.run(
        [sys.executable, "-m", "neuroguide", "voices"], capture_output=True, text=True, timeout=60
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[1].startswith(JOE)


@pytest.mark.speech
def test_the_natural_voice_renders_every_phrase_with_speech(joe: None, tmp_path: Path) -> None:
    told: list[str] = []
    cache = PhraseCache(tmp_path / "phrases", VoiceSettings(), RESOURCES / "sounds")
    renderer = Renderer(cache, on_problem=told.append)
    try:
        renderer.prepare(PHRASES)
        assert renderer.wait(PHRASES, 120), renderer.problem or renderer.natural_problem
    finally:
        renderer.close()
    assert cache.voice.voice_id == JOE
    assert told == [] and renderer.fallbacks == 0 and renderer.natural_problem is None
    for text, tone in PHRASES:
        clip = cache.get(text, tone)
        assert clip is not None
        samples, rate = samples_of(clip.path)
        assert rate == 22050
        assert sum(1 for s in samples if abs(s) > SILENCE) > rate * 0.1, text
        assert clip.seconds < 3.0


@pytest.mark.speech
@needs_espeak
def test_an_engine_that_cannot_load_falls_back_to_espeak_ng_and_says_so_once(
    joe: None, tmp_path: Path
) -> None:
    told: list[str] = []
    problems: list[str] = []
    cache = PhraseCache(tmp_path / "phrases", VoiceSettings(), RESOURCES / "sounds")
    renderer = Renderer(
        cache,
        on_problem=problems.append,
        on_fallback=told.append,
        env=broken_piper(tmp_path),
    )
    try:
        renderer.prepare(PHRASES)
        assert renderer.wait(PHRASES, 120)
        extra = [("Rest.", None)]
        renderer.prepare(extra)
        assert renderer.wait(extra, 60)
    finally:
        renderer.close()
    assert len(told) == 1, told
    assert "espeak-ng" in told[0] and "piper was removed" in told[0]
    assert problems == [], "the voice is not off: espeak-ng speaks"
    assert renderer.fallbacks == 4
    espeak = PhraseCache(tmp_path / "phrases", VoiceSettings(natural.ESPEAK_VOICE))
    for text, tone in [*PHRASES, ("Rest.", None)]:
        clip = cache.get(text, tone)
        assert clip is not None and clip == espeak.get(text, tone)
        assert not cache.path(text, tone).exists(), "a fallback is not kept as the natural clip"


@pytest.mark.speech
@needs_espeak
def test_a_phrase_the_natural_voice_cannot_render_is_said_by_espeak_ng(
    joe: None, tmp_path: Path
) -> None:
    told: list[str] = []
    cache = PhraseCache(tmp_path / "phrases", VoiceSettings(), RESOURCES / "sounds")
    renderer = Renderer(cache, on_fallback=told.append, command=mute_natural_worker)
    phrases = [("Hold.", None), ("Mute me.", None)]
    try:
        renderer.prepare(phrases)
        assert renderer.wait(phrases, 120)
    finally:
        renderer.close()
    assert renderer.fallbacks == 1 and len(told) == 1 and '"Mute me."' in told[0]
    hold, mute = cache.get("Hold."), cache.get("Mute me.")
    assert hold is not None and hold.path == cache.path("Hold.")
    assert mute is not None and mute.path != cache.path("Mute me.")


def test_a_machine_without_the_natural_packages_is_told_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, natural_on: None
) -> None:
    monkeypatch.setattr(natural, "installed", lambda: [])
    monkeypatch.setattr(natural, "engine_installed", lambda: False)
    told: list[str] = []
    cache = PhraseCache(tmp_path, VoiceSettings(JOE))
    assert cache.voice.voice_id == "", "espeak-ng's voice keys the clips"
    renderer = Renderer(cache, on_fallback=told.append, driver="no-such-driver")
    renderer.close()
    assert told == [
        "The natural voice could not be used (the package piper-tts is missing), so the cues "
        "are spoken with the espeak-ng voice. Reinstalling NeuroGuide brings the natural "
        "voice back."
    ]


@pytest.mark.speech
def test_the_self_test_renders_an_audible_cue_with_the_natural_voice(joe: None) -> None:
    from neuroguide.cli.selftest import Status, check_natural_voice

    check = check_natural_voice()
    assert check.status is Status.OK, check.line()
    assert "Joe" in check.line()
