"""What a session's start reads from the history, one rule for the window and the terminal.

"Start gently" needs the level reached since it was turned on, and the voice gives exercises
done before their short announcement. Without a history, or with one unreadable just now, the
answer is the safe one: the gentlest level, and every exercise announced in full.
"""

from __future__ import annotations

from datetime import date

from neuroguide.core.gentle import gentle_level
from neuroguide.store.database import HistoryError
from neuroguide.store.history import History


def gentle_level_since(history: History | None, since: date) -> int:
    """How far "start gently" has come since ``since`` (0, the first level, when unknown)."""
    if history is None:
        return 0
    try:
        return gentle_level(history.session_outcomes(since))
    except HistoryError:
        return 0


def known_exercises(history: History | None) -> frozenset[str]:
    """Exercises completed before (none when unknown: saying every step once more is safe)."""
    if history is None:
        return frozenset()
    try:
        return history.known_exercises()
    except HistoryError:
        return frozenset()
