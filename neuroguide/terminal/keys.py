"""Single key presses from a terminal, without Enter, and the terminal always restored."""

from __future__ import annotations

import contextlib
import os
import select
import sys
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import IO, Protocol


class KeySource(Protocol):
    """Where the player's key presses come from (a terminal, or a script in tests)."""

    interactive: bool

    def listening(self) -> AbstractContextManager[object]:
        """Prepare to read keys for the duration of a ``with`` block."""
        ...

    def wait(self, seconds: float) -> str:
        """Wait up to ``seconds`` for a key; "" when none came."""
        ...


class Keys:
    """Reads key presses when stdin is a terminal; otherwise only waits."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self._stream = stream if stream is not None else sys.stdin
        try:
            self.interactive = self._stream.isatty()
        except (AttributeError, ValueError):
            self.interactive = False

    @contextlib.contextmanager
    def listening(self) -> Iterator[Keys]:
        """Put the terminal in cbreak mode (keys arrive at once, Ctrl-C still works)."""
        if not self.interactive:
            yield self
            return
        import termios
        import tty

        fd = self._stream.fileno()
        saved = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd)
            yield self
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)

    def wait(self, seconds: float) -> str:
        """Wait up to ``seconds`` for a key; returns it, or "" when none came."""
        if not self.interactive:
            time.sleep(seconds)
            return ""
        fd = self._stream.fileno()
        ready, _, _ = select.select([fd], [], [], seconds)
        if not ready:
            return ""
        data = os.read(fd, 1)
        if not data:  # the terminal went away: behave as if no one is at the keyboard
            self.interactive = False
            return ""
        return data.decode("utf-8", errors="replace")
