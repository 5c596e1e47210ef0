"""The player read from across the room, in every mode at 1280x720, 1366x768 and 1920x1080.

Nothing scrolls, every button is inside the window (64 x 64 in large mode), nothing is cut
off, the countdown is the largest thing and is sized by the window alone, and the words a
person must always see stay on screen.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollBar, QWidget
from pytestqt.qtbot import QtBot

from neuroguide.core.session import SessionState
from neuroguide.core.timeline import PhaseKind
from neuroguide.paths import Paths
from neuroguide.settings import Settings, save_settings
from tests.helpers.keys import press_key
from tests.ui.conftest import GuiDriver, open_gui

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
MODES = [
    (False, 100, "light"),
    (True, 100, "light"),
    (False, 200, "light"),
    (True, 200, "light"),
    (False, 150, "high-contrast"),
    (True, 175, "dark"),
]


def mode_id(mode: tuple[bool, int, str]) -> str:
    large, scale, theme = mode
    return f"{'large' if large else 'normal'}-{scale}-{theme}"


def open_mode(
    qtbot: QtBot, paths: Paths, size: tuple[int, int], mode: tuple[bool, int, str]
) -> GuiDriver:
    large, scale, theme = mode
    save_settings(Settings(text_scale=scale, theme=theme, large_buttons=large), paths.settings_file)
    driver = open_gui(qtbot, paths)
    driver.window.resize(*size)
    QApplication.processEvents()
    return driver


def in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def run_until(driver: GuiDriver, kind: PhaseKind) -> None:
    for _ in range(900):
        controller = driver.flow.controller
        if controller is not None and controller.session.phase.kind is kind:
            QApplication.processEvents()
            return
        driver.advance(1)
    raise AssertionError(f"never reached {kind}")


def check_player(driver: GuiDriver, where: str) -> None:
    """No scroll bar, every button inside and big enough, nothing cut off."""
    QApplication.processEvents()
    window = driver.window
    large = driver.flow.ctx.metrics.large
    for bar in window.findChildren(QScrollBar):
        assert not (bar.isVisible() and bar.maximum() > 0), f"{where}: a scroll bar shows"
    inside = window.rect()
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
    assert buttons, where
    for button in buttons:
        rect = in_window(button)
        name = f"{where}: {button.text()!r}"
        assert inside.contains(rect), f"{name} at {rect} is outside {inside}"
        assert button.width() >= button.minimumSizeHint().width(), f"{name} cut off"
        if large:
            assert button.width() >= 64 and button.height() >= 64, name
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        rect = in_window(label)
        assert inside.contains(rect), f"{where}: {label.text()!r} outside the window"
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed - 1, f"{where}: {label.text()!r} cut off"


def must_see(driver: GuiDriver, where: str, *, balance: bool) -> None:
    view = driver.flow.player
    shown = [view.phase_label, view.exercise_label, view.countdown, view.pause_button]
    if view.caption_label.text():
        shown.append(view.caption_label)
    if balance:
        shown += [view.unsteady_button, view.safety_label]
    for widget in shown:
        assert widget.isVisible(), f"{where}: {widget.accessibleName()} hidden"


@pytest.mark.parametrize("mode", MODES, ids=mode_id)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_player_fits_every_mode_without_scrolling(
    qtbot: QtBot, app_paths: Paths, size: tuple[int, int], mode: tuple[bool, int, str]
) -> None:
    driver = open_mode(qtbot, app_paths, size, mode)
    flow = driver.flow
    assert not driver.window.large_button.isVisible() or driver.window.current_screen != "player"
    flow.start_routine("lower-leg-stretches")
    flow.safety.ready_button.click()
    assert driver.window.current_screen == "player"
    assert not driver.window.large_button.isVisible()  # no setting changes mid-session
    steps: list[tuple[str, Callable[[], None]]] = [
        ("get ready", lambda: None),
        ("reps", lambda: run_until(driver, PhaseKind.REPS)),
        ("hold", lambda: run_until(driver, PhaseKind.HOLD)),
        ("paused", lambda: flow.controller.pause()),  # type: ignore[union-attr]
        ("how to", flow.player.toggle_how_to),
        ("how to off", flow.player.toggle_how_to),
        ("resumed", lambda: flow.controller.resume()),  # type: ignore[union-attr]
        ("switch sides", lambda: run_until(driver, PhaseKind.SWITCH_SIDES)),
        ("unsteady", flow.player.unsteady_button.click),
        ("confirm", lambda: press_key(driver.window, Qt.Key.Key_Escape)),
    ]
    for name, go in steps:
        go()
        where = f"{name} ({mode_id(mode)}, {size})"
        check_player(driver, where)
        assert driver.window.current_screen == "player", name
        if flow.player.page == "run":
            balance = flow.controller.session.phase.exercise.is_standing_balance  # type: ignore[union-attr]
            must_see(driver, where, balance=balance)


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_countdown_digits_are_big_and_never_shrink_with_the_text(
    qtbot: QtBot, app_paths: Paths, large: bool
) -> None:
    heights = {}
    for scale in (100, 200):
        driver = open_mode(qtbot, app_paths, (1366, 768), (large, scale, "light"))
        driver.flow.start_routine("lower-leg-stretches")
        driver.flow.safety.ready_button.click()
        run_until(driver, PhaseKind.HOLD)
        driver.advance(3)
        QApplication.processEvents()
        countdown = driver.flow.player.countdown
        heights[scale] = countdown.digit_height()
        biggest_text = max(
            QFontInfo(label.font()).pixelSize()
            for label in driver.window.findChildren(QLabel)
            if label.isVisible() and label.text()
        )
        assert heights[scale] > 2 * biggest_text  # the largest thing on the screen
        driver.window.close()
    assert heights[100] >= (160 if large else 120), heights
    assert heights[200] >= heights[100], heights


def test_large_mode_grows_the_countdown(qtbot: QtBot, app_paths: Paths) -> None:
    sides = []
    for large in (False, True):
        driver = open_mode(qtbot, app_paths, (1366, 768), (large, 100, "light"))
        driver.flow.start_routine("seated")
        QApplication.processEvents()
        sides.append(driver.flow.player.countdown.width())
        driver.window.close()
    assert sides[1] > sides[0]


def test_paused_shows_in_the_countdown_and_the_voice_says_so(driver: GuiDriver) -> None:
    driver.flow.start_routine("seated")
    driver.advance(2)
    driver.flow.controller.pause()  # type: ignore[union-attr]
    countdown = driver.flow.player.countdown
    assert countdown.paused and countdown.accessibleName().startswith("Countdown paused")
    assert driver.flow.player.pause_button.text().startswith("Resume")
    assert any(cue.text.startswith("Paused") for cue in driver.speaker.said)


def test_how_to_shows_the_steps_and_balance_safety_never_hides(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    driver.flow.start_routine("balance")
    driver.flow.safety.ready_button.click()
    view = driver.flow.player
    run_until(driver, PhaseKind.REPS)
    assert not view.steps_label.isVisible()
    press_key(driver.window, Qt.Key.Key_H)
    assert view.steps_label.isVisible() and view.how_to
    press_key(driver.window, Qt.Key.Key_H)
    assert not view.steps_label.isVisible()
    assert view.safety_label.isVisible() and view.safety_label.text().startswith("Safety")


@pytest.mark.parametrize("focus", ["how-to", "next", "unsteady"])
def test_space_pauses_whatever_has_the_focus(qtbot: QtBot, driver: GuiDriver, focus: str) -> None:
    driver.flow.start_routine("lower-leg-stretches")
    driver.flow.safety.ready_button.click()
    run_until(driver, PhaseKind.HOLD)
    view = driver.flow.player
    button = {"how-to": view.how_to_button, "next": view.next_button}.get(
        focus, view.unsteady_button
    )
    button.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is button
    index = driver.flow.controller.session.index  # type: ignore[union-attr]
    press_key(button, Qt.Key.Key_Space)
    controller = driver.flow.controller
    assert controller is not None and controller.state is SessionState.PAUSED
    assert controller.session.index == index and view.page == "run" and not view.how_to
    assert driver.flow.ctx.settings.settings.large_buttons is False


def test_each_screen_focuses_its_main_action(driver: GuiDriver) -> None:
    assert QApplication.focusWidget() is driver.home.view.start_button
    driver.flow.start_routine("lower-leg-stretches")
    assert QApplication.focusWidget() is driver.flow.safety.ready_button
    driver.flow.safety.ready_button.click()
    view = driver.flow.player
    assert QApplication.focusWidget() is view.pause_button
    view.stop_button.click()
    assert QApplication.focusWidget() is view.keep_going_button  # the safe answer


def test_next_on_the_last_part_asks_first(driver: GuiDriver) -> None:
    driver.flow.start_routine("seated")
    controller = driver.flow.controller
    assert controller is not None
    while controller.session.upcoming() is not None:
        controller.next()
    driver.flow.player.next_button.click()
    assert driver.flow.player.page == "confirm"
    assert controller.state is SessionState.PAUSED


def test_stopped_with_nothing_done_does_not_say_all_done(driver: GuiDriver) -> None:
    driver.flow.start_routine("seated")
    controller = driver.flow.controller
    assert controller is not None
    while controller.session.upcoming() is not None:
        controller.next()  # skip everything
    driver.flow.player.next_button.click()
    driver.flow.player.confirm_end_button.click()
    assert driver.window.current_screen == "summary"
    heading = driver.flow.summary_view.heading.text()
    assert heading.startswith("Stopped early") and "All done" not in heading
    assert "0 parts done" in driver.flow.summary_view.figures.text()
