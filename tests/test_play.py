"""``neuroguide play`` and ``neuroguide voices``: the terminal player, its keys and its output."""

from __future__ import annotations

import contextlib
import ctypes.util
import io
import os
import termios
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from neuroguide.cli.parser import main
from neuroguide.content.loader import Content
from neuroguide.core.clock import FakeClock
from neuroguide.core.cue_words import FOOT_CHECK
from neuroguide.core.cues import CueWriter
from neuroguide.core.events import Event, SessionFinished, SessionStarted
from neuroguide.core.library import Routine
from neuroguide.core.records import Outcome
from neuroguide.core.runner import Listener, SessionRunner
from neuroguide.core.session import Session, SessionState
from neuroguide.paths import Paths
from neuroguide.settings import Settings, save_settings
from neuroguide.speech.guide import VoiceGuide
from neuroguide.speech.speaker import RecordingSpeaker
from neuroguide.store.history_listener import TerminalHistory
from neuroguide.terminal.keys import Keys
from neuroguide.terminal.player import EXIT_INTERRUPTED, TerminalPlayer, run_play
from tests.speech.conftest import CALF, make_routine

TINY = """
id = "tiny"
name = "Tiny"
[[steps]]
exercise = "overhead-reach"
hold = 1
"""


class ScriptedKeys:
    """Keys pressed at given session times; waiting moves the fake clock instead of sleeping."""

    interactive = True

    def __init__(self, clock: FakeClock, presses: Sequence[tuple[float, str]]) -> None:
        self.clock = clock
        self.start = clock.now()
        self.presses = list(presses)

    @contextlib.contextmanager
    def listening(self) -> Iterator[ScriptedKeys]:
        yield self

    def wait(self, seconds: float) -> str:
        self.clock.advance(seconds)
        if self.presses and self.clock.now() - self.start >= self.presses[0][0]:
            key = self.presses.pop(0)[1]
            if key == "ctrl-c":
                raise KeyboardInterrupt
            return key
        return ""


class Recorder:
    """A listener that keeps every batch, as the history recorder will receive them."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def handle(self, events: Sequence[Event]) -> None:
        self.events += events


def player_for(
    content: Content, presses: Sequence[tuple[float, str]]
) -> tuple[TerminalPlayer, RecordingSpeaker, io.StringIO]:
    routine = make_routine(content, CALF)
    clock = FakeClock()
    runner = SessionRunner(Session(routine, clock))
    out = io.StringIO()
    player = TerminalPlayer(runner, clock, ScriptedKeys(clock, presses), out)
    speaker = RecordingSpeaker()
    guide = VoiceGuide(speaker, CueWriter(runner.session.timeline), on_cue=player.show)
    runner.add_listener(Listener("voice", guide))
    return player, speaker, out


@pytest.fixture
def tiny_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.toml"
    path.write_text(TINY)
    return path


def test_play_runs_a_routine_file_to_the_end_printing_captions_and_a_summary(
    tiny_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        ["--data-dir", str(tmp_path), "play", str(tiny_file), "--no-voice", "--get-ready", "0"]
    )
    out = capsys.readouterr().out.splitlines()
    assert status == 0
    assert out[0] == "Tiny (1 s)"
    assert out[1].startswith("[ 0:00] Overhead reach. Hold for 1 second.")
    # the hold starts with the exercise's spoken safety line
    assert out[1].endswith("Hold. Breathe slowly. If unsteady, lower your arms and hold the wall.")
    goodbye = "And relax. All done. You were active for 1 second. Well done, see you next time."
    assert out[2] == f"[ 0:01] {goodbye} {FOOT_CHECK}"  # it was done standing
    assert (
        out[3] == "Finished 'Tiny': took 1 s of the 1 s planned, active for 1 s; 1 done, 0 skipped."
    )


def test_every_event_batch_reaches_the_injected_listeners(
    app_paths: Paths, tiny_file: Path
) -> None:
    recorder = Recorder()

    def history(paths: Paths, routine: Routine) -> TerminalHistory:
        return TerminalHistory(listeners=[recorder])

    status = run_play(
        app_paths,
        str(tiny_file),
        get_ready=0,
        history=history,
        speaker=RecordingSpeaker(),
        out=io.StringIO(),
    )
    assert status == 0
    assert isinstance(recorder.events[0], SessionStarted)
    assert isinstance(recorder.events[-1], SessionFinished)


def test_an_unknown_routine_is_named_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "play", "no-such-routine"]) == 1
    err = capsys.readouterr().err
    assert "there is no routine 'no-such-routine'" in err and "neuroguide routines" in err


def test_a_broken_routine_file_is_reported_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "broken"\nname = "Broken"\n[[steps]]\nexercise = "no-such"\n')
    assert main(["--data-dir", str(tmp_path), "play", str(broken)]) == 1
    assert f"{broken}:4:" in capsys.readouterr().err


def test_ctrl_c_stops_cleanly_and_still_prints_the_summary(
    app_paths: Paths, tiny_file: Path
) -> None:
    out = io.StringIO()
    keys = ScriptedKeys(FakeClock(), [(0.0, "ctrl-c")])
    status = run_play(app_paths, str(tiny_file), keys=keys, speaker=RecordingSpeaker(), out=out)
    assert status == EXIT_INTERRUPTED
    last = out.getvalue().splitlines()[-1]
    assert last.startswith("Stopped 'Tiny': took ") and "active for 0 s;" in last


def test_space_pauses_and_resumes_n_skips_b_goes_back_and_q_stops(content: Content) -> None:
    presses = [(8.0, " "), (10.0, " "), (12.0, "n"), (14.0, "b"), (30.0, "q")]
    player, speaker, out = player_for(content, presses)
    assert player.run() is True
    captions = [line[8:] for line in out.getvalue().splitlines()]
    assert "Paused." in captions and "Carrying on." in captions
    assert speaker.interruptions == 4  # pause, next, back, stop
    summary = player.session.summary
    assert summary is not None and summary.outcome is Outcome.STOPPED
    assert player.summary_line().startswith("Stopped 'Calf'")


def test_ctrl_c_in_the_middle_records_a_stopped_session(content: Content) -> None:
    player, _, out = player_for(content, [(7.0, "ctrl-c")])
    assert player.run() is False
    assert player.session.state is SessionState.FINISHED
    assert out.getvalue().splitlines()[-1].startswith("[ 0:07] Session stopped.")


def test_without_keys_the_session_runs_to_its_end(content: Content) -> None:
    player, _, _ = player_for(content, [])
    assert player.run() is True
    summary = player.session.summary
    assert summary is not None and summary.outcome is Outcome.FINISHED


def test_the_terminal_is_restored_even_when_the_session_breaks() -> None:
    controller, terminal = os.openpty()
    with os.fdopen(terminal, "r") as stream:
        keys = Keys(stream)
        before = termios.tcgetattr(terminal)
        with pytest.raises(RuntimeError), keys.listening():
            assert not termios.tcgetattr(terminal)[3] & termios.ICANON  # keys come at once
            raise RuntimeError("the session broke")
        assert termios.tcgetattr(terminal) == before
    os.close(controller)


def test_a_key_press_arrives_without_enter() -> None:
    controller, terminal = os.openpty()
    with os.fdopen(terminal, "r") as stream:
        keys = Keys(stream)
        with keys.listening():
            os.write(controller, b"n")
            assert keys.wait(5.0) == "n"
            assert keys.wait(0.0) == ""
    os.close(controller)


def test_a_key_held_down_in_the_terminal_counts_once() -> None:
    """A terminal sends no releases: a held Space is a stream of spaces, acted on once."""
    controller, terminal = os.openpty()
    with os.fdopen(terminal, "r") as stream:
        keys = Keys(stream)
        with keys.listening():
            os.write(controller, b" " * 20)  # Space held: 20 repeats in a moment
            got = [keys.wait(0.5) for _ in range(20)]
            assert got.count(" ") == 1
            os.write(controller, b"n")  # another key is no repeat
            assert keys.wait(1.0) == "n"
    os.close(controller)


def test_voices_without_an_engine_says_why_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEUROGUIDE_SPEECH_DRIVER", "no-such-driver")
    assert main(["--data-dir", str(tmp_path), "voices"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("neuroguide: The voice is off: no speech engine could be started")


@pytest.mark.speech
@pytest.mark.skipif(
    ctypes.util.find_library("espeak-ng") is None,
    reason="the espeak-ng library (Debian package libespeak-ng1) is not installed",
)
def test_voices_lists_the_engine_voices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "voices"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "NAME"]
    assert any(line.split()[0] == "gmw/en" for line in lines[1:])


class FullDisk:
    """A history listener that fails on every batch."""

    def handle(self, events: Sequence[Event]) -> None:
        raise OSError("database or disk is full")


def test_a_failing_history_is_reported_once_and_the_session_runs_to_its_end(
    app_paths: Paths, tiny_file: Path
) -> None:
    err, out = io.StringIO(), io.StringIO()
    status = run_play(
        app_paths,
        str(tiny_file),
        get_ready=0,
        history=lambda paths, routine: TerminalHistory(listeners=[FullDisk()]),
        speaker=RecordingSpeaker(),
        out=out,
        err=err,
    )
    assert status == 0
    assert err.getvalue().count("could not be saved in the history") == 1
    assert "Finished 'Tiny'" in out.getvalue()


def test_play_takes_the_seated_version_and_the_gentle_dose_from_the_settings(
    app_paths: Paths, tiny_file: Path
) -> None:
    save_settings(Settings(seated_only=True, start_gently=True), app_paths.settings_file)
    err, out = io.StringIO(), io.StringIO()
    run_play(
        app_paths,
        "lower-leg-stretches",
        get_ready=0,
        history=lambda paths, routine: TerminalHistory(),
        speaker=RecordingSpeaker(),
        keys=ScriptedKeys(FakeClock(), [(0, "q")]),
        out=out,
        err=err,
    )
    assert "the seated version" in err.getvalue() and "start gently" in err.getvalue()
    assert out.getvalue().startswith("Calf and hamstring stretches (seated) (gentle start)")


def test_r_says_every_step_of_the_exercise_again_and_the_session_runs_on(
    content: Content,
) -> None:
    player, speaker, out = player_for(content, [(22.0, "r"), (40.0, "q")])  # in the rest
    player.guide = next(
        entry.listener
        for entry in player.runner._listeners
        if isinstance(entry.listener, VoiceGuide)
    )
    assert player.run() is True
    calf = content.library.exercises["calf-stretch"]
    repeated = [
        cue for cue in speaker.said if cue.text.startswith("Calf stretch.") and cue.at > 1019
    ]
    assert len(repeated) == 1
    assert all(step in repeated[0].text for step in calf.steps)
    assert speaker.log[speaker.log.index(repeated[0]) - 1] is None  # it cut what was said
    assert any(calf.steps[-1] in line for line in out.getvalue().splitlines())


def test_r_during_a_hold_waits_for_the_rest_and_silences_no_count(content: Content) -> None:
    player, speaker, out = player_for(content, [(12.0, "r"), (40.0, "q")])
    player.guide = next(
        entry.listener
        for entry in player.runner._listeners
        if isinstance(entry.listener, VoiceGuide)
    )
    assert player.run() is True
    calf = content.library.exercises["calf-stretch"]
    repeated = [c for c in speaker.said if c.text.startswith("Calf stretch.") and c.at > 1011]
    assert len(repeated) == 1 and all(step in repeated[0].text for step in calf.steps)
    assert repeated[0].at == 1020.0, "said as the rest begins"
    before = speaker.log[: speaker.log.index(repeated[0]) + 1]
    assert None not in before, "nothing was cut"
    counts = [cue.text for cue in speaker.said if 1012 < cue.at < 1020]
    assert counts[-4:] == ["5 seconds.", "3.", "2.", "1."], counts
    assert calf.steps[-1] in out.getvalue(), "the steps are shown at once"


@pytest.mark.parametrize(
    "routine",
    [
        "balance",
        "lower-leg-stretches",
        "seated",
        "strength-arms",
        "strength-legs",
        "stretch-break",
        "walk-or-ride",
        "ride",
    ],
)
def test_the_dry_run_prints_every_line_of_a_built_in_routine_at_once(
    routine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path), "play", "--dry-run", routine]) == 0
    lines = capsys.readouterr().out.splitlines()
    counted = next(line for line in lines if "transitions on time" in line)
    on_time = counted.split("transitions on time ")[1].split(";")[0].split(" of ")
    assert on_time[0] == on_time[1]
    kinds = {line[8:13].strip() for line in lines[3:]}
    assert {"show", "say"} <= kinds
    assert lines[3].startswith(" 0:00.0  show  ")
    assert "Finished" not in "\n".join(lines)  # nothing was played


def test_the_window_and_play_say_the_same_lines_on_the_same_routine(
    content: Content, app_paths: Paths, qtbot: QtBot
) -> None:
    from neuroguide.speech.planning import start_plan
    from neuroguide.ui.session.session_controller import SessionController

    routine = content.catalog.routines["strength-legs"]
    heard_in_play = RecordingSpeaker()
    clock = FakeClock()
    status = run_play(
        app_paths,
        routine.id,
        get_ready=5,
        history=lambda paths, chosen: TerminalHistory(),
        speaker=heard_in_play,
        keys=ScriptedKeys(clock, []),
        out=io.StringIO(),
        clock=clock,
        known=(),
    )
    assert status == 0
    window_clock = FakeClock()
    heard_in_window = RecordingSpeaker()
    plan = start_plan(routine, heard_in_window, minimum=5)
    controller = SessionController(
        routine,
        window_clock,
        speaker=heard_in_window,
        get_ready_seconds=5,
        ready_by_step=plan.ready_by_step,
    )
    controller.start()
    while controller.state is not SessionState.FINISHED:
        window_clock.advance(controller.session.seconds_to_next_event() or 0.5)
        controller.tick()
    controller.shutdown()
    play_lines = [cue.text for cue in heard_in_play.said]
    window_lines = [cue.text for cue in heard_in_window.said]
    assert play_lines == window_lines
    assert len(play_lines) > 50


class StoppedThenContinued:
    """Input that is not a terminal; the process is stopped for 30 s once, 2 s in."""

    interactive = False

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.start = clock.now()
        self.stopped = False

    @contextlib.contextmanager
    def listening(self) -> Iterator[StoppedThenContinued]:
        yield self

    def wait(self, seconds: float) -> str:
        self.clock.advance(seconds)
        if not self.stopped and self.clock.now() - self.start >= 2.0:
            self.stopped = True
            self.clock.advance(30.0)  # SIGSTOP ... SIGCONT
        return ""


def test_without_a_terminal_a_stopped_and_continued_session_still_runs_to_its_end(
    content: Content,
) -> None:
    clock = FakeClock()
    session = Session(content.catalog.routines["stretch-break"], clock, get_ready=0)
    runner = SessionRunner(session)
    out = io.StringIO()
    player = TerminalPlayer(runner, clock, StoppedThenContinued(clock), out)
    guide = VoiceGuide(RecordingSpeaker(), CueWriter(session.timeline), on_cue=player.show)
    runner.add_listener(Listener("voice", guide))
    assert player.run() is True
    assert session.summary is not None and session.summary.outcome is Outcome.FINISHED
    text = out.getvalue()
    assert "The computer was asleep" in text
    assert "no keyboard to resume from (input is not a terminal), so it carries on" in text
    assert session.summary.active_seconds <= session.summary.planned_seconds + 1
