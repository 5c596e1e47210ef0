"""A session killed with SIGKILL keeps every finished item and shows as interrupted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from neuroguide.store.database import open_history
from neuroguide.store.queries import list_sessions, session_items

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("items", [1, 3])
def test_sigkill_mid_session_keeps_finished_items_and_marks_interrupted(
    history_path: Path, items: int
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.store.record_until_killed", str(history_path), str(items)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    try:
        line = child.stdout.readline()
        assert line.strip() == "ready", child.stderr.read() if child.stderr else ""
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL

    opened = open_history(history_path)
    assert opened.interrupted == 1
    [session] = list_sessions(opened.connection)
    assert session.outcome == "interrupted"
    recorded = session_items(opened.connection, session.id)
    assert len(recorded) == items
    assert all(item.status == "completed" for item in recorded)
    assert session.active_ms == sum(item.actual_ms for item in recorded)
    assert session.ended is not None
    opened.connection.close()
