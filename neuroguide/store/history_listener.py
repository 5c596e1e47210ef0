"""The history of a ``neuroguide play`` session: the same recording as the window's."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from neuroguide.core.library import Routine
from neuroguide.core.listeners import SessionListener
from neuroguide.paths import Paths
from neuroguide.store.database import HistoryError
from neuroguide.store.history import History
from neuroguide.store.session_history import open_for_recording


@dataclass
class TerminalHistory:
    """What a terminal session needs of the history; empty when it cannot be used.

    What the history says at the start (known exercises, the gentle level) is
    :func:`neuroguide.store.session_start.session_start` of ``history``."""

    history: History | None = None
    listeners: list[SessionListener] = field(default_factory=list)

    def close(self) -> None:
        """Write what still waits (or say what could not be), then release the history."""
        if self.history is not None:
            self.history.close()
            self.history = None


def terminal_history(
    paths: Paths, routine: Routine | None = None, err: TextIO | None = None
) -> TerminalHistory:
    """The history for one terminal session, or none (with a one-line note) if unavailable.

    A write that fails mid-session (a full disk, a lock held by another program) is kept in
    memory and written when it can; the person is told on ``err``, once. ``routine`` is not
    needed: the record comes from the session-start event (the routine that runs).
    """
    stream = err if err is not None else sys.stderr

    def tell(message: str) -> None:
        print(f"neuroguide: {message}", file=stream, flush=True)

    try:
        history = open_for_recording(paths.data_dir, paths.history_db, paths.backups, tell=tell)
    except HistoryError as error:
        tell(f"{error} This session will not be saved in the history.")
        return TerminalHistory()
    for message in history.messages:
        tell(message)
    return TerminalHistory(history, [history.recorder])
