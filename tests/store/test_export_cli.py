"""``neuroguide export``: CSV to a file or stdout, a PDF report, and one-line errors."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.store.database import open_history
from neuroguide.store.lock import InstanceLock
from neuroguide.store.models import CheckIn, Moment
from tests.store.seed import add_session


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    connection = open_history(folder / "history.sqlite3").connection
    add_session(
        connection,
        datetime(2024, 5, 1, 9, tzinfo=timezone(timedelta(hours=2))),
        before=CheckIn(Moment.BEFORE, pain=5),
    )
    connection.close()
    return folder


def test_csv_to_stdout(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "export", "--csv", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("session_start,routine_id")
    assert len(lines) == 3


def test_sessions_csv_to_an_owner_only_file(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "sessions.csv"
    assert main(["--data-dir", str(data_dir), "export", "--csv", str(target), "--sessions"]) == 0
    assert "before_pain" in target.read_text().splitlines()[0]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_reads_beside_a_running_instance(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with InstanceLock(data_dir) as lock:
        assert lock.acquire()
        assert main(["--data-dir", str(data_dir), "export", "--csv", "-"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_pdf_report_is_written(data_dir: Path, tmp_path: Path, qapp: object) -> None:
    target = tmp_path / "report.pdf"
    assert main(["--data-dir", str(data_dir), "export", "--report", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--csv", "{missing}/x.csv"], "cannot write"),
        (["--report", "{missing}/r.pdf"], "cannot write"),
        (["--report", "{missing}.txt"], "ending in .pdf"),
    ],
)
def test_bad_targets_get_one_line_and_exit_1(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    qapp: object,
    arguments: list[str],
    message: str,
) -> None:
    filled = [a.format(missing=tmp_path / "missing") for a in arguments]
    assert main(["--data-dir", str(data_dir), "export", *filled]) == 1
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1


def test_no_history_yet_is_a_one_line_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path / "empty"), "export", "--csv", "-"]) == 1
    assert "no history yet" in capsys.readouterr().err


@pytest.mark.parametrize("column", ["started_utc", "ended_utc", "local_day"])
def test_a_session_with_a_damaged_date_is_left_out_and_said(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    qapp: object,
    column: str,
) -> None:
    connection = open_history(data_dir / "history.sqlite3").connection
    add_session(connection, datetime(2024, 5, 2, 9, tzinfo=timezone(timedelta(hours=2))))
    connection.execute(f"UPDATE sessions SET {column} = '31/02/2024 9 h' WHERE id = 1")
    connection.close()
    sessions, items, report = tmp_path / "s.csv", tmp_path / "i.csv", tmp_path / "r.pdf"
    for arguments in (
        ["--csv", str(sessions), "--sessions"],
        ["--csv", str(items)],
        ["--report", str(report)],
    ):
        assert main(["--data-dir", str(data_dir), "export", *arguments]) == 0
        error = capsys.readouterr().err
        assert "1 session has a damaged date in the history and was left out" in error
        assert "Traceback" not in error
    assert len(sessions.read_text().splitlines()) == 2  # the header and the good session
    assert len(items.read_text().splitlines()) == 3
    assert report.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []
