"""One NeuroGuide at a time per data folder, for the GUI and the command line alike.

An OS advisory lock (``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows) on
``neuroguide.lock`` in the data folder. The OS drops it when the process ends, even by a
crash or ``kill -9``, so a stale lock never blocks the next start.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from neuroguide.core.private_files import make_private_dir

LOCK_NAME = "neuroguide.lock"


class InstanceLock:
    """Held by the process that writes the history in one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._descriptor: int | None = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._descriptor is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; False if another process holds it."""
        if self._descriptor is not None:
            return True
        make_private_dir(self.path.parent)
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(descriptor):
            os.close(descriptor)
            return False
        self._descriptor = descriptor
        try:  # the process id is a note for a person; a full disk must not stop the lock
            os.ftruncate(descriptor, 0)
            os.write(descriptor, f"{os.getpid()}\n".encode())
        except OSError:
            pass
        return True

    def release(self) -> None:
        """Let the next instance in (closing the file drops the lock)."""
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        _trace: TracebackType | None,
    ) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True
