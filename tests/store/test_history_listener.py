"""``neuroguide play`` records like the GUI, and says so when another instance holds the data."""

from __future__ import annotations

import io
from pathlib import Path

from neuroguide.core.library import Routine
from neuroguide.paths import resolve_paths
from neuroguide.store.database import open_history
from neuroguide.store.history_listener import terminal_recorder
from neuroguide.store.lock import InstanceLock
from neuroguide.store.queries import list_sessions
from tests.store.session_driver import SessionDriver


def test_terminal_sessions_are_recorded(tmp_path: Path, stretch_break: Routine) -> None:
    paths = resolve_paths(str(tmp_path / "data"), {})
    listeners = terminal_recorder(paths, io.StringIO())
    assert len(listeners) == 1
    driver = SessionDriver(stretch_break, listeners)
    driver.send(driver.session.start())
    driver.run_until(2)
    driver.send(driver.session.stop())
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
        assert terminal_recorder(paths, err) == []
    assert err.getvalue().count("\n") == 1
    assert "already open" in err.getvalue()
    assert not paths.history_db.exists()
