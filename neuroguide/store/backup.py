"""Daily rotating backups made with SQLite's online backup API (never a copy of a live file)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from neuroguide.core.private_files import make_private_dir
from neuroguide.store.files import create_private_file

KEEP = 7
PREFIX = "history-"
SUFFIX = ".sqlite3"


def backup_files(folder: Path) -> list[Path]:
    """The backups in ``folder``, oldest first (the date in the name sorts them)."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}????-??-??{SUFFIX}"))


def backup_daily(
    connection: sqlite3.Connection, folder: Path, today: date, keep: int = KEEP
) -> Path | None:
    """Back up once per day: write today's copy unless it exists; keep the newest ``keep``.

    Returns the new backup, or ``None`` if today's already existed.
    """
    make_private_dir(folder)
    target = folder / f"{PREFIX}{today.isoformat()}{SUFFIX}"
    if target.exists():
        return None
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    create_private_file(partial)
    try:
        destination = sqlite3.connect(partial)
        try:
            connection.backup(destination)
            # A plain rollback-journal file opens read-only anywhere, without -wal or -shm.
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
        partial.rename(target)  # a half-written backup never carries a backup's name
    except BaseException:
        partial.unlink(missing_ok=True)  # no empty or half-written .part is left behind
        raise
    for old in backup_files(folder)[:-keep]:
        old.unlink()
    return target


def newest_good_backup(folder: Path) -> Path | None:
    """The newest backup that passes ``quick_check``, if any."""
    for candidate in reversed(backup_files(folder)):
        if is_sound(candidate):
            return candidate
    return None


def is_sound(path: Path) -> bool:
    """Whether ``path`` opens read-only and passes ``quick_check``."""
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        row = connection.execute("PRAGMA quick_check").fetchone()
        return bool(row) and row[0] == "ok"
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def restore(backup: Path, target: Path) -> None:
    """Write a fresh ``target`` from ``backup`` with the backup API."""
    create_private_file(target)
    source = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()
