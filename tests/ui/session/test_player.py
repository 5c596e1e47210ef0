"""Every player control and key does what it says, driven by a fake clock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from neuroguide.core.events import PauseReason
from neuroguide.core.session import SessionState
from neuroguide.core.timeline import PhaseKind
from tests.helpers.keys import key_down, press_key
from tests.ui.conftest import GuiDriver


def start(driver: GuiDriver, routine: str = "lower-leg-stretches") -> None:
    driver.flow.start_routine(routine)
    if driver.window.current_screen == "safety":
        driver.flow.safety.ready_button.click()
    assert driver.window.current_screen == "player"


def run_until(driver: GuiDriver, kind: PhaseKind) -> None:
    for _ in range(600):
        controller = driver.flow.controller
        assert controller is not None
        if controller.session.phase.kind is kind:
            return
        driver.advance(1)
    raise AssertionError(f"never reached {kind}")


def key(qtbot: QtBot, driver: GuiDriver, which: Qt.Key, text: str = "") -> None:
    press_key(driver.window, which, Qt.KeyboardModifier.NoModifier)


def session_state(driver: GuiDriver) -> SessionState:
    assert driver.flow.controller is not None
    return driver.flow.controller.state


def test_time_moves_the_phase_on_and_the_view_follows(driver: GuiDriver) -> None:
    start(driver)
    view = driver.flow.player
    assert view.phase_label.text() == "GET READY"
    assert view.exercise_label.text() == "Arm circles"
    run_until(driver, PhaseKind.TIMED)
    assert view.phase_label.text() == "KEEP GOING"
    driver.advance(3)
    assert view.countdown.text == "27"
    assert driver.window.windowTitle() == "Arm circles — 27 s"


def test_space_and_the_pause_button_and_the_countdown_pause_and_resume(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    start(driver)
    view = driver.flow.player
    key(qtbot, driver, Qt.Key.Key_Space)
    assert session_state(driver) is SessionState.PAUSED
    assert view.pause_button.text().startswith("Resume") and view.paused_label.isVisible()
    key(qtbot, driver, Qt.Key.Key_Space)
    assert session_state(driver) is SessionState.RUNNING
    view.pause_button.click()
    assert session_state(driver) is SessionState.PAUSED
    view.pause_button.click()
    qtbot.mouseClick(view.countdown, Qt.MouseButton.LeftButton)
    assert session_state(driver) is SessionState.PAUSED
    qtbot.mouseClick(view.countdown, Qt.MouseButton.LeftButton)
    assert session_state(driver) is SessionState.RUNNING


def test_paused_time_does_not_count(driver: GuiDriver) -> None:
    start(driver)
    driver.flow.player.pause_button.click()
    remaining = driver.flow.player.countdown.text
    driver.advance(4)
    assert driver.flow.player.countdown.text == remaining


@pytest.mark.parametrize("use_key", [True, False])
def test_next_and_back_move_between_parts(qtbot: QtBot, driver: GuiDriver, use_key: bool) -> None:
    start(driver)
    view = driver.flow.player
    assert driver.flow.controller is not None
    first = driver.flow.controller.session.index
    if use_key:
        key(qtbot, driver, Qt.Key.Key_Right)
    else:
        view.next_button.click()
    assert driver.flow.controller.session.index == first + 1
    if use_key:
        key(qtbot, driver, Qt.Key.Key_Left)
    else:
        view.back_button.click()
    assert driver.flow.controller.session.index == first


@pytest.mark.parametrize("use_key", [True, False])
def test_add_time_lengthens_a_hold(qtbot: QtBot, driver: GuiDriver, use_key: bool) -> None:
    start(driver)
    run_until(driver, PhaseKind.TIMED)
    before = driver.flow.controller.session.remaining()  # type: ignore[union-attr]
    if use_key:
        key(qtbot, driver, Qt.Key.Key_Plus)
    else:
        driver.flow.player.add_button.click()
    after = driver.flow.controller.session.remaining()  # type: ignore[union-attr]
    assert after == pytest.approx(before + 15)


@pytest.mark.parametrize("use_key", [True, False])
def test_done_finishes_a_set_of_reps_as_completed(
    qtbot: QtBot, driver: GuiDriver, use_key: bool
) -> None:
    start(driver)
    run_until(driver, PhaseKind.REPS)
    view = driver.flow.player
    assert view.done_button.isEnabled() and not view.add_button.isEnabled()
    assert (view.countdown.text, view.countdown._detail) == ("1", "of 10 reps")
    driver.advance(7)  # 3 s a swing
    assert view.countdown.text == "3"
    if use_key:
        key(qtbot, driver, Qt.Key.Key_D)
    else:
        view.done_button.click()
    record = driver.flow.controller.session.records[-1]  # type: ignore[union-attr]
    assert record.status == "completed" and record.reps_done == 10


def test_escape_asks_with_two_big_buttons_and_keep_going_resumes(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    start(driver)
    view = driver.flow.player
    key(qtbot, driver, Qt.Key.Key_Escape)
    assert view.page == "confirm" and session_state(driver) is SessionState.PAUSED
    key(qtbot, driver, Qt.Key.Key_Space)
    assert view.page == "run" and session_state(driver) is SessionState.RUNNING
    view.stop_button.click()
    assert view.page == "confirm"
    view.keep_going_button.click()
    assert view.page == "run" and session_state(driver) is SessionState.RUNNING


@pytest.mark.parametrize("use_key", [True, False])
def test_ending_from_the_question_shows_the_summary(
    qtbot: QtBot, driver: GuiDriver, use_key: bool
) -> None:
    start(driver)
    key(qtbot, driver, Qt.Key.Key_Escape)
    if use_key:  # Enter presses the framed button; the question frames "Keep going" first
        key(qtbot, driver, Qt.Key.Key_Return)
        assert driver.flow.player.page == "run"
        key(qtbot, driver, Qt.Key.Key_Escape)
        driver.flow.player.confirm_end_button.setFocus(Qt.FocusReason.TabFocusReason)
        key(qtbot, driver, Qt.Key.Key_Return)
    else:
        driver.flow.player.confirm_end_button.click()
    assert driver.window.current_screen == "summary"
    assert driver.flow.summary is not None and driver.flow.summary.outcome == "stopped"
    assert "stopped" in driver.flow.summary_view.heading.text().lower()


def test_unsteady_control_is_shown_only_for_standing_balance_work(driver: GuiDriver) -> None:
    start(driver, "seated")
    assert not driver.flow.player.unsteady_button.isVisible()
    driver.home.go_home()
    start(driver, "balance")
    run_until(driver, PhaseKind.REPS)
    assert driver.flow.player.unsteady_button.isVisible()


@pytest.mark.parametrize("use_key", [True, False])
def test_unsteady_pauses_at_once_and_shows_the_calm_page(
    qtbot: QtBot, driver: GuiDriver, use_key: bool
) -> None:
    start(driver)
    view = driver.flow.player
    if use_key:
        key(qtbot, driver, Qt.Key.Key_U)
    else:
        view.unsteady_button.click()
    controller = driver.flow.controller
    assert controller is not None and controller.state is SessionState.PAUSED
    assert controller.session.pause_reason is PauseReason.UNSTEADY
    assert view.page == "unsteady"
    assert "steady" in driver.speaker.said[-1].text.lower()
    if use_key:
        key(qtbot, driver, Qt.Key.Key_Space)
    else:
        view.resume_button.click()
    assert view.page == "run" and controller.state is SessionState.RUNNING


def test_end_session_from_the_calm_page(driver: GuiDriver) -> None:
    start(driver)
    driver.flow.player.unsteady_button.click()
    driver.flow.player.end_button.click()
    assert driver.window.current_screen == "summary"


def test_escape_on_the_calm_page_asks_first(qtbot: QtBot, driver: GuiDriver) -> None:
    start(driver)
    driver.flow.player.unsteady_button.click()
    key(qtbot, driver, Qt.Key.Key_Escape)
    assert driver.flow.player.page == "confirm"
    key(qtbot, driver, Qt.Key.Key_Escape)
    assert driver.flow.player.page == "unsteady"


def test_captions_show_what_the_voice_says(driver: GuiDriver) -> None:
    start(driver)
    driver.advance(6)
    assert driver.flow.player.caption_label.text() == driver.speaker.said[-1].text


def test_a_held_key_acts_once(qtbot: QtBot, driver: GuiDriver) -> None:
    start(driver)
    for repeat in (False, True, True):
        key_down(driver.window, Qt.Key.Key_Space, " ", repeat=repeat)
    assert session_state(driver) is SessionState.PAUSED


def test_a_tab_framed_button_takes_enter(qtbot: QtBot, driver: GuiDriver) -> None:
    start(driver)
    view = driver.flow.player
    view.next_button.setFocus(Qt.FocusReason.TabFocusReason)
    assert driver.flow.controller is not None
    index = driver.flow.controller.session.index
    key(qtbot, driver, Qt.Key.Key_Return)
    assert driver.flow.controller.session.index == index + 1


def test_machine_sleep_says_so_on_screen(driver: GuiDriver) -> None:
    start(driver)
    driver.clock.advance(300)
    assert driver.flow.controller is not None
    driver.flow.controller.tick()
    assert "asleep" in driver.flow.player.paused_label.text()


def test_a_seated_exercise_says_how_to_do_it_from_a_wheelchair(driver: GuiDriver) -> None:
    start(driver, "seated")
    steps = driver.flow.player.steps_label.text()
    assert "In a wheelchair, put the brakes on" in steps
    driver.home.go_home()
    start(driver, "balance")
    run_until(driver, PhaseKind.REPS)  # leg swings at the wall: nothing about wheelchairs
    assert "wheelchair" not in driver.flow.player.steps_label.text()
