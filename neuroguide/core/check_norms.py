"""The published cut-offs each check is compared with, kept as data, and the comparison.

The numbers come from the CDC's STEADI materials (see docs/progress-checks.md); the sentences
are ours. Age is taken as the calendar year of the check minus the year of birth, since only
the year is asked; at a boundary this may place someone a year older than they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from neuroguide.core.checks import STANCE_SECONDS, CheckId, CheckResult, Sex

CHAIR_STAND_BELOW_AVERAGE: tuple[tuple[int, int, int, int], ...] = (
    # (first age, last age, men score below, women score below)
    (60, 64, 14, 12),
    (65, 69, 12, 11),
    (70, 74, 12, 10),
    (75, 79, 11, 10),
    (80, 84, 10, 9),
    (85, 89, 8, 8),
    (90, 94, 7, 4),
)
"""30-second chair stand: a score below these is below average for the age and sex."""

CHAIR_STAND_REAL_CHANGE = 2.5
"""A change of this many stands or more between two checks is more than day-to-day variation."""

SIT_TO_STAND_SLOW = 13.6
"""Five times sit to stand: this many seconds or more goes with problems getting about."""

BALANCE_KEY_STANCE = 3
"""The heel-to-toe stance; not holding it for 10 seconds goes with a higher risk of falling."""

SOURCES: dict[CheckId, str] = {
    CheckId.CHAIR_STAND: "CDC STEADI, 30-Second Chair Stand (2017); "
    "home self-testing: Ho-Henriksson et al. 2024",
    CheckId.BALANCE: "CDC STEADI, The 4-Stage Balance Test (2017)",
    CheckId.SIT_TO_STAND: "Five times sit to stand, cut-off 13.6 s (published studies of "
    "older adults; see docs/progress-checks.md)",
}
"""Where each norm comes from, named in the report."""


class Standing(StrEnum):
    """How a result compares with its norm."""

    AT_OR_ABOVE = "at-or-above"
    BELOW = "below"
    NO_NORM = "no-norm"


@dataclass(frozen=True)
class Comparison:
    """A result against its norm, with one sentence to show.

    ``line`` is the value drawn as the norm's line on the chart (``None`` without a norm).
    """

    standing: Standing
    text: str
    line: float | None = None


def age_in(year: int, birth_year: int | None) -> int | None:
    """The age used for the norms in ``year``; ``None`` without a year of birth."""
    if birth_year is None:
        return None
    return year - birth_year


def chair_stand_cutoff(age: int, sex: Sex) -> int | None:
    """The score below which a chair stand is below average, or ``None`` outside 60 to 94."""
    for first, last, men, women in CHAIR_STAND_BELOW_AVERAGE:
        if first <= age <= last:
            return men if sex is Sex.MALE else women
    return None


def norm_line(check: CheckId, age: int | None, sex: Sex | None) -> float | None:
    """The value to draw as the norm's line for this person, if there is one."""
    if check is CheckId.BALANCE:
        return float(BALANCE_KEY_STANCE)
    if check is CheckId.SIT_TO_STAND:
        return SIT_TO_STAND_SLOW
    if age is None or sex is None:
        return None
    cutoff = chair_stand_cutoff(age, sex)
    return None if cutoff is None else float(cutoff)


def compare(result: CheckResult, age: int | None, sex: Sex | None) -> Comparison:
    """How ``result`` stands against the norm for ``age`` and ``sex`` (either may be missing)."""
    if not result.scored:
        return Comparison(Standing.NO_NORM, "Stopped because you felt unsteady; no score.")
    if result.check is CheckId.CHAIR_STAND:
        return _chair_stand(result, age, sex)
    if result.check is CheckId.BALANCE:
        return _balance(result)
    return _sit_to_stand(result)


def _chair_stand(result: CheckResult, age: int | None, sex: Sex | None) -> Comparison:
    if age is None or sex is None:
        return Comparison(
            Standing.NO_NORM,
            "Not compared: the average depends on age and sex, and your year of birth or sex "
            "is not set.",
        )
    cutoff = chair_stand_cutoff(age, sex)
    if cutoff is None:
        return Comparison(
            Standing.NO_NORM, f"There is no published average for age {age} (only 60 to 94)."
        )
    group = "men" if sex is Sex.MALE else "women"
    count = result.count or 0
    if count < cutoff:
        text = f"Below average for {group} aged {age} (below average means under {cutoff})."
        return Comparison(Standing.BELOW, text, float(cutoff))
    text = f"Average or better for {group} aged {age} (below average means under {cutoff})."
    return Comparison(Standing.AT_OR_ABOVE, text, float(cutoff))


def _balance(result: CheckResult) -> Comparison:
    line = float(BALANCE_KEY_STANCE)
    if result.stances_held >= BALANCE_KEY_STANCE:
        return Comparison(
            Standing.AT_OR_ABOVE, f"Heel-to-toe held for {STANCE_SECONDS} seconds.", line
        )
    return Comparison(
        Standing.BELOW,
        f"Heel-to-toe not held for {STANCE_SECONDS} seconds: a sign of a higher risk of "
        "falling. Worth talking over with your physiotherapist or doctor.",
        line,
    )


def _sit_to_stand(result: CheckResult) -> Comparison:
    if result.seconds is None:
        return Comparison(
            Standing.BELOW, "You needed your arms, so the check scores 0.", SIT_TO_STAND_SLOW
        )
    if result.seconds >= SIT_TO_STAND_SLOW:
        text = (
            f"{result.seconds:.1f} seconds: {SIT_TO_STAND_SLOW} or more goes with difficulty "
            "getting about."
        )
        return Comparison(Standing.BELOW, text, SIT_TO_STAND_SLOW)
    text = f"{result.seconds:.1f} seconds: quicker than the {SIT_TO_STAND_SLOW}-second mark."
    return Comparison(Standing.AT_OR_ABOVE, text, SIT_TO_STAND_SLOW)


def real_change(check: CheckId, before: float, after: float) -> bool:
    """True when the change between two results is bigger than day-to-day variation.

    Only the chair stand has a published threshold (2.5 stands); the others never say so.
    """
    if check is not CheckId.CHAIR_STAND:
        return False
    return abs(after - before) >= CHAIR_STAND_REAL_CHANGE
