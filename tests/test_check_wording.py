"""Issue 26: the balance test names its four parts with one plain word, "position".

The CDC's published 4-Stage Balance Test asks the patient to "stand in each position for 10
seconds" and shows "four positions"; the source articles say "get into position". "Stance"
is a clinician's word, and two words for one thing leave a person wondering whether they are
two things. Every word a person hears or reads about the checks says "position": the voice
and captions (the dry run and a terminal run print them), the results (``progress``), the
CSV, the PDF report, the messages for wrong input, the screens' words and the docs.
"""

from __future__ import annotations

import ast
import csv
import io
import re
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.core.check_progress import balance_words, describe
from neuroguide.core.check_steps import check_steps
from neuroguide.core.checks import (
    CheckId,
    CheckInputError,
    CheckOutcome,
    CheckResult,
    balance_result,
    stopped_unsteady,
)
from neuroguide.store.checks import add_check
from neuroguide.store.database import open_history
from neuroguide.store.models import Stamp
from tests.test_check_play import fake_time as fake_time  # a fixture, used by name

ROOT = Path(__file__).resolve().parents[1]
STRAY = re.compile(r"\bstances?\b", re.IGNORECASE)
WHEN = datetime(2026, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=1)))
BALANCE_RESULTS = (
    balance_result([10, 10, 10, 10]),
    balance_result([10, 10, 4]),
    balance_result([2.5]),
    stopped_unsteady(CheckId.BALANCE),
)
WORD_MODULES = (
    "neuroguide/core/check_steps.py",
    "neuroguide/core/check_run.py",
    "neuroguide/core/check_progress.py",
    "neuroguide/core/check_norms.py",
    "neuroguide/core/checks.py",
    "neuroguide/terminal/check_player.py",
    "neuroguide/terminal/check_script.py",
    "neuroguide/cli/progress.py",
    "neuroguide/store/check_csv.py",
    "neuroguide/ui/reports/progress_section.py",
    "neuroguide/ui/common/check_chart.py",
    *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "neuroguide/ui/checks").glob("*.py")),
)
"""Every module that writes words about the checks for a person."""


def strays(text: str) -> list[str]:
    """Each stray "stance", with the words around it."""
    return [text[max(0, m.start() - 40) : m.end() + 40] for m in STRAY.finditer(text)]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    (tmp_path / "settings.toml").write_text('tones = false\nbirth_year = 1950\nsex = "female"\n')
    connection = open_history(tmp_path / "history.sqlite3").connection
    for week, result in enumerate(BALANCE_RESULTS):
        add_check(connection, result, Stamp.of(WHEN + timedelta(weeks=week)))
    connection.close()
    return tmp_path


def test_the_voice_and_the_captions_say_position(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    said = [step.text for check in CheckId for step in check_steps(check)]
    for check in CheckId:
        assert main(["--data-dir", str(data), "play", "--dry-run", check.value]) == 0
    printed = capsys.readouterr().out
    assert "Position 3, heel to toe" in printed  # the dry run prints what is said and shown
    assert not strays("\n".join(said) + printed)


def test_a_terminal_run_and_its_answers_say_position(
    data: Path,
    fake_time: object,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for piped in ("10 10 4\n", "10 4 10\n", "10 10 10 10 10\n", "10 12\n"):
        monkeypatch.setattr("sys.stdin", io.StringIO(piped))
        main(["--data-dir", str(data), "play", "balance-4-stage", "--no-voice"])
    out = capsys.readouterr()
    assert "Saved:" in out.out and "position 2" in out.err.lower()
    assert not strays(out.out + out.err)


def test_wrong_balance_times_are_refused_in_positions() -> None:
    for held in ([], [10, 10, 10, 10, 10], [10, 11], [10, 4, 10]):
        with pytest.raises(CheckInputError) as refused:
            balance_result(held)
        assert "position" in str(refused.value).lower()
        assert not strays(str(refused.value))


def test_the_results_say_position(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    older = CheckResult(CheckId.BALANCE, CheckOutcome.SCORED, stances=(10, 3), support_used=True)
    words = [describe(result) for result in BALANCE_RESULTS] + [balance_words(older)]
    assert main(["--data-dir", str(data), "progress"]) == 0
    printed = capsys.readouterr().out
    assert "position 2 of 4" in printed
    assert not strays("\n".join(words) + printed)


def test_the_csv_says_position(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data), "export", "--csv", "-", "--progress"]) == 0
    text = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[1]["position3_seconds"] == "4"
    assert not strays(text)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_pdf_report_says_position(data: Path, qapp: object) -> None:
    target = data / "report.pdf"
    assert main(["--data-dir", str(data), "export", "--report", str(target)]) == 0
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "4-stage balance test" in text and "position" in text
    assert not strays(text)


def _words_in(source: str) -> list[str]:
    """Every string written in ``source`` except docstrings (words a person may see)."""
    tree = ast.parse(source)
    docstrings = {  # a string standing alone as a statement documents what is around it
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_screen_message_or_doc_about_the_checks_says_stance() -> None:
    found: list[str] = []
    for module in WORD_MODULES:
        words = _words_in((ROOT / module).read_text(encoding="utf-8"))
        found += [f"{module}: {hit}" for text in words for hit in strays(text)]
    for doc in ("docs/progress-checks.md", "README.md", "docs/architecture.md"):
        found += [f"{doc}: {hit}" for hit in strays((ROOT / doc).read_text(encoding="utf-8"))]
    assert not found, "\n".join(found)
