"""Walk the settings, editor, seated-offer and reminder screens like the other screens.

Every control at least 44 px (64 px in large mode), 16 px apart, named and described, and no
text cut off, also at 200 % text on a small screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neuroguide.app import Gui
from neuroguide.paths import Paths
from neuroguide.settings import Settings, save_settings
from neuroguide.ui.reminders.service import ReminderService
from tests.ui.conftest import GuiDriver, open_gui
from tests.ui.session.test_player_accessibility import check_screen, visible_buttons


def screens(driver: GuiDriver, gui: Gui) -> list[tuple[str, Callable[[], None]]]:
    def editor_step() -> None:
        gui.editor.screen.duplicate("lower-leg-stretches")
        gui.editor.screen.change_step(2)

    def asking_delete() -> None:
        gui.editor.screen.routine_page.save_button.click()
        row = next(r for r in gui.editor.screen.list_page.rows if not r.routine.builtin)
        assert row.delete_button is not None
        row.delete_button.click()

    def seated_offer() -> None:
        driver.flow.ctx.settings.update(seated_only=True)
        driver.flow.start_routine("lower-leg-stretches")

    return [
        ("settings", gui.settings.show),
        ("editor list", gui.editor.show),
        ("editor step", editor_step),
        ("editor routine", gui.editor.screen.step_page.done_button.click),
        ("editor picker", gui.editor.screen.show_picker),
        ("editor picker back", gui.editor.screen.picker.back_button.click),
        ("editor asking to delete", asking_delete),
        ("seated offer", seated_offer),
    ]


@pytest.mark.parametrize(
    ("large", "size", "text_scale"),
    [(False, (1280, 800), 100), (True, (1280, 800), 100), (False, (1024, 600), 200)],
)
def test_personal_screens_meet_target_size_spacing_and_names(
    qtbot: QtBot, app_paths: Paths, large: bool, size: tuple[int, int], text_scale: int
) -> None:
    save_settings(Settings(text_scale=text_scale), app_paths.settings_file)
    driver = open_gui(qtbot, app_paths, large=large)
    driver.window.resize(*size)
    gui = driver.gui
    gui.settings._voices = lambda: ([], None)
    for where, go in screens(driver, gui):
        go()
        mode = f"{where} ({'large' if large else 'normal'}, {size}, {text_scale}%)"
        check_screen(driver, mode, judge_visible_part=True)


def test_the_reminder_window_meets_the_same_rules(qtbot: QtBot, app_paths: Paths) -> None:
    driver = open_gui(qtbot, app_paths, large=True)
    now = datetime.now().astimezone().replace(hour=8, minute=59)
    clock = [now]
    service = ReminderService(
        driver.flow.ctx, driver.home, driver.flow, wall_clock=lambda: clock[0], tray=False
    )
    driver.flow.ctx.settings.update(break_reminders=True)
    service.settings_changed()
    clock[0] = now + timedelta(minutes=2)
    service.check()
    window = service.window
    qtbot.waitExposed(window)
    QApplication.processEvents()
    buttons = visible_buttons(window)
    assert len(buttons) == 3
    for button in buttons:
        assert button.accessibleName() and button.accessibleDescription()
        assert button.height() >= 64 and button.width() >= button.minimumSizeHint().width()
    window.dismiss_button.click()
