"""The guided check screens and the Progress view in the real window, on a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from neuroguide.core.check_run import STOP_CHAIR, STOP_LOST, UNSTEADY_WORDS
from neuroguide.core.check_steps import StepKind
from neuroguide.core.checks import CheckId, CheckOutcome, chair_stand_result
from neuroguide.paths import Paths
from neuroguide.settings import load_settings
from neuroguide.store.checks import list_checks
from neuroguide.store.database import open_history
from neuroguide.ui.checks.install import CHECK_SCREEN, PROGRESS_SCREEN, ChecksInstall
from tests.helpers.keys import press_key
from tests.ui.conftest import GuiDriver, open_gui


@pytest.fixture
def gui(qtbot: QtBot, app_paths: Paths) -> GuiDriver:
    return open_gui(qtbot, app_paths)


def checks_of(driver: GuiDriver) -> ChecksInstall:
    install = driver.window.findChild(ChecksInstall)
    assert install is not None
    return install


def run_until(driver: GuiDriver, kind: StepKind, extra: float = 0.0) -> None:
    """Move the fake clock half a second at a time until the check reaches ``kind``."""
    controller = checks_of(driver).controller
    for _ in range(2000):
        run = controller.run
        if run is None or not controller.running or run.step.kind is kind:
            break
        driver.clock.advance(0.5)
        controller.tick()
    for _ in range(int(extra * 2)):
        driver.clock.advance(0.5)
        controller.tick()


def run_out(driver: GuiDriver) -> None:
    controller = checks_of(driver).controller
    for _ in range(2000):
        if not controller.running:
            return
        driver.clock.advance(0.5)
        controller.tick()
    raise AssertionError("the check did not end")


def said(driver: GuiDriver) -> list[str]:
    return [cue.text for cue in driver.speaker.said]


def stored(paths: Paths) -> list[object]:
    connection = open_history(paths.history_db).connection
    try:
        return [row.result for row in list_checks(connection)]
    finally:
        connection.close()


def press(qtbot: QtBot, driver: GuiDriver, key: Qt.Key) -> None:
    press_key(driver.window, key)


def test_the_home_screen_suggests_a_first_check_and_opens_the_progress_view(
    gui: GuiDriver, qtbot: QtBot
) -> None:
    install = checks_of(gui)
    assert install.home_button.text() == "Progress checks: one is due"
    qtbot.mouseClick(install.home_button, Qt.MouseButton.LeftButton)
    assert gui.window.current_screen == PROGRESS_SCREEN
    assert "Try a progress check" in install.progress_view.suggestion.text()
    press(qtbot, gui, Qt.Key.Key_Escape)
    assert gui.window.current_screen == "home"


def test_the_chair_stand_runs_hands_free_and_the_count_is_entered_with_a_big_button(
    gui: GuiDriver, qtbot: QtBot, app_paths: Paths
) -> None:
    install = checks_of(gui)
    install.start_check("chair-stand")
    assert gui.window.current_screen == CHECK_SCREEN
    assert install.view.page == "safety"
    assert any("someone stand next to you" in text for text in said(gui))  # safety, said
    press(qtbot, gui, Qt.Key.Key_Space)
    assert install.view.page == "running"
    assert not install.view.mark_button.isVisible()  # the chair stand has nothing to mark
    run_until(gui, StepKind.TIMED, 10)
    assert install.view.ring.text == "20"
    run_out(gui)
    assert "Go!" in said(gui)
    assert STOP_CHAIR in said(gui)
    assert install.view.page == "count"
    assert stored(app_paths) == []  # nothing is stored before the count
    qtbot.mouseClick(install.view.count_buttons[14], Qt.MouseButton.LeftButton)
    assert install.view.page == "done"
    assert install.view.result_text.text() == "Your result: 14 stands"
    assert "year of birth" in install.view.comparison_text.text()  # no details yet
    assert install.view.progress_button.text() == "Add my year of birth and sex"
    assert stored(app_paths) == [chair_stand_result(14)]
    press(qtbot, gui, Qt.Key.Key_Space)
    assert gui.window.current_screen == "home"
    assert install.home_button.text() == "Progress checks"  # done today: not due


def test_needing_the_arms_stores_zero(gui: GuiDriver, qtbot: QtBot, app_paths: Paths) -> None:
    install = checks_of(gui)
    install.start_check("chair-stand")
    install.controller.begin()
    run_out(gui)
    qtbot.mouseClick(install.view.count_arms_button, Qt.MouseButton.LeftButton)
    assert stored(app_paths) == [chair_stand_result(5, arms_used=True)]
    assert install.view.result_text.text() == "Your result: 0 stands (arms needed)"


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_A])
def test_space_or_any_switch_marks_the_lost_balance_position(
    gui: GuiDriver, qtbot: QtBot, app_paths: Paths, key: Qt.Key
) -> None:
    install = checks_of(gui)
    install.start_check("balance-4-stage")
    install.controller.begin()
    run_until(gui, StepKind.STANCE, 10.5)  # position 1 held
    run_until(gui, StepKind.STANCE, 4.0)  # 4 s into position 2
    assert install.controller.run is not None
    assert install.controller.run.step.stance == 2
    assert "Position 2 of 4: half step" in install.view.running_title.text()
    before = gui.speaker.interruptions
    press(qtbot, gui, key)
    assert STOP_LOST in said(gui)
    assert gui.speaker.interruptions > before  # "Stop" at once
    assert install.view.page == "done"  # no question afterwards: the key said it all
    [result] = stored(app_paths)
    first, second = result.stances  # type: ignore[attr-defined]
    assert first == 10
    assert 4.0 <= second < 4.5  # the half-second steps of the fake clock land just after Go
    assert not result.support_used  # type: ignore[attr-defined]
    assert "last held without support: position 1 of 4" in install.view.result_text.text()
    assert "higher risk of falls" in install.view.comparison_text.text()


def test_the_mark_button_ends_the_sit_to_stand_stopwatch(
    gui: GuiDriver, qtbot: QtBot, app_paths: Paths
) -> None:
    install = checks_of(gui)
    install.start_check("sit-to-stand-5")
    install.controller.begin()
    run_until(gui, StepKind.STOPWATCH, 12.5)
    assert install.view.mark_button.isVisible()
    qtbot.mouseClick(install.view.mark_button, Qt.MouseButton.LeftButton)
    assert install.view.page == "done"
    [result] = stored(app_paths)
    assert 12.5 <= result.seconds < 13.0  # type: ignore[attr-defined]


@pytest.mark.parametrize("check", list(CheckId))
def test_i_feel_unsteady_stores_a_safety_stop_and_never_a_score(
    gui: GuiDriver, qtbot: QtBot, app_paths: Paths, check: CheckId
) -> None:
    install = checks_of(gui)
    install.start_check(check.value)
    install.controller.begin()
    run_until(gui, StepKind.GET_READY, 1)
    press(qtbot, gui, Qt.Key.Key_U)
    assert UNSTEADY_WORDS in said(gui)
    assert install.view.page == "done"
    assert install.view.done_title.text() == "Stopped for your safety"
    [result] = stored(app_paths)
    assert result.outcome is CheckOutcome.UNSTEADY  # type: ignore[attr-defined]
    assert result.value() is None  # type: ignore[attr-defined]


def test_leaving_the_safety_page_or_a_running_check_stores_nothing(
    gui: GuiDriver, qtbot: QtBot, app_paths: Paths
) -> None:
    install = checks_of(gui)
    install.start_check("chair-stand")
    press(qtbot, gui, Qt.Key.Key_Escape)
    assert gui.window.current_screen == "home"
    install.start_check("chair-stand")
    install.controller.begin()
    run_until(gui, StepKind.TIMED, 3)
    press(qtbot, gui, Qt.Key.Key_Escape)
    assert gui.window.current_screen == "home"
    assert stored(app_paths) == []


def test_details_a_bad_year_is_refused_and_a_good_one_is_kept(
    gui: GuiDriver, qtbot: QtBot, app_paths: Paths
) -> None:
    install = checks_of(gui)
    install.show_progress()
    view = install.progress_view
    view.year_edit.setText("55")
    view.sex_buttons["female"].setChecked(True)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert "four digits" in view.details_message.text()
    assert gui.flow.ctx.settings.settings.birth_year == 0
    view.year_edit.setText("1954")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert view.details_message.text() == "Saved."
    settings, _ = load_settings(app_paths.settings_file)
    assert (settings.birth_year, settings.sex) == (1954, "female")


def test_the_progress_view_charts_each_check_with_its_comparison(
    gui: GuiDriver, qtbot: QtBot
) -> None:
    install = checks_of(gui)
    gui.flow.ctx.settings.update(birth_year=1950, sex="male")
    install.start_check("chair-stand")
    install.controller.begin()
    run_out(gui)
    install.view.count_chosen.emit(9)
    install.show_progress()
    card = install.progress_view.cards[CheckId.CHAIR_STAND]
    assert "9 stands" in card.latest.text()
    assert "Below average for men" in card.latest.text()
    assert "Below average" in card.chart.accessibleDescription()
    empty = install.progress_view.cards[CheckId.BALANCE]
    assert empty.latest.text() == "No results yet."


def test_no_check_starts_while_a_session_runs(gui: GuiDriver) -> None:
    install = checks_of(gui)
    gui.flow.start_routine("stretch-break")
    gui.flow.safety.confirmed.emit()
    assert gui.flow.controller is not None
    install.start_check("chair-stand")
    assert gui.window.current_screen != CHECK_SCREEN
    install.refresh_home()
    assert install.home_button.text() == "Progress checks"  # never suggested mid-session


def test_without_a_history_the_result_is_shown_and_said_not_saved(
    gui: GuiDriver, tmp_path: Path
) -> None:
    install = checks_of(gui)
    install.controller.store = None
    install.start_check("sit-to-stand-5")
    install.controller.begin()
    run_until(gui, StepKind.STOPWATCH, 9)
    install.controller.mark()
    assert "not saved" in install.view.problem_text.text()
