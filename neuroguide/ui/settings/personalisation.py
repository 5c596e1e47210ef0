"""The personal parts of the window: settings, the routine editor and reminders.

Built once by the composition root. The settings screen and the
editor are built the first time they are opened; the reminders only keep a timer (and, when a
reminder is on and the desktop has one, a tray icon).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from neuroguide.core.reminders import WallClock
from neuroguide.paths import Paths
from neuroguide.ui.reminders.service import ReminderService, local_now
from neuroguide.ui.settings.screen import VoiceList

if TYPE_CHECKING:
    from neuroguide.speech.speaker import Speaker
    from neuroguide.ui.editor.screen import EditorScreen
    from neuroguide.ui.session.flow import SessionFlow
    from neuroguide.ui.settings.controller import SettingsController
    from neuroguide.ui.settings.screen import SettingsScreen


def engine_voices() -> tuple[list[tuple[str, str]], str | None]:
    """The speech engine's voices as (id, name), English ones first."""
    from neuroguide.speech.oneshot import list_voices

    voices, problem = list_voices()
    english = [v for v in voices if any(lang.startswith("en") for lang in v.languages)]
    others = [v for v in voices if v not in english]
    return [(v.id, v.name) for v in english + others], problem


class Personalisation(QObject):
    """The settings screen, the routine editor and the reminders."""

    def __init__(
        self,
        flow: SessionFlow,
        paths: Paths,
        *,
        wall_clock: WallClock = local_now,
        tray: bool | None = None,
        voices: VoiceList = engine_voices,
        make_speaker: Callable[[], Speaker] | None = None,
    ) -> None:
        super().__init__(flow)
        self.flow = flow
        self.paths = paths
        self._voices = voices
        self._make_speaker = make_speaker
        self._settings: SettingsScreen | None = None
        self._controller: SettingsController | None = None
        self._editor: EditorScreen | None = None
        self.reminders = ReminderService(
            flow,
            wall_clock=wall_clock,
            tray=tray,
            icon=paths.resources_dir / "icons" / "neuroguide.svg",
            data_dir=paths.data_dir,
        )
        flow.home.settings_requested.connect(self.show_settings)
        flow.home.editor_requested.connect(self.show_editor)
        flow.window.learn_switch_requested.connect(self.learn_switch)
        flow.session_ended.connect(lambda _summary: self.reminders.refresh_tray())
        flow.window.large_toggled.connect(lambda _on: self.look_changed())

    @property
    def settings_screen(self) -> SettingsScreen:
        """The settings screen (built on first use)."""
        if self._settings is None:
            from neuroguide.ui.settings.controller import SettingsController
            from neuroguide.ui.settings.screen import SettingsScreen

            screen = self._settings = SettingsScreen(
                self.flow.metrics, self._voices, str(self.paths.settings_file)
            )
            self._controller = SettingsController(
                self.flow,
                screen,
                make_speaker=self._make_speaker or self._default_speaker,
                on_look_changed=self.look_changed,
                on_reminders_changed=self.reminders.settings_changed,
                describe_reminders=self.reminders.describe,
                describe_gentle=self.flow.steps.describe_gentle,
            )
            self.flow.window.add_screen("settings", screen)
        return self._settings

    @property
    def editor(self) -> EditorScreen:
        """The routine editor (built on first use)."""
        if self._editor is None:
            from neuroguide.content.routines import RoutineFiles
            from neuroguide.ui.editor.screen import EditorScreen

            self._editor = EditorScreen(self.flow, RoutineFiles(self.paths, self.flow.content))
            self.flow.window.add_screen("editor", self._editor)
        return self._editor

    def show_settings(self) -> None:
        """Open the settings screen, showing the current values."""
        screen = self.settings_screen
        assert self._controller is not None
        self._controller.refresh()
        self.flow.window.show_screen("settings")
        screen.scroll_area.verticalScrollBar().setValue(0)

    def learn_switch(self) -> None:
        """Open the settings at "Use my own switch", listening for the switch."""
        if self.flow.steps.plan is not None:
            return  # a session is on: its keys stay as they are
        self.show_settings()
        self.settings_screen.switch.start_learning()  # scrolled into view, listening

    def show_editor(self) -> None:
        """Open the routine editor at its list of routines."""
        editor = self.editor
        editor.set_metrics(self.flow.metrics)
        editor.show_list()
        self.flow.window.show_screen("editor")

    def look_changed(self) -> None:
        """Sizes changed: give the screens built here the new gaps."""
        metrics = self.flow.metrics
        if self._settings is not None:
            self._settings.set_metrics(metrics)
        if self._editor is not None:
            self._editor.set_metrics(metrics)

    def _default_speaker(self) -> Speaker:
        from neuroguide.speech.factory import create_speaker
        from neuroguide.speech.protocol import VoiceSettings

        settings = self.flow.store.settings
        voice = VoiceSettings(settings.voice_id, settings.voice_rate, settings.voice_volume)
        sounds = self.paths.resources_dir / "sounds"
        return create_speaker(
            True, voice, self.flow.clock, phrase_cache=self.paths.phrase_cache, sounds=sounds
        )
