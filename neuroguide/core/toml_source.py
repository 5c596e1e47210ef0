"""Reading a TOML file's bytes into a table, with every failure turned into a located Problem.

Files come from people and from the world: a file is read only if it is a regular file (a named
pipe would block forever, ``/dev/zero`` never ends), inside its folder when it is one of a
folder's files (no link out to elsewhere), and at most :data:`MAX_FILE_BYTES` long.
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from neuroguide.core.numbers import long_number, long_number_sentence
from neuroguide.core.problems import Problem, decode_utf8, printable, toml_error_line

MAX_FILE_BYTES = 1_000_000
MAX_DIGITS = 12
"""Whole numbers in our files have at most this many digits; Python refuses over 4,300."""
BOM_HINT = "the file was saved with a byte-order mark (BOM); save it as plain UTF-8 without one"
_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


def read_limited(
    path: Path, origin: str, *, inside: Path | None = None, limit: int = MAX_FILE_BYTES
) -> tuple[bytes | None, Problem | None]:
    """The bytes of a regular file of at most ``limit`` bytes, or ``None`` and the reason.

    ``inside``: the folder the file was found in; a link that leads out of it is refused.
    """
    try:
        if inside is not None and path.is_symlink():
            # realpath, not resolve(): a loop of links must end in a message, not RuntimeError
            target = Path(os.path.realpath(path))
            if not target.is_relative_to(os.path.realpath(inside)):
                message = (
                    f"a link to {printable(str(target))}, outside its folder, was not followed; "
                    "copy the file here instead"
                )
                return None, Problem(origin, None, message)
        problem = _not_regular(os.stat(path).st_mode, origin)
        if problem:  # refused before opening: opening a device or a pipe can block or act
            return None, problem
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        descriptor = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError as error:
        return None, Problem(origin, None, f"cannot read: {error.strerror or error}")
    try:
        status = os.fstat(descriptor)  # the file opened may not be the one looked at
        problem = _not_regular(status.st_mode, origin) or _too_big(status.st_size, origin, limit)
        if problem:
            return None, problem
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, min(1 << 16, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return (None, _too_big(size, origin, limit)) if size > limit else (b"".join(chunks), None)
    except OSError as error:
        return None, Problem(origin, None, f"cannot read: {error.strerror or error}")
    finally:
        os.close(descriptor)


def _not_regular(mode: int, origin: str) -> Problem | None:
    if stat.S_ISREG(mode):
        return None
    kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
    return Problem(origin, None, f"this is {kind}, not a file; only plain text files are read")


def _too_big(size: int, origin: str, limit: int) -> Problem | None:
    if size <= limit:
        return None
    shown = f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size} bytes"
    most = f"{limit / 1_000_000:g} MB" if limit >= 100_000 else f"{limit} bytes"
    return Problem(origin, None, f"the file is {shown}; the most is {most}")


def load_toml(data: bytes, origin: str) -> tuple[dict[str, Any] | None, str, list[Problem]]:
    """Return ``(table, text, problems)``; ``table`` is ``None`` when the text is not TOML."""
    if len(data) > MAX_FILE_BYTES:
        return None, "", [_too_big(len(data), origin, MAX_FILE_BYTES) or Problem(origin, None, "")]
    if data.startswith(b"\xef\xbb\xbf"):
        return None, "", [Problem(origin, 1, BOM_HINT)]
    text, bad_line = decode_utf8(data)
    if text is None:
        message = "not UTF-8 text; save it as UTF-8 (is this really a text file?)"
        return None, "", [Problem(origin, bad_line, message)]
    too_long = long_number(text)  # before parsing: 0x… of any length would be read
    if too_long is not None:
        return None, text, [Problem(origin, too_long[0], too_long[1])]
    try:
        return tomllib.loads(text), text, []
    except tomllib.TOMLDecodeError as error:
        detail = str(error).split(" (at ")[0]
        line = toml_error_line(str(error), text)
        return None, text, [Problem(origin, line, f"not valid TOML: {detail}")]
    except (
        ValueError
    ):  # pragma: no cover - a number past Python's limit; long_number finds it first
        message = long_number_sentence("9" * 4301, MAX_DIGITS)
        return None, text, [Problem(origin, None, message)]
    except RecursionError:  # tomllib recurses once per level of [ or {
        message = "not valid TOML: lists or tables nested hundreds of levels deep"
        return None, text, [Problem(origin, None, message)]


def parse_toml(data: bytes, origin: str) -> tuple[dict[str, Any] | None, str, list[Problem]]:
    """:func:`load_toml` for a routine or library file, which must hold something."""
    table, text, problems = load_toml(data, origin)
    if table is None:
        return None, text, problems
    if not text.strip():
        message = "the file is empty; a routine needs id, name and at least one [[steps]]"
        return None, text, [Problem(origin, 1, message)]
    if not table:
        message = "the file holds no settings; a routine needs id, name and at least one [[steps]]"
        return None, text, [Problem(origin, 1, message)]
    return table, text, []
