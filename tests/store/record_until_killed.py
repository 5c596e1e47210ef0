"""Records a session into a history file, says "ready" after N items, then waits to be killed.

Run by test_kill.py as ``python -m tests.store.record_until_killed DB ITEMS``.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from neuroguide.content.loader import load_content
from neuroguide.paths import resolve_paths
from neuroguide.store.database import open_history
from neuroguide.store.recorder import SessionRecorder
from tests.store.session_driver import SessionDriver


def main() -> None:
    """Record until ITEMS are done, report, then block until killed."""
    database, items = Path(sys.argv[1]), int(sys.argv[2])
    content = load_content(resolve_paths(str(database.parent), {}))
    routine = content.catalog.routines["stretch-break"]
    wall = [datetime(2024, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=2)))]
    connection = open_history(database).connection
    recorder = SessionRecorder(connection, now_utc=lambda: wall[0])
    driver = SessionDriver(routine, [recorder])
    driver.send(driver.session.start())
    driver.run_until(items)
    # Part of the next hold is under way, as it would be when the power goes.
    driver.step(5)
    print("ready", flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main()
