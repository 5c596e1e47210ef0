"""Speech benchmark: a session that speaks every second must not stall the Qt event loop.

Three figures from the issue:

1. The longest stall of a Qt event loop while a real session speaks a cue every second for a
   minute through the real worker and espeak-ng, pausing and resuming twice on the way (each
   pause kills and restarts the worker from a background thread). Baseline in the same run:
   the same loop for 10 s with no speech at all.
2. The time from the moment a cue became due (the event's ``at``: a phase start, a count)
   to its being written to the worker, for cues that found the voice idle. Cues that had to
   wait for one still being spoken are counted in the notes: waiting is the design (nothing
   is cut off), not overhead; phase starts and counts take the same path.
3. The time from ``interrupt()`` to a warm worker again (``ready`` received), 10 times.

There is no sound card here, so a stand-in ``aplay`` sleeps for the length of each WAV file:
speaking takes as long as it would with real sound.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.report import Result, median, percentile

ROUTINE = """
id = "bench"
name = "Speech benchmark"
[[steps]]
exercise = "leg-swings"
reps = 10
cadence = 2
sides = ["left", "right"]
[[steps]]
exercise = "calf-stretch"
hold = 3
sets = 2
rest = 1
sides = ["left", "right"]
"""
TICK_MS = 10
STALL_TARGET_MS = 20.0
LATENCY_TARGET_MS = 50.0
WARM_TARGET_MS = 300.0
FAKE_APLAY = """#!/bin/sh
# Sleeps as long as the 16-bit mono 22,050 Hz WAV file "$1" would play.
size=$(stat -c %s "$1")
ms=$(( (size - 44) * 1000 / 44100 ))
exec sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
"""


def fake_player_env(folder: Path) -> dict[str, str]:
    """An environment whose ``aplay`` takes as long as the sound would."""
    script = folder / "aplay"
    script.write_text(FAKE_APLAY)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"}


class StallMeter:
    """A 1 ms Qt timer: the largest gap between its wake-ups is the loop's longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def worst_ms(self) -> float:
        return max(0.0, (max(self.gaps) - 0.001) * 1000) if self.gaps else 0.0


def run_loop(seconds: float, setup: Callable[[Callable[[], None]], None]) -> StallMeter:
    """Run the Qt loop with a stall meter until ``setup``'s session calls ``done``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    meter = StallMeter()
    meter.start()
    setup(app.quit)
    safety_net = QTimer()
    safety_net.setSingleShot(True)
    safety_net.timeout.connect(app.quit)
    safety_net.start(int(seconds * 1000))
    app.exec()
    safety_net.stop()
    meter.stop()
    return meter


def drive(session: object, guide: object, done: Callable[[], None]) -> list[object]:
    """Tick the session every TICK_MS like a controller would; pause twice on the way."""
    from PySide6.QtCore import QTimer

    from neuroguide.core.session import Session, SessionState
    from neuroguide.speech.guide import VoiceGuide

    assert isinstance(session, Session) and isinstance(guide, VoiceGuide)
    timer = QTimer()
    timer.setInterval(TICK_MS)

    def tick() -> None:
        guide.handle(session.tick())
        if session.state is SessionState.FINISHED:
            timer.stop()
            QTimer.singleShot(300, done)

    timer.timeout.connect(tick)
    guide.handle(session.start())
    timer.start()
    timers = [timer]
    for at, control in ((15_000, session.pause), (15_600, session.resume)):
        for offset in (0, 23_000):
            single = QTimer()
            single.setSingleShot(True)
            single.timeout.connect(lambda control=control: guide.handle(control()))
            single.start(at + offset)
            timers.append(single)
    return timers


def speaking_session(env: dict[str, str]) -> tuple[float, list[float], int, int, int]:
    """Part 1 and 2: stall while speaking, and phase-start latency."""
    from neuroguide.content import load_content
    from neuroguide.core.clock import MonotonicClock
    from neuroguide.core.cues import Cue, CueWriter
    from neuroguide.core.routine_file import parse_routine
    from neuroguide.core.session import Session
    from neuroguide.paths import resolve_paths
    from neuroguide.speech.client import WorkerSpeaker
    from neuroguide.speech.guide import VoiceGuide

    library = load_content(resolve_paths(tempfile.mkdtemp())).library
    routine, _ = parse_routine(ROUTINE.encode(), "bench.toml", library)
    assert routine is not None
    clock = MonotonicClock()
    sent: dict[int, float] = {}
    speaker = WorkerSpeaker(
        clock=clock, env=env, on_sent=lambda cue: sent.setdefault(id(cue), time.monotonic())
    )
    assert speaker.wait_until_ready(30), speaker.problem
    session = Session(routine, clock, get_ready=0)
    starts: list[tuple[Cue, bool]] = []

    class Watch:
        """Notes which phase-start cues found the voice idle."""

        def say(self, cue: Cue) -> None:
            starts.append((cue, not speaker.speaking))
            speaker.say(cue)

        def interrupt(self) -> None:
            speaker.interrupt()

        def close(self) -> None:
            speaker.close()

    watch = Watch()
    guide = VoiceGuide(watch, CueWriter(session.timeline))
    phase_starts: set[float] = set()

    keep: list[object] = []

    def setup(done: Callable[[], None]) -> None:
        keep.extend(drive(session, guide, done))

    original = guide.handle

    def handle(events: object) -> None:
        from neuroguide.core.events import PhaseStarted

        for event in events:  # type: ignore[attr-defined]
            if isinstance(event, PhaseStarted):
                phase_starts.add(event.at)
        original(events)  # type: ignore[arg-type]

    guide.handle = handle  # type: ignore[method-assign]
    meter = run_loop(120, setup)
    speaker.close()
    idle = [
        (cue, (sent[id(cue)] - cue.at) * 1000) for cue, free in starts if free and id(cue) in sent
    ]
    latencies = [ms for _, ms in idle]
    at_phase_start = sum(1 for cue, _ in idle if cue.at in phase_starts)
    waited = sum(1 for _, free in starts if not free)
    return meter.worst_ms(), latencies, waited, at_phase_start, len(sent)


def quiet_baseline() -> float:
    """The same kind of loop for 10 s with no speech: what the machine itself stalls."""
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.setSingleShot(True)

    def setup(done: Callable[[], None]) -> None:
        timer.timeout.connect(done)
        timer.start(10_000)

    return run_loop(15, setup).worst_ms()


def interrupt_to_warm(env: dict[str, str]) -> tuple[list[float], list[float]]:
    """Part 3: interrupt() call cost, and time until a fresh worker is ready."""
    from neuroguide.core.cues import Cue, CuePriority
    from neuroguide.speech.client import WorkerSpeaker

    speaker = WorkerSpeaker(env=env)
    warm, calls = [], []
    try:
        assert speaker.wait_until_ready(30), speaker.problem
        for n in range(1, 11):
            speaker.say(Cue("Calf stretch. Start with your left leg.", CuePriority.NAME, 0.0))
            assert speaker.wait_for(lambda: speaker.slots.in_flight is not None, 10)
            speaker.wait_for(lambda: False, 0.2)  # let it speak for a moment
            start = time.perf_counter()
            speaker.interrupt()
            calls.append((time.perf_counter() - start) * 1000)
            assert speaker.wait_for(lambda n=n: speaker.restarts == n, 10)  # type: ignore[misc]
            assert speaker.wait_until_ready(10)
            warm.append((time.perf_counter() - start) * 1000)
    finally:
        speaker.close()
    return warm, calls


def run() -> list[Result]:
    """Measure the three figures; takes about a minute and a half."""
    with tempfile.TemporaryDirectory() as folder:
        env = fake_player_env(Path(folder))
        baseline = quiet_baseline()
        stall, latencies, waited, at_phase_start, cues = speaking_session(env)
        warm, calls = interrupt_to_warm(env)
    worst_latency = max(latencies) if latencies else float("nan")
    return [
        Result(
            "Event loop stall while speaking (1 min, cue every second)",
            f"< {STALL_TARGET_MS:.0f} ms",
            f"{stall:.1f} ms",
            stall < STALL_TARGET_MS,
            f"{cues} cues sent, 2 pauses (worker restarts); "
            f"baseline without speech: {baseline:.1f} ms",
        ),
        Result(
            "Phase start to cue reaching the worker",
            f"< {LATENCY_TARGET_MS:.0f} ms",
            f"max {worst_latency:.1f} ms, median {median(latencies):.1f} ms"
            if latencies
            else "no samples",
            bool(latencies) and worst_latency < LATENCY_TARGET_MS,
            f"{len(latencies)} cues that found the voice idle, {at_phase_start} of them at a "
            f"phase start (tick every {TICK_MS} ms); {waited} waited for a cue still being "
            "spoken or were dropped as stale (by design)",
        ),
        Result(
            "Interrupt to a warm worker again",
            f"< {WARM_TARGET_MS:.0f} ms",
            f"max {max(warm):.0f} ms, median {median(warm):.0f} ms",
            max(warm) < WARM_TARGET_MS,
            f"10 interrupts mid-cue; the interrupt() call itself: "
            f"max {max(calls):.2f} ms, p90 {percentile(calls, 0.9):.2f} ms",
        ),
    ]


if __name__ == "__main__":
    print(*run(), sep="\n")
