"""File-level care for the history: owner-only files, moving damaged files aside.

Folders and exports go through the app's one writer, :mod:`neuroguide.core.private_files`.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

SIDE_FILES = ("-wal", "-shm", "-journal")
"""SQLite's companion files, which belong to (and move with) the main file."""


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
