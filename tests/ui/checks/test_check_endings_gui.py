"""Every ending of every check in the real window, through real Qt key presses.

What is stored in the history file and what the voice says, for: held, lost (feet moved or
held on: one key, one ending), unsteady, no mark, arms and stop. The header (Keys, Large
buttons) is hidden while a check is on screen, as during a session.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from neuroguide.core.check_run import STOP_ARMS, STOP_LOST, STOP_TIME_UP, UNSTEADY_WORDS
from neuroguide.core.check_steps import StepKind
from neuroguide.core.checks import (
    CheckId,
    CheckOutcome,
    EndReason,
    balance_result,
    chair_stand_result,
    not_completed,
    sit_to_stand_result,
)
from neuroguide.paths import Paths
from neuroguide.ui.checks.install import CHECK_SCREEN
from tests.helpers.keys import press_key
from tests.ui.checks.test_check_screens import checks_of, run_out, run_until, said, stored
from tests.ui.conftest import GuiDriver, open_gui


@pytest.fixture
def gui(qtbot: QtBot, app_paths: Paths) -> GuiDriver:
    return open_gui(qtbot, app_paths)


def start(gui: GuiDriver, qtbot: QtBot, check: CheckId) -> None:
    checks_of(gui).start_check(check.value)
    assert not gui.window.large_button.isVisible()  # no setting can change during a check
    assert not gui.window.keys_button.isVisible()
    press_key(gui.window, Qt.Key.Key_Space)  # I am ready
    assert checks_of(gui).view.page == "running"


def key(gui: GuiDriver, qtbot: QtBot, which: Qt.Key) -> None:
    press_key(gui.window, which)


def test_balance_held_in_every_position(gui: GuiDriver, qtbot: QtBot, app_paths: Paths) -> None:
    start(gui, qtbot, CheckId.BALANCE)
    run_out(gui)
    view = checks_of(gui).view
    assert view.page == "done"
    assert "last held without support: position 4 of 4" in view.result_text.text()
    assert stored(app_paths) == [balance_result([10, 10, 10, 10])]


@pytest.mark.parametrize("which", [Qt.Key.Key_Space, Qt.Key.Key_B, Qt.Key.Key_F5])
def test_balance_feet_moved_or_held_on_ends_the_position_not_held(
    gui: GuiDriver, qtbot: QtBot, app_paths: Paths, which: Qt.Key
) -> None:
    start(gui, qtbot, CheckId.BALANCE)
    run_until(gui, StepKind.STANCE, 10.5)
    run_until(gui, StepKind.STANCE, 10.5)
    run_until(gui, StepKind.STANCE, 2.0)  # 2 s into heel to toe
    key(gui, qtbot, which)
    view = checks_of(gui).view
    assert STOP_LOST in said(gui)
    assert view.page == "done"  # no question afterwards
    [result] = stored(app_paths)
    assert result.stances[:2] == (10, 10) and result.stances[2] < 3  # type: ignore[attr-defined]
    assert result.last_held == 2  # type: ignore[attr-defined]
    assert "Heel to toe not held" in view.comparison_text.text()
    assert "higher risk of falls" in view.comparison_text.text()


@pytest.mark.parametrize("check", list(CheckId))
def test_u_during_any_check_is_a_safety_stop(
    gui: GuiDriver, qtbot: QtBot, app_paths: Paths, check: CheckId
) -> None:
    start(gui, qtbot, check)
    run_until(gui, {CheckId.CHAIR_STAND: StepKind.TIMED, CheckId.BALANCE: StepKind.STANCE,
                    CheckId.SIT_TO_STAND: StepKind.STOPWATCH}[check], 1.0)  # fmt: skip
    key(gui, qtbot, Qt.Key.Key_U)
    assert UNSTEADY_WORDS in said(gui)
    [result] = stored(app_paths)
    assert result.outcome is CheckOutcome.UNSTEADY  # type: ignore[attr-defined]


def test_chair_stand_count_and_arms(gui: GuiDriver, qtbot: QtBot, app_paths: Paths) -> None:
    start(gui, qtbot, CheckId.CHAIR_STAND)
    run_out(gui)
    spoken = " ".join(said(gui))
    assert "43 centimetres, or 17 inches" in spoken
    assert spoken.index("Using your arms to stand up ends the check") < spoken.index("Go!")
    view = checks_of(gui).view
    assert view.page == "count"
    qtbot.mouseClick(view.count_arms_button, Qt.MouseButton.LeftButton)
    assert stored(app_paths) == [chair_stand_result(0, arms_used=True)]


def test_sit_to_stand_space_at_the_fifth_stand(
    gui: GuiDriver, qtbot: QtBot, app_paths: Paths
) -> None:
    start(gui, qtbot, CheckId.SIT_TO_STAND)
    run_until(gui, StepKind.STOPWATCH, 10.0)
    spoken = " ".join(said(gui))
    for words in ("helper presses Space", "foot pedal", "uncross your arms", "fifth time"):
        assert spoken.index(words) < spoken.index("Go!")
    key(gui, qtbot, Qt.Key.Key_Space)
    [result] = stored(app_paths)
    assert 10.0 <= result.seconds < 10.6  # type: ignore[attr-defined]
    assert checks_of(gui).view.page == "done"


def test_sit_to_stand_no_mark_is_not_completed(
    gui: GuiDriver, qtbot: QtBot, app_paths: Paths
) -> None:
    start(gui, qtbot, CheckId.SIT_TO_STAND)
    run_out(gui)
    view = checks_of(gui).view
    assert STOP_TIME_UP in said(gui)
    assert view.done_title.text() == "Not completed"
    assert "60" not in view.result_text.text()
    assert stored(app_paths) == [not_completed(CheckId.SIT_TO_STAND, EndReason.NO_MARK)]
    checks_of(gui).show_progress()
    card = checks_of(gui).progress_view.cards[CheckId.SIT_TO_STAND]
    assert "not completed" in card.latest.text()


def test_sit_to_stand_a_is_arms_and_esc_after_go_is_not_completed(
    gui: GuiDriver, qtbot: QtBot, app_paths: Paths
) -> None:
    start(gui, qtbot, CheckId.SIT_TO_STAND)
    run_until(gui, StepKind.STOPWATCH, 3.0)
    key(gui, qtbot, Qt.Key.Key_A)
    assert STOP_ARMS in said(gui)
    key(gui, qtbot, Qt.Key.Key_Space)  # home
    start(gui, qtbot, CheckId.SIT_TO_STAND)
    run_until(gui, StepKind.STOPWATCH, 3.0)
    key(gui, qtbot, Qt.Key.Key_Escape)
    assert gui.window.current_screen == CHECK_SCREEN
    assert checks_of(gui).view.done_title.text() == "Not completed"
    assert stored(app_paths) == [
        sit_to_stand_result(None, arms_used=True),
        not_completed(CheckId.SIT_TO_STAND, EndReason.STOPPED),
    ]


def test_esc_before_go_stores_nothing(gui: GuiDriver, qtbot: QtBot, app_paths: Paths) -> None:
    start(gui, qtbot, CheckId.SIT_TO_STAND)
    run_until(gui, StepKind.GET_READY, 1.0)
    key(gui, qtbot, Qt.Key.Key_Escape)
    assert gui.window.current_screen == "home"
    assert stored(app_paths) == []
