"""File-level care for the history: owner-only files and exports, moving damaged files aside."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path

from neuroguide.core import private_files
from neuroguide.core.private_files import NOTHING_OWN, OwnFiles

SIDE_FILES = ("-wal", "-shm", "-journal")
"""SQLite's companion files, which belong to (and move with) the main file."""


def make_private_dir(path: Path) -> Path:
    """Create ``path`` and its parents readable by the owner only (health data is private)."""
    return private_files.make_private_dir(path)


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0o600 unless it exists.

    SQLite gives its -wal and -shm files the main file's mode, so they stay private too.
    """
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(descriptor)


def move_aside(path: Path, reason: str, when: datetime) -> Path:
    """Rename ``path`` (and its side files) to a dated name beside it; nothing is deleted.

    Returns the new name of the main file, e.g. ``history.damaged-20240501-083000.sqlite3``.
    """
    stamp = when.strftime("%Y%m%d-%H%M%S")
    for attempt in range(1, 1000):
        extra = "" if attempt == 1 else f"-{attempt}"
        target = path.with_name(f"{path.stem}.{reason}-{stamp}{extra}{path.suffix}")
        taken = [target, *(Path(f"{target}{side}") for side in SIDE_FILES)]
        if not any(candidate.exists() for candidate in taken):
            break
    else:  # pragma: no cover - a thousand files moved aside in one second
        raise FileExistsError(f"no free name beside {path}")
    for side in SIDE_FILES:
        companion = Path(f"{path}{side}")
        if companion.exists():
            os.rename(companion, f"{target}{side}")
    os.rename(path, target)
    return target


def private_output(path: Path, own: OwnFiles = NOTHING_OWN) -> AbstractContextManager[Path]:
    """Write an export through the app's one writer (``core.private_files.private_output``).

    A person's history is health data: every export is readable by its owner only (0600),
    whatever the umask, never replaces the app's own files, a pipe or a device, and no
    half-written file is left behind if anything fails.
    """
    return private_files.private_output(path, own)
