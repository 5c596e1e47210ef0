"""The issue's "done when": a physiotherapist's programme of three exercises NeuroGuide did not
know is typed in with big controls, played with the voice, printed, shared as one file, and
counted on the home screen against its schedule."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pytestqt.qtbot import QtBot

from neuroguide.core.library import Category, Position
from neuroguide.core.routine_writer import WorkKind
from neuroguide.paths import Paths
from neuroguide.ui.editor.screen import EditorScreen
from tests.programme.conftest import PNG, PROGRAMME
from tests.ui.conftest import GuiDriver
from tests.ui.editor.test_editor_screen import open_editor


def type_exercise(
    editor: EditorScreen,
    qtbot: QtBot,
    name: str,
    steps: str,
    category: Category,
    position: Position,
    kind: WorkKind,
) -> None:
    page = editor.exercise_page
    assert editor.currentWidget() is page
    qtbot.keyClicks(page.name, name)
    page.steps.setPlainText(steps)
    page.category.button_for(category).click()
    page.position.button_for(position).click()
    page.kind.button_for(kind).click()


def test_a_programme_is_typed_in_played_printed_shared_and_counted(
    driver: GuiDriver, qtbot: QtBot, app_paths: Paths, tmp_path: Path
) -> None:
    editor = open_editor(driver)
    # 1. Three own exercises, with buttons (typing only the names and the steps).
    editor.list_page.new_exercise_button.click()
    type_exercise(
        editor,
        qtbot,
        "Sit to stand",
        "1. Sit near the front of a chair.\n2. Stand up slowly.",
        Category.STRENGTH,
        Position.EITHER,
        WorkKind.REPS,
    )
    page = editor.exercise_page
    page.needs["chair"].click()
    page.sets.preset_buttons[1].click()  # 2 sets
    picture = tmp_path / "sit.png"
    picture.write_bytes(PNG)
    assert editor.exercises.use_image(picture)
    page.save_button.click()
    assert (app_paths.user_exercises / "sit-to-stand.toml").is_file()
    assert (app_paths.user_exercises / "pictures" / "sit-to-stand.png").read_bytes() == PNG
    editor.list_page.new_exercise_button.click()
    type_exercise(
        editor,
        qtbot,
        "Tandem stance",
        "Hold the counter.\nOne foot in front of the other.",
        Category.BALANCE,
        Position.STANDING,
        WorkKind.HOLD,
    )
    page.needs["wall"].click()
    page.sides.button_for(("left", "right")).click()
    page.picture.button_for("wall").click()
    page.save_button.click()
    editor.list_page.new_exercise_button.click()
    type_exercise(
        editor,
        qtbot,
        "Ankle circles",
        "Lift one foot.\nDraw slow circles.",
        Category.WARM_UP,
        Position.SEATED,
        WorkKind.DURATION,
    )
    page.save_button.click()
    library = driver.flow.ctx.content.library.exercises
    own = sorted((e for e in library.values() if e.own), key=lambda e: e.id, reverse=True)
    assert [e.name for e in own] == ["Tandem stance", "Sit to stand", "Ankle circles"]
    assert own[1].steps == ("Sit near the front of a chair.", "Stand up slowly.")
    assert own[1].dose.sets == 2 and own[0].dose.sides == ("left", "right")

    # 2. A routine of them, three days a week.
    editor.list_page.new_button.click()
    routine_page = editor.routine_page
    routine_page.name.clear()
    qtbot.keyClicks(routine_page.name, "Physio programme")
    for exercise_id in ("ankle-circles", "sit-to-stand", "tandem-stance"):
        routine_page.add_button.click()
        card = next(c for c in editor.picker.cards if c.exercise.id == exercise_id)
        card.add_button.click()
    routine_page.schedule.often.button_for("weekly").click()
    routine_page.schedule.days.preset_buttons[1].click()  # 3 days a week
    routine_page.save_button.click()
    routine = driver.flow.ctx.content.catalog.routines["physio-programme"]
    assert routine.schedule is not None and routine.schedule.per_week == 3
    card = next(c for c in driver.home.view.cards if c.info.id == "physio-programme")
    assert card.info.schedule == "3 days a week · 0 of 3 this week"

    # 3. Printed and shared as one file.
    handout = tmp_path / "handout.pdf"
    assert editor.programmes.handout_to("physio-programme", handout)
    assert handout.read_bytes().startswith(b"%PDF")
    shared = tmp_path / "physio.neuroguide"
    assert editor.programmes.share_to("physio-programme", shared)
    with zipfile.ZipFile(shared) as archive:
        assert sorted(archive.namelist()) == ["pictures/sit-to-stand.png", "routine.toml"]

    # 4. Played with the voice; then the home screen counts it.
    driver.home.go_home()
    driver.flow.start_routine("physio-programme")
    if driver.window.current_screen == "safety":
        driver.flow.safety.ready_button.click()
    assert driver.window.current_screen == "player"
    driver.run_to_end()
    said = " ".join(cue.text for cue in driver.speaker.said)
    for name in ("Ankle circles", "Sit to stand", "Tandem stance"):
        assert name in said
    assert "Stop if anything hurts, and keep breathing." in said  # the default safety line
    driver.home.go_home()
    card = next(c for c in driver.home.view.cards if c.info.id == "physio-programme")
    assert card.info.schedule.endswith("1 of 3 this week")


def test_an_own_exercise_round_trips_through_the_editor_and_its_file(
    driver: GuiDriver, qtbot: QtBot, app_paths: Paths
) -> None:
    app_paths.user_exercises.mkdir()
    path = app_paths.user_exercises / "heel-raise.toml"
    path.write_text(
        '[[exercises]]\nid = "heel-raise"\nname = "Heel raise at the sink"\n'
        'category = "strength"\nposition = "standing"\nneeds = ["wall"]\n'
        'steps = ["Hold the sink.", "Rise onto your toes."]\n'
        'dose = { reps = 12, sets = 2, rest = 15 }\npicture = "wall"\n'
    )
    driver.flow.ctx.settings.update()  # nothing changes; the editor reloads files on save
    editor = open_editor(driver)
    editor.files.reload()
    before = driver.flow.ctx.content.library.exercises["heel-raise"]
    editor.change_exercise("heel-raise")
    assert editor.exercise_page.name.text() == "Heel raise at the sink"
    editor.exercise_page.save_button.click()
    after = driver.flow.ctx.content.library.exercises["heel-raise"]
    assert after == before
    assert "heel-raise" in path.read_text()


def test_bad_form_values_get_a_message_and_nothing_is_written(
    driver: GuiDriver, app_paths: Paths
) -> None:
    editor = open_editor(driver)
    editor.list_page.new_exercise_button.click()
    editor.exercise_page.save_button.click()
    shown = editor.exercise_page.problems.text()
    assert "'name' must not be empty" in shown or "'steps' has 0 entries" in shown
    assert not app_paths.user_exercises.exists()
    bad = app_paths.data_dir / "bad.png"
    bad.write_text("not a picture")
    assert not editor.exercises.use_image(bad)
    assert "not a PNG image" in editor.exercise_page.problems.text()
    svg = "<svg xmlns='http://www.w3.org/2000/svg' {size}/>"
    huge = app_paths.data_dir / "huge.svg"
    huge.write_text(svg.format(size="width='100000' height='100000'"))
    assert not editor.exercises.use_image(huge)
    assert "100,000 × 100,000 pixels" in editor.exercise_page.problems.text()
    huge.write_text(svg.format(size=""))  # drawn at the size of what it draws: any size
    assert not editor.exercises.use_image(huge)
    assert "does not say how large it is" in editor.exercise_page.problems.text()
    huge.write_text(svg.format(size="viewBox='0 0 240 240'"))
    assert editor.exercises.use_image(huge)


def test_a_routine_with_inline_exercises_plays_in_the_app_with_name_and_safety_line(
    qtbot: QtBot, app_paths: Paths
) -> None:
    from tests.programme.conftest import MINI
    from tests.ui.conftest import open_gui

    app_paths.user_routines.mkdir(parents=True)
    (app_paths.user_routines / "mini.toml").write_text(MINI)
    driver = open_gui(qtbot, app_paths)
    driver.flow.start_routine("mini")
    assert driver.window.current_screen == "player"
    driver.advance(1)
    caption = driver.flow.player.caption_label.text()
    assert "Towel scrunches" in " ".join(cue.text for cue in driver.speaker.said)
    assert caption == driver.speaker.said[-1].text
    driver.run_to_end()
    said = " ".join(cue.text for cue in driver.speaker.said)
    assert "Keep your heel on the floor." in said  # with each hold, as it starts
    assert driver.window.current_screen == "summary"


def test_opening_a_shared_programme_shows_it_and_adds_it_on_a_press(
    driver: GuiDriver, app_paths: Paths, tmp_path: Path
) -> None:
    from neuroguide.app import open_programme
    from neuroguide.content.loader import load_content
    from neuroguide.content.programme import write_programme
    from neuroguide.core.routine_file import parse_routine

    given = tmp_path / "given"
    (given / "pictures").mkdir(parents=True)
    (given / "pictures" / "sit.png").write_bytes(PNG)
    library = load_content(app_paths).library
    routine, _problems = parse_routine(PROGRAMME.encode(), str(given / "p.toml"), library)
    assert routine is not None
    shared = tmp_path / "physio.neuroguide"
    write_programme(routine, shared)
    assert open_programme(driver.gui, shared)
    gui = driver.gui
    editor = gui.editor.screen
    assert editor.currentWidget() is editor.programme_page
    assert "Own exercise: Sit to stand" in editor.programme_page.contents.text()
    editor.programme_page.cancel_button.click()
    assert "physio-programme" not in driver.flow.ctx.content.catalog.routines
    assert open_programme(driver.gui, shared)
    editor.programme_page.add_button.click()
    assert "physio-programme" in driver.flow.ctx.content.catalog.routines
    assert "physio-programme" in [card.info.id for card in driver.home.view.cards]
    assert open_programme(driver.gui, shared)  # again: it asks before replacing
    assert editor.programme_page.replace_button.isVisibleTo(editor.programme_page)
    assert not editor.programme_page.add_button.isVisibleTo(editor.programme_page)
    bad = tmp_path / "bad.neuroguide"
    bad.write_bytes(b"PK\x03\x04 broken")
    assert not open_programme(driver.gui, bad)
    assert "nothing was changed" in editor.list_page.message.text()


def test_a_programme_with_a_built_in_routines_id_offers_no_red_replace(
    driver: GuiDriver, app_paths: Paths, tmp_path: Path
) -> None:
    from neuroguide.app import open_programme
    from neuroguide.content.loader import load_content
    from neuroguide.content.programme import write_programme
    from neuroguide.core.routine_file import parse_routine

    given = tmp_path / "given"
    (given / "pictures").mkdir(parents=True)
    (given / "pictures" / "sit.png").write_bytes(PNG)
    library = load_content(app_paths).library
    text = PROGRAMME.replace('id = "physio-programme"', 'id = "stretch-break"')
    assert text != PROGRAMME
    routine, _problems = parse_routine(text.encode(), str(given / "p.toml"), library)
    assert routine is not None
    shared = tmp_path / "same-id.neuroguide"
    write_programme(routine, shared)
    assert open_programme(driver.gui, shared)
    page = driver.gui.editor.screen.programme_page
    assert page.replace_button.isVisibleTo(page)
    assert page.replace_button.text() == "Use it instead of the built-in"
    assert page.replace_button.property("role") == "primary"  # not the red "danger"
    assert "built-in routine with this id: Stretch break" in page.conflict.text()


def test_a_handout_that_cannot_be_written_is_not_called_saved(
    driver: GuiDriver, tmp_path: Path, capfd: object
) -> None:
    editor = open_editor(driver)
    target = tmp_path / "no-such-folder" / "handout.pdf"
    assert not editor.programmes.handout_to("seated", target)
    shown = editor.list_page.message.text()
    assert "could not be written" in shown and "Saved" not in shown
    assert not target.exists()
    out, err = capfd.readouterr()  # type: ignore[attr-defined]
    assert "QPainter" not in out + err
