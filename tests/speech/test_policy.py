"""One cue in flight, one waiting: priorities, lateness and the end of a phase or step."""

from __future__ import annotations

from neuroguide.core.clock import FakeClock
from neuroguide.core.cues import Cue, CuePriority
from neuroguide.speech.policy import CueSlots

NAME = CuePriority.NAME
COUNT = CuePriority.COUNT
TRANSITION = CuePriority.TRANSITION


def cue(text: str, priority: CuePriority, at: float, phase: int = 1, step: int = 0) -> Cue:
    return Cue(text, priority, at, phase, step)


def test_a_cue_goes_straight_into_flight_when_the_voice_is_idle() -> None:
    slots, clock = CueSlots(), FakeClock()
    slots.offer(cue("Hold.", TRANSITION, clock.now()), clock.now())
    taken = slots.take(clock.now())
    assert taken is not None and taken.text == "Hold."
    assert slots.in_flight == taken and slots.waiting is None


def test_a_countdown_number_never_displaces_a_waiting_exercise_name() -> None:
    slots, clock = CueSlots(), FakeClock()
    slots.offer(cue("Halfway.", TRANSITION, clock.now()), clock.now())
    slots.take(clock.now())
    slots.offer(cue("Calf stretch. Start with your left leg.", NAME, clock.now()), clock.now())
    slots.offer(cue("3.", COUNT, clock.now()), clock.now())
    assert slots.waiting is not None and slots.waiting.text.startswith("Calf stretch")
    assert [c.text for c in slots.dropped] == ["3."]
    clock.advance(4)  # the name is still worth saying long after its moment
    slots.finish()
    taken = slots.take(clock.now())
    assert taken is not None and taken.text.startswith("Calf stretch")


def test_a_count_is_never_taken_while_a_name_is_in_flight() -> None:
    slots, clock = CueSlots(), FakeClock()
    slots.offer(cue("Calf stretch.", NAME, clock.now()), clock.now())
    slots.take(clock.now())
    slots.offer(cue("3.", COUNT, clock.now()), clock.now())
    assert slots.take(clock.now()) is None
    assert slots.in_flight is not None and slots.in_flight.text == "Calf stretch."


def test_a_newer_count_replaces_an_older_waiting_one() -> None:
    slots, clock = CueSlots(), FakeClock()
    slots.offer(cue("Hold.", TRANSITION, clock.now()), clock.now())
    slots.take(clock.now())
    slots.offer(cue("3.", COUNT, clock.now()), clock.now())
    clock.advance(1)
    slots.offer(cue("2.", COUNT, clock.now()), clock.now())
    assert slots.waiting is not None and slots.waiting.text == "2."


def test_a_count_more_than_a_second_late_is_dropped_not_said() -> None:
    slots, clock = CueSlots(), FakeClock()
    slots.offer(cue("Calf stretch.", NAME, clock.now()), clock.now())
    slots.take(clock.now())
    slots.offer(cue("3.", COUNT, clock.now()), clock.now())
    clock.advance(1.2)
    slots.finish()
    assert slots.take(clock.now()) is None
    assert [c.text for c in slots.dropped] == ["3."]


def test_a_cue_that_arrives_already_late_is_dropped_at_once() -> None:
    slots, clock = CueSlots(), FakeClock()
    late = cue("2.", COUNT, clock.now())
    clock.advance(1.5)
    slots.offer(late, clock.now())
    assert slots.waiting is None and list(slots.dropped) == [late]


def test_a_waiting_cue_of_a_phase_that_is_over_is_dropped() -> None:
    slots, clock = CueSlots(late_limit=10), FakeClock()
    slots.offer(cue("Calf stretch.", NAME, clock.now(), phase=0), clock.now())
    slots.take(clock.now())
    slots.offer(cue("Halfway.", TRANSITION, clock.now(), phase=1), clock.now())
    slots.offer(cue("5 seconds.", COUNT, clock.now(), phase=2), clock.now())
    assert slots.waiting is not None and slots.waiting.text == "5 seconds."
    assert [c.text for c in slots.dropped] == ["Halfway."]


def test_a_name_is_dropped_once_another_step_has_begun() -> None:
    slots, clock = CueSlots(), FakeClock()
    slots.offer(cue("Halfway.", TRANSITION, clock.now(), phase=1), clock.now())
    slots.take(clock.now())
    slots.offer(cue("Calf stretch.", NAME, clock.now(), phase=2, step=1), clock.now())
    slots.offer(cue("Hold.", TRANSITION, clock.now(), phase=9, step=2), clock.now())
    slots.finish()
    taken = slots.take(clock.now())
    assert taken is not None and taken.text == "Hold."


def test_a_cue_without_a_phase_is_judged_by_lateness_alone() -> None:
    slots, clock = CueSlots(), FakeClock()
    slots.offer(cue("Hold.", TRANSITION, clock.now(), phase=4), clock.now())
    slots.take(clock.now())
    slots.offer(Cue("Paused.", NAME, clock.now()), clock.now())
    clock.advance(5)
    slots.finish()
    taken = slots.take(clock.now())
    assert taken is not None and taken.text == "Paused."


def test_clearing_forgets_the_cue_in_flight_and_the_waiting_one() -> None:
    slots, clock = CueSlots(), FakeClock()
    slots.offer(cue("Hold.", TRANSITION, clock.now()), clock.now())
    slots.take(clock.now())
    slots.offer(cue("3.", COUNT, clock.now()), clock.now())
    slots.clear()
    assert slots.in_flight is None and slots.waiting is None
    assert slots.take(clock.now()) is None
