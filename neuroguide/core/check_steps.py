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
    STANCE = "stance"
    """One balance stance, held up to 10 seconds unless the person marks it lost."""


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
"""The four balance stances: a short name and how to stand."""


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
                "Thirty second chair stand. Sit in the middle of the chair, feet flat on the "
                "floor, arms crossed over your chest."
            ),
            _say(
                "When you hear Go, stand up all the way and sit back down. Keep going until you "
                "hear Stop, and count your stands out loud."
            ),
            CheckStep(StepKind.GET_READY, "Get ready.", ready),
            CheckStep(StepKind.TIMED, "Go!", float(CHAIR_STAND_SECONDS)),
        )
    if check is CheckId.SIT_TO_STAND:
        return (
            _say(
                "Five times sit to stand. Sit in the middle of the chair, feet flat on the "
                "floor, arms crossed over your chest."
            ),
            _say(
                "When you hear Go, stand up fully and sit down five times, as quickly as you "
                "safely can. Press Space or your switch as you sit down the fifth time."
            ),
            CheckStep(StepKind.GET_READY, "Get ready.", ready),
            CheckStep(StepKind.STOPWATCH, "Go!", SIT_TO_STAND_LIMIT),
        )
    steps: list[CheckStep] = [
        _say(
            "Four stage balance test. Stand next to your counter. Hold each position for ten "
            "seconds without moving your feet. If you move your feet or grab the counter, "
            "press Space or your switch."
        )
    ]
    for number, (name, how) in enumerate(STANCE_WORDS, start=1):
        steps.append(
            _say(f"Position {number}, {name.lower()}. {how} Hold on until you hear Go.", number)
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
