"""The worker speaker against stand-in workers: order, interruption, crashes and hangs."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from neuroguide.core.clock import FakeClock
from neuroguide.core.cues import Cue, CuePriority
from neuroguide.speech.client import SpeechStatus, WorkerSpeaker
from neuroguide.speech.protocol import VoiceSettings
from tests.speech.conftest import fake_worker_command

WAIT = 20.0  # generous: the machine may be busy; a passing test never waits this long


def log_lines(log: Path, kind: str) -> list[str]:
    if not log.exists():
        return []
    return [line[len(kind) + 1 :] for line in log.read_text().splitlines() if line.startswith(kind)]


def is_gone(pid: int) -> bool:
    """Dead or a zombie (a container's first process may not reap orphans)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "State:\tZ" in status


@pytest.fixture
def speakers() -> Iterator[list[WorkerSpeaker]]:
    made: list[WorkerSpeaker] = []
    yield made
    for speaker in made:
        speaker.close()


def make(
    speakers: list[WorkerSpeaker], mode: str, log: Path, **options: object
) -> tuple[WorkerSpeaker, list[str]]:
    problems: list[str] = []

    def command(arguments: Sequence[str]) -> list[str]:
        return [*fake_worker_command(mode, log), *arguments]

    speaker = WorkerSpeaker(
        clock=options.pop("clock", FakeClock()),  # type: ignore[arg-type]
        command=command,
        on_problem=problems.append,
        **options,  # type: ignore[arg-type]
    )
    speakers.append(speaker)
    return speaker, problems


def name(at: float = 1000.0, step: int = 0) -> Cue:
    return Cue("Calf stretch. Start with your left leg.", CuePriority.NAME, at, 0, step)


def count(text: str, at: float = 1000.0) -> Cue:
    return Cue(text, CuePriority.COUNT, at, 0, 0)


def test_cues_are_said_one_at_a_time_and_a_count_never_cuts_off_the_name(
    speakers: list[WorkerSpeaker], tmp_path: Path
) -> None:
    log = tmp_path / "log"
    speaker, _ = make(speakers, "normal", log)
    assert speaker.wait_until_ready(WAIT)
    speaker.say(name())
    speaker.say(count("3."))
    speaker.say(count("2."))
    assert speaker.wait_until_idle(WAIT)
    assert log_lines(log, "said") == ["Calf stretch. Start with your left leg.", "2."]
    assert speaker.restarts == 0


def test_a_cue_said_before_the_worker_is_ready_waits_for_it(
    speakers: list[WorkerSpeaker], tmp_path: Path
) -> None:
    log = tmp_path / "log"
    speaker, _ = make(speakers, "normal", log)
    speaker.say(name())
    assert speaker.wait_until_idle(WAIT)
    assert log_lines(log, "said") == ["Calf stretch. Start with your left leg."]


def test_interrupt_ends_the_worker_and_its_player_child_and_a_fresh_worker_speaks_on(
    speakers: list[WorkerSpeaker], tmp_path: Path
) -> None:
    log = tmp_path / "log"
    speaker, problems = make(speakers, "slow", log)
    speaker.say(name())
    assert speaker.wait_for(lambda: bool(log_lines(log, "child")), WAIT)
    (child,) = log_lines(log, "child")
    first_worker = int(log_lines(log, "start")[0].split()[0])
    speaker.interrupt()
    assert speaker.slots.in_flight is None and speaker.slots.waiting is None
    assert speaker.wait_for(lambda: speaker.restarts == 1, WAIT)
    assert speaker.wait_until_ready(WAIT)
    assert is_gone(int(child)) and is_gone(first_worker)
    speaker.say(Cue("Paused.", CuePriority.NAME, 1000.0))
    assert speaker.wait_for(lambda: len(log_lines(log, "said")) == 2, WAIT)
    assert log_lines(log, "said")[-1] == "Paused."
    assert speaker.status is SpeechStatus.READY and problems == []


def test_interrupting_an_idle_voice_keeps_the_warm_worker(
    speakers: list[WorkerSpeaker], tmp_path: Path
) -> None:
    speaker, _ = make(speakers, "normal", tmp_path / "log")
    assert speaker.wait_until_ready(WAIT)
    speaker.interrupt()
    assert speaker.restarts == 0


def test_a_worker_that_keeps_exiting_is_restarted_then_the_voice_goes_off_saying_why(
    speakers: list[WorkerSpeaker], tmp_path: Path
) -> None:
    log = tmp_path / "log"
    speaker, problems = make(speakers, "exit", log, max_failures=2)
    speaker.say(name())
    assert speaker.wait_for(lambda: speaker.restarts == 1, WAIT)
    assert speaker.wait_until_ready(WAIT)
    assert speaker.status is SpeechStatus.READY
    speaker.say(name())
    assert speaker.wait_for(lambda: speaker.status is SpeechStatus.OFF, WAIT)
    assert speaker.wait_for(lambda: len(problems) == 1, WAIT)
    assert speaker.problem == problems[0]
    assert "voice is off" in problems[0] and "libespeak-ng1" in problems[0]
    speaker.say(name())  # a session goes on: saying more is harmless
    assert speaker.wait_until_idle(WAIT)
    assert problems == [speaker.problem]


def test_a_worker_that_hangs_on_a_cue_is_killed_by_the_watchdog(
    speakers: list[WorkerSpeaker], tmp_path: Path
) -> None:
    speaker, problems = make(
        speakers, "hang", tmp_path / "log", max_failures=1, hang_slack=0.1, hang_grace=0.2
    )
    speaker.say(count("3."))
    assert speaker.wait_for(lambda: bool(problems), WAIT)
    assert speaker.status is SpeechStatus.OFF
    assert "stopped responding" in problems[0]


def test_a_worker_that_never_gets_ready_counts_as_hung(
    speakers: list[WorkerSpeaker], tmp_path: Path
) -> None:
    speaker, problems = make(speakers, "mute", tmp_path / "log", max_failures=1, ready_timeout=0.3)
    assert speaker.wait_for(lambda: bool(problems), WAIT)
    assert "stopped responding" in problems[0]


def test_new_voice_settings_reach_the_running_worker_and_the_next_ones(
    speakers: list[WorkerSpeaker], tmp_path: Path
) -> None:
    log = tmp_path / "log"
    speaker, _ = make(speakers, "slow", log, voice=VoiceSettings("gmw/en", 150, 80))
    assert speaker.wait_until_ready(WAIT)
    assert log_lines(log, "start")[0].split()[2:] == [
        "--driver", "espeak", "--voice", "gmw/en", "--rate", "150", "--volume", "80"
    ]  # fmt: skip
    speaker.configure(VoiceSettings("gmw/en-us", 200, 50))
    speaker.say(name())
    assert speaker.wait_for(lambda: bool(log_lines(log, "child")), WAIT)
    assert log_lines(log, "configure") == [
        '{"op": "configure", "rate": 200, "voice": "gmw/en-us", "volume": 50}'
    ]
    speaker.interrupt()
    assert speaker.wait_for(lambda: len(log_lines(log, "start")) == 2, WAIT)
    assert "--voice gmw/en-us --rate 200 --volume 50" in log_lines(log, "start")[1]


def test_closing_ends_the_worker_and_removes_its_temporary_folder(
    speakers: list[WorkerSpeaker], tmp_path: Path
) -> None:
    log = tmp_path / "log"
    speaker, _ = make(speakers, "normal", log)
    assert speaker.wait_until_ready(WAIT)
    pid, tmpdir = log_lines(log, "start")[0].split()[:2]
    assert os.path.isdir(tmpdir)
    speaker.close()
    assert is_gone(int(pid))
    assert not os.path.exists(tmpdir)


def test_a_missing_speech_library_switches_the_voice_off_with_what_to_install(
    speakers: list[WorkerSpeaker],
) -> None:
    problems: list[str] = []
    speaker = WorkerSpeaker(driver="no-such-driver", on_problem=problems.append)
    speakers.append(speaker)
    assert speaker.wait_for(lambda: bool(problems), WAIT)
    assert speaker.status is SpeechStatus.OFF
    assert speaker.restarts == 0  # a missing library is not retried
    assert problems[0].startswith("The voice is off: no speech engine could be started")
    assert "sudo apt install libespeak-ng1 alsa-utils" in problems[0]
    assert "Captions and tones keep guiding you." in problems[0]
