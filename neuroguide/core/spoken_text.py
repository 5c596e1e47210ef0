"""Text a person wrote, said as they meant it: "15 s" is "15 seconds", "10-12" is "10 to 12",
"3x" is "3 times", "km/h" is "kilometres an hour".

A physiotherapist's own exercises and routine notes use the short forms of a page; a voice
reads them letter by letter ("fifteen ess", "ten dash twelve"). The captions show the same
words, so what is read and what is heard agree.
"""

from __future__ import annotations

import re

_UNITS: dict[str, tuple[str, str]] = {
    "s": ("second", "seconds"),
    "sec": ("second", "seconds"),
    "secs": ("second", "seconds"),
    "min": ("minute", "minutes"),
    "mins": ("minute", "minutes"),
    "h": ("hour", "hours"),
    "hr": ("hour", "hours"),
    "hrs": ("hour", "hours"),
    "km/h": ("kilometre an hour", "kilometres an hour"),
    "kmh": ("kilometre an hour", "kilometres an hour"),
    "mph": ("mile an hour", "miles an hour"),
    "km": ("kilometre", "kilometres"),
    "cm": ("centimetre", "centimetres"),
    "kg": ("kilogram", "kilograms"),
    "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"),
    "bpm": ("beat a minute", "beats a minute"),
}
_UNIT_NAMES = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_RANGE = re.compile(r"(?<![\d.])(\d+)\s*(?:-|–|—|to)\s*(\d+)(?![\d.])")
_TIMES_BY = re.compile(r"(?<![\w.])(\d+)\s*[x×]\s*(\d+)(?![\w.])", re.IGNORECASE)
_TIMES = re.compile(r"(?<![\w.])(\d+)\s*[x×](?![\w])", re.IGNORECASE)
_UNIT = re.compile(rf"(?<![\w.])(\d+(?:\.\d+)?)(?: to (\d+))?\s?({_UNIT_NAMES})(?![\w/])", re.I)
_PERCENT = re.compile(r"(\d)\s*%")


def _unit(match: re.Match[str]) -> str:
    first, upper, unit = match.group(1), match.group(2), match.group(3).lower()
    single, plural = _UNITS[unit]
    amount = f"{first} to {upper}" if upper else first
    return f"{amount} {single if amount == '1' else plural}"


_DIGIT = re.compile(r"\d")
"""Every short form above has a number: text without one is said as written."""


def spoken(text: str) -> str:
    """``text`` with its short forms spelt out as they are said."""
    if not _DIGIT.search(text):  # most words (an exercise's steps, "Up.") need no look
        return text
    text = _RANGE.sub(r"\1 to \2", text)
    text = _TIMES_BY.sub(r"\1 times \2", text)
    text = _TIMES.sub(r"\1 times", text)
    text = _UNIT.sub(_unit, text)
    return _PERCENT.sub(r"\1 percent", text)
