"""The history wired into the real app: check-ins around a session, recording, review screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from neuroguide.app import build_gui
from neuroguide.core.clock import FakeClock
from neuroguide.paths import resolve_paths
from neuroguide.store.database import open_history
from neuroguide.store.models import Moment
from neuroguide.store.queries import checkins, list_sessions
from tests.helpers.keys import press_key


def test_a_session_in_the_gui_is_recorded_with_its_check_ins(qtbot: QtBot, tmp_path: Path) -> None:
    paths = resolve_paths(str(tmp_path / "data"), {})
    gui = build_gui(paths, clock=FakeClock(), show=False)
    assert gui is not None
    window, flow = gui.window, gui.flow
    qtbot.addWidget(window)
    installed = gui.history_screen
    assert installed is not None
    assert window.has_screen("history")

    flow.start_routine("seated")
    assert window.current_screen == "checkin-before"
    flow.steps.checkin_view(Moment.BEFORE).scales["pain"].button(6).click()
    qtbot.mouseClick(flow.steps.checkin_view(Moment.BEFORE).save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_screen == "player", timeout=5000)
    assert flow.controller is not None
    flow.controller.stop()
    qtbot.waitUntil(lambda: window.current_screen == "checkin-after", timeout=5000)
    flow.steps.checkin_view(Moment.AFTER).scales["pain"].button(4).click()
    qtbot.mouseClick(flow.steps.checkin_view(Moment.AFTER).save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_screen == "summary", timeout=5000)

    window.show_screen("history")
    assert installed.review.model.rowCount() == 1
    window.close()  # releases the lock and closes the database

    connection = open_history(paths.history_db).connection
    [session] = list_sessions(connection)
    assert session.outcome == "stopped"
    found = checkins(connection)[session.id]
    assert (found[Moment.BEFORE].pain, found[Moment.AFTER].pain) == (6, 4)
    connection.close()


def test_only_the_space_bar_gets_through_check_ins_and_a_whole_session(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paths = resolve_paths(str(tmp_path / "data"), {})
    clock = FakeClock()
    gui = build_gui(paths, clock=clock, show=False)
    assert gui is not None
    if gui.welcome is not None:  # a fresh folder: past the first-run welcome
        gui.welcome.finish()
    window, flow = gui.window, gui.flow
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitExposed(window):
        window.show()

    def space() -> None:
        clock.advance(0.5)  # a person's presses are further apart than a switch's bounce
        press_key(window, Qt.Key.Key_Space)

    space()  # start the suggested routine
    assert window.current_screen == "checkin-before"
    space()  # nothing answered: go on without storing a check-in
    assert window.current_screen == "safety"
    space()
    assert window.current_screen == "player"
    for _ in range(3600):
        if flow.controller is None:
            break
        clock.advance(1)
        flow.controller.tick()
    assert window.current_screen == "checkin-after"
    installed = gui.history_screen
    assert installed is not None
    flow.steps.checkin_view(Moment.AFTER).scales["pain"].button(2).click()
    space()  # an answer was given: Space saves it
    assert window.current_screen == "summary"
    space()
    assert window.current_screen == "home"
    window.close()

    connection = open_history(paths.history_db).connection
    [session] = list_sessions(connection)
    assert session.outcome == "finished"
    found = checkins(connection)[session.id]
    assert Moment.BEFORE not in found and found[Moment.AFTER].pain == 2
    connection.close()


def test_escape_skips_a_check_in_and_typing_a_note_keeps_its_spaces(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paths = resolve_paths(str(tmp_path / "data"), {})
    clock = FakeClock()
    gui = build_gui(paths, clock=clock, show=False)
    assert gui is not None
    window, flow = gui.window, gui.flow
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    installed = gui.history_screen
    assert installed is not None
    flow.start_routine("seated")
    assert window.current_screen == "checkin-before"
    clock.advance(1)  # the screen is read before a key (a new screen takes none at once)
    press_key(window, Qt.Key.Key_Escape)
    assert window.current_screen == "player"
    assert flow.controller is not None
    flow.controller.stop()
    assert window.current_screen == "checkin-after"
    flow.steps.checkin_view(Moment.AFTER).note.setFocus()
    qtbot.keyClicks(flow.steps.checkin_view(Moment.AFTER).note, "calves tight")
    assert flow.steps.checkin_view(Moment.AFTER).note.text() == "calves tight"
    assert window.current_screen == "checkin-after"
    window.close()
