"""The learned-switch row's sentences show whole at large buttons with 200 % text (issue 23):
the refusal ("U already means ... so it cannot be your switch. Press another key, or Escape
to stop.") was cut to its first lines."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neuroguide.paths import Paths
from neuroguide.settings import Settings, save_settings
from neuroguide.ui.settings.screen import SettingsScreen
from tests.helpers.keys import press_key
from tests.ui.conftest import open_gui
from tests.ui.tour import inspect


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def test_the_refusal_shows_whole_at_large_and_200_percent(qtbot: QtBot, app_paths: Paths) -> None:
    settings = Settings(large_buttons=True, text_scale=200, theme="high-contrast")
    save_settings(settings, app_paths.settings_file)
    driver = open_gui(qtbot, app_paths)
    driver.window.resize(1366, 768)
    driver.gui.settings.show()
    screen = driver.window.screen_widget("settings")
    assert isinstance(screen, SettingsScreen)
    row = screen.switch
    row.learn_button.click()
    _settle()
    for key in (Qt.Key.Key_U, Qt.Key.Key_Plus):
        press_key(driver.window, key)
        _settle()
        qtbot.wait(20)
        status = row.status
        assert "cannot be your switch" in status.text()
        needed = status.heightForWidth(status.width())
        assert status.height() >= needed, f"{status.height()} px of {needed}"
        assert status.width() <= row.width()
        found = inspect(row, 64)
        assert not found.cut, found.cut
        viewport = screen.scroll_area.viewport()
        for part in (status, row.cancel_button):  # the whole row in view: words and buttons
            top = part.mapTo(viewport, QPoint(0, 0)).y()
            assert top >= 0 and top + part.height() <= viewport.height(), (
                f"{part.accessibleName()}: {top}..{top + part.height()} of {viewport.height()}"
            )
