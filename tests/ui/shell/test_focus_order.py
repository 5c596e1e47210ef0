"""Every screen a person meets: the focus lands on its main action, and Tab goes through its
controls as one reads the screen, line by line, left to right (issue 23, item 7).

The Tab presses are real key presses through the window (Qt moves the focus; the key router
leaves Tab alone), so what is checked is what a keyboard or screen-reader user gets.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from neuroguide.ui.shell.keys import screen_attribute
from tests.ui.conftest import GuiDriver
from tests.ui.settings.test_settings_screen import fake_voices

LINE = 24
"""Controls whose tops are this close are on one line (the rule of ``reading_tab_order``)."""
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit,
            QAbstractItemView)  # fmt: skip


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def reading_order(screen: QWidget) -> list[QWidget]:
    """The screen's Tab stops as one reads them."""
    found = []
    for widget in screen.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(screen):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isEnabled():
            continue
        if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
            continue
        at = widget.mapTo(screen, widget.rect().topLeft())
        found.append((at.y(), at.x(), widget))
    found.sort(key=lambda entry: (entry[0], entry[1]))
    lines: list[list[tuple[int, int, QWidget]]] = []
    for entry in found:
        if lines and entry[0] - lines[-1][0][0] < LINE:
            lines[-1].append(entry)
        else:
            lines.append([entry])
    return [w for line in lines for _y, _x, w in sorted(line, key=lambda e: e[1])]


def stop(widget: QWidget | None) -> object:
    """A Tab stop: a control, or the exclusive group of buttons it belongs to (the 0–10 of a
    check-in, the History's periods). Tab enters such a group once and the arrows move in it,
    as in any radio group (Female / Male / Not given too); so the group is one stop."""
    if isinstance(widget, QAbstractButton):
        group = widget.group()
        if group is not None and group.exclusive():
            return group
        if group is None and widget.autoExclusive() and widget.isCheckable():
            return (widget.parentWidget(), "auto-exclusive")  # Qt's own group: the siblings
    return widget


def stops(widgets: list[QWidget]) -> list[object]:
    """``widgets`` as Tab stops, each group once, where it first shows."""
    found: list[object] = []
    for widget in widgets:
        one = stop(widget)
        if one not in found:
            found.append(one)
    return found


def show(driver: GuiDriver, name: str) -> QWidget:
    """The screen ``name``, reached as a person reaches it."""
    window, flow = driver.window, driver.flow
    if name == "home":
        driver.home.go_home()
    elif name == "settings":
        assert driver.gui.settings is not None
        driver.gui.settings._voices = fake_voices
        driver.gui.settings.show()
    elif name == "history":
        window.show_screen("history")
    elif name == "progress-checks":
        driver.gui.checks.show_progress()
    elif name == "check":
        driver.gui.checks.start_check("balance-4-stage")
    elif name == "checkin-before":
        flow.ctx.settings.update(checkins=True)
        flow.start_routine("balance")
    elif name == "safety":
        flow.start_routine("balance")
    elif name in ("player", "summary"):
        flow.start_routine("stretch-break")
        while window.current_screen != "player":
            flow.steps.proceed()
        if name == "summary":
            driver.run_to_end()
    settle()
    assert window.current_screen == name
    return window.stack.currentWidget()


SCREENS = [
    "home",
    "settings",
    "history",
    "progress-checks",
    "check",
    "checkin-before",
    "safety",
    "player",
    "summary",
]


@pytest.mark.parametrize("name", SCREENS)
def test_focus_on_the_main_action_and_tab_in_reading_order(
    qtbot: QtBot, driver: GuiDriver, name: str
) -> None:
    screen = show(driver, name)
    finder = screen_attribute(screen, "main_action")
    if callable(finder):
        main = finder()
        assert QApplication.focusWidget() is main, (name, QApplication.focusWidget())
    order = reading_order(screen)
    expected = stops(order)
    assert len(expected) >= 1, name
    order[0].setFocus(Qt.FocusReason.TabFocusReason)
    visited = [QApplication.focusWidget()]
    for _ in range(len(expected) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    names = [_name(w) for w in visited]
    assert [stop(w) for w in visited] == expected, (name, names, [_name(w) for w in order])


def _name(widget: QWidget | None) -> str:
    if widget is None:
        return "None"
    text: Callable[[], str] | None = getattr(widget, "text", None)
    return widget.accessibleName() or (text() if callable(text) else "") or type(widget).__name__


def test_the_welcome_focuses_start_and_tabs_in_reading_order(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    from neuroguide.ui.settings.welcome import SCREEN, Welcome

    welcome = Welcome(driver.flow.ctx, driver.home)
    welcome.show()
    settle()
    screen = driver.window.stack.currentWidget()
    assert driver.window.current_screen == SCREEN
    assert QApplication.focusWidget() is welcome.view.start_button
    order = reading_order(screen)
    assert order[0] is welcome.view.start_button
    for before, after in pairwise(order):
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is after, (_name(before), _name(after))
