"""Controls never leave silence (issue 24, item 4): Back into a get-ready re-times it to the
short announcement that will be said, instead of keeping the first-time length."""

from __future__ import annotations

from neuroguide.core.clock import FakeClock
from neuroguide.core.cues import PLAYER_END, CueWriter
from neuroguide.core.events import PhaseStarted
from neuroguide.core.speech_plan import plan_speech
from neuroguide.core.timeline import PhaseKind
from neuroguide.core.voice_queue import utterances
from tests.core.test_speech_plan import ROUTINE, length_by_words


def test_back_into_a_get_ready_lasts_as_long_as_its_short_announcement() -> None:
    plan = plan_speech(ROUTINE, minimum=5, lengths=length_by_words)
    first, again = plan.ready_by_step[0], plan.ready_again_by_step[0]
    assert again < first, "the second time only the name, side, dose and key step are said"
    clock = FakeClock(0.0)
    session = plan.session(clock)
    writer = CueWriter(session.timeline, lengths=length_by_words)
    writer.cues_for(session.start())
    for _ in range(first + 1):  # just into the first hold
        clock.advance(1)
        writer.cues_for(session.tick())
    assert session.phase.kind is PhaseKind.HOLD
    events = session.previous()  # Back: into the get-ready again
    started = [e for e in events if isinstance(e, PhaseStarted)]
    assert started[-1].phase.kind is PhaseKind.GET_READY
    assert started[-1].seconds == again
    words = [c for c in writer.cues_for(events) if c.text.startswith("One leg stand")]
    spoken = sum(length_by_words(u.text, u.tone) + PLAYER_END for u in utterances(words[0]))
    silence = again - spoken
    assert 0 <= silence <= 3, f"{silence:.1f} s of silence before the hold"


def test_a_long_first_time_introduction_is_capped_and_points_to_the_rest() -> None:
    from neuroguide.core.cues import INTRODUCTION_CAP, REST_UNDER_HOW_TO
    from neuroguide.core.library import Dose, Routine, Step
    from tests.core.test_speech_plan import exercise

    steps = tuple(
        f"Step number {n} of this long exercise, done slowly and with care." for n in range(12)
    )
    long_one = exercise("long", "Long one", steps)
    routine = Routine(id="r", name="R", description="", steps=(Step(long_one, Dose(hold=20)),))
    plan = plan_speech(routine, minimum=5, lengths=length_by_words)
    session = plan.session(FakeClock(0.0))
    writer = plan.writer(session)
    said = writer.announcement(session.timeline[0])
    assert REST_UNDER_HOW_TO in said
    assert writer.seconds(said) <= INTRODUCTION_CAP
    assert steps[0] in said and steps[-1] not in said
    assert plan.ready_by_step[0] <= INTRODUCTION_CAP + 5
    assert all(step in writer.repeat(session.timeline[0], 0.0).text for step in steps)
