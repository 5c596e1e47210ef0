"""The history recorder for ``neuroguide play``: the same recording as the GUI's."""

from __future__ import annotations

import atexit
import sys
from typing import TextIO

from neuroguide.core.listeners import SessionListener
from neuroguide.paths import Paths
from neuroguide.store.database import HistoryError
from neuroguide.store.session_history import open_for_recording


def terminal_recorder(paths: Paths, err: TextIO | None = None) -> list[SessionListener]:
    """A recorder for one terminal session, or none (with a one-line note) if unavailable.

    A write that fails mid-session (a full disk, a lock held by another program) is kept in
    memory and written when it can; the person is told on ``err``. The lock and the connection
    are released when the process exits, after a last try at anything still waiting.
    """
    stream = err if err is not None else sys.stderr

    def tell(message: str) -> None:
        print(f"neuroguide: {message}", file=stream, flush=True)

    try:
        history = open_for_recording(paths.data_dir, paths.history_db, paths.backups, tell=tell)
    except HistoryError as error:
        tell(f"{error} This session will not be saved in the history.")
        return []
    for message in history.messages:
        tell(message)
    atexit.register(history.close)
    return [history.recorder]
