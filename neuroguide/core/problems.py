"""Located problems in user files, and the helpers that find a line for them.

Every message a user sees about a file reads ``FILE:LINE: what is wrong, and what to do``;
``tomllib`` does not report lines for values, so :class:`Locator` finds them in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        """One line, safe for a terminal whatever the file's name or contents hold."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        return printable(f"{where}: {self.message}")


def printable(text: str) -> str:
    """``text`` safe to print on one line: control characters (a line break, a terminal's
    escape codes), bidirectional overrides and bytes that were not UTF-8 (as in a file name)
    are written as escapes, the way Python's ``repr`` writes them; everything else is kept.
    """
    if text.isprintable():
        return text
    return "".join(_escape(c) if _unsafe(c) else c for c in text)


SHOWN_MOST = 120
"""Characters of a person's text repeated in a message (a 10 MB line is not echoed whole)."""
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""What a person's one-line text may not hold: control codes, line breaks, bidi overrides."""
CONTROL_BUT_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""The same for text that may run over lines (a routine's description)."""


def shown(text: str, most: int = SHOWN_MOST) -> str:
    """A person's ``text`` as a message repeats it: :func:`printable`, one line, at most
    ``most`` characters and a count of the rest. The one rule for echoing what people wrote.
    """
    if len(text) <= most:
        return printable(text)
    return f"{printable(text[:most])}… ({len(text) - most:,} more characters)"


PROBLEMS_SHOWN = 20
"""Problems shown per file, and unknown keys named per table; the rest are counted."""


def unknown_keys(keys: Iterable[str], known: Collection[str]) -> tuple[list[str], int]:
    """The first :data:`PROBLEMS_SHOWN` keys not in ``known``, and how many more there are.

    Only those few get a located message and a "did you mean" hint: a file of 60,000 unknown
    keys is checked in a fraction of a second, not in seconds per thousand.
    """
    unknown = [key for key in keys if key not in known]
    return unknown[:PROBLEMS_SHOWN], max(0, len(unknown) - PROBLEMS_SHOWN)


def more_unknown(count: int) -> str:
    """The line that counts the unknown keys not named (worded as :func:`capped` counts)."""
    return more_problems(count)


def more_problems(count: int) -> str:
    """The line that counts the problems not shown."""
    plural = "s" if count != 1 else ""
    return f"{count:,} more problem{plural} like these; fix the ones above first"


def capped(problems: Sequence[T]) -> list[T | str]:
    """The first :data:`PROBLEMS_SHOWN` problems and one line counting the rest, to show."""
    if len(problems) <= PROBLEMS_SHOWN + 1:  # a count line would hide just one problem
        return list(problems)
    shown: list[T | str] = list(problems[:PROBLEMS_SHOWN])
    shown.append(more_problems(len(problems) - PROBLEMS_SHOWN))
    return shown


def control_message(key: str, *, one_line: bool) -> str:
    """Why text with a control code in ``key`` is refused (routines and own exercises alike)."""
    kind = "a line break or a control code" if one_line else "a control code"
    return f"'{key}' holds {kind} (such as a terminal escape); write plain text"


def text_problem(key: str, value: str, *, longest: int, one_line: bool) -> str | None:
    """Why the text ``value`` of ``key`` is refused (too long, or against the plain-text
    rule), or ``None``: one rule for routine files and exercise tables alike."""
    if len(value) > longest:
        return f"'{key}' is {len(value)} characters long; the most is {longest}"
    if has_control(value, one_line=one_line):
        return control_message(key, one_line=one_line)
    return None


def has_control(text: str, *, one_line: bool) -> bool:
    """Whether ``text`` breaks the plain-text rule (see :data:`CONTROL`)."""
    return (CONTROL if one_line else CONTROL_BUT_LINES).search(text) is not None


def _unsafe(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs", "Cf", "Zl", "Zp")


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape): show the byte
        return f"\\x{code - 0xDC00:02x}"
    return repr(char)[1:-1] if code < 0x10000 else f"\\U{code:08x}"


class InvalidFileError(Exception):
    """Raised when a file that must load (the built-in library) does not."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


_LINE_START = (
    r"^[ \t]*(?:(?P<open>\[\[?)[ \t]*(?P<header>[A-Za-z0-9_.\-\"' ]+?)[ \t]*\]\]?[ \t]*"
    r"(?:#[^\n]*)?\r?$"
    r"|(?:(?P<bare>[A-Za-z0-9_-]+)|\"(?P<dq>[^\"\\\n]*)\"|'(?P<sq>[^'\n]*)')[ \t]*=)"
)
"""A table header (``[name]``, ``[[name]]``) or a key (``name =``) at the start of a line;
compiled on first use (re caches it): settings load on every start without it."""


class Locator:
    """Finds the line of a key, or of the n-th ``[[array]]`` table, in TOML text.

    The text is indexed once, so finding the lines of many keys takes time linear in its size
    (a file with ten thousand unknown keys is checked in well under a second), and only when
    a line is first asked for: a file without problems (every start's) is never indexed.
    """

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self._top: dict[str, int] = {}
        self._tables: dict[str, list[tuple[int, dict[str, int]]]] = {}
        self._sections: dict[str, tuple[int, dict[str, int]]] = {}

    def _indexed(self) -> None:
        text, self._text = self._text, None
        if text is None:
            return
        keys = self._top
        number, counted = 1, 0
        # One pass of one pattern over the whole text, lines counted between its matches as
        # tomllib counts them: a file of 60,000 keys is indexed in a few hundredths of a second.
        for found in re.finditer(_LINE_START, text, re.MULTILINE):
            start = found.start()
            number += text.count("\n", counted, start)
            counted = start
            group = found.lastgroup or ""  # "header", or which way the key was written
            if group == "header":
                keys = {}
                if found.group("open") == "[[":
                    self._tables.setdefault(found.group(group), []).append((number, keys))
                else:
                    self._sections.setdefault(found.group(group), (number, keys))
                continue
            keys.setdefault(found.group(group), number)

    def top(self, key: str) -> int | None:
        """Line of a top-level ``key =``, searched before the first table header."""
        self._indexed()
        return self._top.get(key)

    def table(self, array: str, index: int, key: str | None = None) -> int | None:
        """Line of ``[[array]]`` number ``index`` (from 0), or of ``key`` inside it."""
        self._indexed()
        tables = self._tables.get(array, [])
        if not 0 <= index < len(tables):
            return None
        start, keys = tables[index]
        return start if key is None else keys.get(key, start)

    def section(self, name: str, key: str | None = None) -> int | None:
        """Line of a ``[name]`` table (or of ``key`` inside it), else of ``name = {...}``."""
        self._indexed()
        found = self._sections.get(name)
        if found is None:
            return self.top(name)
        start, keys = found
        return start if key is None else keys.get(key, start)


def closest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """`` (did you mean 'x'?)`` for the nearest choice, or an empty string."""
    if len(word) > 40:  # no key or id is this long; comparing would only cost time
        return ""
    import difflib  # only when a key is unknown: not on every start (decision 0006)

    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def shown_hint(problems: Sequence[object], word: str, choices: list[str] | tuple[str, ...]) -> str:
    """:func:`closest` for a problem that will be shown, else nothing: only the first
    :data:`PROBLEMS_SHOWN` problems of a file are shown (:func:`capped`), and a "did you
    mean" costs a comparison with every choice (2,000 of them took a third of a second)."""
    return closest(word, choices) if len(problems) < PROBLEMS_SHOWN else ""


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
