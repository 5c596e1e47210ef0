"""The routine editor: build, change, reorder, save, reopen, import and export routines.

Everything the editor writes must pass ``neuroguide check`` (the same checker as the app).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neuroguide.cli.parser import main as cli_main
from neuroguide.core.library import Position
from neuroguide.paths import Paths
from neuroguide.ui.editor.screen import EditorScreen
from tests.ui.conftest import GuiDriver


def open_editor(driver: GuiDriver) -> EditorScreen:
    gui = driver.gui
    driver.home.view.editor_button.click()
    assert driver.window.current_screen == "editor"
    return gui.editor.screen


def check_file(paths: Paths, path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    status = cli_main(["--data-dir", str(paths.data_dir), "check", str(path)])
    out = capsys.readouterr().out
    assert status == 0, out
    return out


def build_routine(editor: EditorScreen, qtbot: QtBot, name: str = "Physio plan") -> None:
    editor.list_page.new_button.click()
    page = editor.routine_page
    assert editor.currentWidget() is page and not page.save_button.isEnabled()
    page.name.clear()
    qtbot.keyClicks(page.name, name)
    for category, exercise_id in (("flexibility", "calf-stretch"), ("strength", "toe-point-flex")):
        page.add_button.click()
        picker = editor.picker
        picker.category.button_for(category).click()
        card = next(c for c in picker.cards if c.exercise.id == exercise_id)
        card.add_button.click()
        assert editor.currentWidget() is page


def test_a_routine_built_with_buttons_is_saved_checked_and_on_the_home_screen(
    driver: GuiDriver, qtbot: QtBot, app_paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    editor = open_editor(driver)
    build_routine(editor, qtbot)
    page = editor.routine_page
    page.rows[0].change_button.click()
    step = editor.step_page
    step.hold.preset_buttons[2].click()  # 45 s
    step.sets.preset_buttons[2].click()  # 3 sets
    step.rest.plus.click()
    step.done_button.click()
    page.rows[1].up_button.click()
    assert [s.exercise.id for s in editor.draft.steps] == ["toe-point-flex", "calf-stretch"]
    page.save_button.click()
    path = app_paths.user_routines / "physio-plan.toml"
    assert path.is_file() and "Saved Physio plan" in editor.list_page.message.text()
    assert "ok: 'physio-plan', 2 steps" in check_file(app_paths, path, capsys)
    table = tomllib.loads(path.read_text())
    assert table["name"] == "Physio plan" and table["steps"][1]["hold"] == 45
    assert table["steps"][1]["sets"] == 3
    assert "physio-plan" in [card.info.id for card in driver.home.view.cards]
    driver.home.go_home()
    open_editor(driver).list_page.row("physio-plan").edit_button.click()
    reopened = editor.draft
    assert reopened is not None and reopened.steps[1].dose.hold == 45
    assert editor.routine_page.name.text() == "Physio plan"


def test_total_time_follows_every_change(driver: GuiDriver, qtbot: QtBot) -> None:
    editor = open_editor(driver)
    build_routine(editor, qtbot)
    before = editor.routine_page.total.text()
    editor.routine_page.rows[0].change_button.click()
    editor.step_page.hold.preset_buttons[3].click()  # 60 s
    editor.step_page.done_button.click()
    after = editor.routine_page.total.text()
    assert before != after and after.startswith("Total time: ")
    editor.routine_page.rows[1].remove_button.click()
    assert "1 exercise" in editor.routine_page.total.text()


def test_the_step_page_switches_kind_and_keeps_values_in_range(
    driver: GuiDriver, qtbot: QtBot
) -> None:
    editor = open_editor(driver)
    build_routine(editor, qtbot)
    editor.routine_page.rows[0].change_button.click()
    step = editor.step_page
    step.kind.button_for("reps").click()
    assert step.step.dose.reps is not None and step.cadence.isVisible()
    step.kind.button_for("duration").click()
    assert step.step.dose.duration == 300 and not step.cadence.isVisible()
    step.sets.preset_buttons[0].click()
    assert not step.rest.isVisible(), "no rest to set with one set"
    for _ in range(30):
        step.sets.minus.click()
    assert step.step.dose.sets == 1 and not step.sets.minus.isEnabled()
    step.sides.button_for(("left", "right")).click()
    assert step.step.dose.sides == ("left", "right")


def test_a_name_is_needed_and_explained_on_the_spot(
    driver: GuiDriver, qtbot: QtBot, app_paths: Paths
) -> None:
    editor = open_editor(driver)
    build_routine(editor, qtbot, name="x")
    page = editor.routine_page
    page.name.selectAll()
    qtbot.keyClick(page.name, "\b")
    assert page.name_problem.isVisible() and "name" in page.name_problem.text()
    page.save_button.click()
    assert editor.currentWidget() is page
    assert not app_paths.user_routines.exists() or not list(app_paths.user_routines.iterdir())


def test_builtins_are_duplicated_not_changed_and_copies_can_be_deleted(
    driver: GuiDriver, app_paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    editor = open_editor(driver)
    builtin = editor.list_page.row("balance")
    assert builtin.edit_button is None and builtin.delete_button is None
    builtin.duplicate_button.click()
    assert editor.routine_page.name.text() == "Balance at the wall (my copy)"
    editor.routine_page.save_button.click()
    copy_path = app_paths.user_routines / "balance-at-the-wall-my-copy.toml"
    check_file(app_paths, copy_path, capsys)
    row = editor.list_page.row("balance-at-the-wall-my-copy")
    assert row.delete_button is not None and row.confirm_button is not None
    row.delete_button.click()
    assert row.confirm_button.isVisible() and copy_path.exists(), "asks once more first"
    row.confirm_button.click()
    assert not copy_path.exists()
    assert "balance-at-the-wall-my-copy" not in driver.flow.ctx.content.catalog.routines
    assert "balance" in driver.flow.ctx.content.catalog.routines


def test_a_renamed_routine_keeps_its_file_and_id(
    driver: GuiDriver, qtbot: QtBot, app_paths: Paths
) -> None:
    editor = open_editor(driver)
    build_routine(editor, qtbot, name="Morning")
    editor.routine_page.save_button.click()
    row = editor.list_page.row("morning")
    assert row.edit_button is not None
    row.edit_button.click()
    editor.routine_page.name.clear()
    qtbot.keyClicks(editor.routine_page.name, "Morning, gently")
    editor.routine_page.save_button.click()
    assert [p.name for p in app_paths.user_routines.glob("*.toml")] == ["morning.toml"]
    assert driver.flow.ctx.content.catalog.routines["morning"].name == "Morning, gently"


def test_import_checks_like_neuroguide_check(
    driver: GuiDriver, tmp_path: Path, app_paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    editor = open_editor(driver)
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "mine"\nname = "Mine"\n[[steps]]\nexercise = "calf-strech"\nhold = 15\n')
    assert cli_main(["--data-dir", str(app_paths.data_dir), "check", str(bad)]) == 1
    expected = capsys.readouterr().out.strip()
    assert not editor.import_path(bad)
    assert expected and expected in editor.list_page.message.text()
    assert "mine" not in driver.flow.ctx.content.catalog.routines
    good = tmp_path / "good.toml"
    good.write_text('id = "mine"\nname = "Mine"\n[[steps]]\nexercise = "calf-stretch"\nhold = 15\n')
    assert editor.import_path(good)
    assert (app_paths.user_routines / "mine.toml").read_text() == good.read_text()
    assert editor.import_path(good), "the same id again gets a new one"
    assert "mine-2" in driver.flow.ctx.content.catalog.routines
    check_file(app_paths, app_paths.user_routines / "mine-2.toml", capsys)
    assert not editor.import_path(tmp_path / "missing.toml")


def test_export_writes_a_file_that_reads_back_the_same(
    driver: GuiDriver, tmp_path: Path, app_paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    editor = open_editor(driver)
    target = tmp_path / "shared.toml"
    assert editor.export_to("lower-leg-stretches", target)
    check_file(app_paths, target, capsys)
    original = driver.flow.ctx.content.catalog.routines["lower-leg-stretches"]
    assert tomllib.loads(target.read_text())["name"] == original.name
    assert not editor.export_to("balance", tmp_path / "no-such-folder" / "x.toml")
    assert "could not be written" in editor.list_page.message.text()


def test_the_picker_filters_by_words_category_and_the_seated_profile(
    driver: GuiDriver, qtbot: QtBot
) -> None:
    editor = open_editor(driver)
    editor.list_page.new_button.click()
    editor.routine_page.add_button.click()
    picker = editor.picker
    qtbot.keyClicks(picker.search, "calf")
    assert picker.cards and all("calf" in c.exercise.name.lower() for c in picker.cards)
    picker.position.button_for(Position.SEATED).click()
    assert all(c.exercise.position is Position.SEATED for c in picker.cards)
    qtbot.keyClicks(picker.search, "zzz")
    assert not picker.cards and "No exercise fits" in picker.count.text()
    picker.back_button.click()
    driver.flow.ctx.settings.update(seated_only=True)
    editor.routine_page.add_button.click()
    picker.search.clear()
    assert picker.cards and not picker.position.isVisible()
    assert all(c.exercise.position is not Position.STANDING for c in picker.cards)


def test_escape_goes_back_a_page(driver: GuiDriver, qtbot: QtBot) -> None:
    editor = open_editor(driver)
    editor.list_page.new_button.click()
    editor.routine_page.add_button.click()
    assert editor.handle_key(0x01000000)  # Escape
    assert editor.currentWidget() is editor.routine_page
    assert editor.handle_key(0x01000000)
    assert editor.currentWidget() is editor.list_page
    assert editor.handle_key(0x01000000)
    QApplication.processEvents()
    assert driver.window.current_screen == "home"


def test_the_handout_names_are_typed_in_the_editor_saved_in_the_file_and_read_back(
    driver: GuiDriver, qtbot: QtBot, app_paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    editor = open_editor(driver)
    build_routine(editor, qtbot)
    page = editor.routine_page
    qtbot.keyClicks(page.patient, "Mrs Asha Patel")
    qtbot.keyClicks(page.giver, "Sam Okoro")
    qtbot.keyClicks(page.contact, "01632 960 123")
    page.save_button.click()
    path = app_paths.user_routines / "physio-plan.toml"
    assert "ok: 'physio-plan'" in check_file(app_paths, path, capsys)
    table = tomllib.loads(path.read_text())
    assert table["handout"] == {
        "patient": "Mrs Asha Patel",
        "from": "Sam Okoro",
        "contact": "01632 960 123",
    }
    driver.home.go_home()
    open_editor(driver).list_page.row("physio-plan").edit_button.click()
    assert editor.routine_page.patient.text() == "Mrs Asha Patel"
    assert editor.routine_page.contact.text() == "01632 960 123"


def test_the_editor_sets_a_step_setup_time(
    driver: GuiDriver, qtbot: QtBot, app_paths: Paths
) -> None:
    """Issue 26 item 5: time to strap a weight on, set with buttons."""
    editor = open_editor(driver)
    build_routine(editor, qtbot)
    editor.routine_page.rows[0].change_button.click()
    step = editor.step_page
    step.setup.preset_buttons[2].click()  # 30 s
    step.done_button.click()
    assert editor.draft is not None and editor.draft.steps[0].setup == 30
    editor.routine_page.save_button.click()
    saved = (app_paths.user_routines / "physio-plan.toml").read_text()
    assert "setup = 30" in saved
