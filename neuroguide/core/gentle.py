"""The "start gently" option: shorter holds, reps and blocks that grow to the full dose.

Two small pure pieces: :func:`gentle_routine` scales a routine for a progress level, and
:func:`gentle_level` works the level out from the sessions done since the option was turned
on. A finished session without a pain increase at its check-in moves one level up; a session
after which the pain was higher moves one level down; anything else leaves the level alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from neuroguide.core.dose_check import LIMITS
from neuroguide.core.library import Dose, Routine

FRACTIONS = (2 / 3, 3 / 4, 5 / 6, 11 / 12, 1.0)
"""Share of the full dose at each level: two-thirds at first, the full dose after four."""
FULL_LEVEL = len(FRACTIONS) - 1


@dataclass(frozen=True)
class SessionOutcome:
    """What the level rule needs to know about one session (oldest first when passed in)."""

    finished: bool
    pain_before: int | None = None
    pain_after: int | None = None

    @property
    def pain_rose(self) -> bool:
        """Whether the after-session pain rating is higher than the one before."""
        if self.pain_before is None or self.pain_after is None:
            return False
        return self.pain_after > self.pain_before


def gentle_level(sessions: Iterable[SessionOutcome]) -> int:
    """The level (0 to :data:`FULL_LEVEL`) reached after ``sessions``, oldest first."""
    level = 0
    for session in sessions:
        if session.pain_rose:
            level = max(0, level - 1)
        elif session.finished:
            level = min(FULL_LEVEL, level + 1)
    return level


def fraction(level: int) -> float:
    """Share of the full dose at ``level`` (clamped into the known levels)."""
    return FRACTIONS[max(0, min(FULL_LEVEL, level))]


def percent(level: int) -> int:
    """The share at ``level`` as a whole percentage, for the words people see."""
    return round(fraction(level) * 100)


def gentle_routine(routine: Routine, level: int) -> Routine:
    """``routine`` with each hold, rep count and timed block scaled for ``level``.

    Sets, sides, rests and cadence stay as they are. Nothing drops below the smallest value a
    routine file allows. At the full level the routine comes back unchanged.
    """
    share = fraction(level)
    if share >= 1.0:
        return routine
    steps = tuple(replace(step, dose=_scaled(step.dose, share)) for step in routine.steps)
    return replace(routine, name=f"{routine.name} (gentle start)", steps=steps)


def _scaled(dose: Dose, share: float) -> Dose:
    return replace(
        dose,
        hold=_scale(dose.hold, share, "hold"),
        reps=_scale(dose.reps, share, "reps"),
        duration=_scale(dose.duration, share, "duration"),
    )


def _scale(value: int | None, share: float, key: str) -> int | None:
    if value is None:
        return None
    lowest = LIMITS[key][0]
    return max(lowest, min(value, round(value * share)))


def gentle_since(saved: str, today: date) -> date:
    """The day "start gently" was switched on (``saved`` as ISO text), or ``today``."""
    try:
        return date.fromisoformat(saved)
    except ValueError:
        return today
