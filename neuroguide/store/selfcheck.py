"""The history part of ``neuroguide self-test``: an upgrade in memory that keeps its data."""

from __future__ import annotations

import sqlite3

from neuroguide.store.database import MEMORY, connect
from neuroguide.store.schema import LATEST_VERSION, migrate, user_version


def check_upgrade() -> tuple[bool, str]:
    """Upgrade an empty in-memory history step by step, keeping a session across the upgrade.

    Returns whether it worked and one line saying what happened.
    """
    try:
        connection = connect(MEMORY)
        try:
            migrate(connection, target=1)
            connection.execute(
                "INSERT INTO sessions (routine_id, routine_name, started_utc, utc_offset_min,"
                " local_day, planned_ms, outcome) VALUES ('self-test', 'Self test',"
                " '2025-01-01T10:00:00Z', 0, '2025-01-01', 60000, 'finished')"
            )
            version = migrate(connection)
            kept = connection.execute("SELECT count(*) FROM sessions").fetchone()[0]
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
            final = user_version(connection)
        finally:
            connection.close()
    except sqlite3.Error as error:
        return False, f"the upgrade failed ({error})"
    if version != LATEST_VERSION or final != LATEST_VERSION:
        return False, f"ended at version {final}, expected {LATEST_VERSION}"
    if kept != 1 or check != "ok":
        return False, f"the upgrade lost data (sessions {kept}, check {check})"
    return True, f"upgraded in memory to version {LATEST_VERSION}, data kept"
