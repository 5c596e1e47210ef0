"""The check screens read from across the room, like the player: five modes, three sizes.

While a check explains or runs nothing scrolls, the countdown's digits are at least as tall as
the player's in the same mode and size, "Stop, I feel unsteady" and the mark button are inside
the window, nothing is cut off, and the header (Keys, Large buttons) is hidden.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollBar, QWidget
from pytestqt.qtbot import QtBot

from neuroguide.core.check_steps import StepKind
from neuroguide.core.checks import CheckId
from neuroguide.paths import Paths
from neuroguide.settings import Settings, save_settings
from tests.ui.checks.test_check_screens import checks_of, run_until
from tests.ui.conftest import GuiDriver, open_gui

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
MODES = {
    "normal": (False, 100, "light"),
    "large": (True, 100, "light"),
    "text200": (False, 200, "light"),
    "contrast": (False, 100, "high-contrast"),
    "large-text200-contrast": (True, 200, "high-contrast"),
}
TIMED = {
    CheckId.CHAIR_STAND: StepKind.TIMED,
    CheckId.BALANCE: StepKind.STANCE,
    CheckId.SIT_TO_STAND: StepKind.STOPWATCH,
}


def in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def measure(driver: GuiDriver, where: str) -> None:
    """No scroll bar, the must-see buttons inside the window, no text cut off."""
    QApplication.processEvents()
    window = driver.window
    view = checks_of(driver).view
    assert view.page == "running", where
    assert not window.large_button.isVisible() and not window.keys_button.isVisible(), where
    for bar in window.findChildren(QScrollBar):
        assert not (bar.isVisible() and bar.maximum() > 0), f"{where}: a scroll bar shows"
    inside = window.rect()
    must = [view.unsteady_button, view.ring]
    if view.check is not CheckId.CHAIR_STAND:
        must.append(view.mark_button)
    for widget in must:
        assert widget.isVisible(), f"{where}: {widget.accessibleName()} hidden"
        assert inside.contains(in_window(widget)), f"{where}: {widget.accessibleName()} outside"
    for button in view.running_page.findChildren(QAbstractButton):
        if button.isVisible():
            assert inside.contains(in_window(button)), f"{where}: {button.text()!r} outside"
            assert button.width() >= button.minimumSizeHint().width(), f"{where}: cut"
            if driver.flow.ctx.metrics.large:
                assert button.height() >= 64, f"{where}: {button.text()!r} too small"
    for label in view.running_page.findChildren(QLabel):
        if label.isVisible() and label.text():
            assert inside.contains(in_window(label)), f"{where}: {label.text()!r} outside"
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed - 1, f"{where}: {label.text()!r} cut off"


def player_digits(driver: GuiDriver) -> int:
    """The player's countdown digits in this window (two figures, as "30" or "10")."""
    flow = driver.flow
    flow.start_routine("seated")
    QApplication.processEvents()
    assert driver.window.current_screen == "player"
    countdown = flow.player.countdown
    countdown.show_time("10", 1.0)
    return countdown.digit_height()


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_check_page_fits_and_its_digits_match_the_player(
    qtbot: QtBot, app_paths: Paths, size: tuple[int, int], mode: str
) -> None:
    large, scale, theme = MODES[mode]
    save_settings(
        Settings(text_scale=scale, theme=theme, large_buttons=large), app_paths.settings_file
    )
    driver = open_gui(qtbot, app_paths)
    driver.window.resize(*size)
    QApplication.processEvents()
    install = checks_of(driver)
    digits: dict[CheckId, int] = {}
    for check in CheckId:
        install.start_check(check.value)
        install.controller.begin()
        where = f"{check.value} explains ({mode}, {size})"
        measure(driver, where)  # the longest words come first
        run_until(driver, TIMED[check], 1.0)
        measure(driver, f"{check.value} timed ({mode}, {size})")
        ring = install.view.ring
        ring.show_time("10", 1.0)
        digits[check] = ring.digit_height()
        install.controller.unsteady()
        driver.home.go_home()
    player = player_digits(driver)
    for check, height in digits.items():
        assert height >= player, (check, height, player)
    assert player >= (120 if size[1] >= 768 else 100)
