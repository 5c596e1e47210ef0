"""Home screen, safety check, summary, settings and the whole session with only Space."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from neuroguide.paths import Paths
from neuroguide.settings import load_settings
from tests.helpers.keys import press_key
from tests.ui.conftest import GuiDriver, open_gui


def space(qtbot: QtBot, driver: GuiDriver) -> None:
    press_key(driver.window, Qt.Key.Key_Space)


@pytest.mark.parametrize("large", [False, True])
def test_a_whole_routine_needs_nothing_but_the_space_bar(
    qtbot: QtBot, app_paths: Paths, large: bool
) -> None:
    driver = open_gui(qtbot, app_paths, large=large)
    assert driver.window.current_screen == "home"
    space(qtbot, driver)  # start the suggested routine
    assert driver.window.current_screen == "safety"  # it has standing balance work
    space(qtbot, driver)  # confirm the safety check
    assert driver.window.current_screen == "player"
    driver.run_to_end()
    assert driver.window.current_screen == "summary"
    assert driver.flow.summary is not None and driver.flow.summary.outcome == "finished"
    assert driver.flow.summary.skipped == 0
    minutes = round(driver.flow.summary.active_seconds / 60)
    space(qtbot, driver)
    assert driver.window.current_screen == "home"
    assert f"This week: {minutes} of 150 min" in driver.home.view.progress_text.text()


def test_each_routine_card_starts_its_routine(driver: GuiDriver) -> None:
    cards = driver.home.view.cards
    assert {card.info.id for card in cards} == set(driver.flow.ctx.content.catalog.routines)
    seated = next(card for card in cards if card.info.id == "seated")
    seated.start_button.click()
    assert driver.window.current_screen == "player"  # seated work needs no safety check
    assert driver.flow.routine is not None and driver.flow.routine.id == "seated"


def test_a_card_shows_time_position_and_needs(driver: GuiDriver) -> None:
    card = next(c for c in driver.home.view.cards if c.info.id == "balance")
    texts = " ".join(label.text() for label in card.findChildren(QLabel))
    assert "standing" in texts and "a wall or sturdy counter" in texts and "min" in texts


def test_safety_check_can_go_back_or_be_switched_off(
    qtbot: QtBot, driver: GuiDriver, app_paths: Paths
) -> None:
    driver.flow.start_routine("balance")
    press_key(driver.window, Qt.Key.Key_Escape)
    assert driver.window.current_screen == "home"
    driver.flow.start_routine("balance")
    driver.flow.safety.back_button.click()
    assert driver.window.current_screen == "home"
    driver.flow.start_routine("balance")
    safety = driver.flow.safety
    safety.off_button.click()  # asks first: two big buttons, keeping the check is Space's
    assert driver.window.current_screen == "safety" and safety.question.isVisible()
    assert safety.keep_button.width() >= 44 and safety.confirm_off_button.height() >= 44
    press_key(driver.window, Qt.Key.Key_Space)
    assert driver.window.current_screen == "safety" and not safety.question.isVisible()
    assert load_settings(app_paths.settings_file)[0].safety_check is True
    safety.off_button.click()
    safety.confirm_off_button.click()
    assert driver.window.current_screen == "player"
    assert load_settings(app_paths.settings_file)[0].safety_check is False
    driver.home.go_home()
    driver.flow.start_routine("balance")
    assert driver.window.current_screen == "player"


def test_enter_also_confirms_the_safety_check(qtbot: QtBot, driver: GuiDriver) -> None:
    driver.flow.start_routine("balance")
    press_key(driver.window, Qt.Key.Key_Return)
    assert driver.window.current_screen == "player"


def test_summary_buttons_go_home_or_run_again(driver: GuiDriver) -> None:
    driver.flow.start_routine("seated")
    driver.flow.player.stop_button.click()
    driver.flow.player.confirm_end_button.click()
    assert driver.window.current_screen == "summary"
    driver.flow.summary_view.again_button.click()
    assert driver.window.current_screen == "player"
    driver.flow.player.stop_button.click()
    driver.flow.player.confirm_end_button.click()
    driver.flow.summary_view.home_button.click()
    assert driver.window.current_screen == "home"
    assert driver.window.windowTitle() == "NeuroGuide"


def test_history_button_opens_a_registered_history_screen(driver: GuiDriver) -> None:
    window, home = driver.window, driver.home.view
    if not window.has_screen("history"):
        assert not home.history_button.isEnabled() and home.history_note.text()
        window.add_screen("history", QWidget())
        driver.home.refresh()
    assert home.history_button.isEnabled()
    home.history_button.click()
    assert window.current_screen == "history"


def test_large_toggle_applies_everywhere_and_is_remembered(
    qtbot: QtBot, driver: GuiDriver, app_paths: Paths
) -> None:
    button = driver.window.large_button
    assert not button.isChecked()
    home_start = driver.home.view.start_button
    before = home_start.sizeHint().height()
    button.click()
    assert button.isChecked() and button.text() == "Large buttons: on"
    assert home_start.sizeHint().height() > before
    assert load_settings(app_paths.settings_file)[0].large_buttons is True
    button.click()
    assert load_settings(app_paths.settings_file)[0].large_buttons is False


def test_large_flag_forces_large_mode(large_driver: GuiDriver) -> None:
    assert large_driver.window.large_button.isChecked()
    assert large_driver.flow.ctx.metrics.target == 64


def test_text_size_and_colour_buttons_step_through_their_choices(
    driver: GuiDriver, app_paths: Paths
) -> None:
    home = driver.home.view
    home.text_size_button.click()
    assert home.text_size_button.text() == "Text size: 125 %"
    home.theme_button.click()
    settings = load_settings(app_paths.settings_file)[0]
    assert settings.text_scale == 125 and settings.theme == "light"
    for _ in range(4):
        home.text_size_button.click()
    assert load_settings(app_paths.settings_file)[0].text_scale == 100


def test_f1_and_question_mark_show_the_keys(qtbot: QtBot, driver: GuiDriver) -> None:
    press_key(driver.window, Qt.Key.Key_F1)
    dialog = driver.gui.frame.keys_dialog
    assert dialog.isVisible()
    dialog.close_button.click()
    assert not dialog.isVisible()
    press_key(driver.window, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert driver.gui.frame.keys_dialog is not dialog and driver.gui.frame.keys_dialog.isVisible()
    driver.gui.frame.keys_dialog.close()
    driver.window.keys_button.click()
    assert driver.gui.frame.keys_dialog.isVisible()
    driver.gui.frame.keys_dialog.close()


def test_broken_user_routines_are_reported_once_on_the_home_screen(
    qtbot: QtBot, app_paths: Paths
) -> None:
    folder = app_paths.user_routines
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('id = "mine"\nname = "Mine"\n[[steps]]\nexercise = "nope"\n')
    (folder / "broken.toml").write_text("id = \n")
    driver = open_gui(qtbot, app_paths)
    home = driver.home.view
    assert home.banner.isVisible()
    assert home.banner_text.text().startswith("2 of your routine files could not be loaded")
    home.details_button.click()
    assert "mine.toml:" in driver.home.problems_box.informativeText()
    driver.home.problems_box.close()
    home.dismiss_button.click()
    assert not home.banner.isVisible()


def test_window_geometry_is_saved_on_close_and_restored(qtbot: QtBot, app_paths: Paths) -> None:
    driver = open_gui(qtbot, app_paths)
    driver.window.resize(1100, 700)
    driver.window.close()
    saved = load_settings(app_paths.settings_file)[0].window_geometry
    assert saved
    again = open_gui(qtbot, app_paths)
    assert again.gui.frame.restore_geometry()


def test_closing_during_a_session_stops_it_cleanly(qtbot: QtBot, app_paths: Paths) -> None:
    driver = open_gui(qtbot, app_paths)
    driver.flow.start_routine("seated")
    with qtbot.waitSignal(driver.flow.session_ended, timeout=2000):
        driver.window.close()


def test_enter_presses_a_tab_framed_home_button_and_space_still_starts(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    button = driver.home.view.text_size_button
    button.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is button
    press_key(button, Qt.Key.Key_Return)
    assert driver.window.current_screen == "home"
    assert button.text() == "Text size: 125 %"
    button.setFocus(Qt.FocusReason.TabFocusReason)
    press_key(button, Qt.Key.Key_Space)  # Space is the next obvious thing: start
    assert driver.window.current_screen in ("safety", "player")
    assert driver.flow.ctx.settings.settings.text_scale == 125


def test_damaged_library_shows_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from neuroguide import app as app_module

    resources = tmp_path / "resources"
    (resources / "routines").mkdir(parents=True)
    (resources / "exercises.toml").write_text("[[exercises]]\nid = 3\n")
    shown: list[str] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.critical",
        lambda _parent, title, text: shown.append(f"{title}: {text}"),
    )
    app_module.create_application()
    result = app_module.build_gui(Paths(tmp_path, tmp_path, resources), show=False)
    assert result is None
    assert shown and "damaged" in shown[0]


def test_every_card_gives_the_length_the_player_starts_from(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    from neuroguide.core.library import format_duration

    for card in list(driver.home.view.cards):
        driver.flow.start_routine(card.info.id)
        for _ in range(4):  # the check-in and the safety check, where they apply
            if driver.window.current_screen == "player":
                break
            space(qtbot, driver)
        controller = driver.flow.controller
        assert controller is not None, card.info.id
        left = format_duration(controller.session.time_left())
        assert left == card.info.length, card.info.id
        driver.flow.steps.leave()
