"""Seated profile and "start gently" on the way into a session, through the real flow."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neuroguide.core.gentle import SessionOutcome
from neuroguide.core.seated import SeatedVersion
from neuroguide.settings import load_settings
from neuroguide.store.models import CheckIn, Moment
from tests.helpers.keys import press_key
from tests.store.seed import add_session
from tests.ui.conftest import GuiDriver


def test_a_standing_routine_offers_its_seated_version(driver: GuiDriver) -> None:
    driver.flow.ctx.settings.update(seated_only=True)
    driver.flow.start_routine("lower-leg-stretches")
    assert driver.window.current_screen == "seated-offer"
    offer = driver.flow.steps.seated_offer
    offer.no_button.click()  # the first offer asks "Do you use a wheelchair?" first
    assert "→" in offer.changes.text() and offer.seated_button.isVisible()
    offer.seated_button.click()
    assert driver.window.current_screen == "player", "no safety check when seated"
    routine = driver.flow.routine
    assert (
        routine is not None and routine.position == "seated" and routine.id == "lower-leg-stretches"
    )


def test_the_routine_can_still_be_done_as_written_or_not_at_all(driver: GuiDriver) -> None:
    driver.flow.ctx.settings.update(seated_only=True)
    driver.flow.start_routine("balance")
    offer = driver.flow.steps.seated_offer
    offer.no_button.click()  # the first offer asks "Do you use a wheelchair?" first
    offer.as_written_button.click()
    assert driver.window.current_screen == "safety"
    assert driver.flow.routine is not None and driver.flow.routine.name == "Balance at the wall"
    driver.home.go_home()
    driver.flow.start_routine("balance")
    assert offer.handle_key(0x01000000)  # Escape
    assert driver.window.current_screen == "home"
    driver.flow.steps._seated_chosen(seated=True)  # a late press after leaving does nothing
    assert driver.window.current_screen == "home"


def test_the_first_seated_offer_asks_about_a_wheelchair_the_second_does_not(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    store = driver.flow.ctx.settings
    store.update(seated_only=True)
    driver.flow.start_routine("lower-leg-stretches")
    offer = driver.flow.steps.seated_offer
    assert offer.asking and offer.question.isVisible()
    assert not offer.seated_button.isVisible(), "the question takes the offer's place"
    assert offer.yes_button.hasFocus(), "the frame starts on Yes"
    press_key(driver.window, Qt.Key.Key_Right)  # the arrows (a remote) move the frame
    assert offer.no_button.hasFocus()
    press_key(driver.window, Qt.Key.Key_Space)  # Space presses the framed answer
    assert not offer.asking and offer.seated_button.isVisible()
    assert driver.window.current_screen == "seated-offer"
    assert store.settings.wheelchair_asked and not store.settings.wheelchair
    assert load_settings(driver.gui.ctx.paths.settings_file)[0].wheelchair_asked, "remembered"
    press_key(driver.window, Qt.Key.Key_Space)  # and now Space starts the seated version
    assert driver.window.current_screen == "player"
    driver.home.go_home()
    driver.flow.start_routine("lower-leg-stretches")
    assert driver.window.current_screen == "seated-offer" and not offer.asking


def test_escape_leaves_the_question_unanswered_and_settings_count_as_an_answer(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    store = driver.flow.ctx.settings
    store.update(seated_only=True)
    driver.flow.start_routine("balance")
    offer = driver.flow.steps.seated_offer
    press_key(driver.window, Qt.Key.Key_Escape)
    assert not offer.asking and driver.window.current_screen == "seated-offer"
    assert not store.settings.wheelchair_asked, "asked again next time"
    driver.home.go_home()
    driver.gui.settings.controller.apply("wheelchair", False)  # answered in Settings
    assert store.settings.wheelchair_asked
    driver.flow.start_routine("balance")
    assert not offer.asking


def test_yes_makes_the_seated_session_say_the_wheelchair_words(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    store = driver.flow.ctx.settings
    store.update(seated_only=True)
    driver.flow.start_routine("lower-leg-stretches")
    offer = driver.flow.steps.seated_offer
    press_key(driver.window, Qt.Key.Key_Space)  # the frame starts on Yes
    assert store.settings.wheelchair and store.settings.wheelchair_asked
    offer.seated_button.click()
    assert driver.window.current_screen == "player"
    driver.run_to_end()
    said = " ".join(cue.text for cue in driver.speaker.said).lower()
    assert "brakes on" in said and "footrest" in said


def test_a_routine_with_nothing_seated_says_so(driver: GuiDriver) -> None:
    walk = driver.flow.ctx.content.catalog.routines["walk-or-ride"]
    offer = driver.flow.steps.seated_offer
    offer.show_version(SeatedVersion(walk, None, (), ("Walking",)))
    assert "no seated version" in offer.text.text() and "Walking" in offer.changes.text()
    assert offer.seated_button.isHidden()
    assert offer.handle_key(0x20), "Space does nothing harmful when there is no seated version"
    assert not offer.handle_key(0x41)


def test_a_seated_routine_starts_without_an_offer(driver: GuiDriver) -> None:
    driver.flow.ctx.settings.update(seated_only=True)
    driver.flow.start_routine("seated")
    assert driver.window.current_screen == "player"


def test_start_gently_scales_the_first_sessions(driver: GuiDriver) -> None:
    driver.flow.ctx.settings.update(start_gently=True, gentle_since=date.today().isoformat())
    driver.flow.start_routine("seated")
    routine = driver.flow.routine
    assert routine is not None and "gentle" in routine.name
    full = driver.flow.ctx.content.catalog.routines["seated"]
    index, step = next((i, s) for i, s in enumerate(full.steps) if s.dose.hold is not None)
    assert step.dose.hold is not None
    assert routine.steps[index].dose.hold == round(step.dose.hold * 2 / 3)


def test_good_sessions_in_the_history_raise_the_level(driver: GuiDriver) -> None:
    steps = driver.flow.steps
    driver.flow.ctx.settings.update(start_gently=True, gentle_since="not a date")
    assert steps.gentle_level() == 0
    assert steps.history is not None
    history = steps.history
    start = datetime.now(UTC) - timedelta(minutes=30)
    calm = CheckIn(Moment.BEFORE, pain=3), CheckIn(Moment.AFTER, pain=3)
    worse = CheckIn(Moment.BEFORE, pain=3), CheckIn(Moment.AFTER, pain=6)
    add_session(history, start, before=calm[0], after=calm[1])
    add_session(history, start + timedelta(minutes=5), before=worse[0], after=worse[1])
    add_session(history, start + timedelta(minutes=10))
    add_session(history, start + timedelta(minutes=15), outcome="stopped")
    outcomes = history.session_outcomes(date.today() - timedelta(days=1))
    assert outcomes == [
        SessionOutcome(True, 3, 3),
        SessionOutcome(True, 3, 6),
        SessionOutcome(True, None, None),
        SessionOutcome(False, None, None),
    ]
    driver.flow.ctx.settings.update(gentle_since=(date.today() - timedelta(days=1)).isoformat())
    assert steps.gentle_level() == 1
    for minutes in range(20, 60, 5):
        add_session(history, start + timedelta(minutes=minutes))
    assert "full amount" in steps.describe_gentle() and steps.gentle_level() == 4
    driver.flow.start_routine("seated")
    assert driver.flow.routine is not None and "gentle" not in driver.flow.routine.name


def test_one_switch_answers_the_wheelchair_question_by_scanning(
    qtbot: QtBot, driver: GuiDriver
) -> None:
    from tests.ui.shell.test_scanning import choose, start_scanning

    store = driver.flow.ctx.settings
    store.update(seated_only=True)
    start_scanning(qtbot, driver)
    driver.flow.start_routine("lower-leg-stretches")
    offer = driver.flow.steps.seated_offer
    QApplication.processEvents()
    assert driver.window.scanner.lit() == [offer.yes_button], "the scan starts on Yes"
    choose(qtbot, driver, offer.no_button)
    assert store.settings.wheelchair_asked and not store.settings.wheelchair
    choose(qtbot, driver, offer.seated_button)
    assert driver.window.current_screen == "player"
