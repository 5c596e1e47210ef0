"""Timer accuracy under load: the deadline-driven engine against a tick-counting countdown.

A real 60-second routine of short holds runs with the real monotonic clock and a real Qt event
loop while two busy processes keep both cores loaded. The engine is woken by a single-shot
precise QTimer re-armed for the next whole second or mark (as the GUI does); the comparison
counts one QTimer tick as one second, as several open-source interval timers do. Both run in
the same event loop at the same time, so they see the same load.
"""

from __future__ import annotations

import math
import multiprocessing
import sys
import time

from neuroguide.core.clock import MonotonicClock
from neuroguide.core.events import PhaseStarted, SecondsLeft, SessionFinished
from neuroguide.core.library import Dose, Routine, Step
from neuroguide.core.session import Session
from tests.benchmarks.report import Result, median, percentile

LOAD_PROCESSES = 2
WAKE_MARGIN_MS = 1


def _burn(stop_at: float) -> None:
    x = 0
    while time.monotonic() < stop_at:
        x = (x * 31 + 7) % 1_000_003


def short_holds_routine() -> Routine:
    """Get ready 3 s, then 4 holds of 5 s per side with 2 s rests and a 5 s switch: 60 s."""
    from neuroguide.content.loader import load_content
    from neuroguide.paths import resolve_paths

    library = load_content(resolve_paths(None, {})).library
    dose = Dose(hold=5, sets=4, sides=("left", "right"), rest=2)
    step = Step(library.exercises["calf-stretch"], dose)
    return Routine(id="bench", name="Bench", description="", steps=(step,), get_ready=3)


def run() -> list[Result]:
    """Run both timers for one minute under load and compare their lateness."""
    from PySide6.QtCore import QCoreApplication, Qt, QTimer

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    routine = short_holds_routine()
    clock = MonotonicClock()
    session = Session(routine, clock)
    planned = [p.seconds for p in session.timeline]
    total = sum(planned)

    stop_load = time.monotonic() + total + 10
    loaders = [multiprocessing.Process(target=_burn, args=(stop_load,)) for _ in range(2)]
    for loader in loaders:
        loader.start()
    time.sleep(1.0)

    engine_late: list[float] = []
    second_late: list[float] = []
    engine_end: list[float] = []
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)

    def wake() -> None:
        events = session.tick()
        now = clock.now()
        for event in events:
            if isinstance(event, PhaseStarted) and event.phase.index > 0:
                engine_late.append(now - event.at)
            if isinstance(event, SecondsLeft):
                second_late.append(now - event.at)
            if isinstance(event, SessionFinished):
                engine_late.append(now - event.at)
                engine_end.append(now)
        delay = session.seconds_to_next_event()
        if delay is not None:
            timer.start(math.ceil(delay * 1000) + WAKE_MARGIN_MS)

    timer.timeout.connect(wake)

    tick_late: list[float] = []
    tick_end: list[float] = []
    boundaries = [sum(planned[: i + 1]) for i in range(len(planned))]
    counter = {"seconds": 0}
    ticker = QTimer()
    ticker.setInterval(1000)

    def count() -> None:
        counter["seconds"] += 1
        if counter["seconds"] in boundaries:
            late = clock.now() - (start + counter["seconds"])
            tick_late.append(late)
            if counter["seconds"] == total:
                tick_end.append(late)
                ticker.stop()

    ticker.timeout.connect(count)

    start = clock.now()
    session.start()
    wake()
    ticker.start()
    QTimer.singleShot(int((total + 3) * 1000), app.quit)
    app.exec()
    for loader in loaders:
        loader.terminate()
        loader.join()

    drift = engine_end[0] - (start + total) if engine_end else math.inf
    tick_drift = tick_end[0] if tick_end else math.inf
    ms = 1000.0
    p99 = percentile(engine_late, 0.99) * ms
    tick_error = [abs(x) for x in tick_late]
    return [
        Result("engine lateness median", "—", f"{median(engine_late) * ms:.2f} ms", True,
               f"{len(engine_late)} phase boundaries of a {total} s routine, "
               f"{LOAD_PROCESSES} busy processes; includes the {WAKE_MARGIN_MS} ms wake margin"),
        Result("engine lateness p99", "< 20 ms", f"{p99:.2f} ms", p99 < 20),
        Result("engine lateness max", "—", f"{max(engine_late) * ms:.2f} ms", True),
        Result("engine countdown-second lateness p99", "—",
               f"{percentile(second_late, 0.99) * ms:.2f} ms", True,
               f"{len(second_late)} whole-second updates"),
        Result("engine drift at the end", "< 10 ms", f"{drift * ms:+.2f} ms",
               abs(drift) * ms < 10, f"after {total} s"),
        Result("tick-counting error median", "baseline", f"{median(tick_error) * ms:.2f} ms", True,
               "QTimer(1000), one tick = one second; early or late"),
        Result("tick-counting error p99", "baseline",
               f"{percentile(tick_error, 0.99) * ms:.2f} ms", True),
        Result("tick-counting drift at the end", "baseline", f"{tick_drift * ms:+.2f} ms", True),
    ]  # fmt: skip


if __name__ == "__main__":
    for result in run():
        print(result)
