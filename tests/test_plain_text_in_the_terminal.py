"""Nothing a person wrote reaches the terminal with a control character, and nothing is
echoed whole: own exercises in ``play`` follow the routines' plain-text rule, piped check
results are repeated short and escaped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.content.loader import load_content
from neuroguide.core.clock import FakeClock
from neuroguide.paths import Paths
from neuroguide.speech.speaker import RecordingSpeaker
from neuroguide.store.history_listener import TerminalHistory
from neuroguide.terminal.plain_out import plain
from neuroguide.terminal.player import run_play
from tests.test_check_play import fake_time  # noqa: F401  (a fixture)
from tests.test_play import ScriptedKeys

CLEAR_AND_TITLE = "\\u001b[2J\\u001b]0;pwned\\u0007"
OWN = (
    '[[exercises]]\nid = "heel-walk"\nname = "Heel walk{codes}"\ncategory = "balance"\n'
    'position = "standing"\nsteps = ["Walk on your heels.{codes}", "Turn round."]\n'
)
ROUTINE = 'id = "mine"\nname = "Mine"\n[[steps]]\nexercise = "heel-walk"\nduration = 30\n'


@pytest.mark.parametrize("field", ["name", "steps"])
def test_control_codes_in_an_own_exercise_never_reach_the_terminal_in_play(
    app_paths: Paths, tmp_path: Path, field: str
) -> None:
    folder = app_paths.user_exercises
    folder.mkdir(parents=True)
    name, step = (CLEAR_AND_TITLE, "") if field == "name" else ("", CLEAR_AND_TITLE)
    (folder / "mine.toml").write_text(OWN.replace("{codes}", name, 1).replace("{codes}", step))
    routine = tmp_path / "mine.toml"
    routine.write_text(ROUTINE)
    out, err = io.StringIO(), io.StringIO()
    run_play(
        app_paths,
        str(routine),
        get_ready=0,
        history=lambda paths, routine: TerminalHistory(),
        speaker=RecordingSpeaker(),
        keys=ScriptedKeys(FakeClock(), [(3, "q")]),
        out=out,
        err=err,
    )
    shown = out.getvalue() + err.getvalue()
    assert "\x1b" not in shown and "\x07" not in shown
    problems = [str(p) for p in load_content(app_paths).exercise_problems]
    assert any("control code" in problem for problem in problems), problems


def test_the_terminal_stream_escapes_control_codes_and_keeps_line_breaks() -> None:
    raw = io.StringIO()
    print("Heel walk\x1b[2J\rfake line\u202e", file=plain(raw))
    assert raw.getvalue() == "Heel walk\\x1b[2J\\rfake line\\u202e\n"


def test_a_huge_piped_check_result_is_refused_in_one_short_plain_line(
    tmp_path: Path,
    fake_time: FakeClock,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "settings.toml").write_text("tones = false\n")
    monkeypatch.setattr("sys.stdin", io.StringIO("\x1b]0;pwned\x07" + "9" * 10_000_000 + "\n"))
    assert main(["--data-dir", str(tmp_path), "play", "chair-stand", "--no-voice"]) == 1
    captured = capsys.readouterr()
    assert "\x1b" not in captured.err and "\x07" not in captured.err
    assert len(captured.err) < 400 and "more characters" in captured.err
    assert "nothing was saved" in captured.err


def test_a_plain_stream_outliving_its_terminal_stream_flushes_quietly(tmp_path: Path) -> None:
    """io's finaliser flushes the wrapper after the stream underneath closed (3.13 reports it)."""
    from neuroguide.terminal.plain_out import PlainOut

    underneath = (tmp_path / "terminal.txt").open("w", encoding="utf-8")
    out = PlainOut(underneath)
    out.write("Calf raise\x1b[2J\n")
    underneath.close()
    out.flush()  # was: ValueError: I/O operation on closed file
    out.close()
    assert "\x1b" not in (tmp_path / "terminal.txt").read_text(encoding="utf-8")
