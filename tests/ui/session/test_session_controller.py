"""The session controller: the timer only wakes the session; every batch reaches everyone."""

from __future__ import annotations

from collections.abc import Sequence

from pytestqt.qtbot import QtBot

from neuroguide.content.loader import Content
from neuroguide.core.clock import FakeClock
from neuroguide.core.cues import CueWriter
from neuroguide.core.events import Event, PauseReason, SessionFinished, SessionPaused
from neuroguide.core.runner import Listener
from neuroguide.core.session import SessionState
from neuroguide.core.timeline import PhaseKind
from neuroguide.speech.speaker import RecordingSpeaker
from neuroguide.ui.session.session_controller import SessionController


class CollectingListener:
    """Keeps every batch it is handed."""

    def __init__(self) -> None:
        self.batches: list[list[Event]] = []

    def handle(self, events: Sequence[Event]) -> None:
        self.batches.append(list(events))


def make(
    content: Content, clock: FakeClock, routine: str = "lower-leg-stretches", **options: object
) -> tuple[SessionController, RecordingSpeaker, CollectingListener]:
    speaker = RecordingSpeaker()
    listener = CollectingListener()
    controller = SessionController(
        content.catalog.routines[routine],
        clock,
        speaker=speaker,
        cue_writer=CueWriter(),
        listeners=[Listener("history", listener)],
        **options,  # type: ignore[arg-type]
    )
    return controller, speaker, listener


def step(controller: SessionController, clock: FakeClock, seconds: int) -> None:
    for _ in range(seconds):
        clock.advance(1)
        controller.tick()


def test_every_batch_goes_to_listeners_speaker_and_caption(
    qtbot: QtBot, content: Content, fake_clock: FakeClock
) -> None:
    controller, speaker, listener = make(content, fake_clock)
    with qtbot.waitSignal(controller.caption_changed, timeout=1000):
        controller.start()
    assert listener.batches and speaker.said
    assert controller.caption == speaker.said[-1].text


def test_captions_off_leave_the_caption_line_empty(content: Content, fake_clock: FakeClock) -> None:
    controller, speaker, _ = make(content, fake_clock, captions=False)
    controller.start()
    assert speaker.said and controller.caption == ""


def test_timer_wakes_just_after_the_next_whole_second_and_at_least_every_second(
    content: Content, fake_clock: FakeClock
) -> None:
    controller, _, _ = make(content, fake_clock)
    controller.start()
    assert 1000 <= controller.timer_interval <= 1010
    fake_clock.advance(0.3)
    controller.tick()
    assert 700 <= controller.timer_interval <= 710


def test_timer_follows_the_rep_cadence_within_a_set(
    content: Content, fake_clock: FakeClock
) -> None:
    controller, _, _ = make(content, fake_clock)
    controller.start()
    while controller.session.phase.kind is not PhaseKind.REPS:
        step(controller, fake_clock, 1)
    fake_clock.advance(0.5)  # leg swings: 2 s per rep, so something happens every second
    controller.tick()
    assert controller.timer_interval <= 510


def test_timer_stops_when_paused_and_when_finished(content: Content, fake_clock: FakeClock) -> None:
    controller, _, _ = make(content, fake_clock)
    controller.start()
    controller.pause()
    assert controller.timer_interval == -1
    controller.resume()
    assert controller.timer_interval > 0
    controller.stop()
    assert controller.timer_interval == -1


def test_speech_is_interrupted_before_pause_next_back_restart_stop_and_unsteady(
    content: Content, fake_clock: FakeClock
) -> None:
    controller, speaker, _ = make(content, fake_clock)
    controller.start()
    for action in (
        controller.pause,
        controller.resume,
        controller.next,
        controller.previous,
        controller.restart_step,
        controller.unsteady,
        controller.stop,
    ):
        before = speaker.interruptions
        action()
        expected = 0 if action == controller.resume else 1
        assert speaker.interruptions - before == expected, action


def test_unsteady_pauses_with_its_reason_and_speaks_a_safety_cue(
    content: Content, fake_clock: FakeClock
) -> None:
    controller, speaker, listener = make(content, fake_clock)
    controller.start()
    controller.unsteady()
    assert controller.state is SessionState.PAUSED
    assert controller.session.pause_reason is PauseReason.UNSTEADY
    paused = [e for e in listener.batches[-1] if isinstance(e, SessionPaused)]
    assert paused and paused[0].reason is PauseReason.UNSTEADY
    assert "steady" in speaker.said[-1].text.lower()


def test_without_auto_advance_the_player_waits_after_each_exercise(
    content: Content, fake_clock: FakeClock
) -> None:
    controller, _, _ = make(content, fake_clock, auto_advance=False)
    controller.start()
    first_step = controller.session.phase.step_index
    step(controller, fake_clock, 60)
    assert controller.waiting and controller.state is SessionState.PAUSED
    assert controller.session.phase.step_index == first_step + 1
    assert controller.session.phase.kind is PhaseKind.GET_READY
    controller.next()  # Next (or Space) goes on instead of skipping
    assert not controller.waiting and controller.state is SessionState.RUNNING
    assert controller.session.phase.kind is PhaseKind.GET_READY


def test_finished_signal_carries_the_summary(
    qtbot: QtBot, content: Content, fake_clock: FakeClock
) -> None:
    controller, _, listener = make(content, fake_clock, routine="stretch-break")
    controller.start()
    with qtbot.waitSignal(controller.finished, timeout=1000) as blocker:
        step(controller, fake_clock, 1000)
    assert blocker.args[0].routine_id == "stretch-break"
    assert any(isinstance(e, SessionFinished) for e in listener.batches[-1])


def test_a_machine_sleep_pauses_the_session(content: Content, fake_clock: FakeClock) -> None:
    controller, speaker, _ = make(content, fake_clock)
    controller.start()
    fake_clock.advance(120)
    controller.tick()
    assert controller.session.pause_reason is PauseReason.MACHINE_SLEEP
    assert controller.timer_interval == -1
    assert speaker.said


def test_r_says_every_step_of_the_current_exercise_at_once(
    content: Content, fake_clock: FakeClock
) -> None:
    controller, speaker, _ = make(content, fake_clock, routine="strength-legs")
    controller.start()
    step(controller, fake_clock, 3)
    exercise = controller.session.phase.exercise
    controller.repeat()
    assert speaker.log[-2] is None  # what was being said is cut first
    said = speaker.log[-1]
    assert said is not None and all(line in said.text for line in exercise.steps)
    assert controller.caption == said.text
    assert controller.state is SessionState.RUNNING
