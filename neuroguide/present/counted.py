"""Counts in words with the right plural: "1 active day", "2 sessions", "0 of 1 week"."""

from __future__ import annotations


def counted(number: int, word: str, plural: str = "") -> str:
    """``1 session`` / ``3 sessions``; ``plural`` for words that do not take an s."""
    return f"{number} {word if number == 1 else plural or word + 's'}"


def of_total(done: int, total: int, word: str, plural: str = "") -> str:
    """``0 of 1 week`` / ``2 of 5 weeks``: the noun follows the total."""
    return f"{done} of {counted(total, word, plural)}"
