"""Issue 26, done-when 2, in the window: every home card gives the length the dry run takes
and the player starts from, for a new person and for one who knows every exercise, with the
routines as written and in their seated versions.

``tests/test_lengths_as_heard.py`` compares ``routines`` with the dry run; here the card and
the player are compared with the same dry run. The test window speaks through a recording
speaker, which has no clips; the card and the player's plan are given the clip lengths a
real voice with an empty phrase cache has (the ones ``routines`` and the dry run use), so the
words take their time here too.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from neuroguide.content.loader import load_content
from neuroguide.core.library import Routine, format_duration
from neuroguide.core.speech_plan import SpeechPlan, plan_speech
from neuroguide.paths import Paths
from neuroguide.settings import Settings, save_settings
from neuroguide.speech.heard import settings_lengths
from neuroguide.store.database import open_history
from tests.helpers.keys import press_key
from tests.store.seed import add_session
from tests.test_lengths_as_heard import dry_run_length, seconds
from tests.ui.conftest import open_gui


@pytest.mark.parametrize("known", [False, True], ids=["first-time", "after"])
@pytest.mark.parametrize("seated", [False, True], ids=["as-written", "seated"])
def test_every_card_gives_the_dry_runs_length_and_the_player_starts_from_it(
    qtbot: QtBot,
    app_paths: Paths,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    seated: bool,
    known: bool,
) -> None:
    settings = Settings(seated_only=seated, checkins=False, safety_check=False)
    save_settings(settings, app_paths.settings_file)
    library = load_content(app_paths).library
    if known:  # a person who has done every exercise hears the short announcements
        connection = open_history(app_paths.history_db).connection
        start = datetime.now(UTC) - timedelta(days=1)
        for minute, exercise in enumerate(library.exercises):
            add_session(connection, start + timedelta(minutes=minute), exercise_id=exercise)
        connection.close()
    voice = settings_lengths(app_paths, settings)
    # the cards measure with the voice in use (SessionFlow.lengths asks speech.heard)
    monkeypatch.setattr("neuroguide.speech.heard.speaker_lengths", lambda _speaker: voice)

    def start_plan(
        routine: Routine, _speaker: object, *, minimum: int, known: Collection[str] = ()
    ) -> SpeechPlan:  # what start_plan plans for a real voice whose clips are not made yet
        return plan_speech(routine, minimum=minimum, known=known, lengths=voice)

    monkeypatch.setattr("neuroguide.ui.session.steps.start_plan", start_plan)
    driver = open_gui(qtbot, app_paths)
    cards = list(driver.home.view.cards)
    assert len(cards) >= 7
    for card in cards:
        routine = card.info.id
        shown = seconds(card.info.length)
        ran = dry_run_length(app_paths.data_dir, routine, capsys, known=None)
        assert abs(shown - ran) <= 1, (routine, card.info.length, format_duration(ran))
        driver.flow.start_routine(routine)
        if driver.window.current_screen == "seated-offer":  # a routine with nothing seated
            driver.flow.steps.seated_offer.no_button.click()
            press_key(driver.window, Qt.Key.Key_Escape)
            continue
        assert driver.window.current_screen == "player", routine
        controller = driver.flow.controller
        assert controller is not None
        assert format_duration(controller.session.time_left()) == card.info.length, routine
        driver.flow.steps.leave()
