"""Validation of a dose (``hold``/``reps``/``duration`` with sets, sides, rest and cadence).

Shared by routine steps and the library's default doses, so both obey the same limits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from neuroguide.core.library import SIDES, Dose, format_duration
from neuroguide.core.numbers import digit_count
from neuroguide.core.problems import closest
from neuroguide.core.toml_source import MAX_DIGITS

# (lowest, highest, unit) for every whole-number field. The upper bounds catch typos such as a
# 10-hour hold while leaving room for anything a physiotherapist would prescribe.
LIMITS: dict[str, tuple[int, int, str]] = {
    "hold": (1, 600, "seconds"),
    "reps": (1, 100, "reps"),
    "duration": (10, 4 * 3600, "seconds"),
    "sets": (1, 20, "sets"),
    "rest": (0, 600, "seconds"),
    "cadence": (1, 30, "seconds per rep"),
    "get_ready": (0, 60, "seconds"),
    "setup": (0, 120, "seconds"),
}
WORK_KEYS = ("hold", "reps", "duration")
DOSE_KEYS = (*WORK_KEYS, "sets", "sides", "rest", "cadence", "load")
MAX_LOAD = 60
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def unknown_dose_keys(table: Mapping[str, Any], report: Report) -> None:
    """Report each key of a ``dose = { ... }`` table that is not a dose key, with the keys
    that are (a typo such as ``cadance`` would otherwise be ignored)."""
    allowed = ", ".join(DOSE_KEYS)
    for key in table:
        if key not in DOSE_KEYS:
            hint = closest(str(key), DOSE_KEYS)
            report(f"unknown key '{key}' in 'dose'{hint}; a dose has: {allowed}", "dose")


Report = Callable[[str, str | None], None]
"""Called with a message and the key it concerns (for the line), or ``None``."""


def check_int(value: Any, key: str) -> str | None:
    """Return why ``value`` is not an acceptable ``key``, or ``None`` if it is."""
    low, high, unit = LIMITS[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"'{key}' must be a whole number of {unit}, not {_describe(value)}"
    if isinstance(value, float):
        return f"'{key}' must be a whole number of {unit}, not {value}"
    if value < low and digit_count(value) > MAX_DIGITS:
        return f"'{key}' is a number with {digit_count(value)} digits; it must be {low} or more"
    if value < low:
        what = "zero or more" if low == 0 else f"at least {low}"
        return f"'{key}' is {value}; it must be {what} {unit}"
    if value > high and digit_count(value) > MAX_DIGITS:
        return f"'{key}' is a number with {digit_count(value)} digits; the most is {high} {unit}"
    if value > high:
        limit = f"{high} {unit}"
        if unit == "seconds":
            limit += f" ({format_duration(high)})"
            return f"'{key}' is {value} seconds ({format_duration(value)}); the most is {limit}"
        return f"'{key}' is {value}; the most is {limit}"
    return None


def check_dose(table: Mapping[str, Any], report: Report) -> Dose | None:
    """Check the dose keys of ``table``; report each problem and return a Dose if all is well."""
    ok = True
    given = [key for key in WORK_KEYS if key in table]
    if len(given) != 1:
        ok = False
        if given:
            names = " and ".join(f"'{k}'" for k in given)
            report(f"a step has {names}; give exactly one of hold, reps or duration", given[1])
        else:
            report("a step needs one of 'hold' (seconds), 'reps' or 'duration' (seconds)", None)
    values: dict[str, int] = {}
    for key in ("hold", "reps", "duration", "sets", "rest", "cadence"):
        if key not in table:
            continue
        problem = check_int(table[key], key)
        if problem:
            ok = False
            report(problem, key)
        else:
            values[key] = int(table[key])
    if "cadence" in table and "reps" not in table:
        ok = False
        report("'cadence' (seconds per rep) only goes with 'reps'", "cadence")
    load = table.get("load", "")
    if not isinstance(load, str) or len(load) > MAX_LOAD or _CONTROL.search(load):
        ok = False
        report(f"'load' must be one line of text of at most {MAX_LOAD} characters", "load")
        load = ""
    sides = table.get("sides", [])
    side_problem = _check_sides(sides)
    if side_problem:
        ok = False
        report(side_problem, "sides")
    if not ok:
        return None
    return Dose(
        hold=values.get("hold"),
        reps=values.get("reps"),
        duration=values.get("duration"),
        sets=values.get("sets", 1),
        sides=tuple(sides),
        rest=values.get("rest", 0),
        cadence=values.get("cadence"),
        load=" ".join(load.split()),
    )


def _check_sides(sides: Any) -> str | None:
    if not isinstance(sides, list) or not all(isinstance(s, str) for s in sides):
        return '\'sides\' must be a list such as ["left", "right"]'
    unknown = [s for s in sides if s not in SIDES]
    if unknown:
        return f'unknown side \'{unknown[0]}\'; sides are "left" and "right"'
    if len(set(sides)) != len(sides):
        return "'sides' names the same side twice"
    return None


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return f'the text "{value}"'
    return type(value).__name__
