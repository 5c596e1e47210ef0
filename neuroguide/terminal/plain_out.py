"""A terminal stream that lets only plain text through.

``play`` prints what people wrote (own exercise names and steps, routine names, notes). Each
file is checked for control codes when it is loaded, but the terminal is the last line: a
code that reached it could clear the screen, set the title or fake lines. So everything the
terminal commands print goes through :class:`PlainOut`, which writes control characters
(except the line breaks we print ourselves) as visible escapes, the way
``core.problems.printable`` does for messages.
"""

from __future__ import annotations

import io
from typing import IO

from neuroguide.core.problems import printable


class PlainOut(io.TextIOBase):
    """Wraps a text stream; every line written is made printable first."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__()
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with control characters escaped (line breaks kept)."""
        self._stream.write("\n".join(printable(line) for line in text.split("\n")))
        return len(text)

    def flush(self) -> None:
        """Flush the stream underneath, unless it is closed already.

        io's finaliser flushes this wrapper when it is collected, which may be after the stream
        underneath was closed (at exit, or by a caller that owned it); Python 3.13 reports that
        as an error, and there is nothing left to flush.
        """
        if not getattr(self._stream, "closed", False):
            self._stream.flush()

    def isatty(self) -> bool:
        """Whether the stream underneath is a terminal."""
        return self._stream.isatty()

    def writable(self) -> bool:
        """Always: this is an output stream."""
        return True


def plain(stream: IO[str]) -> IO[str]:
    """``stream`` behind a :class:`PlainOut` (once: an already plain stream is kept)."""
    if isinstance(stream, PlainOut):
        return stream
    return PlainOut(stream)  # type: ignore[return-value]
