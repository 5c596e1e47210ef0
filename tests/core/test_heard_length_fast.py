"""A routine's heard length comes from the plan's get-readys and switches alone (decision
0031): the same numbers as the whole speech plan, which the player uses, for every routine.

The golden list pins the lengths and plans the code gave before the shortcut (round five):
an exercise or routine file that changes on purpose changes them, and they are written
again from ``plan_speech``; a change to the planning must leave them as they are.
"""

from __future__ import annotations

import hashlib
import zlib

import pytest

from neuroguide.core.cues import CueWriter
from neuroguide.core.events import PhaseStarted
from neuroguide.core.gentle import gentle_routine
from neuroguide.core.heard_length import as_run_seconds, heard_seconds, plan_seconds
from neuroguide.core.library import Library, Routine
from neuroguide.core.routine_file import RoutineCatalog
from neuroguide.core.seated import seated_choices
from neuroguide.core.speech_plan import (
    ClipLength,
    estimate_seconds,
    fitted_pauses,
    measured_once,
    plan_speech,
)
from neuroguide.core.timeline import build_timeline
from neuroguide.core.wheelchair import for_wheelchair
from tests.core.conftest import CALF, make_routine


def _slow(text: str, tone: object) -> float:
    return 2 * estimate_seconds(text)


def _silent(text: str, tone: object) -> float:
    return 0.0


def _uneven(text: str, tone: object) -> float:
    """Lengths with no pattern a shortcut could lean on: some words long, some very short."""
    return (zlib.crc32(f"{text}|{tone}".encode()) % 900) / 100


LENGTHS: list[ClipLength] = [estimate_seconds, _slow, _silent, _uneven]

# (heard_seconds for lengths estimated, slow, silent x known none, all x get-ready 0, 5, 15;
#  then as_run_seconds at get-ready 5 for gentle levels 0, 1, 2 x wheelchair off, on),
# and a digest of plan_speech(routine, minimum=5): what the code gave before the shortcut.
# fmt: off
GOLDEN = {
    "strength-arms": ([405, 405, 405, 350, 350, 355, 440, 440, 440, 394, 394, 394, 290, 310, 350, 290, 310, 350, 335, 350, 357, 372, 360, 375], "589e99a0546a5502"),  # noqa: E501
    "balance": ([235, 235, 235, 193, 193, 198, 265, 265, 265, 232, 232, 232, 143, 158, 188, 143, 158, 188, 191, 195, 203, 207, 210, 214], "cee58304646036c3"),  # noqa: E501
    "lower-leg-stretches": ([500, 500, 500, 446, 446, 451, 563, 563, 563, 524, 524, 524, 365, 385, 425, 365, 385, 425, 409, 426, 429, 446, 444, 461], "7b9a75b1107df242"),  # noqa: E501
    "strength-legs": ([371, 371, 371, 334, 334, 334, 422, 422, 422, 386, 386, 386, 268, 283, 313, 268, 283, 313, 297, 309, 317, 329, 331, 343], "afa44e6ba3cc8cbc"),  # noqa: E501
    "ride": ([1231, 1231, 1231, 1212, 1212, 1215, 1231, 1231, 1231, 1221, 1221, 1221, 1200, 1205, 1215, 1200, 1205, 1215, 826, 833, 931, 932, 1026, 1033], "91c71e95bd07cbf6"),  # noqa: E501
    "seated": ([974, 974, 974, 853, 853, 862, 1090, 1090, 1090, 990, 990, 990, 684, 729, 819, 684, 729, 819, 789, 842, 835, 888, 868, 921], "e61bcc9d03c05a13"),  # noqa: E501
    "stretch-break": ([370, 370, 370, 292, 292, 304, 419, 419, 419, 356, 356, 356, 208, 233, 283, 208, 233, 283, 302, 306, 318, 322, 339, 343], "54bda7598070955a"),  # noqa: E501
    "walk-or-ride": ([1226, 1226, 1226, 1211, 1211, 1215, 1228, 1228, 1228, 1219, 1219, 1219, 1200, 1205, 1215, 1200, 1205, 1215, 826, 826, 926, 926, 1026, 1026], "003d30f624147d91"),  # noqa: E501
}
# fmt: on

OWN = [
    CALF,
    """
id = "own-mix"
name = "Own mix"
get_ready = 3
[[steps]]
exercise = "calf-raise"
reps = 8
cadence = 3
sets = 3
rest = 5
[[steps]]
exercise = "calf-stretch"
hold = 12
sides = ["left", "right"]
[[steps]]
exercise = "calf-raise"
reps = 4
cadence = 2
sides = ["left", "right"]
note = "Hold the back of a chair."
""",
]


def _digest(routine: Routine) -> str:
    plan = plan_speech(routine, minimum=5)
    whole = (
        sorted(plan.ready_by_step.items()),
        sorted(plan.switch_by_step.items()),
        sorted(plan.ready_again_by_step.items()),
        plan.phrases,
    )
    return hashlib.sha256(repr(whole).encode()).hexdigest()[:16]


def _every_routine(catalog: RoutineCatalog, library: Library) -> list[Routine]:
    """The built-in routines, their seated versions, gentle and wheelchair forms, and two
    routines of a person's own (a rest after a switch, reps per side, a note)."""
    builtin = catalog.ordered()
    found = [*builtin, *seated_choices(builtin, library)]
    found += [gentle_routine(r, 1) for r in builtin] + [for_wheelchair(r) for r in builtin]
    return found + [make_routine(library, text) for text in OWN]


def test_heard_lengths_and_plans_are_those_of_before(
    catalog: RoutineCatalog, library: Library
) -> None:
    everyone = frozenset(library.exercises)
    for routine in catalog.ordered():
        lengths, digest = GOLDEN[routine.id]
        found = [
            heard_seconds(routine, minimum=minimum, known=known, lengths=clips)
            for clips in (estimate_seconds, _slow, _silent)
            for known in (frozenset(), everyone)
            for minimum in (0, 5, 15)
        ]
        found += [
            as_run_seconds(routine, get_ready=5, gentle_level=level, wheelchair=wheelchair)
            for level in (0, 1, 2)
            for wheelchair in (False, True)
        ]
        assert (found, _digest(routine)) == (lengths, digest), routine.id
    assert sorted(GOLDEN) == sorted(r.id for r in catalog.ordered())


@pytest.mark.parametrize("lengths", LENGTHS, ids=["estimated", "slow", "silent", "uneven"])
def test_the_pauses_are_the_whole_plans(
    catalog: RoutineCatalog, library: Library, lengths: ClipLength
) -> None:
    """The shortcut's get-readys and switches are the whole plan's, for a person who knows
    nothing (get-ready 0), every other exercise (5) or everything (15)."""
    names = sorted(library.exercises)
    settings = [(frozenset[str](), 0), (frozenset(names[::2]), 5), (frozenset(names), 15)]
    for routine in _every_routine(catalog, library):
        for known, minimum in settings:
            plan = plan_speech(routine, minimum=minimum, known=known, lengths=lengths)
            pauses = fitted_pauses(routine, minimum=minimum, known=known, lengths=lengths)
            assert pauses == (plan.ready_by_step, plan.switch_by_step), routine.id
            heard = heard_seconds(routine, minimum=minimum, known=known, lengths=lengths)
            assert heard == plan_seconds(plan), routine.id


def test_one_measure_asks_each_phrase_once_and_gives_the_same_lengths(
    catalog: RoutineCatalog,
) -> None:
    """The home cards share their clip lengths (``measured_once``): fewer questions to the
    phrase cache, the same lengths."""
    asked: list[tuple[str, object]] = []

    def counted(text: str, tone: object) -> float:
        asked.append((text, tone))
        return _uneven(text, tone)

    shared = measured_once(counted)
    routines = catalog.ordered()
    together = [as_run_seconds(r, get_ready=5, lengths=shared) for r in routines]
    assert len(asked) == len(set(asked))
    alone = [as_run_seconds(r, get_ready=5, lengths=_uneven) for r in routines]
    assert together == alone


@pytest.mark.parametrize("get_ready", [0, 5], ids=["no get-ready", "get-ready"])
def test_passing_a_phase_moves_the_writer_on_as_writing_it_does(
    catalog: RoutineCatalog, library: Library, get_ready: int
) -> None:
    """The phases the shortcut does not write still leave the writer where writing them
    would: the step last announced, the exercises explained (their short form next)."""
    for routine in [*catalog.ordered(), make_routine(library, OWN[1])]:
        timeline = build_timeline(routine, get_ready=get_ready)
        writing, passing = CueWriter(timeline), CueWriter(timeline)
        for phase in timeline:
            writing.cues_for([PhaseStarted(at=0.0, phase=phase, seconds=phase.seconds)])
            passing.pass_phase(phase)
            assert (passing._known, passing._step_seen) == (writing._known, writing._step_seen)
