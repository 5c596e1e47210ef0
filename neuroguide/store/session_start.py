"""What a session's start reads from the history: one rule for the window and the terminal.

"Start gently" needs the level reached since it was turned on (the level rule is
:func:`neuroguide.core.gentle.gentle_level`), and the voice gives exercises done before their
short announcement. Both are read here, once, by :func:`session_start`; the window's steps,
its home cards, ``neuroguide play`` and the terminal's lists all ask it. Without a history, or
with one unreadable just now, the answer is the safe one: the gentlest level, and every
exercise announced in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from neuroguide.core.gentle import gentle_level, gentle_since
from neuroguide.settings import Settings
from neuroguide.store.database import HistoryError
from neuroguide.store.history import History


@dataclass(frozen=True)
class SessionStart:
    """What the history says when a session starts."""

    known: frozenset[str] = frozenset()
    """Exercises completed before: the voice gives them the short announcement."""
    gentle_level: int | None = None
    """The "start gently" level reached; ``None`` when that setting is off (the full dose)."""


def session_start(history: History | None, settings: Settings, today: date) -> SessionStart:
    """The exercises known and, when ``settings`` start gently, the level reached since the
    day it was switched on (``today`` if that day is not known)."""
    level = None
    if settings.start_gently:
        level = _level_since(history, gentle_since(settings.gentle_since, today))
    return SessionStart(_known(history), level)


def read_session_start(history_db: Path, settings: Settings, today: date) -> SessionStart:
    """:func:`session_start` from the history file, opened read-only and closed again (for a
    dry run and the terminal's lists, which must not hold the history the window may use)."""
    if not history_db.is_file():
        return session_start(None, settings, today)
    try:
        history = History.open_read_only(history_db)
    except (HistoryError, OSError):
        return session_start(None, settings, today)
    try:
        return session_start(history, settings, today)
    finally:
        history.close()


def _level_since(history: History | None, since: date) -> int:
    """How far "start gently" has come since ``since`` (0, the first level, when unknown)."""
    if history is None:
        return 0
    try:
        return gentle_level(history.session_outcomes(since))
    except HistoryError:
        return 0


def _known(history: History | None) -> frozenset[str]:
    """Exercises completed before (none when unknown: saying every step once more is safe)."""
    if history is None:
        return frozenset()
    try:
        return history.known_exercises()
    except HistoryError:
        return frozenset()
