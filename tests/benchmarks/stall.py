"""A Qt event loop with a stall meter: the longest gap between the wake-ups of a 1-ms timer."""

from __future__ import annotations

import time
from collections.abc import Callable


class StallMeter:
    """A 1 ms Qt timer: the largest gap between its wake-ups is the loop's longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps: list[float] = []
        self.moments: list[float] = []
        """When each gap ended (``perf_counter``), to tell which part of a run stalled."""
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self.moments.append(now)
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def worst(self, n: int) -> list[tuple[float, float]]:
        """The ``n`` longest gaps in ms, with the time each ended (seconds since the start)."""
        start = self.moments[0] - self.gaps[0] if self.moments else 0.0
        pairs = sorted(zip(self.gaps, self.moments, strict=True), reverse=True)[:n]
        return [(gap * 1000, moment - start) for gap, moment in pairs]

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
