"""The window's features share one context: a setting changed anywhere reaches every screen.

The text size changed on the home screen must reach screens built by other features (History,
Settings, the editor, the progress checks), and a settings file that cannot be written must be
said in the window, not only on stderr (issue 21).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from neuroguide.present.metrics import Metrics
from neuroguide.speech.speaker import RecordingSpeaker
from neuroguide.ui.common.controls import Stepper
from neuroguide.ui.context import VoiceHolder
from neuroguide.ui.shell.main_window import MainWindow, after_first_paint
from tests.ui.conftest import GuiDriver


def _stepper_font(metrics: Metrics) -> str:
    return f"font-size: {metrics.points(1.5)}pt"


def _count_columns(driver: GuiDriver) -> int:
    view = driver.gui.checks.view
    grid = view.count_grid
    return max(grid.getItemPosition(grid.indexOf(b))[1] for b in view.count_buttons) + 1


def test_a_text_size_changed_on_home_reaches_every_screen_built(
    driver: GuiDriver, qtbot: QtBot
) -> None:
    gui = driver.gui
    gui.ctx.settings.update(text_scale=150)
    # Open each feature's screen once, so each exists before the text size changes.
    driver.home.view.history_button.click()
    assert gui.history_screen is not None
    review = gui.history_screen.review
    gui.settings.show()
    gui.editor.show()
    editor_stepper = gui.editor.screen.step_page.findChildren(Stepper)[0]
    settings_stepper = gui.settings.screen.findChildren(Stepper)[0]
    checks = gui.checks.view
    driver.home.go_home()
    before = gui.ctx.metrics
    assert review.metrics == before, "History starts at the size in force"
    columns_before = _count_columns(driver)

    qtbot.mouseClick(driver.home.view.text_size_button, Qt.MouseButton.LeftButton)
    assert gui.ctx.settings.settings.text_scale == 175, "the home screen's Text size button"
    after = gui.ctx.metrics
    assert after.text_factor > before.text_factor

    assert review.metrics == after and review.metrics != before, "History"
    assert _stepper_font(after) in settings_stepper.minus.styleSheet(), "Settings"
    assert _stepper_font(after) in editor_stepper.minus.styleSheet(), "the editor"
    assert checks is gui.checks.view
    assert _count_columns(driver) < columns_before, "the progress checks"


def test_a_screen_built_later_starts_at_the_size_in_force(driver: GuiDriver, qtbot: QtBot) -> None:
    while driver.gui.ctx.settings.settings.text_scale != 150:
        qtbot.mouseClick(driver.home.view.text_size_button, Qt.MouseButton.LeftButton)
    driver.home.view.history_button.click()
    assert driver.gui.history_screen is not None
    review = driver.gui.history_screen.review
    assert review.metrics == driver.gui.ctx.metrics
    assert review.metrics.text_scale == 150


def test_a_settings_file_that_cannot_be_written_is_said_in_the_window(
    driver: GuiDriver, qtbot: QtBot
) -> None:
    settings_file = driver.gui.ctx.paths.settings_file
    if settings_file.exists():
        settings_file.unlink()
    settings_file.mkdir()  # a folder where the file goes: writing it fails for real
    (settings_file / "keep").write_text("so the folder is not empty\n")
    window = driver.window
    assert not window.notice.isVisibleTo(window)

    qtbot.mouseClick(driver.home.view.text_size_button, Qt.MouseButton.LeftButton)

    assert window.notice.isVisibleTo(window)
    assert "could not be saved" in window.notice_text.text()
    assert str(settings_file) in window.notice_text.text()
    assert driver.gui.ctx.settings.settings.text_scale == 125, "the change applies for this run"


def test_the_voice_starts_when_first_asked_for_and_closes_only_if_started() -> None:
    started: list[RecordingSpeaker] = []

    def start() -> RecordingSpeaker:
        started.append(RecordingSpeaker())
        return started[-1]

    holder = VoiceHolder(start=start)
    holder.close()
    assert started == [], "closing a voice never started starts none"
    assert holder() is holder.speaker is started[0]
    holder.warm()
    assert len(started) == 1, "started once"
    replaced = holder.swap(RecordingSpeaker())
    assert replaced is started[0] and holder.speaker is not replaced


def test_work_after_the_first_paint_waits_for_it(qtbot: QtBot) -> None:
    window = MainWindow(Metrics(large=False, text_scale=100))
    qtbot.addWidget(window)
    calls: list[int] = []
    after_first_paint(window, lambda: calls.append(1))
    qtbot.wait(50)
    assert calls == [], "not before the window is shown and painted"
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: calls == [1])
    window.update()
    qtbot.wait(50)
    assert calls == [1], "once only"


def test_the_home_cards_are_measured_without_the_session_or_the_voice(
    driver: GuiDriver,
) -> None:
    """The home screen's lengths need neither the session's steps nor a started voice: its
    first paint builds neither (issue 21). The voice it would start measures the same."""
    from dataclasses import replace

    from neuroguide.ui.session.flow import SessionFlow

    gui = driver.gui
    gui.ctx.settings.update(voice=False)  # a voice that measures silently, started or not
    started: list[RecordingSpeaker] = []

    def start() -> RecordingSpeaker:
        started.append(RecordingSpeaker())
        return started[-1]

    ctx = replace(gui.ctx, voice=VoiceHolder(start=start))
    flow = SessionFlow(ctx, gui.history)
    routines = gui.ctx.content.catalog.ordered()
    before = [flow.lengths()(r) for r in routines]
    assert started == [] and flow._steps is None, "nothing built to measure"
    ctx.voice.warm()
    assert [flow.lengths()(r) for r in routines] == before
    assert [gui.flow.lengths()(r) for r in routines] == before, "the window's own flow"
