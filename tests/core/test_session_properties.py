"""Property test: whatever a person presses and however the clock moves, the books balance."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neuroguide.core.clock import FakeClock
from neuroguide.core.events import PauseReason, PhaseStarted, SessionFinished
from neuroguide.core.library import Library
from neuroguide.core.session import JUMP_THRESHOLD, Session, SessionState
from tests.core.conftest import make_routine

ROUTINE = """
id = "prop"
name = "Property"
[[steps]]
exercise = "calf-stretch"
hold = 6
sets = 2
sides = ["left", "right"]
rest = 3
[[steps]]
exercise = "calf-raise"
reps = 3
cadence = 2
sets = 2
rest = 2
[[steps]]
exercise = "walk"
duration = 20
"""

CONTROLS = ["pause", "resume", "next", "done", "previous", "restart", "add", "unsteady", "stop"]
actions = st.lists(
    st.one_of(
        st.tuples(st.just("advance"), st.floats(min_value=0, max_value=7, allow_nan=False)),
        st.tuples(st.sampled_from(CONTROLS), st.just(0.0)),
    ),
    max_size=60,
)
EPS = 1e-6


def perform(session: Session, name: str) -> list:  # type: ignore[type-arg]
    calls = {
        "pause": session.pause,
        "resume": session.resume,
        "next": session.next,
        "done": session.done,
        "previous": session.previous,
        "restart": session.restart_step,
        "add": session.add_time,
        "unsteady": lambda: session.pause(PauseReason.UNSTEADY),
        "stop": session.stop,
    }
    return calls[name]()


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=actions)
def test_time_is_never_lost_or_invented(library: Library, steps: list[tuple[str, float]]) -> None:
    clock = FakeClock()
    session = Session(make_routine(library, ROUTINE), clock)
    events = session.start()
    credited = 0.0
    for name, amount in steps:
        before_state = session.state
        index_before = session.index
        if name == "advance":
            started = clock.now()
            clock.advance(amount)
            new = session.tick()
            if before_state is SessionState.RUNNING and amount <= JUMP_THRESHOLD:
                end = session.finished_at if session.finished_at is not None else clock.now()
                credited += end - started
        else:
            new = perform(session, name)
        starts = [e.phase.index for e in new if isinstance(e, PhaseStarted)]
        if name in ("previous", "restart") and starts:
            assert starts[0] <= index_before
            starts = starts[1:]
            index_before = starts[0] - 1 if starts else index_before
        for index in starts:
            assert index == index_before + 1, "forward moves go one phase at a time"
            index_before = index
        events += new
        check_invariants(session, credited)
    assert sum(isinstance(e, SessionFinished) for e in events) == (
        1 if session.state is SessionState.FINISHED else 0
    )


def check_invariants(session: Session, credited: float) -> None:
    for record in session.records:
        assert -EPS <= record.actual_seconds <= record.planned_seconds + record.added_seconds + EPS
    active = session.active_seconds()
    assert active >= -EPS
    spent = sum(elapsed for _, elapsed in session.visit_log)
    if session.state is not SessionState.FINISHED:
        spent += session.visit_elapsed()
        assert -EPS <= session.remaining() <= session.phase_length() + EPS
    assert abs(spent - credited) < EPS, "the phases account for exactly the unpaused time"
    work = {p.index for p in session.timeline if p.kind.is_work}
    in_work = sum(elapsed for index, elapsed in session.visit_log if index in work)
    recorded = sum(r.actual_seconds for r in session.records)
    assert abs(in_work - recorded) < EPS, "every second of work is in a record"
    planned = sum(r.planned_seconds + r.added_seconds for r in session.records)
    assert recorded <= planned + EPS
