"""Each check's timeline and cues, driven by a fake clock; the stance-lost mark."""

from __future__ import annotations

import pytest

from neuroguide.core.check_run import (
    STOP_ARMS,
    STOP_CHAIR,
    STOP_LOST,
    UNSTEADY_WORDS,
    CheckRun,
    RunState,
    captions,
)
from neuroguide.core.check_steps import StepKind, check_steps, reading_seconds
from neuroguide.core.checks import CheckId, CheckInputError, CheckOutcome, EndReason
from neuroguide.core.clock import FakeClock
from neuroguide.core.cues import Cue, CuePriority


def run_until(run: CheckRun, clock: FakeClock, kind: StepKind) -> list[Cue]:
    """Advance event by event until the current step is of ``kind``; returns the cues."""
    cues: list[Cue] = []
    while run.state is RunState.RUNNING and run.step.kind is not kind:
        wait = run.seconds_to_next_event()
        assert wait is not None
        clock.advance(wait)
        cues += run.tick()
    return cues


def run_to_end(run: CheckRun, clock: FakeClock) -> list[tuple[float, Cue]]:
    """Advance event by event to the end; each cue with the time since the start."""
    start = clock.now()
    timed = [(0.0, cue) for cue in run.start()]
    while run.state is RunState.RUNNING:
        wait = run.seconds_to_next_event()
        assert wait is not None
        clock.advance(wait)
        timed += [(round(clock.now() - start, 3), cue) for cue in run.tick()]
    return timed


def test_chair_stand_timeline_says_go_counts_down_30_seconds_and_says_stop() -> None:
    clock = FakeClock()
    run = CheckRun(CheckId.CHAIR_STAND, clock, get_ready=5)
    timed = run_to_end(run, clock)
    steps = check_steps(CheckId.CHAIR_STAND, 5)
    spoken = steps[0].seconds + steps[1].seconds
    assert steps[0].seconds == reading_seconds(steps[0].text)
    moments = {cue.text: at for at, cue in timed}
    assert moments["Get ready."] == pytest.approx(spoken)
    go = moments["Go!"]
    assert go == pytest.approx(spoken + 5)
    assert moments["20 seconds left"] == pytest.approx(go + 10)
    assert moments["10 seconds left"] == pytest.approx(go + 20)
    assert moments["1"] == pytest.approx(go + 29)
    assert moments[STOP_CHAIR] == pytest.approx(go + 30)
    assert run.state is RunState.FINISHED
    assert run.needs_count
    texts = [cue.text for _, cue in timed]
    assert texts.index("Go!") < texts.index(STOP_CHAIR)
    go_cue = next(cue for _, cue in timed if cue.text == "Go!")
    assert go_cue.priority is CuePriority.TRANSITION


def test_the_chair_stand_result_takes_the_count_and_refuses_a_bad_one() -> None:
    clock = FakeClock()
    run = CheckRun(CheckId.CHAIR_STAND, clock)
    run_to_end(run, clock)
    with pytest.raises(CheckInputError):
        run.result(41)
    with pytest.raises(CheckInputError):
        run.result(None)
    assert run.result(13).count == 13
    assert run.result(13, arms_used=True).count == 0


def test_the_countdown_shows_whole_seconds_left() -> None:
    clock = FakeClock()
    run = CheckRun(CheckId.CHAIR_STAND, clock, get_ready=3)
    run.start()
    run_until(run, clock, StepKind.TIMED)
    assert run.display_seconds() == 30
    clock.advance(0.4)
    run.tick()
    assert run.display_seconds() == 30
    clock.advance(0.6)
    run.tick()
    assert run.display_seconds() == 29


def test_a_late_tick_skips_stale_counts_but_never_the_stop() -> None:
    clock = FakeClock()
    run = CheckRun(CheckId.CHAIR_STAND, clock)
    run.start()
    run_until(run, clock, StepKind.TIMED)
    clock.advance(40)  # the machine was busy: all counts are stale now
    texts = captions(run.tick())
    assert texts == [STOP_CHAIR]


def test_balance_runs_four_stances_of_ten_seconds_when_all_are_held() -> None:
    clock = FakeClock()
    run = CheckRun(CheckId.BALANCE, clock, get_ready=3)
    timed = run_to_end(run, clock)
    gos = [at for at, cue in timed if cue.text == "Go!"]
    assert len(gos) == 4
    ends = [at for at, cue in timed if cue.text.startswith(("Well done.", "Stop. Well done"))]
    assert [end - go for go, end in zip(gos, ends, strict=True)] == pytest.approx([10] * 4)
    assert run.held == [10, 10, 10, 10]
    result = run.result()
    assert result.stances_held == 4 and result.last_held == 4
    positions = [cue.text for _, cue in timed if "Position" in cue.text]
    assert len(positions) == 4
    assert "Position 3, heel to toe." in positions[2]


def test_the_stance_lost_mark_records_the_time_held_and_ends_the_test() -> None:
    clock = FakeClock()
    run = CheckRun(CheckId.BALANCE, clock, get_ready=3)
    run.start()
    for _ in range(2):
        run_until(run, clock, StepKind.STANCE)
        clock.advance(10)
        run.tick()
    run_until(run, clock, StepKind.STANCE)
    assert run.step.stance == 3
    clock.advance(6.5)
    cues = run.mark()
    assert captions(cues) == [STOP_LOST]
    assert run.state is RunState.FINISHED
    assert run.held == pytest.approx([10, 10, 6.5])
    result = run.result()
    assert result.stances == (10, 10, 6.5)
    assert result.last_held == 2  # feet moved or held on: position 3 is not held
    assert not result.support_used
    assert run.mark() == []  # a second press does nothing


def test_a_mark_outside_a_stance_does_nothing() -> None:
    clock = FakeClock()
    run = CheckRun(CheckId.BALANCE, clock)
    run.start()
    assert run.mark() == []
    assert run.state is RunState.RUNNING
    assert run.held == []


def test_sit_to_stand_stopwatch_takes_the_time_of_the_mark() -> None:
    clock = FakeClock()
    run = CheckRun(CheckId.SIT_TO_STAND, clock)
    run.start()
    run_until(run, clock, StepKind.STOPWATCH)
    clock.advance(11.26)
    assert run.display_seconds() == 11
    cues = run.mark()
    assert captions(cues) == ["Stop. 11.3 seconds. Well done."]
    assert run.result().seconds == 11.3
    assert run.result(arms_used=True).seconds is None


def test_sit_to_stand_stops_itself_at_the_limit() -> None:
    clock = FakeClock()
    run = CheckRun(CheckId.SIT_TO_STAND, clock)
    timed = run_to_end(run, clock)
    assert timed[-1][1].text.startswith("Stop. Time is up")
    assert run.state is RunState.NOT_COMPLETED
    result = run.result()
    assert result.outcome is CheckOutcome.NOT_COMPLETED and result.reason is EndReason.NO_MARK
    assert result.seconds is None and result.value() is None  # never a time like 60.0


def test_sit_to_stand_arms_and_a_stop_after_go() -> None:
    clock = FakeClock()
    run = CheckRun(CheckId.SIT_TO_STAND, clock)
    run.start()
    assert run.arms() == []  # nothing to end before Go
    run_until(run, clock, StepKind.STOPWATCH)
    clock.advance(4)
    assert captions(run.arms()) == [STOP_ARMS]
    result = run.result()
    assert result.support_used and result.seconds is None
    stopped = CheckRun(CheckId.SIT_TO_STAND, clock)
    stopped.start()
    assert not stopped.stored_on_cancel  # before Go: nothing to keep
    run_until(stopped, clock, StepKind.STOPWATCH)
    assert stopped.stored_on_cancel
    stopped.cancel()
    assert stopped.result().reason is EndReason.STOPPED


def test_the_sit_to_stand_says_how_the_mark_is_made_and_the_arms_rule_before_go() -> None:
    steps = check_steps(CheckId.SIT_TO_STAND)
    before_go = " ".join(step.text for step in steps if step.kind is StepKind.SAY)
    for words in (
        "helper",
        "foot pedal",
        "uncross your arms",
        "fifth time",
        "ends the check",
        "43 centimetres",
        "17 inches",
    ):
        assert words in before_go
    assert "sit down the fifth" not in before_go


def test_the_balance_test_says_the_protocol_before_go() -> None:
    steps = check_steps(CheckId.BALANCE)
    first_go = next(i for i, step in enumerate(steps) if step.kind is StepKind.STANCE)
    before = " ".join(step.text for step in steps[:first_go])
    assert "If you need to hold on or move your feet, press Space" in before
    assert "you may move your arms or body" in before.lower() and "but not your feet" in before
    assert "someone standing next to you" in before


@pytest.mark.parametrize("check", list(CheckId))
def test_i_feel_unsteady_stops_at_once_and_is_never_a_score(check: CheckId) -> None:
    clock = FakeClock()
    run = CheckRun(check, clock)
    run.start()
    clock.advance(12)
    run.tick()
    cues = run.unsteady()
    assert captions(cues) == [UNSTEADY_WORDS]
    assert cues[0].priority is CuePriority.SAFETY
    assert run.seconds_to_next_event() is None
    clock.advance(100)
    assert run.tick() == []
    result = run.result(30)
    assert result.outcome is CheckOutcome.UNSTEADY
    assert result.count is None
    assert result.value() is None


def test_a_cancelled_run_has_nothing_to_store() -> None:
    run = CheckRun(CheckId.CHAIR_STAND, FakeClock())
    run.start()
    run.cancel()
    with pytest.raises(RuntimeError):
        run.result(10)


def test_the_next_change_comes_at_each_whole_second_or_sooner() -> None:
    clock = FakeClock()
    run = CheckRun(CheckId.CHAIR_STAND, clock, get_ready=3)
    run.start()
    run_until(run, clock, StepKind.TIMED)
    assert run.seconds_to_next_change() == pytest.approx(1.0)
    assert run.fraction_left() == pytest.approx(1.0)
    clock.advance(15.25)
    run.tick()
    assert run.seconds_to_next_change() == pytest.approx(0.75)
    assert run.fraction_left() == pytest.approx(14.75 / 30)
    run.unsteady()
    assert run.seconds_to_next_change() is None
    assert run.fraction_left() == 0.0
