"""A routine's length as the person will hear it: one figure for every place that shows one.

A routine's phases alone say too little: each get-ready and side switch is stretched to fit
its words (the whole instructions the first time an exercise is met, the short form after),
and those words take as long as the voice in use takes to say them. The speech plan knows
all that, so the length is the plan's session: the home card, ``routines``, ``check``, the
player's "left" at the start, the summary's "planned" and the dry-run all read it from here.
"""

from __future__ import annotations

from collections.abc import Collection

from neuroguide.core.gentle import gentle_routine
from neuroguide.core.library import Routine
from neuroguide.core.runner import get_ready_seconds
from neuroguide.core.speech_plan import ClipLength, SpeechPlan, estimate_seconds, fitted_pauses
from neuroguide.core.timeline import DEFAULT_SWITCH, build_timeline, total_seconds
from neuroguide.core.wheelchair import for_wheelchair


def plan_seconds(plan: SpeechPlan) -> int:
    """Seconds from the first word to "All done" of a session that follows ``plan``."""
    return total_seconds(plan.session().timeline)


def heard_seconds(
    routine: Routine,
    *,
    minimum: int,
    known: Collection[str] = (),
    lengths: ClipLength = estimate_seconds,
) -> int:
    """``routine``'s length with get-ready ``minimum``, for a person who has done ``known``
    before, with clips lasting ``lengths`` (the voice in use; silent when it is off).

    The plan's get-readys and switches, without the rest of its words (the phrases to
    render): the same length as :func:`plan_seconds` of :func:`plan_speech`, at a fraction
    of the work, as the home screen measures every card before its first paint.
    """
    ready, switch = fitted_pauses(routine, minimum=minimum, known=known, lengths=lengths)
    timeline = build_timeline(
        routine,
        get_ready=minimum,
        switch_seconds=DEFAULT_SWITCH,
        ready_by_step=ready,
        switch_by_step=switch,
    )
    return total_seconds(timeline)


def as_run_seconds(
    routine: Routine,
    *,
    get_ready: int,
    gentle_level: int | None = None,
    wheelchair: bool = False,
    known: Collection[str] = (),
    lengths: ClipLength = estimate_seconds,
) -> int:
    """``routine``'s length as a session of it runs now: at the "start gently" level
    ``gentle_level`` (``None``: the full dose), with the wheelchair words when ``wheelchair``,
    get-readys of at least ``get_ready`` seconds (or the routine's own), for a person who
    knows ``known``, with clips lasting ``lengths``. The window's cards measure with it."""
    if gentle_level is not None:
        routine = gentle_routine(routine, gentle_level)
    if wheelchair:
        routine = for_wheelchair(routine)
    minimum = get_ready_seconds(routine, get_ready)
    return heard_seconds(routine, minimum=minimum, known=known, lengths=lengths)
