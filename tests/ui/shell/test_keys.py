"""Any one switch: switch keys, a learned key, bounce and repeat filtering, on a fake clock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from neuroguide.core.clock import FakeClock
from neuroguide.core.session import SessionState
from neuroguide.core.timeline import PhaseKind
from neuroguide.ui.common import announce
from neuroguide.ui.shell.keys import BounceFilter
from tests.helpers.keys import key_down, key_up, press_key
from tests.ui.conftest import GuiDriver
from tests.ui.settings.test_settings_screen import fake_voices, open_settings


def test_a_second_press_within_the_delay_is_a_bounce() -> None:
    clock = FakeClock()
    bounce = BounceFilter(clock, delay_ms=300)
    assert bounce.accept(Qt.Key.Key_Space)
    clock.advance(0.1)
    assert not bounce.accept(Qt.Key.Key_Space)  # the switch bounced
    assert bounce.accept(Qt.Key.Key_Right)  # another key is no bounce
    clock.advance(0.29)
    assert not bounce.accept(Qt.Key.Key_Right)
    clock.advance(0.31)
    assert bounce.accept(Qt.Key.Key_Space)
    bounce.delay_ms = 0
    assert bounce.accept(Qt.Key.Key_Space)


def start_hold(driver: GuiDriver) -> FakeClock:
    driver.flow.start_routine("lower-leg-stretches")
    driver.flow.safety.ready_button.click()
    for _ in range(600):
        controller = driver.flow.controller
        if controller is not None and controller.session.phase.kind is PhaseKind.HOLD:
            break
        driver.advance(1)
    clock = FakeClock()
    driver.window.keys.clock = clock
    return clock


def state(driver: GuiDriver) -> SessionState:
    assert driver.flow.controller is not None
    return driver.flow.controller.state


def down(driver: GuiDriver, key: Qt.Key, text: str = "", *, repeat: bool = False) -> None:
    """A key goes down (or, with ``repeat``, says it is still down)."""
    key_down(driver.window, key, text, repeat=repeat)


def up(driver: GuiDriver, key: Qt.Key, text: str = "") -> None:
    """A key is let go."""
    key_up(driver.window, key, text)


def press(driver: GuiDriver, key: Qt.Key, text: str = "") -> None:
    """A key pressed and let go."""
    down(driver, key, text)
    up(driver, key, text)


def test_bounces_and_held_keys_count_once(driver: GuiDriver) -> None:
    clock = start_hold(driver)
    press(driver, Qt.Key.Key_Space, " ")
    assert state(driver) is SessionState.PAUSED
    clock.advance(0.2)
    press(driver, Qt.Key.Key_Space, " ")  # a bounce: still paused
    assert state(driver) is SessionState.PAUSED
    down(driver, Qt.Key.Key_Space, " ")
    down(driver, Qt.Key.Key_Space, " ", repeat=True)  # held down
    up(driver, Qt.Key.Key_Space, " ")
    assert state(driver) is SessionState.PAUSED
    clock.advance(0.4)
    press(driver, Qt.Key.Key_Space, " ")
    assert state(driver) is SessionState.RUNNING


def test_a_held_key_acts_once_whatever_isautorepeat_says(driver: GuiDriver) -> None:
    """Held 3 s: repeats that say they are none, as Qt's X11 back end sends a busy app."""
    clock = start_hold(driver)
    clock.advance(1)
    down(driver, Qt.Key.Key_Space, " ")
    assert state(driver) is SessionState.PAUSED
    for _ in range(90):  # Windows and macOS: presses without releases
        clock.advance(0.033)
        down(driver, Qt.Key.Key_Space, " ")
        assert state(driver) is SessionState.PAUSED
    up(driver, Qt.Key.Key_Space, " ")
    clock.advance(1)
    down(driver, Qt.Key.Key_Space, " ")
    assert state(driver) is SessionState.RUNNING
    for _ in range(90):  # X11: each repeat is a release and a press at once
        clock.advance(0.033)
        up(driver, Qt.Key.Key_Space, " ")
        down(driver, Qt.Key.Key_Space, " ")
        assert state(driver) is SessionState.RUNNING
    up(driver, Qt.Key.Key_Space, " ")
    clock.advance(1)
    press(driver, Qt.Key.Key_Space, " ")  # let go and pressed again: acts
    assert state(driver) is SessionState.PAUSED


def test_a_chattering_switch_counts_once(driver: GuiDriver) -> None:
    clock = start_hold(driver)
    clock.advance(1)
    for _ in range(5):  # five presses within 300 ms
        press(driver, Qt.Key.Key_Space, " ")
        clock.advance(0.06)
    assert state(driver) is SessionState.PAUSED


def test_a_new_screen_needs_a_fresh_press(driver: GuiDriver) -> None:
    """Two presses 330 ms apart never confirm the safety check unread; a held key never does."""
    clock = FakeClock()
    driver.window.keys.clock = clock
    driver.flow.ctx.settings.update(checkins=True)
    driver.flow.start_routine("balance")
    assert driver.window.current_screen == "checkin-before"
    clock.advance(1)
    press(driver, Qt.Key.Key_Space, " ")  # on from the check-in
    assert driver.window.current_screen == "safety"
    clock.advance(0.33)
    press(driver, Qt.Key.Key_Space, " ")  # the second of a double press: too soon
    assert driver.window.current_screen == "safety"
    clock.advance(1)
    down(driver, Qt.Key.Key_F9)  # an unknown key held is no confirmation either
    clock.advance(0.5)
    down(driver, Qt.Key.Key_Space, " ")
    up(driver, Qt.Key.Key_Space, " ")
    assert driver.window.current_screen == "player"  # read, then one fresh press
    assert driver.flow.controller is not None


def test_a_held_key_never_confirms_the_safety_check(driver: GuiDriver) -> None:
    clock = FakeClock()
    driver.window.keys.clock = clock
    driver.flow.ctx.settings.update(checkins=True)
    driver.flow.start_routine("balance")
    clock.advance(1)
    down(driver, Qt.Key.Key_Space, " ")
    assert driver.window.current_screen == "safety"
    for _ in range(90):
        clock.advance(0.033)
        up(driver, Qt.Key.Key_Space, " ")
        down(driver, Qt.Key.Key_Space, " ")
    up(driver, Qt.Key.Key_Space, " ")
    assert driver.window.current_screen == "safety"


def test_the_delay_is_a_setting(driver: GuiDriver) -> None:
    clock = start_hold(driver)
    driver.flow.ctx.settings.update(switch_delay_ms=1000)
    clock.advance(1)
    press(driver, Qt.Key.Key_Space, " ")
    clock.advance(0.6)
    press(driver, Qt.Key.Key_Space, " ")
    assert state(driver) is SessionState.PAUSED
    clock.advance(0.6)
    press(driver, Qt.Key.Key_Space, " ")
    assert state(driver) is SessionState.RUNNING


@pytest.mark.parametrize(
    ("key", "text"),
    [(Qt.Key.Key_B, "b"), (Qt.Key.Key_Period, "."), (Qt.Key.Key_F5, ""), (Qt.Key.Key_Return, "\r")],
)
def test_presenter_and_switch_keys_act_as_space(driver: GuiDriver, key: Qt.Key, text: str) -> None:
    clock = start_hold(driver)
    press(driver, key, text)
    assert state(driver) is SessionState.PAUSED
    clock.advance(1)
    press(driver, key, text)
    assert state(driver) is SessionState.RUNNING


def test_page_down_and_page_up_act_as_the_arrows(driver: GuiDriver) -> None:
    clock = start_hold(driver)
    assert driver.flow.controller is not None
    index = driver.flow.controller.session.index
    press(driver, Qt.Key.Key_PageDown)
    assert driver.flow.controller.session.index == index + 1
    clock.advance(1)
    press(driver, Qt.Key.Key_PageUp)  # back, like ← (to the part before: it just began)
    assert driver.flow.controller.session.index <= index


def test_settings_learn_any_one_key_as_the_next_obvious_thing(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    _gui, screen = open_settings(driver)
    row = screen.switch
    assert not row.forget_button.isEnabled()
    row.learn_button.click()
    assert driver.window.keys.learning and "Press your switch" in row.status.text()
    press_key(driver.window, Qt.Key.Key_F8)
    assert driver.flow.ctx.settings.settings.switch_key == Qt.Key.Key_F8
    assert "F8" in row.status.text() and row.forget_button.isEnabled()
    assert not driver.window.keys.learning
    driver.window.show_screen("home")
    clock = start_hold(driver)
    press(driver, Qt.Key.Key_F8)
    assert state(driver) is SessionState.PAUSED
    clock.advance(1)
    press(driver, Qt.Key.Key_F8)
    assert state(driver) is SessionState.RUNNING
    driver.flow.steps.stop_running()
    driver.home.go_home()
    _gui, screen = open_settings(driver)
    screen.switch.forget_button.click()
    assert driver.flow.ctx.settings.settings.switch_key == 0


@pytest.mark.parametrize(
    "key", [Qt.Key.Key_U, Qt.Key.Key_Left, Qt.Key.Key_H, Qt.Key.Key_Plus, Qt.Key.Key_Return]
)
def test_a_key_with_a_meaning_is_refused_and_escape_cancels(
    qtbot: QtBot, driver: GuiDriver, key: Qt.Key
) -> None:
    _personal, screen = open_settings(driver)
    row = screen.switch
    row.learn_button.click()
    assert row.cancel_button.isVisible() and not row.learn_button.isVisible()
    press_key(driver.window, key)
    assert "cannot be your switch" in row.status.text(), row.status.text()
    assert driver.flow.ctx.settings.settings.switch_key == 0
    assert driver.window.keys.learning  # still listening
    press_key(driver.window, Qt.Key.Key_Escape)
    assert not driver.window.keys.learning
    assert driver.flow.ctx.settings.settings.switch_key == 0
    assert driver.window.current_screen == "settings"  # Escape stopped listening, no more
    assert "Nothing learned" in row.status.text()
    assert row.learn_button.isVisible() and not row.cancel_button.isVisible()


def test_stop_listening_and_leaving_the_screen_learn_nothing(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    _personal, screen = open_settings(driver)
    row = screen.switch
    row.learn_button.click()
    row.cancel_button.click()
    assert not driver.window.keys.learning
    row.learn_button.click()
    driver.window.show_screen("home")
    assert not driver.window.keys.learning
    press_key(driver.window, Qt.Key.Key_F8)
    assert driver.flow.ctx.settings.settings.switch_key == 0


def test_learning_starts_from_the_keys_list(qtbot: QtBot, driver: GuiDriver) -> None:
    driver.gui.settings._voices = fake_voices  # type: ignore[union-attr]
    press_key(driver.window, Qt.Key.Key_F1)
    dialog = driver.gui.frame.keys_dialog
    assert dialog is not None and dialog.learn_button.isVisible()
    dialog.learn_button.click()
    assert driver.window.current_screen == "settings"
    assert driver.window.keys.learning
    press_key(driver.window, Qt.Key.Key_F9)
    assert driver.flow.ctx.settings.settings.switch_key == Qt.Key.Key_F9


def test_a_switch_key_in_the_keys_list_presses_its_framed_button_once(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    """The keys list is a window of its own: its keys reach the filter on its ``QWindow``
    once it has the focus, and a held switch there closes it once, not the screen below."""
    clock = FakeClock()
    driver.window.keys.clock = clock
    press_key(driver.window, Qt.Key.Key_F1)
    dialog = driver.gui.frame.keys_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)  # keys go to the window with the focus
    clock.advance(1)
    key_down(dialog, Qt.Key.Key_F5)  # a presenter remote: here it means Space
    key_down(dialog, Qt.Key.Key_F5, repeat=True)  # held down
    assert not dialog.isVisible()  # its framed button, Close, pressed once
    key_up(dialog, Qt.Key.Key_F5)
    assert driver.window.current_screen == "home"  # the held key did nothing more


def test_the_learned_key_names_itself_and_works_everywhere(qtbot: QtBot, driver: GuiDriver) -> None:
    _personal, screen = open_settings(driver)
    screen.switch.learn_button.click()
    press_key(driver.window, Qt.Key.Key_F9)
    # In Settings (no Space action) F9 presses the framed control, as Space does.
    toggle = screen.toggles["captions"]
    was = toggle.isChecked()
    toggle.setFocus(Qt.FocusReason.TabFocusReason)
    press_key(driver.window, Qt.Key.Key_F9)
    assert toggle.isChecked() is not was
    press_key(driver.window, Qt.Key.Key_Escape)
    assert driver.window.current_screen == "home"
    driver.flow.start_routine("balance")
    safety = driver.flow.safety
    assert "[F9]" in safety.ready_button.text() and "Space" not in safety.ready_button.text()
    press_key(driver.window, Qt.Key.Key_F9)
    assert driver.window.current_screen == "player"
    assert "[F9]" in driver.flow.player.pause_button.text()
    hints = [label.text() for label in driver.home.view.findChildren(QLabel)]
    assert any("Press F9 to start" in text for text in hints), hints
    driver.flow.steps.stop_running()
    driver.home.go_home()
    _personal, screen = open_settings(driver)
    screen.switch.forget_button.click()
    driver.window.show_screen("home")
    assert "[Space]" in driver.flow.player.pause_button.text()


def test_typing_a_note_is_never_taken_for_a_switch(qtbot: QtBot, driver: GuiDriver) -> None:
    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit(driver.home.view)
    edit.show()
    edit.setFocus()
    qtbot.keyClicks(edit, "b. b")
    assert edit.text() == "b. b" and driver.window.current_screen == "home"


def test_player_labels_expose_their_text_and_phases_are_announced(driver: GuiDriver) -> None:
    start_hold(driver)
    view = driver.flow.player
    for label in (view.exercise_label, view.position_label, view.caption_label,
                  view.upcoming_label, view.time_left_label, view.safety_label):  # fmt: skip
        assert label.text() and label.text() in label.accessibleName(), label.accessibleName()
        assert label.accessibleDescription() == label.text()
    assert "Hold. Calf stretch, left leg" in announce.announced
    home = driver.home.view.progress_text
    assert home.text() in home.accessibleName()


VOICE_FAULT = (
    "The voice could not be heard: the sound player failed (aplay: confmisc.c:855:"
    "(parse_card) cannot find card '0'). Check the sound settings and that no other program "
    "holds the sound card. The captions keep guiding you."
)


def test_the_voice_notice_is_one_line_in_the_persons_words(qtbot: QtBot, driver: GuiDriver) -> None:
    window = driver.window
    window.show_notice(VOICE_FAULT)
    assert window.notice_text.text() == "The sound is not working. The captions will guide you."
    assert "confmisc" not in window.notice_text.text()
    assert "The sound is not working" in announce.announced[-1]
    window.notice.what_button.click()
    assert "confmisc.c:855" in window.notice_dialog.text.text()  # the details, for a helper
    window.notice_dialog.close_button.click()
    window.notice.hide_button.click()
    assert not window.notice.isVisible()


def test_the_notice_is_one_size_in_every_mode_and_leaves_the_countdown_alone(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    start_hold(driver)
    view = driver.flow.player
    window = driver.window
    heights = []
    for large, scale in ((False, 100), (True, 100), (False, 200), (True, 200)):
        window.notice.hide()
        driver.flow.ctx.settings.update(text_scale=scale)
        driver.flow.ctx.look.set_large(large)
        driver.flow.ctx.look.apply()
        qtbot.wait(20)
        view.fit()
        side = view.countdown.width()
        window.show_notice(VOICE_FAULT)
        qtbot.wait(20)
        view.fit()
        heights.append(window.notice.height())
        assert view.countdown.width() == side, (large, scale)
    assert len(set(heights)) == 1 and heights[0] <= 80, heights


def test_the_learned_key_starts_a_reminder_too(qtbot: QtBot, driver: GuiDriver) -> None:
    from datetime import datetime

    from tests.ui.reminders.test_reminder_service import ZONE, FakeWallClock, service_at

    driver.flow.ctx.settings.update(switch_key=int(Qt.Key.Key_F9))
    clock = FakeWallClock(datetime(2024, 5, 6, 8, 59, tzinfo=ZONE))
    service = service_at(driver, clock, break_reminders=True)
    service.check()
    clock.advance(minutes=1)
    service.check()
    assert service.window.isVisible()
    qtbot.waitUntil(service.window.isActiveWindow)  # keys go to the window with the focus
    press_key(service.window, Qt.Key.Key_F9)
    QApplication.processEvents()
    assert not service.window.isVisible()
    assert driver.flow.routine is not None and driver.flow.routine.id == "stretch-break"
