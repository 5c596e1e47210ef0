"""One exercise written as a file's ``[[exercises]]`` table, for the tests of its parsers."""

from __future__ import annotations

from collections.abc import Iterable

LIBRARY_HEADER = '[sources.a]\ntitle = "A"\n\n'
"""The one source the shipped library's exercises below name."""

REACH = {
    "id": '"reach"',
    "name": '"Reach"',
    "category": '"flexibility"',
    "position": '"standing"',
    "needs": '["wall"]',
    "support": '"A wall"',
    "side_word": '""',
    "summary": '"Reach up."',
    "steps": '["Reach up."]',
    "safety": '["Breathe."]',
    "source": '"a"',
    "illustration": '"reach.svg"',
    "dose": "{ hold = 30 }",
}
"""Every key the shipped library asks of an exercise, in the order its file writes them."""

OWN_KEYS = ("id", "name", "category", "position", "steps")
"""What an own exercise file needs at the least (the rest has defaults)."""


def exercise_toml(keys: Iterable[str] | None = None) -> str:
    """``REACH`` as an ``[[exercises]]`` table, with only ``keys`` if given (in REACH's order)."""
    wanted = REACH if keys is None else set(keys)
    lines = [f"{key} = {value}\n" for key, value in REACH.items() if key in wanted]
    return "[[exercises]]\n" + "".join(lines)
