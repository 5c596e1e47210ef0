"""``neuroguide play`` records like the GUI, and says so when another instance holds the data."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from neuroguide.core.library import Routine
from neuroguide.paths import resolve_paths
from neuroguide.settings import Settings
from neuroguide.store.database import open_history
from neuroguide.store.history_listener import terminal_history
from neuroguide.store.lock import InstanceLock
from neuroguide.store.queries import list_sessions
from neuroguide.store.session_start import SessionStart, session_start
from tests.store.session_driver import SessionDriver


def test_terminal_sessions_are_recorded(tmp_path: Path, stretch_break: Routine) -> None:
    paths = resolve_paths(str(tmp_path / "data"), {})
    history = terminal_history(paths, stretch_break, io.StringIO())
    assert len(history.listeners) == 1
    driver = SessionDriver(stretch_break, history.listeners)
    driver.send(driver.session.start())
    driver.run_until(2)
    driver.send(driver.session.stop())
    history.close()
    connection = open_history(paths.history_db).connection
    [session] = list_sessions(connection)
    assert (session.routine_name, session.outcome, session.completed) == (
        "Stretch break",
        "stopped",
        2,
    )
    connection.close()


def test_a_running_instance_means_no_recording_and_one_line(
    tmp_path: Path, stretch_break: Routine
) -> None:
    paths = resolve_paths(str(tmp_path / "data"), {})
    err = io.StringIO()
    with InstanceLock(paths.data_dir) as lock:
        assert lock.acquire()
        history = terminal_history(paths, stretch_break, err)
        assert history.listeners == [] and history.history is None
        start = session_start(history.history, Settings(start_gently=True), date(2026, 1, 1))
        assert start == SessionStart(known=frozenset(), gentle_level=0)
    assert err.getvalue().count("\n") == 1
    assert "already open" in err.getvalue()
    assert not paths.history_db.exists()
