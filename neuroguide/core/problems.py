"""Located problems in user files, and the helpers that find a line for them.

Every message a user sees about a file reads ``FILE:LINE: what is wrong, and what to do``;
``tomllib`` does not report lines for values, so :class:`Locator` finds them in the text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class InvalidFileError(Exception):
    """Raised when a file that must load (the built-in library) does not."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")


class Locator:
    """Finds the line of a key, or of the n-th ``[[array]]`` table, in TOML text."""

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()

    def top(self, key: str) -> int | None:
        """Line of a top-level ``key =``, searched before the first table header."""
        for number, line in enumerate(self._lines, start=1):
            if _HEADER.match(line):
                return None
            if _assigns(line, key):
                return number
        return None

    def table(self, array: str, index: int, key: str | None = None) -> int | None:
        """Line of ``[[array]]`` number ``index`` (from 0), or of ``key`` inside it."""
        seen = -1
        start: int | None = None
        for number, line in enumerate(self._lines, start=1):
            header = _HEADER.match(line)
            if start is not None and header:
                break
            if header and line.strip().startswith("[[") and header.group(1) == array:
                seen += 1
                if seen == index:
                    start = number
                    if key is None:
                        return number
                continue
            if start is not None and key is not None and _assigns(line, key):
                return number
        return start

    def section(self, name: str, key: str | None = None) -> int | None:
        """Line of a ``[name]`` table (or of ``key`` inside it), else of ``name = {...}``."""
        start: int | None = None
        for number, line in enumerate(self._lines, start=1):
            header = _HEADER.match(line)
            if start is not None and header:
                break
            if header and not line.strip().startswith("[[") and header.group(1) == name:
                start = number
                if key is None:
                    return number
                continue
            if start is not None and key is not None and _assigns(line, key):
                return number
        return start or self.top(name)


def _assigns(line: str, key: str) -> bool:
    return re.match(rf"^\s*{re.escape(key)}\s*=", line) is not None


def closest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """`` (did you mean 'x'?)`` for the nearest choice, or an empty string."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def toml_error_line(message: str, text: str) -> int | None:
    """The line number ``tomllib`` puts in its error messages ("end of document": the last)."""
    found = re.search(r"at line (\d+)", message)
    if found:
        return int(found.group(1))
    if "end of document" in message:
        return max(1, len(text.rstrip("\n").splitlines()))
    return None


def decode_utf8(data: bytes) -> tuple[str | None, int | None]:
    """Decode ``data``; on failure return ``(None, line of the first bad byte)``."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        return None, data.count(b"\n", 0, error.start) + 1
