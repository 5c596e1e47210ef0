"""A lock held by another program is "in use", whatever extended code the SQLite says it with
(Debian 13's SQLite gives extended busy codes where Debian 12's gave plain SQLITE_BUSY)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from neuroguide.store import pending
from neuroguide.store.codes import primary_code
from neuroguide.store.database import is_busy

SQLITE_BUSY_RECOVERY = 5 | (1 << 8)
SQLITE_BUSY_SNAPSHOT = 5 | (2 << 8)
SQLITE_BUSY_TIMEOUT = 5 | (3 << 8)
SQLITE_LOCKED_SHAREDCACHE = 6 | (1 << 8)
SQLITE_IOERR_WRITE = 10 | (3 << 8)


def error(code: int) -> sqlite3.OperationalError:
    found = sqlite3.OperationalError("database is locked")
    found.sqlite_errorcode = code  # type: ignore[attr-defined]  # as sqlite3 sets it
    return found


@pytest.mark.parametrize(
    "code",
    [
        sqlite3.SQLITE_BUSY,
        SQLITE_BUSY_RECOVERY,
        SQLITE_BUSY_SNAPSHOT,
        SQLITE_BUSY_TIMEOUT,
        sqlite3.SQLITE_LOCKED,
        SQLITE_LOCKED_SHAREDCACHE,
    ],
)
def test_every_busy_or_locked_code_means_in_use(code: int) -> None:
    assert is_busy(error(code))
    assert pending.reason(error(code)) == "the file is in use by another program"


def test_other_codes_are_not_busy() -> None:
    assert primary_code(error(SQLITE_IOERR_WRITE)) == sqlite3.SQLITE_IOERR
    assert not is_busy(error(SQLITE_IOERR_WRITE))
    assert not is_busy(ValueError("not from SQLite"))
    assert primary_code(ValueError("no code")) is None


def test_a_real_lock_is_busy(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        holder.execute("CREATE TABLE t (x)")
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(sqlite3.OperationalError) as raised:
            other.execute("BEGIN IMMEDIATE")
        assert is_busy(raised.value)
    finally:
        other.close()
        holder.close()
