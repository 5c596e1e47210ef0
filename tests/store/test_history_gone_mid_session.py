"""A history file deleted or replaced while a session records: the person is told once, the
rest of the session is kept (with everything before it), and another file put there is left
exactly as it is."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

from neuroguide.core.library import Routine
from neuroguide.store.history import History
from neuroguide.store.session_history import open_for_recording
from tests.store.conftest import FakeWallClock
from tests.store.seed import add_session
from tests.store.session_driver import SessionDriver

ZONE = timezone(timedelta(hours=2))


def _recording(history_path: Path, told: list[str], wall: FakeWallClock) -> History:
    history_path.parent.mkdir(parents=True, exist_ok=True)
    earlier = History.open(history_path)
    add_session(earlier, datetime(2024, 4, 1, 9, tzinfo=ZONE))
    earlier.close()
    return open_for_recording(
        history_path.parent,
        history_path,
        history_path.parent / "backups",
        tell=told.append,
        now_utc=wall,
    )


def test_a_history_deleted_mid_session_is_said_and_the_rest_of_the_session_kept(
    history_path: Path, stretch_break: Routine, wall: FakeWallClock
) -> None:
    told: list[str] = []
    history = _recording(history_path, told, wall)
    driver = SessionDriver(stretch_break, [history.recorder], wall.advance)
    driver.send(driver.session.start())
    driver.run_until(2)
    history_path.unlink()  # a clean-up tool, or a slip in a file manager
    driver.run_to_end()
    history.close()
    assert len([m for m in told if "was deleted" in m]) == 1, told
    assert any("put back" in m for m in told)
    kept = History.open(history_path)
    sessions = kept.sessions()
    assert len(sessions) == 2  # the earlier one and this one
    assert sessions[0].outcome == "finished"
    assert sessions[0].completed == len(driver.session.records)
    kept.close()


def test_a_history_replaced_mid_session_is_said_and_the_other_file_left_alone(
    history_path: Path, stretch_break: Routine, wall: FakeWallClock
) -> None:
    told: list[str] = []
    history = _recording(history_path, told, wall)
    driver = SessionDriver(stretch_break, [history.recorder], wall.advance)
    driver.send(driver.session.start())
    driver.run_until(2)
    other = history_path.with_name("notes.txt")
    other.write_bytes(b"someone else's file\n")
    os.replace(other, history_path)
    driver.run_to_end()
    history.close()
    assert history_path.read_bytes() == b"someone else's file\n"
    [said] = [m for m in told if "replaced by another file" in m]
    [copy] = history_path.parent.glob("history.recovered-*.sqlite3")
    assert copy.name in said and "rename" in said
    kept = History.open(copy)
    sessions = kept.sessions()
    assert len(sessions) == 2
    assert sessions[0].completed == len(driver.session.records)
    kept.close()
