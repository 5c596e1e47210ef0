"""The speech plan drives its session from mark to mark; the words are those of a session
driven second by second (as the window's timer drives it), for every built-in routine."""

from __future__ import annotations

from math import inf

import pytest

from neuroguide.content.loader import Content
from neuroguide.core.clock import FakeClock
from neuroguide.core.cues import Cue, CueWriter
from neuroguide.core.library import Routine
from neuroguide.core.session import Session, SessionState
from neuroguide.core.speech_plan import ClipLength, estimate_seconds


def _said(routine: Routine, known: frozenset[str], lengths: ClipLength, *, by_mark: bool):
    clock = FakeClock(0.0)
    session = Session(routine, clock, get_ready=5, jump_threshold=inf)
    writer = CueWriter(session.timeline, known, lengths)
    cues: list[Cue] = list(writer.cues_for(session.start()))
    ticks = 0
    while session.state is SessionState.RUNNING:
        wait = session.seconds_to_next_mark() if by_mark else session.seconds_to_next_event()
        clock.advance(max(wait or 0.0, 1e-6))
        cues += writer.cues_for(session.tick())
        ticks += 1
    return [(cue.text, cue.tone, round(cue.at, 6)) for cue in cues], ticks


def _half_speed(text: str, tone: object) -> float:
    return 2 * estimate_seconds(text)


@pytest.mark.parametrize("lengths", [estimate_seconds, _half_speed], ids=["estimated", "slow"])
def test_mark_to_mark_says_what_second_by_second_says(
    content: Content, lengths: ClipLength
) -> None:
    for routine in content.catalog.ordered():
        for known in (frozenset(), frozenset(content.library.exercises)):
            by_mark, mark_ticks = _said(routine, known, lengths, by_mark=True)
            by_second, second_ticks = _said(routine, known, lengths, by_mark=False)
            assert by_mark == by_second, routine.id
            assert mark_ticks < second_ticks  # the point of it: fewer wake-ups


def test_no_countdown_second_is_skipped_past_a_mark(content: Content) -> None:
    """Waiting for the next mark never passes one: every mark fires at its own moment."""
    routine = content.catalog.ordered()[0]
    clock = FakeClock(0.0)
    session = Session(routine, clock, get_ready=5, jump_threshold=inf)
    session.start()
    while session.state is SessionState.RUNNING:
        wait = session.seconds_to_next_mark()
        assert wait is not None
        clock.advance(max(wait, 1e-6))
        for event in session.tick():
            assert abs(event.at - clock.now()) < 1e-6 or type(event).__name__ == "SecondsLeft"
    assert session.seconds_to_next_mark() is None
