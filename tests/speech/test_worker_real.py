"""The real worker with the real espeak-ng library: sound in a WAV file, voices, a failing
or hanging audio player, and killing the player it starts along with the worker."""

from __future__ import annotations

import array
import ctypes.util
import math
import os
import shutil
import wave
from pathlib import Path

import pytest

from neuroguide.speech.oneshot import ask_worker, list_voices, render_to_wav
from neuroguide.speech.protocol import default_driver, encode, worker_command
from neuroguide.speech.worker_process import kill_group, start_worker_process
from tests.speech.conftest import write_aplay
from tests.speech.test_worker_process import WAIT, is_gone, wait_until

pytestmark = [
    pytest.mark.speech,
    pytest.mark.skipif(
        ctypes.util.find_library("espeak-ng") is None,
        reason="the espeak-ng library (Debian package libespeak-ng1) is not installed",
    ),
]

CUE_TEXT = "Calf stretch. Start with your left leg. Hold for 15 seconds."


def rms(path: Path) -> tuple[float, float]:
    """Root-mean-square amplitude of a 16-bit mono WAV, and its length in seconds."""
    with wave.open(str(path), "rb") as audio:
        assert audio.getsampwidth() == 2 and audio.getnchannels() == 1
        frames = audio.readframes(audio.getnframes())
        seconds = audio.getnframes() / audio.getframerate()
    samples = array.array("h", frames)
    assert samples, "the WAV file holds no samples"
    return math.sqrt(sum(s * s for s in samples) / len(samples)), seconds


def path_with(folder: Path) -> dict[str, str]:
    """This process's environment with ``folder`` first on PATH."""
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"}


def test_a_cue_rendered_by_the_real_worker_holds_audible_speech(tmp_path: Path) -> None:
    target = tmp_path / "cue.wav"
    assert render_to_wav(CUE_TEXT, str(target)) is None
    assert target.stat().st_size > 44 * 10, "only a header was written"
    loudness, seconds = rms(target)
    assert loudness > 300, f"the samples are (nearly) silent: RMS {loudness:.0f}"
    assert 1.0 < seconds < 15.0


def test_after_a_render_the_worker_plays_again_instead_of_writing_the_file(
    tmp_path: Path, fake_aplay: Path
) -> None:
    played = tmp_path / "played"
    write_aplay(fake_aplay, f'echo "$@" >> {played}')
    target = tmp_path / "cue.wav"
    requests = [
        {"op": "render", "id": 1, "text": CUE_TEXT, "path": str(target)},
        {"op": "say", "id": 2, "text": "Hold."},
    ]
    answer = ask_worker(requests, env=path_with(fake_aplay))
    assert answer.problem is None
    assert [m.get("id") for m in answer.messages if m.get("event") == "done"] == [1, 2]
    assert played.read_text().count(".wav") == 1
    assert rms(target)[1] > 1.0  # still the cue, not overwritten by "Hold."


def test_the_engine_lists_its_voices_with_english_among_them() -> None:
    voices, problem = list_voices()
    assert problem is None
    assert any(voice.id.endswith("/en") or "English" in voice.name for voice in voices)


def test_a_player_that_fails_for_lack_of_a_sound_device_does_not_stall_the_worker(
    tmp_path: Path, fake_aplay: Path
) -> None:
    played = tmp_path / "played"
    write_aplay(
        fake_aplay,
        f'echo "$@" >> {played}\n'
        'echo "aplay: main:831: audio open error: No such file or directory" >&2\nexit 1',
    )
    texts = ["Hold.", "3.", "2."]
    requests = [{"op": "say", "id": n, "text": text} for n, text in enumerate(texts)]
    answer = ask_worker(requests, env=path_with(fake_aplay))
    assert answer.problem is None
    assert [m.get("id") for m in answer.messages if m.get("event") == "done"] == [0, 1, 2]
    assert played.read_text().count(".wav") == 3


def test_killing_the_real_workers_group_silences_its_player(
    tmp_path: Path, fake_aplay: Path
) -> None:
    pids = tmp_path / "pids"
    write_aplay(fake_aplay, f"echo $$ >> {pids}\nexec sleep 60")
    argv = worker_command(["--driver", default_driver()])
    process, tmpdir, _ = start_worker_process(argv, path_with(fake_aplay))
    assert process is not None and process.stdin is not None
    try:
        process.stdin.write(encode({"op": "say", "id": 1, "text": CUE_TEXT}))
        process.stdin.flush()
        assert wait_until(lambda: pids.exists() and pids.read_text().strip() != "")
        kill_group(process)
        process.wait(timeout=WAIT)
        assert wait_until(lambda: is_gone(int(pids.read_text().split()[0])))
    finally:
        kill_group(process)
        process.communicate()
        shutil.rmtree(tmpdir, ignore_errors=True)


def test_a_real_worker_stuck_in_its_player_is_killed_and_reported_as_stopped(
    tmp_path: Path, fake_aplay: Path
) -> None:
    pids = tmp_path / "pids"
    write_aplay(fake_aplay, f"echo $$ >> {pids}\nexec sleep 60")
    requests = [{"op": "say", "id": 1, "text": "Hold."}]
    answer = ask_worker(requests, env=path_with(fake_aplay), timeout=3.0)
    assert answer.problem is not None
    assert "stopped responding" in answer.problem and "alsa-utils" in answer.problem
    assert wait_until(lambda: is_gone(int(pids.read_text().split()[0])))
