"""The voice as a session listener: what it says, and when it silences itself."""

from __future__ import annotations

from neuroguide.content.loader import Content
from neuroguide.core.clock import FakeClock
from neuroguide.core.cues import Cue, CueWriter
from neuroguide.core.events import Event, PauseReason
from neuroguide.core.library import Routine
from neuroguide.core.session import Session, SessionState
from neuroguide.speech.guide import VoiceGuide
from neuroguide.speech.speaker import RecordingSpeaker
from tests.speech.conftest import CALF


def follow(routine: Routine, clock: FakeClock) -> tuple[Session, VoiceGuide, RecordingSpeaker]:
    session = Session(routine, clock)
    speaker = RecordingSpeaker()
    guide = VoiceGuide(speaker, CueWriter(session.timeline))
    return session, guide, speaker


def run(session: Session, guide: VoiceGuide, clock: FakeClock, seconds: float) -> None:
    for _ in range(round(seconds / 0.25)):
        clock.advance(0.25)
        guide.handle(session.tick())


def after_last_interrupt(speaker: RecordingSpeaker) -> list[str]:
    last = max(i for i, entry in enumerate(speaker.log) if entry is None)
    return [entry.text for entry in speaker.log[last + 1 :] if entry is not None]


def test_a_session_left_to_run_is_never_interrupted(calf: Routine, fake_clock: FakeClock) -> None:
    session, guide, speaker = follow(calf, fake_clock)
    guide.handle(session.start())
    run(session, guide, fake_clock, 200)
    assert session.state is SessionState.FINISHED
    assert speaker.interruptions == 0
    assert speaker.said[0].text.startswith("Calf stretch. Start with your left leg.")
    assert speaker.said[-1].text.startswith("And relax. All done.")


def test_pausing_silences_the_voice_before_it_says_paused(
    calf: Routine, fake_clock: FakeClock
) -> None:
    session, guide, speaker = follow(calf, fake_clock)
    guide.handle(session.start())
    run(session, guide, fake_clock, 7)
    guide.handle(session.pause())
    assert speaker.log[-2:] == [None, speaker.said[-1]]
    assert speaker.said[-1].text == "Paused."


def test_skipping_a_rest_silences_the_voice_and_announces_the_next_hold(
    calf: Routine, fake_clock: FakeClock
) -> None:
    session, guide, speaker = follow(calf, fake_clock)
    guide.handle(session.start())
    run(session, guide, fake_clock, 22)  # in the rest after the first hold
    guide.handle(session.next())
    safety = calf.steps[0].exercise.spoken_safety  # said as each hold starts
    assert after_last_interrupt(speaker) == [f"Hold, 2 of 2. {safety}".strip()]


def test_going_back_silences_the_voice(calf: Routine, fake_clock: FakeClock) -> None:
    session, guide, speaker = follow(calf, fake_clock)
    guide.handle(session.start())
    run(session, guide, fake_clock, 10)
    guide.handle(session.previous())
    assert speaker.interruptions == 1
    (again,) = after_last_interrupt(speaker)
    assert again.startswith("Hold, 1 of 2.")


def test_restarting_a_step_announces_the_exercise_again(
    calf: Routine, fake_clock: FakeClock
) -> None:
    session, guide, speaker = follow(calf, fake_clock)
    guide.handle(session.start())
    run(session, guide, fake_clock, 10)
    guide.handle(session.restart_step())
    (announcement,) = after_last_interrupt(speaker)
    assert announcement.startswith("Calf stretch. Start with your left leg.")


def test_stopping_silences_the_voice_before_the_goodbye(
    calf: Routine, fake_clock: FakeClock
) -> None:
    session, guide, speaker = follow(calf, fake_clock)
    guide.handle(session.start())
    run(session, guide, fake_clock, 10)
    guide.handle(session.stop())
    (goodbye,) = after_last_interrupt(speaker)
    assert goodbye.startswith("Session stopped.")


def test_after_a_pause_and_added_time_the_session_still_moves_on_without_interrupting(
    calf: Routine, fake_clock: FakeClock
) -> None:
    session, guide, speaker = follow(calf, fake_clock)
    guide.handle(session.start())
    run(session, guide, fake_clock, 8)
    guide.handle(session.pause())
    fake_clock.advance(3)
    guide.handle(session.resume())
    guide.handle(session.add_time(15))
    run(session, guide, fake_clock, 250)
    assert session.state is SessionState.FINISHED
    assert speaker.interruptions == 1  # only the pause


def test_a_machine_sleep_silences_the_voice(calf: Routine, fake_clock: FakeClock) -> None:
    session, guide, speaker = follow(calf, fake_clock)
    guide.handle(session.start())
    run(session, guide, fake_clock, 8)
    fake_clock.advance(300)
    events: list[Event] = session.tick()
    guide.handle(events)
    assert session.pause_reason is PauseReason.MACHINE_SLEEP
    assert speaker.log[-2] is None
    assert "asleep" in speaker.said[-1].text


def test_every_cue_reaches_the_captions_even_those_cut_by_an_interrupt(
    calf: Routine, fake_clock: FakeClock
) -> None:
    session = Session(calf, fake_clock)
    speaker = RecordingSpeaker()
    shown: list[Cue] = []
    guide = VoiceGuide(speaker, CueWriter(session.timeline), on_cue=shown.append)
    guide.handle(session.start())
    run(session, guide, fake_clock, 18.5)
    fake_clock.advance(1)  # "1." falls due, then the person skips in the same batch
    guide.handle(session.next())
    rest = "Rest for 10 seconds — next, hold 2 of 2."
    assert [c.text for c in shown[-2:]] == ["1.", rest]
    assert after_last_interrupt(speaker) == [rest]


def test_r_during_a_hold_lengthens_the_next_rest_when_the_steps_do_not_fit_it(
    calf: Routine, fake_clock: FakeClock
) -> None:
    from neuroguide.core.timeline import PhaseKind
    from tests.core.test_speech_plan import length_by_words

    session = Session(calf, fake_clock)
    speaker = RecordingSpeaker()
    asked: list[int] = []
    guide = VoiceGuide(
        speaker, CueWriter(session.timeline, lengths=length_by_words), on_need_time=asked.append
    )
    guide.handle(session.start())
    while session.phase.kind is not PhaseKind.HOLD:
        run(session, guide, fake_clock, 0.25)
    guide.repeat(session.phase, fake_clock.now())  # R, 0.25 s into the hold
    assert asked == [] and speaker.interruptions == 0, "the hold's counts go on"
    while session.phase.kind is PhaseKind.HOLD:
        run(session, guide, fake_clock, 0.25)
    assert speaker.said[-1].text.startswith("Calf stretch. Stand facing a wall")
    assert len(asked) == 1 and asked[0] > 0, "the 10-s rest is too short for every step"
    rest = session.remaining()
    guide.handle(session.add_time(asked[0]))  # what the window and play do
    assert session.remaining() == rest + asked[0]
    assert speaker.interruptions == 0


def test_r_during_a_hold_needs_no_more_time_when_the_rest_holds_the_steps(
    content: Content, fake_clock: FakeClock
) -> None:
    from neuroguide.core.timeline import PhaseKind
    from tests.core.test_speech_plan import length_by_words
    from tests.speech.conftest import make_routine

    routine = make_routine(content, CALF.replace("rest = 10", "rest = 60"))
    session = Session(routine, fake_clock)
    asked: list[int] = []
    guide = VoiceGuide(
        RecordingSpeaker(),
        CueWriter(session.timeline, lengths=length_by_words),
        on_need_time=asked.append,
    )
    guide.handle(session.start())
    while session.phase.kind is not PhaseKind.HOLD:
        run(session, guide, fake_clock, 0.25)
    guide.repeat(session.phase, fake_clock.now())
    while session.phase.kind is PhaseKind.HOLD:
        run(session, guide, fake_clock, 0.25)
    assert asked == []
