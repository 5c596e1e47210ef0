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


HELD_S = 0.7
"""A terminal sends no key releases: a held key is the same character again and again (after
a first pause of 0.25–0.66 s, then 25–40 a second). The same character within this long of
the last one (acted on or not) is the key still held, or a bounce: it is dropped."""


class Keys:
    """Reads key presses when stdin is a terminal; otherwise only waits. A key held down
    counts once (see ``HELD_S``)."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self._last: tuple[str, float] | None = None
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
        key = data.decode("utf-8", errors="replace")
        now = time.monotonic()
        last, self._last = self._last, (key, now)
        if last is not None and last[0] == key and now - last[1] < HELD_S:
            return ""  # held down (or bouncing): it acted on its first press
        return key
