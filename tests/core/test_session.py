"""The session engine against a fake clock: phases, controls, records and machine sleep."""

from __future__ import annotations

import pytest

from neuroguide.core.clock import FakeClock, MonotonicClock
from neuroguide.core.events import (
    Event,
    Halfway,
    LastSeconds,
    Milestone,
    PauseReason,
    PhaseStarted,
    RepCounted,
    RepMoved,
    SecondsLeft,
    SessionFinished,
    SessionPaused,
    SessionResumed,
    SessionStarted,
    SetDone,
    SideSwitched,
    StepFinished,
    TimeAdded,
)
from neuroguide.core.library import Library, Routine
from neuroguide.core.records import ItemStatus, Outcome
from neuroguide.core.session import Session, SessionState
from neuroguide.core.timeline import PhaseKind
from tests.core.conftest import CALF, make_routine

MIXED = """
id = "mixed"
name = "Mixed"
[[steps]]
exercise = "overhead-reach"
hold = 20
[[steps]]
exercise = "calf-raise"
reps = 4
cadence = 2
[[steps]]
exercise = "walk"
duration = 1200
"""


def of(events: list[Event], kind: type[Event]) -> list[Event]:
    return [e for e in events if isinstance(e, kind)]


def run_for(session: Session, clock: FakeClock, seconds: float, step: float = 1.0) -> list[Event]:
    """Tick like the GUI's timer does: about once a second."""
    events: list[Event] = []
    left = seconds
    while left > 1e-9:
        move = min(step, left)
        clock.advance(move)
        left -= move
        events += session.tick()
    return events


@pytest.fixture
def calf(library: Library) -> Routine:
    return make_routine(library, CALF)


@pytest.fixture
def mixed(library: Library) -> Routine:
    return make_routine(library, MIXED)


def test_timeline_does_every_set_on_one_side_then_switches(calf: Routine) -> None:
    session = Session(calf, FakeClock())
    kinds = [(p.kind, p.side, p.set_number) for p in session.timeline]
    assert kinds == [
        (PhaseKind.GET_READY, "left", 1),
        (PhaseKind.HOLD, "left", 1),
        (PhaseKind.REST, "left", 1),
        (PhaseKind.HOLD, "left", 2),
        (PhaseKind.REST, "left", 2),
        (PhaseKind.HOLD, "left", 3),
        (PhaseKind.SWITCH_SIDES, "right", 1),
        (PhaseKind.HOLD, "right", 1),
        (PhaseKind.REST, "right", 1),
        (PhaseKind.HOLD, "right", 2),
        (PhaseKind.REST, "right", 2),
        (PhaseKind.HOLD, "right", 3),
    ]


def test_a_full_run_completes_every_hold_with_its_exact_planned_time(
    calf: Routine, clock: FakeClock
) -> None:
    session = Session(calf, clock)
    events = session.start()
    assert isinstance(events[0], SessionStarted)
    events += run_for(session, clock, 200, step=0.7)
    assert session.state is SessionState.FINISHED
    assert [r.actual_seconds for r in session.records] == [15.0] * 6
    assert all(r.status is ItemStatus.COMPLETED for r in session.records)
    finished = of(events, SessionFinished)
    assert len(finished) == 1
    summary = session.summary
    assert summary is not None and summary.outcome is Outcome.FINISHED
    assert summary.planned_seconds == 90 and summary.completed == 6 and summary.skipped == 0
    assert summary.elapsed_seconds == pytest.approx(5 + 6 * 15 + 4 * 10 + 5)
    assert of(events, StepFinished) == [
        StepFinished(at=finished[0].at, step_index=0, skipped=False)
    ]


def test_phase_boundaries_come_from_deadlines_not_from_ticks(
    calf: Routine, clock: FakeClock
) -> None:
    session = Session(calf, clock)
    start = clock.now()
    events = session.start()
    for step in [1.3, 0.2, 2.9, 4.4, 0.01, 3.7] * 12:
        clock.advance(step)
        events += session.tick()
    starts = [e.at - start for e in of(events, PhaseStarted)]
    expected, total = [], 0.0
    for phase in session.timeline[: len(starts)]:
        expected.append(total)
        total += phase.seconds
    assert starts == pytest.approx(expected)


def test_seconds_left_counts_down_in_whole_seconds(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    events = session.start() + run_for(session, clock, 5)
    shown = [e.seconds for e in of(events, SecondsLeft)]
    assert shown[:5] == [5, 4, 3, 2, 1]
    assert session.remaining() == pytest.approx(15)


def test_a_hold_reports_halfway_five_seconds_and_the_last_three(
    calf: Routine, clock: FakeClock
) -> None:
    session = Session(calf, clock)
    session.start()
    run_for(session, clock, 5)
    events = run_for(session, clock, 15)
    assert len(of(events, Halfway)) == 1
    assert [e.seconds for e in of(events, LastSeconds)] == [5, 3, 2, 1]
    done = of(events, SetDone)
    assert len(done) == 1


def test_switching_sides_is_reported_with_both_sides(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    events = session.start() + run_for(session, clock, 5 + 3 * 15 + 2 * 10 + 1)
    switched = of(events, SideSwitched)
    assert switched == [
        SideSwitched(at=switched[0].at, phase=session.timeline[6], from_side="left",
                     to_side="right")
    ]  # fmt: skip


def test_reps_are_paced_by_the_cadence(mixed: Routine, clock: FakeClock) -> None:
    session = Session(mixed, clock, get_ready=0)
    session.start()
    events = session.next() + run_for(session, clock, 8, step=0.5)
    moves = [(e.rep, e.movement) for e in of(events, RepMoved)]
    assert moves == [(1, "up"), (1, "down"), (2, "up"), (2, "down"), (3, "up"), (3, "down"),
                     (4, "up"), (4, "down")]  # fmt: skip
    assert [e.rep for e in of(events, RepCounted)] == [1, 2, 3, 4]
    assert session.records[-1].reps_done == 4


def test_done_finishes_reps_early_as_completed(mixed: Routine, clock: FakeClock) -> None:
    session = Session(mixed, clock, get_ready=0)
    session.start()
    session.next()
    run_for(session, clock, 3)
    events = session.done()
    record = of(events, SetDone)[0].record  # type: ignore[attr-defined]
    assert record.status is ItemStatus.COMPLETED and record.reps_done == 4
    assert record.actual_seconds == pytest.approx(3)
    assert session.phase.kind is PhaseKind.TIMED


def test_next_skips_a_hold_and_records_what_was_done(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    session.start()
    run_for(session, clock, 5 + 6)
    events = session.next()
    record = of(events, SetDone)[0].record  # type: ignore[attr-defined]
    assert record.status is ItemStatus.SKIPPED
    assert record.actual_seconds == pytest.approx(6)
    assert session.phase.kind is PhaseKind.REST


def test_skipping_reps_counts_the_reps_paced_so_far(mixed: Routine, clock: FakeClock) -> None:
    session = Session(mixed, clock, get_ready=0)
    session.start()
    session.next()
    run_for(session, clock, 5)
    record = of(session.next(), SetDone)[0].record  # type: ignore[attr-defined]
    assert (record.reps_done, record.status) == (2, ItemStatus.SKIPPED)


def test_skipping_a_step_reports_it_skipped(mixed: Routine, clock: FakeClock) -> None:
    session = Session(mixed, clock, get_ready=0)
    session.start()
    events = session.next()
    assert of(events, StepFinished)[0] == StepFinished(at=clock.now(), step_index=0, skipped=True)


def test_done_on_a_hold_is_the_same_as_next(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    session.start()
    run_for(session, clock, 7)
    record = of(session.done(), SetDone)[0].record  # type: ignore[attr-defined]
    assert record.status is ItemStatus.SKIPPED


def test_done_ends_a_timed_block_early_as_completed(mixed: Routine, clock: FakeClock) -> None:
    session = Session(mixed, clock, get_ready=0)
    session.start()
    session.next()
    session.next()
    run_for(session, clock, 600)
    events = session.done()
    record = of(events, SetDone)[0].record  # type: ignore[attr-defined]
    assert record.status is ItemStatus.COMPLETED
    assert record.actual_seconds == pytest.approx(600)
    assert session.state is SessionState.FINISHED


def test_pause_keeps_the_remaining_time_exactly(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    session.start()
    run_for(session, clock, 5 + 4.5, step=0.5)
    paused = session.pause()
    assert of(paused, SessionPaused)[0].reason is PauseReason.USER  # type: ignore[attr-defined]
    clock.advance(600)
    assert session.tick() == []
    assert session.remaining() == pytest.approx(10.5)
    resumed = session.resume()
    assert isinstance(resumed[0], SessionResumed)
    run_for(session, clock, 10.5, step=0.5)
    assert session.records[0].actual_seconds == pytest.approx(15)
    assert session.records[0].status is ItemStatus.COMPLETED


def test_toggle_pause_starts_pauses_and_resumes(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    session.toggle_pause()
    assert session.state is SessionState.RUNNING
    session.toggle_pause()
    assert session.state is SessionState.PAUSED
    assert session.pause() == []
    session.toggle_pause()
    assert session.state is SessionState.RUNNING
    assert session.resume() == []


def test_unsteady_pauses_even_when_already_paused(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    session.start()
    session.pause()
    events = session.pause(PauseReason.UNSTEADY)
    assert session.pause_reason is PauseReason.UNSTEADY
    assert of(events, SessionPaused)[0].reason is PauseReason.UNSTEADY  # type: ignore[attr-defined]


def test_a_machine_sleep_pauses_instead_of_finishing_holds(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    session.start()
    run_for(session, clock, 5 + 4)
    clock.advance(3600)
    events = session.tick()
    pause = of(events, SessionPaused)[0]
    assert pause.reason is PauseReason.MACHINE_SLEEP  # type: ignore[attr-defined]
    assert pause.slept_seconds == pytest.approx(3600)  # type: ignore[attr-defined]
    assert session.state is SessionState.PAUSED
    assert session.remaining() == pytest.approx(11)
    assert session.records == []


def test_a_control_after_a_sleep_also_sees_the_sleep(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    session.start()
    clock.advance(30)
    events = session.next()
    assert of(events, SessionPaused)
    assert session.phase.kind is PhaseKind.HOLD
    assert session.state is SessionState.PAUSED


def test_back_restarts_a_hold_after_two_seconds(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    session.start()
    run_for(session, clock, 5 + 8)
    events = session.previous()
    assert session.index == 1
    assert session.remaining() == pytest.approx(15)
    assert of(events, SetDone)[0].record.status is ItemStatus.SKIPPED  # type: ignore[attr-defined]


def test_back_early_in_a_hold_goes_to_the_one_before(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    session.start()
    run_for(session, clock, 5 + 15 + 10 + 15 + 10 + 1)
    assert session.index == 5
    session.previous()
    assert session.index == 3
    session.previous()
    assert session.index == 0, "back to the get-ready before the first hold of the exercise"


def test_back_from_a_new_side_lands_on_the_switch(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    session.start()
    for _ in range(8):
        session.next()
    assert session.index == 8
    session.previous()
    assert session.index == 6
    assert session.phase.kind is PhaseKind.SWITCH_SIDES


def test_restart_step_goes_to_its_get_ready(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    session.start()
    for _ in range(4):
        session.next()
    session.restart_step()
    assert session.index == 0 and session.phase.kind is PhaseKind.GET_READY


def test_add_time_lengthens_the_phase_and_is_recorded(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    session.start()
    run_for(session, clock, 5 + 10)
    events = session.add_time()
    assert of(events, TimeAdded)[0].seconds == 15  # type: ignore[attr-defined]
    assert session.remaining() == pytest.approx(20)
    assert session.phase_length() == 30
    run_for(session, clock, 20)
    record = session.records[0]
    assert (record.actual_seconds, record.added_seconds) == (pytest.approx(30), 15)
    assert record.status is ItemStatus.COMPLETED


def test_add_time_while_paused_waits_for_resume(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    session.start()
    session.pause()
    session.add_time(15)
    assert session.remaining() == pytest.approx(20)


def test_add_time_leaves_paced_reps_alone(mixed: Routine, clock: FakeClock) -> None:
    session = Session(mixed, clock, get_ready=0)
    session.start()
    session.next()
    assert session.add_time() == []
    assert session.phase_length() == 8


def test_stop_ends_the_session_and_records_the_item_in_progress(
    calf: Routine, clock: FakeClock
) -> None:
    session = Session(calf, clock)
    session.start()
    run_for(session, clock, 5 + 3)
    events = session.stop()
    summary = of(events, SessionFinished)[0].summary  # type: ignore[attr-defined]
    assert summary.outcome is Outcome.STOPPED
    assert summary.skipped == 1 and summary.active_seconds == pytest.approx(3)
    for control in (session.stop, session.next, session.previous, session.restart_step,
                    session.add_time, session.done, session.start):  # fmt: skip
        assert control() == []
    assert session.remaining() == 0 and session.time_left() == 0


def test_stop_before_start_finishes_with_nothing_recorded(calf: Routine) -> None:
    session = Session(calf, FakeClock())
    events = session.stop()
    assert of(events, SessionFinished)[0].summary.records == ()  # type: ignore[attr-defined]


def test_aerobic_block_reports_every_five_minutes_and_the_last_minute(
    mixed: Routine, clock: FakeClock
) -> None:
    session = Session(mixed, clock, get_ready=0)
    session.start()
    session.next()
    session.next()
    events = run_for(session, clock, 1200)
    marks = [(e.kind, e.elapsed, e.remaining) for e in of(events, Milestone)]
    assert marks == [
        ("five-minutes", 300, 900),
        ("five-minutes", 600, 600),
        ("five-minutes", 900, 300),
        ("last-minute", 1140, 60),
    ]
    assert len(of(events, Halfway)) == 1


def test_queries_report_progress(calf: Routine, clock: FakeClock) -> None:
    session = Session(calf, clock)
    assert session.time_left() == 5 + 90 + 40 + 5
    session.start()
    run_for(session, clock, 5 + 5)
    assert session.active_seconds() == pytest.approx(5)
    assert session.visit_elapsed() == pytest.approx(5)
    upcoming = session.upcoming()
    assert upcoming is not None and upcoming.side == "right"
    assert session.time_left() == pytest.approx(140 - 10)


def test_a_routine_without_phases_is_refused(library: Library) -> None:
    with pytest.raises(ValueError, match="no phases"):
        Session(Routine(id="e", name="E", description="", steps=()), FakeClock())


def test_clocks_only_move_forward() -> None:
    fake = FakeClock(5.0)
    with pytest.raises(ValueError, match="cannot go back"):
        fake.advance(-1)
    real = MonotonicClock()
    assert real.now() <= real.now()


def test_nothing_comes_next_in_the_last_exercise(mixed: Routine, clock: FakeClock) -> None:
    session = Session(mixed, clock, get_ready=0)
    session.start()
    session.next()
    assert session.upcoming() is not None
    session.next()
    assert session.upcoming() is None


def test_the_driver_is_told_when_to_wake(mixed: Routine, clock: FakeClock) -> None:
    session = Session(mixed, clock, get_ready=0)
    assert session.seconds_to_next_event() is None
    session.start()
    assert session.seconds_to_next_event() == pytest.approx(1.0)
    clock.advance(0.25)
    assert session.seconds_to_next_event() == pytest.approx(0.75)
    session.next()
    clock.advance(0.5)
    session.tick()
    assert session.seconds_to_next_event() == pytest.approx(0.5), "the rep's 'down' at 1 s"
    clock.advance(7.5)
    assert session.seconds_to_next_event() == 0.0, "overdue: wake at once"
