"""The one reader of numbers written by people: a limit on a number's text, whatever its base.

Python refuses to turn a whole number of more than 4,300 decimal digits into text, but reads
``0x…``, ``0o…`` and ``0b…`` of any length; printing such a number (in a message, a check
of its digits) then raised in every numeric field. So a number's *text* is limited before
it is read (:func:`long_number`, used by ``toml_source.load_toml`` for every file: routines,
schedules, own exercises, settings, programme files), and a number's size is measured
without text (:func:`digit_count`). See decision 0022.
"""

from __future__ import annotations

import math
import re

MAX_NUMBER_TEXT = 1000
"""Characters a number may take in a file, in any base (ours need at most a dozen)."""
_NUMBER_AT_VALUE = re.compile(
    rf"(?:(?<=[=\[,])|^)[ \t\r\n]*([+-]?[0-9][0-9A-Za-z_.+-]{{{MAX_NUMBER_TEXT},}})",
    re.MULTILINE,
)
_BASES = {"0x": "hexadecimal", "0o": "octal", "0b": "binary"}
_SAFE_BITS = 13_000
"""Below this many bits ``str()`` is always allowed (4,300 digits are about 14,284 bits)."""


def digit_count(value: int) -> int:
    """How many decimal digits ``abs(value)`` has, without ever making its text when huge."""
    magnitude = abs(value)
    if magnitude.bit_length() < _SAFE_BITS:
        return len(str(magnitude))
    return math.floor((magnitude.bit_length() - 1) * math.log10(2)) + 1


def long_number(text: str) -> tuple[int, str] | None:
    """The first number written with more than :data:`MAX_NUMBER_TEXT` characters, if any.

    Returns ``(line, sentence)``: e.g. ``a number with 5,000 digits; ...``.
    """
    found = _NUMBER_AT_VALUE.search(text)
    if found is None:
        return None
    token = found.group(1)
    line = text.count("\n", 0, found.start(1)) + 1
    return line, long_number_sentence(token)


def long_number_sentence(token: str, most: int = 12) -> str:
    """What to say of a number written as ``token`` that is far too long."""
    bare = token.lstrip("+-").lower()
    base = _BASES.get(bare[:2])
    if base is None and bare.replace("_", "").isdigit():
        digits = sum(c.isdigit() for c in bare)
        return f"a number with {digits:,} digits; numbers here have at most {most} digits"
    written = f"{len(token):,} characters" + (f" in {base}" if base else "")
    return f"a number written with {written}; numbers here have at most {most} digits"
