"""A session's steps run in order with the real widgets, each skipped where settings say so;
a history that fails on every write neither freezes the session nor stops the voice."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from neuroguide.app import Gui, build_gui, create_application
from neuroguide.core.clock import FakeClock
from neuroguide.core.events import Event
from neuroguide.core.timeline import total_seconds
from neuroguide.paths import Paths
from neuroguide.speech.speaker import RecordingSpeaker
from tests.helpers.keys import press_key
from tests.ui.conftest import SteppingClock

SCREEN_OF_STEP = {
    "seated offer": "seated-offer",
    "check-in before": "checkin-before",
    "safety check": "safety",
    "session": "player",
    "check-in after": "checkin-after",
    "summary": "summary",
}


def open_app(qtbot: QtBot, paths: Paths, clock: FakeClock, **settings: object) -> Gui:
    create_application()
    gui = build_gui(paths, clock=clock, speaker=RecordingSpeaker(), show=False)
    assert gui is not None
    qtbot.addWidget(gui.window)
    gui.window.keys.clock = SteppingClock()  # presses a second apart: none is a bounce
    gui.window.resize(1280, 800)
    with qtbot.waitExposed(gui.window):
        gui.window.show()
    gui.flow.ctx.settings.update(**settings)
    return gui


def walk(qtbot: QtBot, gui: Gui, routine: str, ran: list[str] | None = None) -> list[str]:
    """Start ``routine`` and go on through every step with Space; the screens seen, in order.

    ``ran`` gets the name of the routine the player ran.
    """
    seen: list[str] = []
    gui.flow.start_routine(routine)
    for _ in range(20):
        screen = gui.window.current_screen
        if screen == "home":
            return seen
        seen.append(screen)
        assert screen == SCREEN_OF_STEP[gui.flow.steps.current_step]
        if screen == "player":
            controller = gui.flow.controller
            assert controller is not None
            if ran is not None:
                ran.append(controller.session.routine.name)
            controller.stop()
        elif screen == "seated-offer":
            gui.flow.steps.seated_offer.as_written_button.click()
        else:
            press_key(gui.window, Qt.Key.Key_Space)
    raise AssertionError(f"the steps never ended: {seen}")


def test_every_step_runs_in_order(qtbot: QtBot, app_paths: Paths) -> None:
    clock = FakeClock()
    gui = open_app(qtbot, app_paths, clock, seated_only=True, start_gently=True)
    assert [step.name for step in gui.flow.steps.steps] == [
        "seated offer",
        "gentle dose",
        "check-in before",
        "safety check",
        "session",
        "check-in after",
        "summary",
    ]
    ran: list[str] = []
    seen = walk(qtbot, gui, "balance", ran)
    assert seen == [
        "seated-offer",
        "checkin-before",
        "safety",
        "player",
        "checkin-after",
        "summary",
    ]
    assert ran == ["Balance at the wall (gentle start)"]  # as written, at the gentle dose


@pytest.mark.parametrize(
    ("settings", "missing"),
    [
        ({"checkins": False}, {"checkin-before", "checkin-after"}),
        ({"safety_check": False}, {"safety"}),
        ({"checkins": False, "safety_check": False}, {"checkin-before", "checkin-after", "safety"}),
    ],
)
def test_steps_are_skipped_where_the_settings_say(
    qtbot: QtBot, app_paths: Paths, settings: dict[str, object], missing: set[str]
) -> None:
    clock = FakeClock()
    gui = open_app(qtbot, app_paths, clock, **settings)
    seen = walk(qtbot, gui, "balance")
    everything = ["checkin-before", "safety", "player", "checkin-after", "summary"]
    assert seen == [screen for screen in everything if screen not in missing]


def test_a_history_failing_on_every_write_leaves_the_session_on_time_and_says_so_once(
    qtbot: QtBot,
    app_paths: Paths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    clock = FakeClock()
    gui = open_app(qtbot, app_paths, clock, checkins=False)
    assert gui.history is not None
    writes: list[int] = []

    def full_disk(events: Sequence[Event]) -> None:
        writes.append(len(events))
        raise OSError("database or disk is full")

    monkeypatch.setattr(gui.history.recorder, "handle", full_disk)
    speaker = gui.flow.ctx.voice.speaker
    assert isinstance(speaker, RecordingSpeaker)
    gui.flow.start_routine("seated")
    controller = gui.flow.controller
    assert controller is not None
    planned = total_seconds(controller.session.timeline)
    elapsed = 0
    while gui.flow.controller is not None and elapsed < 3600:
        assert controller.timer_interval > 0, "the timer is always re-armed"
        clock.advance(1)
        elapsed += 1
        controller.tick()
    assert elapsed == planned, "the session ends on time"
    assert gui.window.current_screen == "summary"
    assert len(writes) > 10, "the history kept being offered every batch"
    assert "Well done" in speaker.said[-1].text, "the voice said every cue to the end"
    assert gui.window.notice.isVisible()
    assert "could not be saved in your history" in gui.window.notice_details
    assert capsys.readouterr().err.count("could not be saved in your history") == 1
