"""Worker processes against stand-in workers: own session and folder, group kill, one-shot
requests that time out, and a missing speech library reported with what to install."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from neuroguide.speech.oneshot import ask_worker, list_voices
from neuroguide.speech.worker_process import kill_group, start_worker_process
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


def wait_until(condition: Callable[[], bool], timeout: float = WAIT) -> bool:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


def test_a_worker_runs_in_its_own_folder_and_killing_its_group_ends_its_child_too(
    tmp_path: Path,
) -> None:
    log = tmp_path / "log"
    process, tmpdir, why = start_worker_process(fake_worker_command("slow", log), os.environ)
    assert process is not None and why == ""
    try:
        assert process.stdin is not None
        process.stdin.write(b'{"op": "say", "id": 1, "text": "Hold."}\n')
        process.stdin.flush()
        assert wait_until(lambda: bool(log_lines(log, "child")))
        pid, folder = log_lines(log, "start")[0].split()[:2]
        assert folder == tmpdir and os.path.isdir(tmpdir)
        kill_group(process)
        process.wait(timeout=WAIT)
        assert is_gone(int(pid))
        assert wait_until(lambda: is_gone(int(log_lines(log, "child")[0])))
    finally:
        kill_group(process)
        process.communicate()
        shutil.rmtree(tmpdir, ignore_errors=True)


def test_killing_a_worker_that_already_ended_is_harmless(tmp_path: Path) -> None:
    process, tmpdir, _ = start_worker_process(fake_worker_command("normal", tmp_path / "log"), {})
    assert process is not None
    process.communicate(b'{"op": "quit"}\n', timeout=WAIT)
    kill_group(process)
    shutil.rmtree(tmpdir)


def test_a_worker_that_cannot_start_says_why_and_leaves_no_folder(tmp_path: Path) -> None:
    before = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("neuroguide-speech-*"))
    process, tmpdir, why = start_worker_process([str(tmp_path / "no-such-program")], {})
    assert process is None and tmpdir == "" and why
    assert set(Path(os.environ.get("TMPDIR", "/tmp")).glob("neuroguide-speech-*")) == before


def test_a_one_shot_worker_that_never_answers_is_killed_and_reported_as_stopped(
    tmp_path: Path,
) -> None:
    log = tmp_path / "log"
    answer = ask_worker(
        [{"op": "voices"}], command=lambda a: [*fake_worker_command("mute", log), *a], timeout=1.0
    )
    assert answer.problem is not None and "stopped responding" in answer.problem
    assert is_gone(int(log_lines(log, "start")[0].split()[0]))


def test_a_one_shot_worker_that_cannot_start_is_reported_without_a_traceback(
    tmp_path: Path,
) -> None:
    answer = ask_worker([{"op": "voices"}], command=lambda a: [str(tmp_path / "none"), *a])
    assert answer.messages == [] and answer.problem


def test_a_missing_speech_library_is_reported_with_what_to_install() -> None:
    voices, problem = list_voices(driver="no-such-driver")
    assert voices == []
    assert problem is not None
    assert problem.startswith("The voice is off: no speech engine could be started")
    assert "sudo apt install libespeak-ng1 alsa-utils" in problem
