"""The history recorder for ``neuroguide play``: the same recording as the GUI's."""

from __future__ import annotations

import atexit
import sys
from typing import TextIO

from neuroguide.core.library import Routine
from neuroguide.core.listeners import SessionListener
from neuroguide.paths import Paths
from neuroguide.store.database import HistoryError
from neuroguide.store.session_history import open_for_recording


def terminal_recorder(
    paths: Paths, routine: Routine, err: TextIO | None = None
) -> list[SessionListener]:
    """A recorder for one terminal session, or none (with a one-line note) if unavailable.

    The lock and the connection are released when the process exits; every item is committed
    as it ends, so nothing waits for that.
    """
    err = err if err is not None else sys.stderr
    try:
        history = open_for_recording(
            paths.data_dir, paths.history_db, paths.backups, {routine.id: routine}
        )
    except HistoryError as error:
        print(f"neuroguide: {error} This session will not be saved in the history.", file=err)
        return []
    for message in history.messages:
        print(f"neuroguide: {message}", file=err)
    atexit.register(history.close)
    return [history.recorder]
