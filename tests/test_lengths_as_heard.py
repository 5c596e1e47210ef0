"""Issue 26, item 2: one length for a routine, the one the person will hear.

The length `routines` lists, the one `check` gives, the one a card shows and the one the player
starts from are the speech plan's session (:mod:`neuroguide.core.heard_length`); the dry-run
of the same routine, for the same person, takes that long to its "All done".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.content.loader import Content, load_content
from neuroguide.paths import resolve_paths
from neuroguide.settings import DEFAULTS
from neuroguide.terminal.lengths import Lengths
from neuroguide.terminal.player import run_play

LENGTH = re.compile(r"(?:(\d+) h ?)?(?:(\d+) min ?)?(?:(\d+) s)?")


def seconds(text: str) -> int:
    match = LENGTH.fullmatch(text.strip())
    assert match is not None and text.strip(), text
    hours, minutes, secs = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + secs


def listed_lengths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    assert main(["--data-dir", str(tmp_path), "routines"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    start, end = header.index("LENGTH"), header.index("ORIGIN")
    return {row.split()[0]: seconds(row[start:end]) for row in rows}


def dry_run_length(
    tmp_path: Path,
    routine: str,
    capsys: pytest.CaptureFixture[str],
    known: frozenset[str] | None,
) -> int:
    """The dry run's length; ``known=None``: what the data folder's history knows."""
    status = run_play(resolve_paths(str(tmp_path)), routine, dry=True, known=known)
    assert status == 0
    first = capsys.readouterr().out.splitlines()[0]
    return seconds(first.split(": ", 1)[1].split(" (")[0])


@pytest.mark.parametrize("seated", [False, True], ids=["as-written", "seated"])
def test_every_routine_lists_the_length_its_dry_run_takes_first_time_and_after(
    seated: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "settings.toml").write_text(f"seated_only = {str(seated).lower()}\n")
    content: Content = load_content(resolve_paths(str(tmp_path)))
    shown_first = listed_lengths(tmp_path, capsys)  # a new person: every step said in full
    settings = DEFAULTS.changed(seated_only=seated)
    everything = frozenset(content.library.exercises)
    later = Lengths.for_person(resolve_paths(str(tmp_path)), content.library, settings)
    later = Lengths(later.library, later.settings, everything, later.lengths)
    assert len(shown_first) == 8
    for routine in content.catalog.ordered():
        if seated and routine.id == "walk-or-ride":
            continue  # `play` refuses it and points to Ride; the list gives it as written
        first_run = dry_run_length(tmp_path, routine.id, capsys, frozenset())
        assert abs(shown_first[routine.id] - first_run) <= 1, routine.id
        later_run = dry_run_length(tmp_path, routine.id, capsys, everything)
        assert abs(later.seconds(routine) - later_run) <= 1, routine.id
        assert later_run < first_run, routine.id  # the short announcement is shorter


def test_check_gives_the_first_time_and_the_later_length(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    builtin = Path(__file__).parents[1] / "resources" / "routines" / "stretch-break.toml"
    assert main(["--data-dir", str(tmp_path), "check", str(builtin)]) == 0
    line = capsys.readouterr().out.strip()
    found = re.search(r"steps, (.+) the first time, (.+) after$", line)
    assert found is not None, line
    first, later = found.groups()
    assert first == listed_lengths_text(tmp_path, capsys)["stretch-break"]
    assert seconds(later) < seconds(first)


def listed_lengths_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    assert main(["--data-dir", str(tmp_path), "routines"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    start, end = header.index("LENGTH"), header.index("ORIGIN")
    return {row.split()[0]: row[start:end].strip() for row in rows}


def test_a_dry_run_while_the_window_has_the_history_gives_the_later_length(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    from neuroguide.store.database import open_history
    from neuroguide.store.lock import InstanceLock
    from tests.store.seed import add_session

    paths = resolve_paths(str(tmp_path))
    library = load_content(paths).library
    connection = open_history(paths.history_db).connection
    for exercise in library.exercises:
        add_session(connection, datetime.now(UTC), exercise_id=exercise)
    connection.close()
    alone = dry_run_length(tmp_path, "strength-arms", capsys, None)
    window = InstanceLock(paths.data_dir)  # the window holds the history
    assert window.acquire()
    try:
        beside = dry_run_length(tmp_path, "strength-arms", capsys, None)
        assert main(["--data-dir", str(tmp_path), "play", "--dry-run", "strength-arms"]) == 0
    finally:
        window.release()
    assert "will not be saved" not in capsys.readouterr().err  # a dry run saves nothing
    assert beside == alone == listed_lengths(tmp_path, capsys)["strength-arms"]
    assert alone < dry_run_length(tmp_path, "strength-arms", capsys, frozenset())
