"""Expanding a routine into the flat list of phases a session walks through."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from neuroguide.core.library import DEFAULT_CADENCE, Exercise, Routine, Step

DEFAULT_GET_READY = 5
DEFAULT_SWITCH = 5
BREATH = 1.0
"""Seconds of quiet between the end of an announcement and the start of the work."""


COUNTDOWN = 3
"""A switch of sides ends with "3", "2", "1": the seconds its words must leave free."""


def stretched_switch(minimum: int, words_seconds: float) -> int:
    """How long a switch of sides lasts: at least ``minimum``, and long enough for its words
    ("And relax. Switch to your right leg." ...) to end before its countdown begins."""
    if words_seconds <= 0:
        return minimum
    return max(minimum, math.ceil(words_seconds + BREATH / 2) + COUNTDOWN)


def stretched_get_ready(minimum: int, announcement_seconds: float, breath: float = BREATH) -> int:
    """How long a get-ready lasts: the minimum (the setting, or the routine's own if longer:
    :func:`neuroguide.core.runner.get_ready_seconds`), stretched so that the exercise's
    announcement is heard to its end, plus a breath, before the work begins.

    The one rule for the window, ``neuroguide play`` and the dry-run (through the speech plan);
    ``announcement_seconds`` is the length of the words said as the get-ready starts (0 with
    the voice off).
    """
    if announcement_seconds <= 0:
        return minimum
    return max(minimum, math.ceil(announcement_seconds + breath))


class PhaseKind(StrEnum):
    """What the person does in a phase; the GUI shows it in words and colour, the voice says it."""

    GET_READY = "get-ready"
    HOLD = "hold"
    REPS = "reps"
    TIMED = "timed"
    REST = "rest"
    SWITCH_SIDES = "switch-sides"

    @property
    def is_work(self) -> bool:
        """Work phases become history items; the others are transitions."""
        return self in (PhaseKind.HOLD, PhaseKind.REPS, PhaseKind.TIMED)


@dataclass(frozen=True)
class Phase:
    """One stretch of the timeline: ``seconds`` is its planned length."""

    index: int
    kind: PhaseKind
    step_index: int
    step: Step
    side: str | None
    set_number: int
    sets: int
    seconds: int

    @property
    def exercise(self) -> Exercise:
        """The exercise this phase belongs to (for rests: the one just done)."""
        return self.step.exercise

    @property
    def reps(self) -> int | None:
        """Planned reps of a REPS phase, else ``None``."""
        return self.step.dose.reps if self.kind is PhaseKind.REPS else None

    @property
    def cadence(self) -> int:
        """Seconds per rep (only meaningful for REPS)."""
        return self.step.dose.cadence or DEFAULT_CADENCE


def build_timeline(
    routine: Routine,
    *,
    get_ready: int | None = None,
    switch_seconds: int = DEFAULT_SWITCH,
    ready_by_step: Mapping[int, int] | None = None,
    switch_by_step: Mapping[int, int] | None = None,
) -> tuple[Phase, ...]:
    """Return every phase of ``routine`` in order.

    Each step opens with a get-ready phase; a step done per side does every set on one side,
    then a switch-sides phase, then the other side; sets are separated by the step's rest.
    Zero-length phases are left out. ``get_ready`` overrides the routine's own value;
    ``ready_by_step`` and ``switch_by_step`` give single steps a longer get-ready or switch
    (see :func:`stretched_get_ready` and :func:`stretched_switch`).
    """
    ready = get_ready if get_ready is not None else routine.get_ready
    ready = DEFAULT_GET_READY if ready is None else ready
    phases: list[Phase] = []

    def add(
        kind: PhaseKind, step_index: int, step: Step, side: str | None, number: int, seconds: int
    ) -> None:
        if seconds > 0:
            phases.append(
                Phase(len(phases), kind, step_index, step, side, number, step.dose.sets, seconds)
            )

    for step_index, step in enumerate(routine.steps):
        dose = step.dose
        work = _work_kind(step)
        sides: tuple[str | None, ...] = dose.sides or (None,)
        for side_number, side in enumerate(sides):
            if side_number == 0:
                seconds = max((ready_by_step or {}).get(step_index, ready), step.setup)
                add(PhaseKind.GET_READY, step_index, step, side, 1, seconds)
            else:
                seconds = (switch_by_step or {}).get(step_index, switch_seconds)
                add(PhaseKind.SWITCH_SIDES, step_index, step, side, 1, seconds)
            for number in range(1, dose.sets + 1):
                add(work, step_index, step, side, number, dose.work_seconds)
                if number < dose.sets:
                    add(PhaseKind.REST, step_index, step, side, number, dose.rest)
    return tuple(phases)


def _work_kind(step: Step) -> PhaseKind:
    if step.dose.hold is not None:
        return PhaseKind.HOLD
    if step.dose.reps is not None:
        return PhaseKind.REPS
    return PhaseKind.TIMED


def total_seconds(phases: tuple[Phase, ...]) -> int:
    """Planned length of a whole timeline."""
    return sum(phase.seconds for phase in phases)


def previous_work_target(timeline: tuple[Phase, ...], index: int) -> int:
    """Where "back" goes from phase ``index``: the work phase before it, or the get-ready or
    switch-sides just before that work phase (so there is time to get into position)."""
    earlier = [p for p in timeline[:index] if p.kind.is_work]
    if not earlier:
        return 0
    target = earlier[-1]
    before = timeline[target.index - 1] if target.index > 0 else None
    if (
        before is not None
        and before.kind in (PhaseKind.GET_READY, PhaseKind.SWITCH_SIDES)
        and (before.step_index, before.side) == (target.step_index, target.side)
    ):
        return before.index
    return target.index
