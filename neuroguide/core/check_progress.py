"""Progress over time: each result in words, its norm, and changes big enough to be real.

Shared by ``neuroguide progress``, the CSV, the report and the Progress view, so all four say
the same thing about the same result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from neuroguide.core.check_norms import Comparison, age_in, compare, real_change
from neuroguide.core.check_steps import STANCE_WORDS
from neuroguide.core.checks import (
    CHECKS,
    STANCE_SECONDS,
    CheckId,
    CheckOutcome,
    CheckResult,
    EndReason,
    Sex,
)


@dataclass(frozen=True)
class Profile:
    """What the norms need to know about the person; either part may be unknown."""

    birth_year: int | None = None
    sex: Sex | None = None

    @classmethod
    def of(cls, birth_year: int, sex: str) -> Profile:
        """From the settings' raw values (0 and "" mean not given)."""
        return cls(birth_year or None, Sex(sex) if sex in ("female", "male") else None)


@dataclass(frozen=True)
class ProgressPoint:
    """One stored result, described and compared, with the change since the previous one.

    ``change`` is against the previous scored result of the same check (``None`` if there is
    none); ``real`` says whether that change is bigger than day-to-day variation.
    """

    day: date
    result: CheckResult
    text: str
    comparison: Comparison
    age: int | None
    change: float | None = None
    real: bool = False


def describe(result: CheckResult) -> str:
    """A result in a few words, e.g. ``13 stands`` or ``last held without support: 2, ...``."""
    if result.outcome is CheckOutcome.UNSTEADY:
        return "stopped: felt unsteady"
    if not result.scored:
        if result.reason is EndReason.NO_MARK:
            return "not completed (no mark within the time limit)"
        return "not completed (stopped after Go)"
    if result.check is CheckId.CHAIR_STAND:
        if result.support_used:
            return "0 stands (arms needed)"
        return f"{result.count} stand{'s' if result.count != 1 else ''}"
    if result.check is CheckId.BALANCE:
        return balance_words(result)
    if result.seconds is None:
        return "not completed (arms needed)"
    return f"{result.seconds:.1f} seconds"


def balance_words(result: CheckResult) -> str:
    """Which position was the last held without support, and how the next one ended."""
    held = result.last_held
    if result.support_used:
        return f"{held} of 4 positions timed, support used (asked afterwards; older record)"
    if held == 0:
        text = "no position held without support"
    else:
        name = STANCE_WORDS[held - 1][0].lower()
        text = f"last held without support: position {held} of 4, {name}"
    if result.stances and result.stances[-1] < STANCE_SECONDS:
        number = len(result.stances)
        name = STANCE_WORDS[number - 1][0].lower()
        text += f" (position {number}, {name}: feet moved or held on at {result.stances[-1]:g} s)"
    return text


def progress(
    check: CheckId, results: Sequence[tuple[date, CheckResult]], profile: Profile
) -> list[ProgressPoint]:
    """Each result of ``check`` (oldest first) with its comparison and change."""
    points: list[ProgressPoint] = []
    previous: float | None = None
    for day, result in results:
        if result.check is not check:
            continue
        age = age_in(day.year, profile.birth_year)
        value = result.value()
        change: float | None = None
        real = False
        if value is not None and previous is not None:
            change = value - previous
            real = real_change(check, previous, value)
        points.append(
            ProgressPoint(
                day, result, describe(result), compare(result, age, profile.sex), age, change, real
            )
        )
        if value is not None:
            previous = value
    return points


def change_text(point: ProgressPoint) -> str:
    """The change since the last result in words; empty when there is none."""
    if point.change is None:
        return ""
    sign = "+" if point.change > 0 else ""
    if point.result.check is CheckId.SIT_TO_STAND:
        text = f"{sign}{point.change:.1f} s"
    else:
        unit = "stand" if point.result.check is CheckId.CHAIR_STAND else "position"
        plural = "" if abs(point.change) == 1 else "s"
        text = f"{sign}{point.change:g} {unit}{plural}"
    if point.real:
        text += ", a real change"
    return text


def check_name(check: CheckId) -> str:
    """The check's name as people see it."""
    return CHECKS[check].name
