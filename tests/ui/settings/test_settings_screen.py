"""The settings screen: every setting changes with big buttons, takes effect at once and lasts."""

from __future__ import annotations

from dataclasses import fields

import pytest
from pytestqt.qtbot import QtBot

from neuroguide.app import Gui
from neuroguide.core.cues import Cue
from neuroguide.paths import Paths
from neuroguide.settings import DEFAULTS, Settings, load_settings
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.speaker import NullSpeaker, RecordingSpeaker
from neuroguide.ui.settings.screen import SettingsScreen
from tests.ui.conftest import GuiDriver, open_gui

# birth_year and sex are asked in the Progress checks view (neuroguide/ui/checks), where the
# comparison they serve is shown.
NOT_ON_SCREEN = {
    "voice_id",
    "gentle_since",
    "window_geometry",
    "birth_year",
    "sex",
    "wheelchair_asked",
    "welcome_seen",
}


class ConfigurableSpeaker(RecordingSpeaker):
    """Records cues and every voice change."""

    def __init__(self) -> None:
        super().__init__()
        self.voices: list[VoiceSettings] = []

    def configure(self, voice: VoiceSettings) -> None:
        self.voices.append(voice)


def fake_voices() -> tuple[list[tuple[str, str]], str | None]:
    return [("en", "English"), ("fr", "French")], None


def open_settings(driver: GuiDriver) -> tuple[Gui, SettingsScreen]:
    gui = driver.gui
    gui.settings._voices = fake_voices
    driver.home.view.settings_button.click()
    assert driver.window.current_screen == "settings"
    return gui, gui.settings.screen


def test_every_setting_but_internal_ones_has_a_control(driver: GuiDriver) -> None:
    _gui, screen = open_settings(driver)
    shown = set(screen.toggles) | set(screen.steppers) | set(screen.choices)
    shown |= {"voice_id", "switch_key"}  # the voice picker and the switch learner
    wanted = {f.name for f in fields(Settings)} - (NOT_ON_SCREEN - {"voice_id"})
    assert shown == wanted


def test_every_toggle_stepper_and_choice_saves_at_once(driver: GuiDriver, app_paths: Paths) -> None:
    _gui, screen = open_settings(driver)
    store = driver.flow.ctx.settings
    screen.toggles["break_reminders"].click()  # their details are off until they are on
    screen.toggles["session_reminder"].click()
    for key, stepper in screen.steppers.items():
        before = getattr(store.settings, key)
        (stepper.plus if stepper.plus.isEnabled() else stepper.minus).click()
        assert getattr(store.settings, key) != before, key
    for key, choice in screen.choices.items():
        other = next(b for b in choice.buttons if not b.isChecked())
        other.click()
        assert getattr(store.settings, key) == choice.value, key
    for key, button in screen.toggles.items():
        before = getattr(store.settings, key)
        button.click()
        assert getattr(store.settings, key) is (not before), key
        assert screen.toggles[key].text() == ("On" if not before else "Off")
    saved, problems = load_settings(app_paths.settings_file)
    assert problems == [] and saved == store.settings


def test_look_settings_apply_to_the_whole_window(driver: GuiDriver) -> None:
    _gui, screen = open_settings(driver)
    from PySide6.QtWidgets import QLabel

    text = QLabel("Any", driver.window)  # any label without a role: the base text size
    text.ensurePolished()
    font = text.font().pointSizeF()
    screen.choices["text_scale"].button_for(150).click()
    assert text.font().pointSizeF() == pytest.approx(font * 1.5, abs=0.2)
    assert driver.home.view.text_size_button.text() == "Text size: 150 %"
    screen.choices["theme"].button_for("high-contrast").click()
    assert "high contrast" in driver.home.view.theme_button.text()
    screen.toggles["large_buttons"].click()
    assert driver.gui.ctx.look.large and driver.window.large_button.isChecked()
    assert screen.toggles["large_buttons"].text() == "On"
    driver.window.large_button.click()
    assert screen.toggles["large_buttons"].text() == "Off", "the header switch shows here too"


def test_goal_seated_and_suggestion_change_the_home_screen(driver: GuiDriver) -> None:
    _gui, screen = open_settings(driver)
    screen.steppers["weekly_goal_minutes"].preset_buttons[0].click()
    assert "of 60 min" in driver.home.view.progress_text.text()
    screen.choices["suggested_routine"].button_for("balance").click()
    assert driver.home.view.start_button.text() == "Start Balance at the wall"
    screen.toggles["seated_only"].click()
    cards = driver.home.view.cards
    assert cards and all(card.info.position.startswith("seated") for card in cards)
    # the balance routine's seated version is named for what it is (no balance work)
    assert driver.home.view.start_button.text() == "Start Seated calf raises"


def test_voice_settings_reach_the_speaker_at_once(qtbot: QtBot, app_paths: Paths) -> None:
    driver = open_gui(qtbot, app_paths)
    speaker = ConfigurableSpeaker()
    driver.flow.ctx.voice.swap(speaker)
    _gui, screen = open_settings(driver)
    screen.voice.next_button.click()
    assert driver.flow.ctx.settings.settings.voice_id == "en"
    assert screen.voice.shown.text() == "English"
    screen.voice.next_button.click()
    screen.steppers["voice_rate"].plus.click()
    assert speaker.voices[-1] == VoiceSettings("fr", 170, 100)
    screen.voice.standard_button.click()
    assert speaker.voices[-1].voice_id == "" and "standard" in screen.voice.shown.text()
    screen.voice.try_button.click()
    assert isinstance(speaker.said[-1], Cue) and "Breathe" in speaker.said[-1].text
    screen.toggles["voice"].click()
    assert isinstance(driver.flow.ctx.voice.speaker, NullSpeaker)
    assert not screen.voice.isEnabled(), "voice choices are off with the voice"
    screen.toggles["voice"].click()
    assert driver.flow.ctx.voice.speaker is speaker, "the same voice comes back"


def test_a_missing_voice_engine_is_explained(driver: GuiDriver) -> None:
    gui, screen = open_settings(driver)
    screen.voice._load = lambda: ([], "The voice engine is missing.")
    screen.voice.next_button.click()
    assert screen.voice.shown.text() == "The voice engine is missing."
    assert gui is not None


def test_voice_switched_on_later_starts_a_speaker(driver: GuiDriver) -> None:
    gui, screen = open_settings(driver)
    screen.toggles["voice"].click()
    driver.flow.ctx.voice.swap(NullSpeaker())
    made = RecordingSpeaker()
    assert gui.settings.controller is not None
    gui.settings.controller._spare = None
    gui.settings.controller._make_speaker = lambda: made
    screen.toggles["voice"].click()
    assert driver.flow.ctx.voice.speaker is made


def test_settings_survive_a_restart_and_only_changes_are_written(
    qtbot: QtBot, app_paths: Paths
) -> None:
    driver = open_gui(qtbot, app_paths)
    _gui, screen = open_settings(driver)
    screen.toggles["safety_check"].click()
    screen.steppers["get_ready_seconds"].preset_buttons[1].click()
    text = app_paths.settings_file.read_text()
    assert "safety_check = false" in text and "get_ready_seconds = 10" in text
    assert "voice_rate" not in text
    driver.window.close()
    again = open_gui(qtbot, app_paths)
    assert again.flow.ctx.settings.settings.safety_check is False
    assert again.flow.ctx.settings.settings.get_ready_seconds == 10
    _p, screen2 = open_settings(again)
    assert screen2.toggles["safety_check"].text() == "Off"
    assert screen2.steppers["get_ready_seconds"].value == 10


def test_a_broken_settings_file_gives_defaults_and_a_message(
    qtbot: QtBot, app_paths: Paths
) -> None:
    app_paths.settings_file.write_text(
        'breaks_per_day = 99\nbreak_from = "noon"\ncaptions = false\n'
    )
    settings, problems = load_settings(app_paths.settings_file)
    assert settings.breaks_per_day == DEFAULTS.breaks_per_day and settings.captions is False
    assert len(problems) == 2
    driver = open_gui(qtbot, app_paths)
    _p, screen = open_settings(driver)
    assert screen.steppers["breaks_per_day"].value == 6


def test_start_gently_remembers_when_it_began(driver: GuiDriver) -> None:
    _gui, screen = open_settings(driver)
    screen.toggles["start_gently"].click()
    assert driver.flow.ctx.settings.settings.gentle_since
    assert "67 %" in screen.gentle_status.text()
    screen.toggles["start_gently"].click()
    assert driver.flow.ctx.settings.settings.gentle_since == ""
    assert "off" in screen.gentle_status.text()


def test_escape_and_back_go_home(driver: GuiDriver) -> None:
    _gui, screen = open_settings(driver)
    assert screen.handle_key(0x01000000)
    assert driver.window.current_screen == "home"
    assert not screen.handle_key(0x20)
    driver.home.view.settings_button.click()
    screen.back_button.click()
    assert driver.window.current_screen == "home"


def test_more_than_six_breaks_a_day_is_the_persons_choice_and_says_six_are_suggested(
    driver: GuiDriver,
) -> None:
    _gui, screen = open_settings(driver)
    screen.toggles["break_reminders"].click()
    stepper = screen.steppers["breaks_per_day"]
    assert stepper.value == 6 and stepper.shown.text() == "6 breaks"
    stepper.plus.click()
    assert driver.flow.ctx.settings.settings.breaks_per_day == 7
    assert stepper.shown.text() == "7 breaks (six suggested)"
