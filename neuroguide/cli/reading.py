"""What the export commands share: the history opened for reading and a CSV written whole.

Kept apart from ``export.py`` so the history export and the progress export
(``progress_export.py``, ``progress.py``) use it without importing each other.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from neuroguide.paths import Paths
from neuroguide.store.database import HistoryError
from neuroguide.store.files import private_output
from neuroguide.store.history import History
from neuroguide.store.lock import InstanceLock


class ExportError(Exception):
    """An export that cannot be done; ``str()`` is one line for the person."""


@contextmanager
def reading_history(paths: Paths) -> Iterator[History]:
    """The history for reading (opened and upgraded if free, else read beside the app)."""
    if not paths.history_db.is_file():
        raise ExportError(f"there is no history yet in {paths.data_dir}; nothing to export")
    lock = InstanceLock(paths.data_dir)
    try:
        if lock.acquire():
            history = History.open(paths.history_db, backups=paths.backups)
            for message in history.messages:
                print(f"neuroguide: {message}", file=sys.stderr)
        else:
            history = History.open_read_only(paths.history_db)
    except OSError as error:
        lock.release()
        raise ExportError(f"cannot use {paths.data_dir}: {error.strerror}") from None
    except HistoryError:
        lock.release()
        raise
    try:
        yield history
    finally:
        history.close()
        lock.release()


def write_csv(target: str, write: Callable[[TextIO], int]) -> None:
    """Write a CSV to ``target`` ('-' for stdout) whole, or not at all."""
    if target == "-":
        try:
            write(sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:  # e.g. piped into `head`; the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    path = Path(target)
    with export_output(path) as partial, open(partial, "w", encoding="utf-8", newline="") as out:
        write(out)


@contextmanager
def export_output(path: Path) -> Iterator[Path]:
    """Write to ``path.part`` (owner-only), then move it into place; no half-written file."""
    try:
        with private_output(path) as partial:
            yield partial
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
