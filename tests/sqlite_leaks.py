"""Every SQLite connection a test (or the code it runs) opens must be closed.

Python 3.13 reports a connection dropped unclosed with a ``ResourceWarning``; 3.11 and 3.12 say
nothing. This plugin makes every Python report it, with where the connection was opened, so a
leak fails on the developer's 3.11 as it would on Debian 13 (the suite runs with
``-W error::ResourceWarning``; decision 0020). Loaded from tests/conftest.py.
"""

from __future__ import annotations

import sqlite3
import traceback
import warnings
from collections.abc import Iterator
from typing import Any

import pytest


class TrackedConnection(sqlite3.Connection):
    """A connection that remembers where it was opened and warns if it is never closed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        frames = traceback.extract_stack()[:-2]
        ours = [
            frame
            for frame in frames
            if "/neuroguide/" in frame.filename or "/tests/" in frame.filename
        ]
        self.opened_at = "".join(traceback.format_list((ours or frames)[-4:]))
        self.closed = False

    def close(self) -> None:
        self.closed = True
        super().close()

    def __del__(self) -> None:
        if not self.closed:
            self.closed = True
            super().close()  # the warning below is ours; Python 3.13 would warn again without it
            warnings.warn(
                f"unclosed SQLite connection, opened at:\n{self.opened_at}",
                ResourceWarning,
                stacklevel=1,
            )


_real_connect = sqlite3.connect


def _tracked_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
    kwargs.setdefault("factory", TrackedConnection)
    return _real_connect(*args, **kwargs)


@pytest.fixture(autouse=True, scope="session")
def _track_sqlite_connections() -> Iterator[None]:
    sqlite3.connect = _tracked_connect  # type: ignore[assignment]
    try:
        yield
    finally:
        sqlite3.connect = _real_connect
