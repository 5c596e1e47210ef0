"""``neuroguide play`` with a history another program locks mid-session: no traceback, the
session runs to its end, the person is told once, and every hold is saved once it can be."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from neuroguide.core.events import Event, SetDone
from neuroguide.core.library import Routine
from neuroguide.paths import Paths
from neuroguide.speech.speaker import RecordingSpeaker
from neuroguide.store import pending
from neuroguide.store.history import History
from neuroguide.store.history_listener import TerminalHistory
from neuroguide.terminal.player import open_history, run_play

THREE_HOLDS = """
id = "three-holds"
name = "Three holds"
[[steps]]
exercise = "overhead-reach"
hold = 1
sets = 3
"""


class OtherProgram:
    """Locks the history (``BEGIN EXCLUSIVE``) as the first hold ends, lets go at the third.

    It listens before the recorder, so the recorder meets the lock on those holds.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.done = 0
        self.connection: sqlite3.Connection | None = None

    def handle(self, events: Sequence[Event]) -> None:
        for event in events:
            if not isinstance(event, SetDone):
                continue
            self.done += 1
            if self.done == 1:
                self.connection = sqlite3.connect(self.path, isolation_level=None, timeout=0)
                self.connection.execute("BEGIN EXCLUSIVE")
            elif self.done == 3 and self.connection is not None:
                self.connection.execute("COMMIT")
                self.connection.close()


def test_play_carries_on_through_a_locked_history_and_saves_every_hold(
    app_paths: Paths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pending, "RETRY_EVERY", 0.0)
    routine = tmp_path / "three.toml"
    routine.write_text(THREE_HOLDS)
    other = OtherProgram(app_paths.history_db)

    def history(paths: Paths, routine: Routine) -> TerminalHistory:
        found = open_history(paths, routine)  # the real one, with the other program first
        found.listeners.insert(0, other)
        return found

    status = run_play(
        app_paths, str(routine), get_ready=0, history=history, speaker=RecordingSpeaker()
    )
    captured = capsys.readouterr()
    assert status == 0
    assert "Traceback" not in captured.err
    assert captured.err.count("in use by another program") == 1
    assert "Finished 'Three holds'" in captured.out
    history = History.open_read_only(app_paths.history_db)
    [session] = history.sessions()
    assert (session.outcome, session.completed) == ("finished", 3)
    history.close()
