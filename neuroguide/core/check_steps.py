"""Each check's guided steps: what is said, for how long, and what the person does.

The steps are data; :mod:`neuroguide.core.check_run` walks them against a clock. Spoken steps
last as long as the words need (about two and a half words a second, plus a breath), so "Go"
never lands on top of an instruction.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from neuroguide.core.checks import (
    CHAIR_STAND_SECONDS,
    SIT_TO_STAND_LIMIT,
    STANCE_SECONDS,
    CheckId,
)

WORDS_PER_SECOND = 2.5
BREATH = 1.0


class StepKind(StrEnum):
    """What a step is for."""

    SAY = "say"
    """Spoken instructions; the step lasts as long as the words."""
    GET_READY = "get-ready"
    """A short countdown that ends with "Go"."""
    TIMED = "timed"
    """The chair stand's 30 seconds, counted down."""
    STOPWATCH = "stopwatch"
    """Five times sit to stand: runs until the person's mark (or the limit)."""
    STANCE = "position"
    """One balance position, held up to 10 seconds unless the person marks it lost."""


@dataclass(frozen=True)
class CheckStep:
    """One step of a check.

    ``stance`` is the balance stance (1 to 4) a step belongs to, else ``None``.
    """

    kind: StepKind
    text: str
    seconds: float
    stance: int | None = None


STANCE_WORDS: tuple[tuple[str, str], ...] = (
    ("Feet together", "Stand with your feet side by side, touching each other."),
    (
        "Half step",
        "Move one foot half a step forward, so its instep touches the big toe of the other foot.",
    ),
    ("Heel to toe", "Put one foot right in front of the other, heel touching toe."),
    ("One foot", "Stand on one foot."),
)
"""The four balance positions: a short name and how to stand."""


CHAIR_WORDS = (
    "Use a firm chair without arms, its seat about 43 centimetres, or 17 inches, high, "
    "its back against a wall."
)
"""The chair, as the CDC protocol gives it (seat height 43 cm / 17 in)."""
ARMS_RULE = "Using your arms to stand up ends the check."
"""Said before Go, as the protocol asks."""
SIT_TO_STAND_MARK = (
    "Then the time is marked: a helper presses Space, or you press your foot pedal, or, "
    "once you stand the fifth time, you uncross your arms and press Space."
)
"""How the five times sit to stand's mark is made, said before Go."""
BALANCE_ALLOWANCE = "You may move your arms or body to keep your balance, but not your feet."
BALANCE_MARK = "If you need to hold on or move your feet, press Space: that position ends there."
BALANCE_MARK_SHORT = "If you need to hold on or move your feet, press Space."


# What the run says when a step ends or the person acts (said by core.check_run, printed by
# the dry run); kept here, with the steps, so the dry run needs no speech modules.
UNSTEADY_WORDS = "Stopping now. Hold on to your counter, and sit down when you can."
STOP_CHAIR = "Stop! Well done. If you were more than half way up, that stand counts."
STOP_TIME_UP = (
    "Stop. Time is up, and no mark came. Sit down and rest. The check is kept as not completed."
)
STOP_LOST = "Stop. Hold on to your counter. This position ends here, as not held."
STOP_ARMS = "Stop. You needed your arms, so the check ends here. Sit down and rest."
NEXT_STANCE = "Well done. Hold on to your counter."
STOP_LAST_STANCE = "Stop. Well done, that was the last position. Hold on to your counter."


def count_words(number: int) -> str:
    """A count said during a timed step: "20 seconds left", then "5", "3", ..."""
    return f"{number} seconds left" if number >= 10 else str(number)


def reading_seconds(text: str) -> float:
    """How long the voice needs for ``text``, with a breath after it."""
    return round(len(text.split()) / WORDS_PER_SECOND + BREATH, 1)


def _say(text: str, stance: int | None = None) -> CheckStep:
    return CheckStep(StepKind.SAY, text, reading_seconds(text), stance)


def check_steps(check: CheckId, get_ready: int = 5) -> tuple[CheckStep, ...]:
    """The guided steps of ``check``, with a ``get_ready``-second countdown before each "Go"."""
    ready = float(max(1, get_ready))
    if check is CheckId.CHAIR_STAND:
        return (
            _say(
                f"Thirty second chair stand. {CHAIR_WORDS} Sit in the middle of the seat, "
                "feet flat on the floor, arms crossed over your chest."
            ),
            _say(
                "When you hear Go, stand up all the way and sit back down. Keep going until you "
                f"hear Stop, and count your stands out loud. {ARMS_RULE}"
            ),
            CheckStep(StepKind.GET_READY, "Get ready.", ready),
            CheckStep(StepKind.TIMED, "Go!", float(CHAIR_STAND_SECONDS)),
        )
    if check is CheckId.SIT_TO_STAND:
        return (
            _say(
                f"Five times sit to stand. {CHAIR_WORDS} Sit in the middle of the seat, feet "
                f"flat on the floor, arms crossed over your chest. {ARMS_RULE}"
            ),
            _say(
                "When you hear Go, stand up fully and sit down five times, as quickly as you "
                "safely can. The time stops when you stand up fully the fifth time. "
                f"{SIT_TO_STAND_MARK}"
            ),
            CheckStep(StepKind.GET_READY, "Get ready.", ready),
            CheckStep(StepKind.STOPWATCH, "Go!", SIT_TO_STAND_LIMIT),
        )
    steps: list[CheckStep] = [
        _say(
            "Four stage balance test. Stand next to your counter, with someone standing next "
            "to you. Hold each position for ten seconds without moving your feet and without "
            f"holding on. {BALANCE_ALLOWANCE} {BALANCE_MARK}"
        )
    ]
    for number, (name, how) in enumerate(STANCE_WORDS, start=1):
        steps.append(
            _say(
                f"Position {number}, {name.lower()}. {how} Hold on until you hear Go. "
                f"{BALANCE_MARK_SHORT}",
                number,
            )
        )
        steps.append(CheckStep(StepKind.GET_READY, "Let go of the counter.", ready, number))
        steps.append(CheckStep(StepKind.STANCE, "Go!", float(STANCE_SECONDS), number))
    return tuple(steps)


def timed_counts(kind: StepKind, seconds: float) -> tuple[int, ...]:
    """The seconds-left values said during a timed step (few, so stands can be counted)."""
    if kind is StepKind.TIMED:
        return tuple(n for n in (20, 10, 5, 3, 2, 1) if n < seconds)
    if kind is StepKind.STANCE:
        return tuple(n for n in (5, 3, 2, 1) if n < seconds)
    if kind is StepKind.GET_READY:
        return tuple(n for n in (3, 2, 1) if n < seconds)
    return ()
