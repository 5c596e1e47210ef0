"""Fixtures for the GUI: the real window on a fake clock, with a recording speaker."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from neuroguide.app import Gui, build_gui, create_application
from neuroguide.core.clock import FakeClock
from neuroguide.paths import Paths
from neuroguide.speech.speaker import RecordingSpeaker


class SteppingClock:
    """Each reading a second after the last: no two key presses in a test are a bounce.

    The key router's bounce filter reads its own clock; tests of the filter itself give it
    a ``FakeClock`` they move by hand.
    """

    def __init__(self) -> None:
        self._now = 0.0

    def now(self) -> float:
        """One second later than the last reading."""
        self._now += 1.0
        return self._now


class GuiDriver:
    """The app under test, with helpers that move its fake time."""

    def __init__(self, gui: Gui, clock: FakeClock, speaker: RecordingSpeaker) -> None:
        self.gui = gui
        self.window = gui.window
        self.flow = gui.flow
        self.home = gui.home
        self.clock = clock
        self.speaker = speaker

    def advance(self, seconds: int) -> None:
        """Move time one second at a time (a bigger jump looks like a machine sleep)."""
        for _ in range(seconds):
            self.clock.advance(1)
            if self.flow.controller is not None:
                self.flow.controller.tick()

    def run_to_end(self, limit: int = 7200) -> None:
        """Let the session run until it ends."""
        for _ in range(limit):
            if self.flow.controller is None:
                return
            self.advance(1)
        raise AssertionError("the session did not end")


def open_gui(qtbot: QtBot, paths: Paths, *, large: bool = False) -> GuiDriver:
    """Build and show the app like ``run_gui`` does, on a fake clock."""
    create_application()
    clock = FakeClock()
    speaker = RecordingSpeaker()
    gui = build_gui(paths, large=large, clock=clock, speaker=speaker, show=False)
    assert gui is not None
    if gui.welcome is not None:  # a fresh data folder: pass the first-run welcome, as Start
        gui.welcome.finish()  # does (tests/ui/settings/test_welcome.py tests the welcome)
    qtbot.addWidget(gui.window)
    gui.window.keys.clock = SteppingClock()
    gui.window.resize(1280, 800)
    with qtbot.waitExposed(gui.window):
        gui.window.show()
    # Check-ins are a step of their own (tests/ui/session/test_session_steps.py); these tests
    # cover the rest of the flow.
    gui.flow.ctx.settings.update(checkins=False)
    return GuiDriver(gui, clock, speaker)


@pytest.fixture
def driver(qtbot: QtBot, app_paths: Paths) -> Iterator[GuiDriver]:
    """The app in normal mode."""
    yield open_gui(qtbot, app_paths)


@pytest.fixture
def large_driver(qtbot: QtBot, app_paths: Paths) -> Iterator[GuiDriver]:
    """The app started with ``--large``."""
    yield open_gui(qtbot, app_paths, large=True)
