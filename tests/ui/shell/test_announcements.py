"""What a screen reader hears from inside the app: pause, resume, the calm page, the stop
question and notices are announced; a new screen's focus goes straight to its main action; Tab
follows the screen; no two buttons on a screen share a name (the real reader over AT-SPI:
test_screen_reader.py)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from neuroguide.ui.common import announce
from tests.helpers.keys import press_key
from tests.ui.conftest import GuiDriver
from tests.ui.settings.test_settings_screen import fake_voices
from tests.ui.shell.test_keys import start_hold


def test_pause_resume_unsteady_and_the_stop_question_are_announced(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    clock = start_hold(driver)
    announce.announced.clear()
    press_key(driver.window, Qt.Key.Key_Space)
    assert any(text.startswith("Paused") for text in announce.announced), announce.announced
    clock.advance(1)
    press_key(driver.window, Qt.Key.Key_Space)
    assert announce.announced[-1] == "Carrying on."
    clock.advance(1)
    press_key(driver.window, Qt.Key.Key_U)
    assert any("Take your time" in text for text in announce.announced), announce.announced
    clock.advance(1)
    press_key(driver.window, Qt.Key.Key_Escape)
    assert "End this session?" in announce.announced[-1], announce.announced[-1]


def test_a_new_screen_focuses_its_main_action_and_nothing_before(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    window, flow = driver.window, driver.flow
    visited: list[QWidget] = []

    def changed(_old: QWidget | None, new: QWidget | None) -> None:
        if new is not None:
            visited.append(new)

    app = QApplication.instance()
    assert app is not None
    app.focusChanged.connect(changed)  # type: ignore[attr-defined]
    try:
        driver.home.view.main_action().setFocus()
        driver.home.view.settings_button.setFocus(Qt.FocusReason.TabFocusReason)
        visited.clear()
        flow.start_routine("balance")  # the safety check
        QApplication.processEvents()
        assert window.keys_button not in visited and window.large_button not in visited
        assert QApplication.focusWidget() is flow.safety.main_action()
    finally:
        app.focusChanged.disconnect(changed)  # type: ignore[attr-defined]


def _names(screen: QWidget) -> Counter[str]:
    return Counter(
        b.accessibleName() or b.text()
        for b in screen.findChildren(QAbstractButton)
        if b.isVisibleTo(screen)
    )


def test_no_two_buttons_on_a_screen_share_a_name(qtbot: QtBot, driver: GuiDriver) -> None:
    flow = driver.flow
    screens = {"home": driver.home.view}
    flow.ctx.settings.update(checkins=True)
    flow.start_routine("balance")
    screens["checkin-before"] = driver.window.stack.currentWidget()
    flow.steps.proceed()
    screens["safety"] = flow.safety
    flow.steps.proceed()
    screens["player"] = flow.player
    assert driver.gui.settings is not None
    driver.gui.settings._voices = fake_voices
    screens["settings"] = driver.gui.settings.screen
    for name, screen in screens.items():
        twice = [n for n, count in _names(screen).items() if count > 1]
        assert not twice, (name, twice)


def test_tab_goes_through_a_screen_as_one_reads_it(qtbot: QtBot, driver: GuiDriver) -> None:
    home = driver.home.view
    driver.window.show_screen("home")
    qtbot.wait(10)
    checks = next(
        b for b in home.findChildren(QAbstractButton) if b.objectName() == "progress-checks"
    )
    home.history_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(home.history_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is checks  # beside History, the next Tab stop
