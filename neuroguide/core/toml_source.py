"""Reading a TOML file's bytes into a table, with every failure turned into a located Problem."""

from __future__ import annotations

import tomllib
from typing import Any

from neuroguide.core.problems import Problem, decode_utf8, toml_error_line

MAX_FILE_BYTES = 1_000_000


def parse_toml(data: bytes, origin: str) -> tuple[dict[str, Any] | None, str, list[Problem]]:
    """Return ``(table, text, problems)``; ``table`` is ``None`` when the file cannot be read."""
    if len(data) > MAX_FILE_BYTES:
        size = f"{len(data) / 1_000_000:.1f} MB"
        return None, "", [Problem(origin, None, f"the file is {size}; the most is 1 MB")]
    text, bad_line = decode_utf8(data)
    if text is None:
        message = "not UTF-8 text; save it as UTF-8 (is this really a routine file?)"
        return None, "", [Problem(origin, bad_line, message)]
    if not text.strip():
        message = "the file is empty; a routine needs id, name and at least one [[steps]]"
        return None, text, [Problem(origin, 1, message)]
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        detail = str(error).split(" (at ")[0]
        line = toml_error_line(str(error), text)
        return None, text, [Problem(origin, line, f"not valid TOML: {detail}")]
    except RecursionError:  # tomllib recurses once per level of [ or {
        message = "not valid TOML: lists or tables nested hundreds of levels deep"
        return None, text, [Problem(origin, None, message)]
    if not table:
        message = "the file holds no settings; a routine needs id, name and at least one [[steps]]"
        return None, text, [Problem(origin, 1, message)]
    return table, text, []
