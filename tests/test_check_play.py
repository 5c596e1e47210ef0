"""``neuroguide play chair-stand`` and friends, ``neuroguide progress`` and the progress CSV."""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.core.check_run import STOP_CHAIR, STOP_LOST, UNSTEADY_WORDS
from neuroguide.core.checks import CheckId, CheckOutcome, chair_stand_result
from neuroguide.core.clock import FakeClock
from neuroguide.paths import Paths
from neuroguide.speech.speaker import RecordingSpeaker
from neuroguide.store.check_csv import CHECK_COLUMNS
from neuroguide.store.checks import add_check, list_checks
from neuroguide.store.database import open_history
from neuroguide.store.models import Stamp
from neuroguide.terminal import check_player
from neuroguide.terminal.check_player import run_check_play

WHEN = datetime(2026, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=1)))


class WaitingKeys:
    """No keyboard (as when stdin is a pipe): waiting moves the fake clock."""

    interactive = False

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock

    @contextlib.contextmanager
    def listening(self) -> Iterator[WaitingKeys]:
        yield self

    def wait(self, seconds: float) -> str:
        self.clock.advance(seconds)
        return ""


class ScriptedKeys(WaitingKeys):
    """A person at the keyboard pressing keys at given times since the start."""

    interactive = True

    def __init__(self, clock: FakeClock, presses: Sequence[tuple[float, str]]) -> None:
        super().__init__(clock)
        self.start = clock.now()
        self.presses = list(presses)

    def wait(self, seconds: float) -> str:
        if self.presses:
            due = self.start + self.presses[0][0]
            if self.clock.now() + seconds >= due:
                self.clock.advance(max(0.0, due - self.clock.now()))
                return self.presses.pop(0)[1]
        self.clock.advance(seconds)
        return ""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    (tmp_path / "settings.toml").write_text("tones = false\n")
    return tmp_path


@pytest.fixture
def fake_time(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The real command line, but its clock and its waiting run on a fake clock."""
    clock = FakeClock()
    monkeypatch.setattr(check_player, "MonotonicClock", lambda: clock)
    monkeypatch.setattr(check_player, "Keys", lambda stream=None: WaitingKeys(clock))
    return clock


def stored(folder: Path) -> list[object]:
    connection = open_history(folder / "history.sqlite3").connection
    try:
        return [row.result for row in list_checks(connection)]
    finally:
        connection.close()


def test_play_chair_stand_with_a_count_piped_in_records_the_result(
    data: Path,
    fake_time: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("14\n"))
    start = fake_time.now()
    status = main(["--data-dir", str(data), "play", "chair-stand", "--no-voice"])
    out = capsys.readouterr().out
    assert status == 0
    assert "Before you start:" in out
    assert "Go!" in out
    assert STOP_CHAIR in out
    assert "Saved: 14 stands." in out
    assert "neuroguide progress --birth-year" in out  # no profile yet: says how to add it
    assert fake_time.now() - start >= 30  # the 30 seconds were really timed
    assert stored(data) == [chair_stand_result(14)]


def test_a_piped_count_outside_0_to_40_is_refused_and_nothing_is_stored(
    data: Path,
    fake_time: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("41\n"))
    assert main(["--data-dir", str(data), "play", "chair-stand", "--no-voice"]) == 1
    err = capsys.readouterr().err
    assert "0 to 40; nothing was saved" in err
    assert "Traceback" not in err
    assert not (data / "history.sqlite3").exists() or stored(data) == []


def test_no_count_on_stdin_stores_nothing(
    data: Path,
    fake_time: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--data-dir", str(data), "play", "chair-stand", "--no-voice"]) == 1
    assert "No count of stands was given" in capsys.readouterr().err


def test_the_comparison_uses_year_of_birth_and_sex(
    data: Path, fake_time: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    (data / "settings.toml").write_text('tones = false\nbirth_year = 1954\nsex = "female"\n')
    status = run_check_play(
        Paths(data, data, Path(__file__).parents[1] / "resources"),
        CheckId.CHAIR_STAND,
        voice=False,
        stdin=io.StringIO("9\nn\n"),
        now=lambda: WHEN,
    )
    assert status == 0
    out = capsys.readouterr().out
    assert "Below average for women aged 72 (below average means under 10)." in out


def test_balance_in_a_terminal_space_marks_the_lost_position(
    app_paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FakeClock()
    speaker = RecordingSpeaker()
    # Find when the third stance's "Go" comes, then lose it 6.5 s later.
    from neuroguide.core.check_steps import StepKind, check_steps

    steps = check_steps(CheckId.BALANCE, 2)
    third = 0.0
    stances = 0
    for step in steps:
        if step.kind is StepKind.STANCE:
            stances += 1
            if stances == 3:
                break
        third += step.seconds
    status = run_check_play(
        app_paths,
        CheckId.BALANCE,
        get_ready=2,
        clock=clock,
        keys=ScriptedKeys(clock, [(third + 6.5, " ")]),
        stdin=io.StringIO("\nn\n"),  # Enter to begin; the "n" is never read as an answer
        speaker=speaker,
        now=lambda: WHEN,
    )
    out = capsys.readouterr().out
    assert status == 0
    assert STOP_LOST in out
    assert speaker.interruptions >= 1  # "Stop" is said at once, not after a count
    assert "Saved: last held without support: position 2 of 4, half step" in out
    assert "feet moved or held on at 6.5 s" in out
    assert "higher risk of falls" in out
    assert "support? (y/N)" not in out  # no question a single key could answer wrongly
    [result] = stored(app_paths.data_dir)
    assert result.stances == (10, 10, 6.5)  # type: ignore[attr-defined]


def test_i_feel_unsteady_key_stores_a_safety_stop_never_a_score(
    app_paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FakeClock()
    status = run_check_play(
        app_paths,
        CheckId.SIT_TO_STAND,
        clock=clock,
        keys=ScriptedKeys(clock, [(3.0, "u")]),
        stdin=io.StringIO("\n"),
        speaker=RecordingSpeaker(),
        now=lambda: WHEN,
    )
    out = capsys.readouterr().out
    assert status == 0
    assert UNSTEADY_WORDS in out
    assert "Saved as stopped for safety, not as a score." in out
    [result] = stored(app_paths.data_dir)
    assert result.outcome is CheckOutcome.UNSTEADY  # type: ignore[attr-defined]
    assert result.value() is None  # type: ignore[attr-defined]


def test_q_leaves_without_saving(app_paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    clock = FakeClock()
    status = run_check_play(
        app_paths,
        CheckId.CHAIR_STAND,
        clock=clock,
        keys=ScriptedKeys(clock, [(2.0, "q")]),
        stdin=io.StringIO("\n"),
        speaker=RecordingSpeaker(),
    )
    assert status == 130
    assert "Left without saving." in capsys.readouterr().out
    assert not app_paths.history_db.exists()


def test_sit_to_stand_with_a_time_piped_in(
    data: Path,
    fake_time: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("12.4\n"))
    assert main(["--data-dir", str(data), "play", "sit-to-stand-5", "--no-voice"]) == 0
    assert "Saved: 12.4 seconds." in capsys.readouterr().out


def test_balance_times_outside_0_to_10_seconds_are_refused(
    data: Path,
    fake_time: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("10 12\n"))
    assert main(["--data-dir", str(data), "play", "balance-4-stage", "--no-voice"]) == 1
    assert "position 2 must be from 0 to 10 seconds" in capsys.readouterr().err


def seed(folder: Path) -> None:
    connection = open_history(folder / "history.sqlite3").connection
    add_check(connection, chair_stand_result(9), Stamp.of(WHEN))
    add_check(connection, chair_stand_result(12), Stamp.of(WHEN + timedelta(days=28)))
    connection.close()


def test_progress_prints_each_result_its_comparison_and_the_real_change(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(data)
    (data / "settings.toml").write_text('birth_year = 1950\nsex = "male"\n')
    assert main(["--data-dir", str(data), "progress"]) == 0
    out = capsys.readouterr().out
    assert "30-second chair stand" in out
    assert "2026-03-02  9 stands" in out
    assert "12 stands  [+3 stands, a real change]" in out
    assert "Average or better for men aged 76 (below average means under 11)." in out


def test_progress_sets_birth_year_and_sex_and_refuses_a_bad_year(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (data / "settings.toml").read_text()
    assert main(["--data-dir", str(data), "progress", "--birth-year", "19x0"]) == 2
    assert "four digits" in capsys.readouterr().err
    assert (data / "settings.toml").read_text() == before
    assert main(["--data-dir", str(data), "progress", "--birth-year", "1950", "--sex", "male"]) == 0
    text = (data / "settings.toml").read_text()
    assert "birth_year = 1950" in text
    assert 'sex = "male"' in text


def test_progress_without_any_check_says_how_to_start(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data), "progress"]) == 0
    assert "neuroguide play chair-stand" in capsys.readouterr().out


def test_export_progress_csv_has_one_row_per_check(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(data)
    (data / "settings.toml").write_text('birth_year = 1950\nsex = "female"\n')
    assert main(["--data-dir", str(data), "export", "--csv", "-", "--progress"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == CHECK_COLUMNS
    assert [row["stands"] for row in rows] == ["9", "12"]
    assert rows[0]["taken"] == "2026-03-02T10:00:00+01:00"
    assert rows[0]["age"] == "76"
    assert rows[0]["norm_line"] == "10"
    assert rows[0]["comparison"].startswith("Below average for women aged 76")
    assert rows[1]["real_change"] == "yes"
    assert "STEADI" in rows[1]["norm_source"]


def test_export_progress_needs_csv(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(data)
    status = main(["--data-dir", str(data), "export", "--report", "x.pdf", "--progress"])
    assert status == 2
    assert "--progress goes with --csv" in capsys.readouterr().err


def test_the_last_day_is_used_for_the_reminder_line(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(data)
    import argparse

    from neuroguide.cli.progress import run_progress

    args = argparse.Namespace(birth_year=None, sex=None)
    out = io.StringIO()
    assert run_progress(Paths(data, data, data), args, out=out, today=date(2026, 4, 1)) == 0
    assert "Next progress check suggested from 2026-04-27." in out.getvalue()
