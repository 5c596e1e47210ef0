"""Opening the history for a process that records sessions (the GUI or ``neuroguide play``).

Takes the one-instance lock first, then opens (repairing, upgrading, backing up) the file,
and makes the recorder. Both front ends use this, so they record the same way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from neuroguide.core.library import Routine
from neuroguide.store.database import HistoryError, open_history
from neuroguide.store.lock import InstanceLock
from neuroguide.store.recorder import SessionRecorder


class HistoryInUseError(HistoryError):
    """Another NeuroGuide holds this data folder; nothing was opened."""


@dataclass
class RecordingHistory:
    """The lock, the connection and the recorder of one process; close it at exit.

    Attributes:
        messages: sentences to show the person (a damaged file moved aside, and so on).
        interrupted: sessions of an earlier run now marked interrupted.
    """

    lock: InstanceLock
    connection: sqlite3.Connection
    recorder: SessionRecorder
    messages: list[str] = field(default_factory=list)
    interrupted: int = 0

    def close(self) -> None:
        """Close the database, then let the next instance in."""
        self.connection.close()
        self.lock.release()


def open_for_recording(
    data_dir: Path, history_db: Path, backups: Path, routines: Mapping[str, Routine]
) -> RecordingHistory:
    """Lock ``data_dir`` and open its history for recording.

    Raises:
        HistoryInUseError: another instance runs on this data folder.
        HistoryError: the history cannot be used (the message says why; nothing was changed).
    """
    lock = InstanceLock(data_dir)
    try:
        acquired = lock.acquire()
    except OSError as error:
        raise HistoryError(
            f"The data folder {data_dir} cannot be used: {error.strerror}."
        ) from None
    if not acquired:
        raise HistoryInUseError(f"NeuroGuide is already open with the data folder {data_dir}.")
    try:
        opened = open_history(history_db, backups=backups)
    except HistoryError:
        lock.release()
        raise
    recorder = SessionRecorder(opened.connection, routines)
    return RecordingHistory(lock, opened.connection, recorder, opened.messages, opened.interrupted)
