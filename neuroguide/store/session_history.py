"""Opening the history for a process that records sessions (the GUI or ``neuroguide play``).

Takes the one-instance lock first, then opens (repairing, upgrading, backing up) the file.
Both front ends use this, so they record the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from neuroguide.core.clock import local_now
from neuroguide.store.database import (
    HistoryError,
    HistoryInUseError,
    lock_data_folder,
    open_history,
)
from neuroguide.store.history import History
from neuroguide.store.pending import Tell
from neuroguide.store.recorder import tell_stderr

__all__ = ["HistoryInUseError", "open_for_recording"]


def open_for_recording(
    data_dir: Path,
    history_db: Path,
    backups: Path,
    *,
    tell: Tell = tell_stderr,
    now_utc: Callable[[], datetime] = local_now,
    wait: float | None = None,
) -> History:
    """Lock ``data_dir`` and open its history for recording; closing it releases the lock.

    ``tell`` shows the person a sentence when writing stops, resumes, or gives up at the end.

    Raises:
        HistoryInUseError: another instance runs on this data folder.
        HistoryError: the history cannot be used (the message says why; nothing was changed).
    """
    lock = lock_data_folder(
        data_dir, f"NeuroGuide is already open with the data folder {data_dir}."
    )
    try:
        opened = open_history(history_db, backups=backups, now=now_utc, wait=wait)
    except HistoryError:
        lock.release()
        raise
    return History(opened, tell=tell, now_utc=now_utc, lock=lock)
