"""Progress checks: the three short tests a physiotherapist uses, and their validated results.

A result is built only through the functions here, so a count of 41 or a stance held for
12 seconds never reaches the history: the caller gets a :class:`CheckInputError` whose text is
one sentence to show the person. Pure Python; the time of a check comes from the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from neuroguide.core.problems import shown

MAX_STANDS = 40
ECHO_MOST = 40
"""Characters of a typed or piped answer repeated when it is refused."""
"""The highest count of stands the app accepts for the 30-second chair stand."""
CHAIR_STAND_SECONDS = 30
STANCE_SECONDS = 10
"""Each balance position is held for this long."""
STANCES = 4
SIT_TO_STAND_REPS = 5
SIT_TO_STAND_LIMIT = 60.0
"""The five times sit to stand ends by itself after this many seconds without the mark; it is
then stored as not completed, never as a time."""
SEAT_HEIGHT = "43 cm (17 inches)"
"""The chair's seat height the CDC's chair stand protocol asks for (also used for the sit to
stand, as in the cited studies)."""


class CheckId(StrEnum):
    """The id of each check (also the ``neuroguide play`` name)."""

    CHAIR_STAND = "chair-stand"
    BALANCE = "balance-4-stage"
    SIT_TO_STAND = "sit-to-stand-5"


class Sex(StrEnum):
    """The sex the published norms are split by."""

    FEMALE = "female"
    MALE = "male"


class CheckOutcome(StrEnum):
    """A check gives a result, was stopped because the person felt unsteady, or was not
    completed (the five times sit to stand without its mark, or stopped after Go)."""

    SCORED = "scored"
    UNSTEADY = "unsteady"
    NOT_COMPLETED = "not-completed"


class EndReason(StrEnum):
    """Why a check without a score ended (stored as ``stop_reason``)."""

    UNSTEADY = "unsteady"
    """"Stop, I feel unsteady"."""
    NO_MARK = "no-mark"
    """The five times sit to stand: no mark came within its limit."""
    STOPPED = "stopped"
    """The five times sit to stand: the person stopped it after Go (Esc, q, Stop)."""


@dataclass(frozen=True)
class CheckInfo:
    """What a person sees about a check before starting it."""

    id: CheckId
    name: str
    short: str
    equipment: str


CHECKS: dict[CheckId, CheckInfo] = {
    CheckId.CHAIR_STAND: CheckInfo(
        CheckId.CHAIR_STAND,
        "30-second chair stand",
        "How many times you can stand up and sit down in 30 seconds.",
        "a firm chair without arms, its seat about 43 cm (17 inches) high, its back against "
        "a wall, and someone standing next to you.",
    ),
    CheckId.BALANCE: CheckInfo(
        CheckId.BALANCE,
        "4-stage balance test",
        "Four standing positions, each a little harder, held for 10 seconds each.",
        "a sturdy counter or table beside you, to hold if you need it, and someone standing "
        "next to you. You may move your arms or body, but not your feet.",
    ),
    CheckId.SIT_TO_STAND: CheckInfo(
        CheckId.SIT_TO_STAND,
        "Five times sit to stand",
        "How long it takes you to stand up fully five times, from Go to the fifth full stand.",
        "the same firm chair without arms (seat about 43 cm, 17 inches, high) against a wall, "
        "and a way to mark the fifth stand: a helper, a foot pedal, or you uncrossing your "
        "arms once standing the fifth time.",
    ),
}

SAFETY_POINTS: tuple[str, ...] = (
    "Have someone stand next to you while you do the check.",
    "Keep a sturdy counter or heavy table within reach.",
    "Stop straight away if you feel dizzy, unsteady or in pain.",
    "Skip the check on a day your blood sugar runs low.",
    "If you have fallen recently, ask your doctor before doing these checks.",
)
"""Shown (and spoken) before every check; the person confirms before anything starts."""


class CheckInputError(ValueError):
    """A result that cannot be stored; ``str()`` is one sentence saying what to do."""


@dataclass(frozen=True)
class CheckResult:
    """One check as it will be stored.

    Attributes:
        check: which check.
        outcome: scored, stopped because the person felt unsteady, or not completed (then no
            score).
        count: chair stand: stands in 30 seconds (0 when the arms were needed).
        seconds: five-times sit to stand: the time for five stands (``None`` if not scored).
        stances: balance: seconds each attempted position was held without moving the feet
            or holding on, in order (at most four); the last one ends the test if under 10 s.
            (The code calls the four positions "stances"; people only ever read "position".)
        support_used: the arms were needed (chair tests: score 0). On balance rows only in
            histories written before the protocol fix (then which position used support is
            unknown); a balance position needing support now simply ends as not held.
        reason: why a check without a score ended (``None`` when scored).
    """

    check: CheckId
    outcome: CheckOutcome
    count: int | None = None
    seconds: float | None = None
    stances: tuple[float, ...] = ()
    support_used: bool = False
    reason: EndReason | None = None

    @property
    def scored(self) -> bool:
        """True when this result has a score to compare and chart."""
        return self.outcome is CheckOutcome.SCORED

    @property
    def stances_held(self) -> int:
        """Balance: how many positions were held for the full 10 seconds."""
        return sum(1 for held in self.stances if held >= STANCE_SECONDS)

    @property
    def last_held(self) -> int:
        """Balance: the last position (1 to 4) held for 10 seconds without support; 0 if none."""
        return self.stances_held

    def value(self) -> float | None:
        """The number charted over time: stands, positions held, or seconds; ``None`` if none."""
        if not self.scored:
            return None
        if self.check is CheckId.CHAIR_STAND:
            return float(self.count or 0)
        if self.check is CheckId.BALANCE:
            return float(self.stances_held)
        return self.seconds


def chair_stand_result(count: int, *, arms_used: bool = False) -> CheckResult:
    """The chair stand's result; needing the arms ends the test with a score of 0."""
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_STANDS:
        raise CheckInputError(
            f"The number of stands must be a whole number from 0 to {MAX_STANDS}; "
            "nothing was saved."
        )
    return CheckResult(
        CheckId.CHAIR_STAND,
        CheckOutcome.SCORED,
        count=0 if arms_used else count,
        support_used=arms_used,
    )


def balance_result(held: Sequence[float]) -> CheckResult:
    """The balance test's result from the seconds each position was held, in order.

    A position counts only while the feet stay put and nothing is held (CDC STEADI): moving the
    feet or holding on ends it there, as not held. The test stops at the first position not
    held for 10 seconds, so nothing may follow it. There is no separate "support" answer: a
    position that needed support is simply one not held.
    """
    if not 1 <= len(held) <= STANCES:
        raise CheckInputError(
            f"Give the seconds held for 1 to {STANCES} positions, in order; nothing was saved."
        )
    for number, seconds in enumerate(held, start=1):
        if not 0 <= seconds <= STANCE_SECONDS:
            raise CheckInputError(
                f"Position {number}: the time held must be from 0 to {STANCE_SECONDS} seconds; "
                "nothing was saved."
            )
        if seconds < STANCE_SECONDS and number < len(held):
            raise CheckInputError(
                f"Position {number} was not held for {STANCE_SECONDS} seconds, so the test ends "
                "there; nothing was saved."
            )
    rounded = tuple(round(float(seconds), 1) for seconds in held)
    return CheckResult(CheckId.BALANCE, CheckOutcome.SCORED, stances=rounded)


def sit_to_stand_result(seconds: float | None, *, arms_used: bool = False) -> CheckResult:
    """The five times sit to stand's result: the seconds from Go to the fifth full stand.

    Using the arms ends the check (stored as arms needed, no time). Without a time (no mark
    within the limit) use :func:`not_completed`, never a time such as the limit.
    """
    if arms_used:
        return CheckResult(CheckId.SIT_TO_STAND, CheckOutcome.SCORED, support_used=True)
    if seconds is None or not 0 < seconds < SIT_TO_STAND_LIMIT:
        raise CheckInputError(
            f"The time for five stands must be more than 0 and under "
            f"{SIT_TO_STAND_LIMIT:.0f} seconds; nothing was saved."
        )
    return CheckResult(CheckId.SIT_TO_STAND, CheckOutcome.SCORED, seconds=round(seconds, 1))


def stopped_unsteady(check: CheckId) -> CheckResult:
    """A check the person stopped with "I feel unsteady": stored as such, never as a score."""
    return CheckResult(check, CheckOutcome.UNSTEADY, reason=EndReason.UNSTEADY)


def not_completed(check: CheckId, reason: EndReason) -> CheckResult:
    """A check that ended without its result (no mark in time, or stopped after Go)."""
    if reason is EndReason.UNSTEADY:
        return stopped_unsteady(check)
    return CheckResult(check, CheckOutcome.NOT_COMPLETED, reason=reason)


def parse_count(text: str) -> int:
    """A typed count of stands, or a :class:`CheckInputError` saying what to type."""
    try:
        value = int(text.strip())
    except ValueError:
        raise CheckInputError(
            f"Type the number of stands as a whole number from 0 to {MAX_STANDS} "
            f"(not '{shown(text.strip(), ECHO_MOST)}'); nothing was saved."
        ) from None
    chair_stand_result(value)  # raises with the range message
    return value


def parse_seconds(text: str, *, what: str, low: float, high: float) -> float:
    """A typed number of seconds within ``low``..``high``, or a :class:`CheckInputError`."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise CheckInputError(
            f"Type {what} as a number of seconds (not '{shown(text.strip(), ECHO_MOST)}'); "
            "nothing was saved."
        ) from None
    if not low <= value <= high or value != value:
        raise CheckInputError(
            f"{what[0].upper()}{what[1:]} must be from {low:g} to {high:g} seconds; "
            "nothing was saved."
        )
    return value


def check_by_id(text: str) -> CheckId | None:
    """The check called ``text`` (``chair-stand``, ...), or ``None`` if there is none."""
    try:
        return CheckId(text)
    except ValueError:
        return None


def parse_birth_year(text: str, this_year: int) -> int:
    """A typed year of birth (four digits, not in the future), or a :class:`CheckInputError`."""
    stripped = text.strip()
    if not (stripped.isdigit() and len(stripped) == 4 and 1900 <= int(stripped) <= this_year):
        raise CheckInputError(
            f"Type your year of birth as four digits, from 1900 to {this_year} "
            f"(not '{shown(stripped, ECHO_MOST)}'); nothing was saved."
        )
    return int(stripped)
