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
from neuroguide.core.checks import CHECKS, STANCE_SECONDS, CheckId, CheckResult, Sex


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
    """A result in a few words, e.g. ``13 stands`` or ``2 of 4 positions held``."""
    if not result.scored:
        return "stopped: felt unsteady"
    if result.check is CheckId.CHAIR_STAND:
        if result.support_used:
            return "0 stands (arms needed)"
        return f"{result.count} stand{'s' if result.count != 1 else ''}"
    if result.check is CheckId.BALANCE:
        text = f"{result.stances_held} of 4 positions held"
        if result.stances and result.stances[-1] < STANCE_SECONDS:
            name = STANCE_WORDS[len(result.stances) - 1][0].lower()
            text += f" ({name}: {result.stances[-1]:g} s)"
        if result.support_used:
            text += ", counter touched"
        return text
    if result.seconds is None:
        return "0 (arms needed)"
    return f"{result.seconds:.1f} seconds"


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
