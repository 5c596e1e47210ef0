"""The record is the routine that ran: a gentle or seated session keeps its own name, planned
work and doses, whether it finished or was cut off (the process killed half-way)."""

from __future__ import annotations

from pathlib import Path

import pytest

from neuroguide.content.loader import Content
from neuroguide.core.gentle import gentle_routine
from neuroguide.core.library import Routine
from neuroguide.core.seated import seated_version
from neuroguide.core.session import SessionState
from neuroguide.store.history import History
from tests.helpers.clocks import FakeWallClock
from tests.store.session_driver import SessionDriver


def _ran(kind: str, content: Content) -> Routine:
    library = content.catalog.routines["stretch-break"]
    if kind == "gentle":
        return gentle_routine(library, 0)
    seated = seated_version(library, content.library).routine
    assert seated is not None
    return seated


def _work_seconds(routine: Routine) -> int:
    return sum(
        step.dose.work_seconds * step.dose.sets * max(1, len(step.dose.sides))
        for step in routine.steps
    )


@pytest.mark.parametrize("kind", ["gentle", "seated"])
@pytest.mark.parametrize("ending", ["cut off", "finished"])
def test_the_record_holds_the_routine_and_doses_that_ran(
    kind: str, ending: str, content: Content, history_path: Path, wall: FakeWallClock
) -> None:
    ran = _ran(kind, content)
    library = content.catalog.routines["stretch-break"]
    assert ran.id == library.id and ran.name != library.name
    assert _work_seconds(ran) != _work_seconds(library) or kind == "seated"

    history = History.open(history_path, now_utc=wall)
    driver = SessionDriver(ran, [history.recorder], wall.advance)
    driver.send(driver.session.start())
    if ending == "finished":
        driver.run_to_end()
    else:
        driver.run_until(len(driver.session.timeline) // 4)  # about half the holds
        assert driver.session.state is SessionState.RUNNING
        # Cut off: nothing more reaches the history, as when the process is killed.
    history.close()

    reopened = History.open(history_path, now_utc=wall)
    [session] = reopened.sessions()
    assert session.outcome == ("finished" if ending == "finished" else "interrupted")
    assert session.routine_name == ran.name
    assert session.planned_ms == _work_seconds(ran) * 1000
    steps = reopened.steps(session.id)
    assert [step.exercise_id for step in steps] == [step.exercise.id for step in ran.steps]
    for stored, step in zip(steps, ran.steps, strict=True):
        dose = step.dose
        assert (stored.hold_s, stored.reps, stored.duration_s) == (
            dose.hold,
            dose.reps,
            dose.duration,
        )
        assert (stored.sets, stored.sides, stored.rest_s) == (dose.sets, dose.sides, dose.rest)
    items = reopened.items(session.id)
    assert items and all(
        item.planned_ms == ran.steps[0].dose.work_seconds * 1000
        for item in items
        if item.exercise_id == ran.steps[0].exercise.id
    )
    reopened.close()
