"""A routine file's ``[handout]`` table: the patient's name and the physiotherapist's name and
contact, printed on the handout. Every key is optional; unknown keys are named with the ones
allowed, like everywhere else in a routine file."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from neuroguide.core.library import HandoutDetails
from neuroguide.core.problems import Locator, closest

HANDOUT_KEYS = ("patient", "from", "contact")
MAX_DETAIL = 120
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

Report = Callable[[str, int | None], None]


def check_handout(table: dict[str, Any], locate: Locator, report: Report) -> HandoutDetails:
    """The ``[handout]`` table of ``table`` (empty details without one); problems go to
    ``report`` with their line."""
    raw = table.get("handout")
    if raw is None:
        return HandoutDetails()
    if not isinstance(raw, dict):
        report(
            "'handout' must be a table: [handout] with patient, from, contact",
            locate.top("handout"),
        )
        return HandoutDetails()
    found: dict[str, str] = {}
    for key, value in raw.items():
        line = locate.section("handout", key)
        if key not in HANDOUT_KEYS:
            allowed = ", ".join(HANDOUT_KEYS)
            report(
                f"[handout]: unknown key '{key}'{closest(key, HANDOUT_KEYS)}; allowed: {allowed}",
                line,
            )
        elif not isinstance(value, str):
            report(f"[handout]: '{key}' must be text in quotes", line)
        elif len(value) > MAX_DETAIL:
            report(f"[handout]: '{key}' is {len(value)} characters; the most is {MAX_DETAIL}", line)
        elif _CONTROL.search(value):
            report(
                f"[handout]: '{key}' holds a line break or a control code; write plain text", line
            )
        else:
            found[key] = value.strip()
    return HandoutDetails(found.get("patient", ""), found.get("from", ""), found.get("contact", ""))


def handout_table(details: HandoutDetails) -> dict[str, str]:
    """``details`` as the file's ``[handout]`` table (the keys that are set)."""
    table = {"patient": details.patient, "from": details.giver, "contact": details.contact}
    return {key: value for key, value in table.items() if value}
