"""The settings screen as a feature of the window: built the first time it is opened.

Made once by the composition root (it was half of ``Personalisation``, which also held the
editor and the reminders; they are features of their own now).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from neuroguide.ui.context import AppContext, Home, Sessions

if TYPE_CHECKING:
    from neuroguide.present.metrics import Metrics
    from neuroguide.speech.speaker import Speaker
    from neuroguide.ui.settings.controller import SettingsController
    from neuroguide.ui.settings.screen import SettingsScreen, VoiceList

SCREEN = "settings"


def engine_voices() -> tuple[list[tuple[str, str]], str | None]:
    """The speech engine's voices as (id, name), English ones first."""
    from neuroguide.speech.oneshot import list_voices

    voices, problem = list_voices()
    english = [v for v in voices if any(lang.startswith("en") for lang in v.languages)]
    others = [v for v in voices if v not in english]
    return [(v.id, v.name) for v in english + others], problem


class SettingsFeature(QObject):
    """The settings screen and what applies its changes."""

    def __init__(
        self,
        ctx: AppContext,
        home: Home,
        sessions: Sessions,
        *,
        describe_reminders: Callable[[], str] = lambda: "",
        voices: VoiceList | None = None,
        make_speaker: Callable[[], Speaker] | None = None,
    ) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.home = home
        self.sessions = sessions
        self._describe_reminders = describe_reminders
        self._voices: VoiceList = voices or engine_voices
        self._make_speaker = make_speaker
        self._screen: SettingsScreen | None = None
        """Set once built: the look reaches only a built screen."""
        self._controller: SettingsController | None = None
        ctx.window.add_screen(SCREEN, self._build)
        ctx.follow_look(self._look_changed)
        ctx.window.learn_switch_requested.connect(self.learn_switch)

    def _build(self) -> SettingsScreen:
        from neuroguide.ui.settings.controller import SettingsController
        from neuroguide.ui.settings.screen import SettingsScreen

        ctx = self.ctx
        screen = self._screen = SettingsScreen(
            ctx.metrics, self._voices, str(ctx.paths.settings_file)
        )
        self._controller = SettingsController(
            ctx,
            self.home,
            screen,
            make_speaker=self._make_speaker or self._default_speaker,
            describe_reminders=self._describe_reminders,
            describe_gentle=self.sessions.describe_gentle,
        )
        return screen

    @property
    def screen(self) -> SettingsScreen:
        """The settings screen (built on first use)."""
        from neuroguide.ui.settings.screen import SettingsScreen

        return self.ctx.window.screen_as(SCREEN, SettingsScreen)

    @property
    def controller(self) -> SettingsController:
        """What applies the screen's changes (built with the screen)."""
        self.ctx.window.screen_widget(SCREEN)
        assert self._controller is not None
        return self._controller

    def show(self) -> None:
        """Open the settings screen, showing the current values."""
        screen = self.screen
        self.controller.refresh()
        self.ctx.window.show_screen(SCREEN)
        screen.scroll_area.verticalScrollBar().setValue(0)

    def learn_switch(self) -> None:
        """Open the settings at "Use my own switch", listening for the switch."""
        if self.sessions.running:
            return  # a session is on: its keys stay as they are
        self.show()
        self.screen.switch.start_learning()  # scrolled into view, listening

    def _look_changed(self, metrics: Metrics) -> None:
        if self._screen is not None:
            self._screen.set_metrics(metrics)

    def _default_speaker(self) -> Speaker:
        from neuroguide.speech.factory import create_speaker
        from neuroguide.speech.protocol import VoiceSettings

        paths, settings = self.ctx.paths, self.ctx.settings.settings
        voice = VoiceSettings(settings.voice_id, settings.voice_rate, settings.voice_volume)
        sounds = paths.resources_dir / "sounds"
        return create_speaker(
            True, voice, self.ctx.clock, phrase_cache=paths.phrase_cache, sounds=sounds
        )
