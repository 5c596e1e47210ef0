"""Every ending of every check through ``neuroguide play``: keys at a terminal and piped input.

What is stored (the real history file) and what is said and printed, for: held, lost (feet
moved or held on), support, unsteady, no mark, arms and stop. Plus ``play --dry-run CHECK``:
the script at once, nothing read, said, played or stored.
"""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.core.check_run import (
    STOP_ARMS,
    STOP_LOST,
    STOP_TIME_UP,
    UNSTEADY_WORDS,
    CheckRun,
    RunState,
)
from neuroguide.core.check_steps import StepKind, check_steps
from neuroguide.core.checks import (
    CheckId,
    CheckOutcome,
    EndReason,
    balance_result,
    not_completed,
    sit_to_stand_result,
)
from neuroguide.core.clock import FakeClock
from neuroguide.paths import Paths
from neuroguide.speech.speaker import RecordingSpeaker
from neuroguide.terminal.check_player import run_check_play
from neuroguide.terminal.check_script import check_script
from tests.test_check_play import WHEN, ScriptedKeys, data, fake_time, stored  # noqa: F401


def go_at(check: CheckId, number: int = 1, get_ready: int = 2) -> float:
    """Seconds from the start to the ``number``-th Go of ``check``."""
    at = 0.0
    seen = 0
    for step in check_steps(check, get_ready):
        if step.kind in (StepKind.STANCE, StepKind.STOPWATCH, StepKind.TIMED):
            seen += 1
            if seen == number:
                return at
        at += step.seconds
    raise AssertionError("no such Go")


def play_keys(
    paths: Paths, check: CheckId, presses: list[tuple[float, str]]
) -> tuple[int, str, RecordingSpeaker]:
    clock = FakeClock()
    speaker = RecordingSpeaker()
    status = run_check_play(
        paths,
        check,
        get_ready=2,
        clock=clock,
        keys=ScriptedKeys(clock, presses),
        stdin=io.StringIO("\n"),
        speaker=speaker,
        now=lambda: WHEN,
    )
    return status, speaker_words(speaker), speaker


def speaker_words(speaker: RecordingSpeaker) -> str:
    return " ".join(cue.text for cue in speaker.said)


# ------------------------------------------------------------ keys at a terminal


def test_balance_every_position_held(app_paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    status, said, _ = play_keys(app_paths, CheckId.BALANCE, [])
    out = capsys.readouterr().out
    assert status == 0
    assert "that was the last position" in said
    assert "last held without support: position 4 of 4, one foot" in out
    assert stored(app_paths.data_dir) == [balance_result([10, 10, 10, 10])]


@pytest.mark.parametrize("why", ["feet moved", "held on"])
def test_balance_space_ends_the_position_as_not_held(
    app_paths: Paths, capsys: pytest.CaptureFixture[str], why: str
) -> None:
    # Moving the feet and needing support are the same key and the same ending: not held.
    status, said, speaker = play_keys(
        app_paths, CheckId.BALANCE, [(go_at(CheckId.BALANCE, 3) + 4.0, " ")]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert STOP_LOST in said
    assert speaker.interruptions >= 1
    assert "last held without support: position 2 of 4, half step" in out
    assert "higher risk of falls" in out
    [result] = stored(app_paths.data_dir)
    assert result.stances == (10, 10, 4.0)  # type: ignore[attr-defined]
    assert result.last_held == 2 and not result.support_used  # type: ignore[attr-defined]


@pytest.mark.parametrize("check", list(CheckId))
def test_u_stores_a_safety_stop(
    app_paths: Paths, capsys: pytest.CaptureFixture[str], check: CheckId
) -> None:
    status, said, _ = play_keys(app_paths, check, [(go_at(check) + 1.0, "u")])
    assert status == 0
    assert UNSTEADY_WORDS in said
    assert "Saved as stopped for safety" in capsys.readouterr().out
    [result] = stored(app_paths.data_dir)
    assert result.outcome is CheckOutcome.UNSTEADY  # type: ignore[attr-defined]


def test_sit_to_stand_the_mark_at_the_fifth_stand_stores_the_time(
    app_paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    status, said, _ = play_keys(
        app_paths, CheckId.SIT_TO_STAND, [(go_at(CheckId.SIT_TO_STAND) + 11.2, " ")]
    )
    assert status == 0
    assert "Stop. 11.2 seconds. Well done." in said
    assert "Saved: 11.2 seconds." in capsys.readouterr().out
    assert stored(app_paths.data_dir) == [sit_to_stand_result(11.2)]


def test_sit_to_stand_no_mark_is_not_completed_never_a_time(
    app_paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    status, said, _ = play_keys(app_paths, CheckId.SIT_TO_STAND, [])
    assert status == 0
    assert STOP_TIME_UP in said
    out = capsys.readouterr().out
    assert "not completed (no mark within the time limit)" in out
    assert "60.0" not in out
    assert stored(app_paths.data_dir) == [not_completed(CheckId.SIT_TO_STAND, EndReason.NO_MARK)]


def test_sit_to_stand_q_after_go_is_kept_as_not_completed(
    app_paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, _ = play_keys(
        app_paths, CheckId.SIT_TO_STAND, [(go_at(CheckId.SIT_TO_STAND) + 5.0, "q")]
    )
    assert status == 0
    assert "not completed (stopped after Go)" in capsys.readouterr().out
    assert stored(app_paths.data_dir) == [not_completed(CheckId.SIT_TO_STAND, EndReason.STOPPED)]


def test_sit_to_stand_q_before_go_stores_nothing(
    app_paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, _ = play_keys(app_paths, CheckId.SIT_TO_STAND, [(3.0, "q")])
    assert status == 130
    assert not app_paths.history_db.exists()


def test_sit_to_stand_a_means_the_arms_were_needed(
    app_paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    status, said, _ = play_keys(
        app_paths, CheckId.SIT_TO_STAND, [(go_at(CheckId.SIT_TO_STAND) + 6.0, "a")]
    )
    assert status == 0
    assert STOP_ARMS in said
    assert stored(app_paths.data_dir) == [sit_to_stand_result(None, arms_used=True)]


# ------------------------------------------------------------ piped input


def piped(data_dir: Path, check: str, text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    return main(["--data-dir", str(data_dir), "play", check, "--no-voice"])


def test_piped_balance_answers_can_no_longer_record_a_held_stance_with_support(
    data: Path,  # noqa: F811
    fake_time: FakeClock,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The old "y" (support used) answer is never asked for: 10 s means held without support.
    assert piped(data, "balance-4-stage", "10 10 3.5\ny\n", monkeypatch) == 0
    out = capsys.readouterr().out
    assert "support? (y/N)" not in out
    assert "last held without support: position 2 of 4" in out
    [result] = stored(data)
    assert result.stances == (10, 10, 3.5)  # type: ignore[attr-defined]
    assert not result.support_used  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "expected", "words"),
    [
        ("12.4\n", sit_to_stand_result(12.4), "Saved: 12.4 seconds."),
        ("arms\n", sit_to_stand_result(None, arms_used=True), "arms needed"),
        ("none\n", not_completed(CheckId.SIT_TO_STAND, EndReason.NO_MARK), "not completed"),
    ],
)
def test_piped_sit_to_stand_time_arms_or_no_mark(
    data: Path,  # noqa: F811
    fake_time: FakeClock,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    text: str,
    expected: object,
    words: str,
) -> None:
    assert piped(data, "sit-to-stand-5", text, monkeypatch) == 0
    assert words in capsys.readouterr().out
    assert stored(data) == [expected]


def test_a_piped_sit_to_stand_time_at_the_limit_is_refused(
    data: Path,  # noqa: F811
    fake_time: FakeClock,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert piped(data, "sit-to-stand-5", "60\n", monkeypatch) == 1
    assert "nothing was saved" in capsys.readouterr().err
    assert not (data / "history.sqlite3").exists() or stored(data) == []


# ------------------------------------------------------------ dry run


@pytest.mark.parametrize("check", list(CheckId))
def test_dry_run_prints_the_script_at_once_and_touches_nothing(
    tmp_path: Path, check: CheckId
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "settings.toml").write_text("get_ready_seconds = 3\n")
    history = data_dir / "history.sqlite3"
    history.write_bytes(b"not even a database: must stay byte for byte")
    before = hashlib.sha256(history.read_bytes()).hexdigest()
    listing = sorted(p.name for p in data_dir.iterdir())
    env = {**os.environ, "NEUROGUIDE_AUDIO_COMMAND": "/bin/false"}
    command = [sys.executable, "-m", "neuroguide", "--data-dir", str(data_dir)]

    def timed(*args: str) -> tuple[subprocess.CompletedProcess[bytes], float]:
        """One run and how long it took."""
        runs = []
        for _ in range(1):
            started = time.monotonic()
            done = subprocess.run(
                [*command, *args],
                input=b"14\n",  # nothing may read it
                capture_output=True,
                timeout=60,
                env=env,
            )
            runs.append((done, time.monotonic() - started))
        return min(runs, key=lambda run: run[1])

    baseline, version_took = timed("--version")
    done, took = timed("play", "--dry-run", check.value)
    assert baseline.returncode == 0
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert "dry run" in out and "Go!" in out and "Other endings:" in out
    assert hashlib.sha256(history.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in data_dir.iterdir()) == listing  # nothing created
    # At once, not the real check's minute: the 1-second target itself is measured by
    # tests/benchmarks/bench_dry_run.py (a timed unit test would fail on a busy machine).
    assert took < version_took + 5.0, (took, version_took)


def test_dry_run_reads_no_input_and_says_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class NoReading(io.StringIO):
        def readline(self, *args: object) -> str:  # type: ignore[override]
            raise AssertionError("the dry run read its input")

    monkeypatch.setattr("sys.stdin", NoReading())
    monkeypatch.setattr(
        "neuroguide.terminal.player.make_speaker",
        lambda *a: (_ for _ in ()).throw(AssertionError("a voice was made")),
    )
    assert main(["--data-dir", str(tmp_path / "none"), "play", "--dry-run", "chair-stand"]) == 0
    out = capsys.readouterr().out
    assert "Using your arms to stand up ends the check." in out
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize("check", list(CheckId))
def test_the_dry_run_script_is_what_the_run_says(check: CheckId) -> None:
    clock = FakeClock()
    run = CheckRun(check, clock, 4)
    start = clock.now()
    said = [(cue.at - start, cue.text) for cue in run.start()]
    while run.state is RunState.RUNNING:
        wait = run.seconds_to_next_event()
        clock.advance(wait if wait else 0.001)
        said += [(cue.at - start, cue.text) for cue in run.tick()]
    script = check_script(check, 4)
    assert [text for _, text in script] == [text for _, text in said]
    assert [at for at, _ in script] == pytest.approx([at for at, _ in said])
