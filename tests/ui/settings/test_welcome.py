"""The first-run welcome (issue 23, item 2): shown on a truly first start and never again once
passed; a one-switch user goes through it (Start, learning the switch, scanning); read aloud;
whole in every mode without scrolling, nothing cut, small or faint."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neuroguide.app import Gui, build_gui, create_application
from neuroguide.core.clock import FakeClock
from neuroguide.paths import Paths
from neuroguide.settings import Settings, load_settings, save_settings
from neuroguide.speech.speaker import RecordingSpeaker
from neuroguide.ui.settings.welcome import ABOUT, SCREEN, TITLE, Welcome
from tests.helpers.keys import press_key
from tests.store.seed import add_session
from tests.ui.conftest import SteppingClock
from tests.ui.tour import inspect

MODES = {
    "normal": (False, 100, "light"),
    "large": (True, 100, "light"),
    "text200": (False, 200, "light"),
    "contrast": (False, 100, "high-contrast"),
    "large-text200-contrast": (True, 200, "high-contrast"),
}
SIZES = ((1366, 768), (1280, 720), (1920, 1080))


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


class FirstStart:
    """The app started on a data folder as a person's first start leaves it (no driver help)."""

    def __init__(self, qtbot: QtBot, paths: Paths) -> None:
        self.qtbot = qtbot
        self.paths = paths
        self.speaker = RecordingSpeaker()
        self.gui: Gui | None = None

    def start(self) -> Gui:
        create_application()
        gui = build_gui(self.paths, clock=FakeClock(), speaker=self.speaker, show=False)
        assert gui is not None
        self.qtbot.addWidget(gui.window)
        gui.window.keys.clock = SteppingClock()
        gui.window.resize(1366, 768)
        with self.qtbot.waitExposed(gui.window):
            gui.window.show()
        settle()
        self.gui = gui
        return gui

    def close(self) -> None:
        assert self.gui is not None
        self.gui.window.close()
        if self.gui.history is not None:
            self.gui.history.close()
        self.gui = None


@pytest.fixture
def first(qtbot: QtBot, app_paths: Paths) -> Iterator[FirstStart]:
    start = FirstStart(qtbot, app_paths)
    yield start
    if start.gui is not None:
        start.close()


def welcome_of(gui: Gui) -> Welcome:
    assert gui.welcome is not None
    return gui.welcome


def test_a_first_start_shows_the_welcome_and_once_passed_never_again(
    qtbot: QtBot, first: FirstStart, app_paths: Paths
) -> None:
    gui = first.start()
    window = gui.window
    assert window.current_screen == SCREEN
    welcome = welcome_of(gui)
    assert QApplication.focusWidget() is welcome.view.start_button  # the main action
    assert window.windowTitle().startswith("Welcome")
    spoken = [cue.text for cue in first.speaker.said]
    assert any(TITLE in text and ABOUT in text for text in spoken), spoken  # read aloud
    press_key(window, Qt.Key.Key_Space)  # Space (any switch) is Start
    assert window.current_screen == "home"
    assert load_settings(app_paths.settings_file)[0].welcome_seen  # remembered
    first.close()

    again = first.start()
    assert again.welcome is None
    assert again.window.current_screen == "home"


def test_closing_before_start_shows_it_again(first: FirstStart) -> None:
    first.start()
    first.close()
    assert first.start().window.current_screen == SCREEN


def test_someone_with_a_history_is_not_welcomed(first: FirstStart, app_paths: Paths) -> None:
    gui = first.start()  # made the history file, then a session is recorded in it
    assert gui.history is not None
    add_session(gui.history, datetime.now(UTC).astimezone(), routine_name="Stretch break")
    first.close()
    again = first.start()
    assert again.welcome is None and again.window.current_screen == "home"


def test_the_voice_off_reads_nothing(first: FirstStart, app_paths: Paths) -> None:
    save_settings(Settings(voice=False), app_paths.settings_file)
    first.start()
    assert not any(TITLE in cue.text for cue in first.speaker.said)


def test_learning_a_switch_on_the_welcome_then_the_switch_starts(
    qtbot: QtBot, first: FirstStart, app_paths: Paths
) -> None:
    gui = first.start()
    window, view = gui.window, welcome_of(gui).view
    view.switch.learn_button.click()
    assert view.switch.listening and window.current_screen == SCREEN
    press_key(window, Qt.Key.Key_U)  # means "unsteady": refused, still listening
    assert view.switch.listening and "cannot be your switch" in view.switch.status.text()
    press_key(window, Qt.Key.Key_F9)
    assert not view.switch.listening
    assert gui.ctx.settings.settings.switch_key == Qt.Key.Key_F9
    assert "[F9]" in view.start_button.text()  # the learned key named on the welcome
    assert "Press F9" in view.hint.text()
    assert window.current_screen == SCREEN  # learning does not leave the welcome
    press_key(window, Qt.Key.Key_F9)  # the switch: Start
    assert window.current_screen == "home"
    saved = load_settings(app_paths.settings_file)[0]
    assert saved.welcome_seen and saved.switch_key == Qt.Key.Key_F9


def test_escape_while_learning_cancels_and_stays(qtbot: QtBot, first: FirstStart) -> None:
    gui = first.start()
    view = welcome_of(gui).view
    view.switch.learn_button.click()
    press_key(gui.window, Qt.Key.Key_Escape)
    assert not view.switch.listening and gui.ctx.settings.settings.switch_key == 0
    assert gui.window.current_screen == SCREEN


def test_scanning_from_the_welcome_lights_start_and_the_switch_picks_it(
    qtbot: QtBot, first: FirstStart, app_paths: Paths
) -> None:
    gui = first.start()
    window, view = gui.window, welcome_of(gui).view
    view.scanning_button.click()
    settle()
    scanner = window.scanner
    assert scanner.active and gui.ctx.settings.settings.scanning
    assert view.scanning_button.text() == "Turn off scanning"
    assert scanner.lit() == [view.start_button]  # Start first
    scanner.step()
    assert scanner.lit() != [view.start_button]  # it moves on over the other choices
    for _ in range(20):  # ... and comes back round to Start
        if scanner.lit() == [view.start_button]:
            break
        scanner.step()
    press_key(window, Qt.Key.Key_Space)
    assert window.current_screen == "home"
    saved = load_settings(app_paths.settings_file)[0]
    assert saved.welcome_seen and saved.scanning


@pytest.mark.parametrize("mode", list(MODES))
def test_the_welcome_is_whole_in_every_mode_and_size(
    first: FirstStart, app_paths: Paths, mode: str
) -> None:
    large, scale, theme = MODES[mode]
    save_settings(
        Settings(large_buttons=large, text_scale=scale, theme=theme), app_paths.settings_file
    )
    gui = first.start()
    view = welcome_of(gui).view
    target = 64 if large else 44
    problems: list[str] = []
    for width, height in SIZES:
        gui.window.resize(width, height)
        settle()
        assert gui.window.size().toTuple() == (width, height)
        found = inspect(view, target, gui.window.grab().toImage())
        problems += [f"{width}x{height}: {p}" for p in found.problems()]
        if view.needed_height(view.width()) > view.height():
            problems.append(f"{width}x{height}: needs {view.needed_height(view.width())} px")
        at_least = min(scale / 100 * (1.6 if large else 1.0), 1.0)
        if view.text_factor < at_least - 1e-9:
            problems.append(f"{width}x{height}: text shrunk to {view.text_factor}")
    assert not problems, "\n".join(problems)
