"""Issue 23's smaller mends around the session screens: one check-in question at a time, the
calm pages in the person's own text size, window titles, home back at the top."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from neuroguide.paths import Paths
from neuroguide.present.metrics import Metrics
from neuroguide.settings import Settings, save_settings
from neuroguide.store.models import CheckIn, Moment
from neuroguide.ui.session.checkin_view import CheckInWidget
from tests.ui.conftest import GuiDriver, open_gui


def _title_as_shown(title: str) -> str:
    """What the window manager shows: Qt adds " — NeuroGuide" unless the title ends with it."""
    return title if title.endswith("NeuroGuide") else f"{title} — NeuroGuide"


def test_check_in_asks_one_question_at_a_time_and_keeps_every_answer(qtbot: QtBot) -> None:
    widget = CheckInWidget(Moment.AFTER, Metrics(large=True, text_scale=200))
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    with qtbot.waitExposed(widget):
        widget.show()
    assert widget.question_names == ["pain", "numbness", "tingling", "balance", "where",
                                     "feel", "note"]  # fmt: skip
    assert widget.findChildren(QScrollArea) == []
    assert widget.scales["pain"].button(10).isVisible()
    assert not widget.scales["numbness"].button(0).isVisible()
    assert not widget.previous_button.isEnabled()
    widget.scales["pain"].button(3).click()
    widget.next_button.click()
    assert widget.current_question == "numbness" and widget.progress.text().startswith(
        "Question 2 of 7"
    )
    widget.scales["numbness"].button(5).click()
    assert widget.handle_key(Qt.Key.Key_Right) and widget.current_question == "tingling"
    assert widget.handle_key(Qt.Key.Key_Left) and widget.current_question == "numbness"
    widget.show_question("note")
    assert widget.note.isVisible() and not widget.next_button.isEnabled()
    assert widget.note.height() >= 64
    assert widget.checkin() == CheckIn(Moment.AFTER, pain=3, numbness=5)
    widget.clear()
    assert widget.current_question == "pain"


def _large_text(qtbot: QtBot, app_paths: Paths) -> GuiDriver:
    save_settings(Settings(large_buttons=True, text_scale=200), app_paths.settings_file)
    driver = open_gui(qtbot, app_paths)
    driver.window.resize(1366, 768)
    QApplication.processEvents()
    return driver


def test_calm_pages_use_the_persons_text_not_the_players_shrunk_text(
    qtbot: QtBot, app_paths: Paths
) -> None:
    driver = _large_text(qtbot, app_paths)
    driver.flow.start_routine("lower-leg-stretches")
    driver.advance(3)
    player = driver.flow.player
    player.show_page("unsteady")
    QApplication.processEvents()
    assert player.page == "unsteady"
    # The player's own words shrink to fit around the countdown; "Take your time" does not.
    assert player.calm_factors["unsteady"] > player.text_factor
    assert player.calm_factors["confirm"] >= 1.6  # at least large-button text


def test_window_titles_name_the_screen_once_and_never_go_stale(
    qtbot: QtBot, app_paths: Paths
) -> None:
    driver = open_gui(qtbot, app_paths)
    window = driver.window
    driver.flow.start_routine("seated")
    driver.advance(5)
    assert window.windowTitle() != "NeuroGuide"  # the player names the exercise
    assert driver.flow.controller is not None
    driver.flow.controller.stop()
    shown = _title_as_shown(window.windowTitle())
    assert shown == "Session finished — NeuroGuide"
    assert shown.count("NeuroGuide") == 1
    driver.flow.summary_view.home_button.click()
    assert window.windowTitle() == "NeuroGuide"


def test_home_comes_back_scrolled_to_the_top(qtbot: QtBot, app_paths: Paths) -> None:
    driver = _large_text(qtbot, app_paths)
    bar = driver.home.view.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    driver.home.view.history_button.click()
    assert driver.window.current_screen == "history"
    driver.home.go_home()
    assert bar.value() == 0
