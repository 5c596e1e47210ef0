"""Switch scanning during a progress check: while a check runs, the switch does the check's one
action and the light stays on it; it never wanders onto "Stop" or anything else (issue 23).

The pace's timer is ``scanner.step()``; the only key pressed is Space (any switch means Space).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neuroguide.core.check_run import STOP_LOST, UNSTEADY_WORDS
from neuroguide.core.check_steps import StepKind
from neuroguide.core.checks import CheckId, CheckOutcome
from neuroguide.paths import Paths
from tests.helpers.keys import press_key
from tests.ui.checks.test_check_screens import checks_of, run_until, said, stored
from tests.ui.conftest import GuiDriver, open_gui


@pytest.fixture
def gui(qtbot: QtBot, app_paths: Paths) -> GuiDriver:
    driver = open_gui(qtbot, app_paths)
    driver.flow.ctx.settings.update(scanning=True)
    assert driver.window.scanner.active
    return driver


def switch(qtbot: QtBot, gui: GuiDriver) -> None:
    press_key(gui.window, Qt.Key.Key_Space)
    QApplication.processEvents()


def begin(qtbot: QtBot, gui: GuiDriver, check: CheckId) -> None:
    """Open ``check``'s safety page, where scanning lights "I am ready" first; pick it."""
    checks_of(gui).start_check(check.value)
    QApplication.processEvents()
    scanner = gui.window.scanner
    scanner.restart()
    view = checks_of(gui).view
    assert scanner.lit() == [view.ready_button]
    switch(qtbot, gui)
    assert view.page == "running"


STEP = {
    CheckId.CHAIR_STAND: StepKind.TIMED,
    CheckId.BALANCE: StepKind.STANCE,
    CheckId.SIT_TO_STAND: StepKind.STOPWATCH,
}


def one_action(gui: GuiDriver, check: CheckId) -> object:
    view = checks_of(gui).view
    return view.unsteady_button if check is CheckId.CHAIR_STAND else view.mark_button


@pytest.mark.parametrize("check", list(CheckId))
def test_while_a_check_runs_the_light_stays_on_its_one_action(
    qtbot: QtBot, gui: GuiDriver, check: CheckId
) -> None:
    begin(qtbot, gui, check)
    run_until(gui, STEP[check], 1.0)
    scanner = gui.window.scanner
    wanted = one_action(gui, check)
    for _ in range(12):  # many turns of the pace: the light does not move
        scanner.step()
        assert scanner.lit() == [wanted]
        assert scanner.light.isVisible()
        at = wanted.mapTo(gui.window, wanted.rect().topLeft())  # type: ignore[attr-defined]
        assert scanner.light.target.contains(at)
    assert checks_of(gui).controller.running  # lighting is not pressing


def test_the_switch_ends_a_balance_position_not_held(
    qtbot: QtBot, gui: GuiDriver, app_paths: Paths
) -> None:
    begin(qtbot, gui, CheckId.BALANCE)
    run_until(gui, StepKind.STANCE, 2.0)
    for _ in range(5):
        gui.window.scanner.step()
    switch(qtbot, gui)
    assert STOP_LOST in said(gui)
    [result] = stored(app_paths)
    assert result.last_held == 0  # type: ignore[attr-defined]
    assert UNSTEADY_WORDS not in said(gui)  # "I moved my feet", not the safety stop


def test_the_switch_marks_the_fifth_stand(qtbot: QtBot, gui: GuiDriver, app_paths: Paths) -> None:
    begin(qtbot, gui, CheckId.SIT_TO_STAND)
    run_until(gui, StepKind.STOPWATCH, 9.0)
    for _ in range(5):
        gui.window.scanner.step()
    switch(qtbot, gui)
    [result] = stored(app_paths)
    assert result.outcome is CheckOutcome.SCORED  # type: ignore[attr-defined]
    assert 8.5 <= result.seconds <= 9.5  # type: ignore[attr-defined]


def test_the_switch_stops_the_chair_stand_for_safety(
    qtbot: QtBot, gui: GuiDriver, app_paths: Paths
) -> None:
    begin(qtbot, gui, CheckId.CHAIR_STAND)
    run_until(gui, StepKind.TIMED, 5.0)
    switch(qtbot, gui)
    assert UNSTEADY_WORDS in said(gui)
    [result] = stored(app_paths)
    assert result.outcome is CheckOutcome.UNSTEADY  # type: ignore[attr-defined]


def test_scanning_comes_back_on_the_result_page(qtbot: QtBot, gui: GuiDriver) -> None:
    begin(qtbot, gui, CheckId.CHAIR_STAND)
    run_until(gui, StepKind.TIMED, 2.0)
    switch(qtbot, gui)  # stopped: the result page
    view = checks_of(gui).view
    assert view.page == "done"
    scanner = gui.window.scanner
    scanner.step()  # the pace's next turn: the result page is scanned, Home first
    assert scanner.lit() == [view.home_button]
    for _ in range(3):
        scanner.step()
    assert view.progress_button in scanner.lit() or view.home_button in scanner.lit()
