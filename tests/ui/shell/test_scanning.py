"""Switch scanning: one key reaches every screen (the walk of issue 23), on a fake clock.

``scanner.step()`` stands for the pace's timer firing; the only key pressed is Space (any
switch means Space), through the window's key router, as a person's switch would be.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from neuroguide.core.session import SessionState
from neuroguide.core.timeline import build_timeline, total_seconds
from tests.helpers.keys import press_key
from tests.ui.conftest import GuiDriver
from tests.ui.settings.test_settings_screen import fake_voices


def switch(qtbot: QtBot, driver: GuiDriver) -> None:
    """The one switch, pressed once."""
    press_key(driver.window, Qt.Key.Key_Space)
    for _ in range(3):
        QApplication.processEvents()


def choose(qtbot: QtBot, driver: GuiDriver, button: QAbstractButton, limit: int = 400) -> None:
    """Let the scan go on until ``button`` is lit (going into its row), then pick it."""
    scanner = driver.window.scanner
    QApplication.processEvents()
    for _ in range(limit):
        lit = scanner.lit()
        if lit == [button]:
            switch(qtbot, driver)
            return
        if len(lit) > 1 and button in lit:
            switch(qtbot, driver)  # into the row
            continue
        scanner.step()
    raise AssertionError(f"{button.accessibleName()!r} was never lit")


def start_scanning(qtbot: QtBot, driver: GuiDriver) -> None:
    assert driver.gui.settings is not None
    driver.gui.settings._voices = fake_voices
    press_key(driver.window, Qt.Key.Key_S)  # S starts scanning
    QApplication.processEvents()
    assert driver.window.scanner.active and driver.flow.ctx.settings.settings.scanning


def test_one_switch_walks_the_whole_app(qtbot: QtBot, driver: GuiDriver) -> None:
    window, flow = driver.window, driver.flow
    flow.ctx.settings.update(checkins=True)
    start_scanning(qtbot, driver)
    home = driver.home.view
    assert window.scanner.lit() == [home.main_action()]  # the big Start is lit first

    choose(qtbot, driver, home.history_button)
    assert window.current_screen == "history"
    history = driver.gui.history_screen
    assert history is not None
    choose(qtbot, driver, history.review.back_button)
    assert window.current_screen == "home"

    choose(qtbot, driver, home.settings_button)
    assert window.current_screen == "settings"
    settings = driver.gui.settings.screen  # type: ignore[union-attr]
    choose(qtbot, driver, settings.back_button)
    assert window.current_screen == "home"

    suggested = driver.home.suggested()
    assert suggested is not None
    routines = flow.ctx.content.catalog.routines
    others = [c for c in home.cards if c.info.id != suggested.id]
    card = min(others, key=lambda c: total_seconds(build_timeline(routines[c.info.id])))
    choose(qtbot, driver, card.start_button)
    assert window.current_screen == "checkin-before"
    checkin = flow.steps.checkin_view(_before())
    three = next(b for b in checkin.buttons() if b.text() == "3")
    choose(qtbot, driver, three)
    assert three.isChecked()
    choose(qtbot, driver, checkin.main_action())
    if window.current_screen == "safety":
        choose(qtbot, driver, flow.safety.ready_button)
    assert window.current_screen == "player"
    controller = flow.controller
    assert controller is not None
    switch(qtbot, driver)  # while it runs, the switch pauses (no scanning)
    assert controller.state is SessionState.PAUSED
    choose(qtbot, driver, flow.player.pause_button)  # scanning, paused: Resume is lit first
    assert controller.state is SessionState.RUNNING
    driver.run_to_end()
    assert window.current_screen in ("checkin-after", "summary")
    if window.current_screen == "checkin-after":
        choose(qtbot, driver, flow.steps.checkin_view(_after()).main_action())
    assert window.current_screen == "summary"
    choose(qtbot, driver, flow.summary_view.main_action())
    assert window.current_screen == "home"

    checks_button = next(
        b for b in home.findChildren(QAbstractButton) if b.objectName() == "progress-checks"
    )
    choose(qtbot, driver, checks_button)
    assert window.current_screen == "progress-checks"
    progress = window.screen_widget("progress-checks")
    from neuroguide.core.checks import CheckId

    start = progress.check_buttons[CheckId.SIT_TO_STAND]  # type: ignore[attr-defined]
    choose(qtbot, driver, start)
    assert window.current_screen == "check"
    view = window.screen_widget("check")
    from neuroguide.ui.checks.install import ChecksInstall

    checks = window.findChild(ChecksInstall)
    assert checks is not None
    choose(qtbot, driver, view.ready_button)  # type: ignore[attr-defined]
    assert checks.controller.running  # started
    # While it runs, the light stays on the check's one action and the switch does it.
    from neuroguide.core.check_steps import StepKind
    from tests.ui.checks.test_check_screens import run_until

    run_until(driver, StepKind.STOPWATCH, 8.0)
    window.scanner.step()
    assert window.scanner.lit() == [view.mark_button]  # type: ignore[attr-defined]
    switch(qtbot, driver)  # "Fifth stand done"
    assert not checks.controller.running  # and stopped
    assert view.page == "done"  # type: ignore[attr-defined]


def _before():  # type: ignore[no-untyped-def]
    from neuroguide.store.models import Moment

    return Moment.BEFORE


def _after():  # type: ignore[no-untyped-def]
    from neuroguide.store.models import Moment

    return Moment.AFTER


def test_the_lit_choice_is_framed_focused_and_said(qtbot: QtBot, driver: GuiDriver) -> None:
    start_scanning(qtbot, driver)
    scanner = driver.window.scanner
    scanner.step()
    lit = scanner.lit()
    assert lit and lit[0].hasFocus()  # a screen reader says it
    light = scanner.light
    assert light.isVisible()
    for button in lit:
        at = button.mapTo(driver.window, button.rect().topLeft())
        assert light.target.contains(at)
    said = driver.speaker.said[-1].text
    assert said == lit[0].accessibleName() or said.startswith(lit[0].accessibleName())
    press_key(driver.window, Qt.Key.Key_S)  # S stops it
    assert not scanner.active and not light.isVisible()
    assert not driver.flow.ctx.settings.settings.scanning


def test_the_pace_is_a_setting(qtbot: QtBot, driver: GuiDriver) -> None:
    from tests.ui.settings.test_settings_screen import open_settings

    _personal, screen = open_settings(driver)
    screen.toggles["scanning"].click()
    assert driver.window.scanner.active and driver.window.scanner.timer.interval() == 2000
    driver.flow.ctx.settings.update(scan_seconds=4)
    screen.toggles["scanning"].click()
    screen.toggles["scanning"].click()
    assert driver.window.scanner.timer.interval() == 4000


def test_the_switch_hides_a_notice(qtbot: QtBot, driver: GuiDriver) -> None:
    driver.window.show_notice("The voice could not be heard: the sound player failed (x).")
    start_scanning(qtbot, driver)
    choose(qtbot, driver, driver.window.notice.hide_button)
    assert not driver.window.notice.isVisible()
    assert driver.window.current_screen == "home"  # only the notice went
