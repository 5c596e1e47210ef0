"""The history of a ``neuroguide play`` session: the same recording as the window's."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from typing import TextIO

from neuroguide.core.gentle import gentle_level
from neuroguide.core.library import Routine
from neuroguide.core.listeners import SessionListener
from neuroguide.paths import Paths
from neuroguide.store.database import HistoryError
from neuroguide.store.queries import known_exercises, session_outcomes
from neuroguide.store.session_history import RecordingHistory, open_for_recording


@dataclass
class TerminalHistory:
    """What a terminal session needs of the history; empty when it cannot be used."""

    recording: RecordingHistory | None = None
    listeners: list[SessionListener] = field(default_factory=list)

    def gentle_level(self, since: date) -> int:
        """How far "start gently" has come since ``since`` (the first level without history)."""
        if self.recording is None:
            return 0
        return gentle_level(session_outcomes(self.recording.connection, since))

    def known_exercises(self) -> frozenset[str]:
        """Exercises completed before: the voice gives them the short announcement."""
        if self.recording is None:
            return frozenset()
        return known_exercises(self.recording.connection)

    def close(self) -> None:
        """Release the history (every item was committed as it ended)."""
        if self.recording is not None:
            self.recording.close()
            self.recording = None


def terminal_history(paths: Paths, routine: Routine, err: TextIO | None = None) -> TerminalHistory:
    """The history for one terminal session, or none (with a one-line note) if unavailable."""
    err = err if err is not None else sys.stderr
    try:
        recording = open_for_recording(
            paths.data_dir, paths.history_db, paths.backups, {routine.id: routine}
        )
    except HistoryError as error:
        print(f"neuroguide: {error} This session will not be saved in the history.", file=err)
        return TerminalHistory()
    for message in recording.messages:
        print(f"neuroguide: {message}", file=err)
    return TerminalHistory(recording, [recording.recorder])
