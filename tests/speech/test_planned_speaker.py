"""The planned speaker and its audio seam, with stand-in players: clips start, transitions cut,
interrupts silence at once, and a player that hangs or fails is reported within seconds."""

from __future__ import annotations

import array
import math
import threading
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from neuroguide.core.clock import FakeClock
from neuroguide.core.cues import Cue, CuePriority, Tone
from neuroguide.speech.audio import AUDIO_VARIABLE, AudioOut, audio_command
from neuroguide.speech.phrase_cache import PhraseCache
from neuroguide.speech.planned import PlannedSpeaker
from neuroguide.speech.protocol import VoiceSettings

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def tone_wav(path: Path, seconds: float, rate: int = 22050, pad: float = 0.2) -> Path:
    """A 440 Hz tone with ``pad`` seconds of silence each side, as espeak-ng leaves them."""
    quiet = [0] * int(pad * rate)
    sound = [int(8000 * math.sin(2 * math.pi * 440 * n / rate)) for n in range(int(seconds * rate))]
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(array.array("h", quiet + sound + quiet).tobytes())
    return path


def player(folder: Path, body: str) -> list[str]:
    """A stand-in player script; it logs each file it is given to ``played.log``."""
    script = folder / "player"
    script.write_text(f'#!/bin/sh\necho "$1" >> "{folder}/played.log"\n{body}\n')
    script.chmod(0o755)
    return [str(script)]


def gone(pid: int) -> bool:
    """Whether the process has ended (a zombie waiting to be reaped has ended too)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (FileNotFoundError, ProcessLookupError):  # gone while being read
        return True


@pytest.fixture
def cache(tmp_path: Path) -> PhraseCache:
    found = PhraseCache(tmp_path / "phrases", VoiceSettings(), RESOURCES / "sounds")
    for text, seconds in (("Hold.", 0.4), ("Calf stretch.", 0.6), ("Start now.", 3.0)):
        for tone in (None, Tone.WORK):
            found.store(text, tone, tone_wav(tmp_path / "raw.wav", seconds))
    return found


@pytest.fixture
def speakers() -> Iterator[list[PlannedSpeaker]]:
    made: list[PlannedSpeaker] = []
    yield made
    for speaker in made:
        speaker.close()


def make(
    cache: PhraseCache, command: list[str], made: list[PlannedSpeaker], grace: float = 0.5
) -> tuple[PlannedSpeaker, list[str], threading.Event]:
    problems: list[str] = []
    told = threading.Event()

    def tell(message: str) -> None:
        problems.append(message)
        told.set()

    audio = AudioOut(command, hang_grace=grace)
    speaker = PlannedSpeaker(cache, clock=FakeClock(0.0), on_problem=tell, audio=audio)
    made.append(speaker)
    return speaker, problems, told


def test_the_audio_command_is_aplay_unless_the_environment_names_another() -> None:
    assert audio_command({}) == ["aplay", "-q"]
    assert audio_command({AUDIO_VARIABLE: "/opt/my player --fast"}) == [
        "/opt/my",
        "player",
        "--fast",
    ]
    assert audio_command({AUDIO_VARIABLE: "'/opt/my player' -q"}) == ["/opt/my player", "-q"]


def test_a_clip_is_trimmed_of_its_silences_and_led_by_its_tone(cache: PhraseCache) -> None:
    plain = cache.get("Hold.")
    led = cache.get("Hold.", Tone.WORK)
    assert plain is not None and led is not None
    assert 0.4 <= plain.seconds <= 0.4 + 0.06  # 0.2 s of silence each side trimmed away
    assert led.seconds == pytest.approx(plain.seconds + 0.34, abs=0.01)  # work.wav in front
    assert plain.path != led.path


def test_a_hung_player_is_reported_within_seconds_and_the_voice_goes_on(
    cache: PhraseCache, tmp_path: Path, speakers: list[PlannedSpeaker]
) -> None:
    speaker, problems, told = make(cache, player(tmp_path, "sleep 60"), speakers)
    started = time.monotonic()
    speaker.say(Cue("Hold.", CuePriority.TRANSITION, 0.0, 0, 0))
    assert told.wait(10)
    assert time.monotonic() - started < 3.0  # the 0.4-s clip plus 0.5 s of grace, not minutes
    assert "sound player hung" in problems[0]
    assert speaker.wait_until_idle(5)
    speaker.say(Cue("Hold.", CuePriority.TRANSITION, 0.0, 1, 0))
    assert speaker.wait_until_idle(0.5)  # the end of a session does not wait on it again
    assert len(problems) == 1  # told once


def test_a_failing_player_is_reported_with_its_own_words(
    cache: PhraseCache, tmp_path: Path, speakers: list[PlannedSpeaker]
) -> None:
    body = 'echo "aplay: main:831: audio open error: Device or resource busy" >&2\nexit 1'
    speaker, problems, told = make(cache, player(tmp_path, body), speakers)
    speaker.say(Cue("Calf stretch. Hold.", CuePriority.NAME, 0.0, 0, 0))
    assert told.wait(5)
    assert "Device or resource busy" in problems[0]
    assert speaker.wait_until_idle(5)
    assert len(problems) == 1


def test_a_player_killed_by_a_signal_is_reported(
    cache: PhraseCache, tmp_path: Path, speakers: list[PlannedSpeaker]
) -> None:
    speaker, problems, told = make(cache, player(tmp_path, "kill -SEGV $$"), speakers)
    speaker.say(Cue("Hold.", CuePriority.TRANSITION, 0.0, 0, 0))
    assert told.wait(5)
    assert "SIGSEGV" in problems[0]


def test_a_player_that_is_not_there_is_reported(
    cache: PhraseCache, tmp_path: Path, speakers: list[PlannedSpeaker]
) -> None:
    speaker, problems, told = make(cache, [str(tmp_path / "no-such-player")], speakers)
    speaker.say(Cue("Hold.", CuePriority.TRANSITION, 0.0, 0, 0))
    assert told.wait(5)
    assert "could not start" in problems[0]


def test_sentences_play_in_order_and_a_transition_cuts_the_older_one(
    cache: PhraseCache, tmp_path: Path, speakers: list[PlannedSpeaker]
) -> None:
    speaker, problems, _ = make(cache, player(tmp_path, "exec sleep 5"), speakers)
    log = tmp_path / "played.log"
    speaker.say(Cue("Start now. Calf stretch.", CuePriority.NAME, 0.0, 0, 0))
    assert speaker.wait_until_idle(0.3) is False
    speaker.say(Cue("Hold.", CuePriority.TRANSITION, 1.0, 1, 0, Tone.WORK))
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and len(log.read_text().splitlines()) < 2:
        time.sleep(0.01)
    played = log.read_text().splitlines()
    assert played == [str(cache.path("Start now.")), str(cache.path("Hold.", Tone.WORK))]
    assert [u.text for u in speaker.queue.cut] == ["Start now."]
    assert not problems


def test_an_interrupt_silences_the_player_at_once(
    cache: PhraseCache, tmp_path: Path, speakers: list[PlannedSpeaker]
) -> None:
    pid_file = tmp_path / "pid"
    speaker, _, _ = make(cache, player(tmp_path, f'echo $$ > "{pid_file}"\nexec sleep 5'), speakers)
    speaker.say(Cue("Start now.", CuePriority.TRANSITION, 0.0, 0, 0))
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not pid_file.exists():
        time.sleep(0.005)
    time.sleep(0.05)
    pid = int(pid_file.read_text())
    started = time.monotonic()
    speaker.interrupt()
    while time.monotonic() - started < 1.0 and not gone(pid):
        time.sleep(0.002)
    assert time.monotonic() - started < 0.1
    assert not speaker.speaking
