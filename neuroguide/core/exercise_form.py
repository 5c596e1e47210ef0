"""The "New exercise" form's values checked exactly as a file's ``[[exercises]]`` table is.

The editor builds the same table a person would type, so the app and ``neuroguide check``
can never disagree about what a valid own exercise is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from neuroguide.core.exercise_table import Rules, read_exercises
from neuroguide.core.library import Exercise
from neuroguide.core.pictures import PictureCheck
from neuroguide.core.problems import Locator, Problem

FORM_ORIGIN = "form"


def check_form(
    table: dict[str, Any], builtin_ids: Iterable[str], pictures: PictureCheck
) -> tuple[Exercise | None, list[str]]:
    """The exercise the form describes, or ``None`` and what to fix, one sentence each."""
    problems: list[Problem] = []
    rules = Rules.for_own(pictures)
    found = read_exercises([table], FORM_ORIGIN, Locator(""), rules, problems, builtin_ids)
    messages = [_sentence(problem.message) for problem in problems]
    return (found[0] if found and not problems else None), messages


def _sentence(message: str) -> str:
    """``exercise 'x': 'name' is ...`` -> ``'name' is ...`` (the form shows one exercise)."""
    if message.startswith("exercise '") and "': " in message:
        message = message.split("': ", 1)[1]
    return message[0].upper() + message[1:] if message else message


def steps_from_text(text: str) -> list[str]:
    """One step per non-empty line, with list numbers ("1.", "2)") taken off."""
    steps = []
    for line in text.splitlines():
        cleaned = line.strip().lstrip("-•*").strip()
        head, _dot, rest = cleaned.partition(" ")
        if head.rstrip(".)").isdigit() and rest:
            cleaned = rest.strip()
        if cleaned:
            steps.append(cleaned)
    return steps
