"""One session runner: the voice hears first, then the screen, then the history; a failing
listener is reported once and never stops the clock, the others or the session."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from neuroguide.core.clock import FakeClock
from neuroguide.core.events import Event, SessionFinished, SessionStarted, StepFinished
from neuroguide.core.library import Library
from neuroguide.core.runner import Listener, SessionRunner, get_ready_seconds
from neuroguide.core.session import SessionState
from neuroguide.core.timeline import total_seconds
from tests.core.conftest import CALF, make_routine


class Heard:
    """Writes its name into a shared log for every batch."""

    def __init__(self, name: str, log: list[str]) -> None:
        self.name, self.log = name, log
        self.batches: list[list[Event]] = []

    def handle(self, events: Sequence[Event]) -> None:
        self.log.append(self.name)
        self.batches.append(list(events))


class Broken:
    """Raises on every batch, as a history on a full disk would."""

    def __init__(self) -> None:
        self.calls = 0

    def handle(self, events: Sequence[Event]) -> None:
        self.calls += 1
        raise OSError("database or disk is full")


def run_to_end(runner: SessionRunner, clock: FakeClock, limit: int = 3600) -> int:
    for second in range(limit):
        if runner.state is SessionState.FINISHED:
            return second
        clock.advance(1)
        runner.tick()
    raise AssertionError("the session did not end")


def test_the_voice_hears_each_batch_first_then_the_screen_then_the_history(
    library: Library, clock: FakeClock
) -> None:
    log: list[str] = []
    listeners = [
        Listener("history", Heard("history", log)),
        Listener("progress", Heard("progress", log)),
        Listener("screen", Heard("screen", log)),
        Listener("voice", Heard("voice", log)),
    ]
    runner = SessionRunner.for_routine(
        make_routine(library, CALF), clock, get_ready_minimum=5, listeners=listeners
    )
    runner.start()
    assert log == ["voice", "screen", "history", "progress"]


def test_a_listener_that_always_raises_is_reported_once_and_stops_nothing(
    library: Library, clock: FakeClock
) -> None:
    routine = make_routine(library, CALF)
    log: list[str] = []
    voice, screen, broken = Heard("voice", log), Heard("screen", log), Broken()
    reports: list[tuple[str, str]] = []
    runner = SessionRunner.for_routine(
        routine,
        clock,
        get_ready_minimum=5,
        listeners=[
            Listener("history", broken),
            Listener("voice", voice),
            Listener("screen", screen),
        ],
        on_error=lambda role, error: reports.append((role, str(error))),
    )
    runner.start()
    seconds = run_to_end(runner, clock)
    assert seconds == total_seconds(runner.session.timeline)  # on time, to the second
    assert reports == [("history", "database or disk is full")]
    assert broken.calls == len(voice.batches) == len(screen.batches) > 10
    assert isinstance(voice.batches[0][0], SessionStarted)
    assert isinstance(screen.batches[-1][-1], SessionFinished)
    assert runner.failed_listeners == {"history"}


def test_a_broken_reporter_does_not_stop_the_session(library: Library, clock: FakeClock) -> None:
    def reporter(role: str, error: BaseException) -> None:
        raise RuntimeError("the window is gone")

    runner = SessionRunner.for_routine(
        make_routine(library, CALF),
        clock,
        get_ready_minimum=0,
        listeners=[Listener("history", Broken())],
        on_error=reporter,
    )
    runner.start()
    run_to_end(runner, clock)
    assert runner.summary is not None and runner.summary.outcome == "finished"


def test_one_get_ready_rule_the_setting_or_the_routines_own_if_longer(library: Library) -> None:
    routine = make_routine(library, CALF)
    assert get_ready_seconds(routine, 5) == 5
    assert get_ready_seconds(replace(routine, get_ready=8), 5) == 8
    assert get_ready_seconds(replace(routine, get_ready=3), 5) == 5


def test_without_auto_advance_the_runner_waits_after_each_exercise(
    library: Library, clock: FakeClock
) -> None:
    two = CALF + '\n[[steps]]\nexercise = "overhead-reach"\nhold = 15\n'
    runner = SessionRunner.for_routine(
        make_routine(library, two), clock, get_ready_minimum=0, auto_advance=False
    )
    runner.start()
    for _ in range(600):
        clock.advance(1)
        if any(isinstance(e, StepFinished) for e in runner.tick()):
            break
    assert runner.waiting and runner.state is SessionState.PAUSED
    runner.next()  # Space or → goes on
    assert not runner.waiting and runner.state is SessionState.RUNNING
