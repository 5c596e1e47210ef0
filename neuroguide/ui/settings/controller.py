"""Saves each setting the moment it changes on the settings screen.

Most settings are read when the next session starts, so saving them is enough. The parts that
show a setting now follow it themselves through the settings store (the look, the home screen,
the reminders); the voice is switched here, through the context's voice holder.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from neuroguide.core.cues import Cue, CuePriority
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.speaker import NullSpeaker, Speaker

if TYPE_CHECKING:
    from neuroguide.ui.context import AppContext, Home
    from neuroguide.ui.settings.screen import SettingsScreen

VOICE_KEYS = frozenset({"voice_id", "voice_rate", "voice_volume"})
TRY_SENTENCE = "This is how I will guide you. Breathe in, and breathe out."


class SettingsController(QObject):
    """Applies the settings screen's changes to the running app."""

    def __init__(
        self,
        ctx: AppContext,
        home: Home,
        screen: SettingsScreen,
        *,
        make_speaker: Callable[[], Speaker] | None = None,
        describe_reminders: Callable[[], str] = lambda: "",
        describe_gentle: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(screen)
        self.ctx = ctx
        self.screen = screen
        self._make_speaker = make_speaker
        self._spare: Speaker | None = None
        """The real speaker while the voice is switched off (kept warm for switching back)."""
        self._describe_reminders = describe_reminders
        self._describe_gentle = describe_gentle
        screen.changed.connect(self.apply)
        screen.voice_try_requested.connect(self.try_voice)
        screen.back_requested.connect(home.go_home)
        ctx.settings.subscribe(self.refresh, {"large_buttons"})
        ctx.window.closing.connect(self._close_spare)

    def refresh(self) -> None:
        """Show the current settings and status lines on the screen."""
        ctx = self.ctx
        routines = [(routine.id, routine.name) for routine in ctx.content.catalog.ordered()]
        self.screen.show_settings(ctx.settings.settings, routines)
        self.screen.reminder_where.setText(self._describe_reminders())
        self.screen.gentle_status.setText(self._describe_gentle())
        self.screen.set_metrics(ctx.metrics)

    def apply(self, key: str, value: Any) -> None:
        """Save ``key`` = ``value``; the parts that show it follow the settings store."""
        ctx = self.ctx
        if key == "large_buttons":
            # Through the header's switch, so the window's switch and the mode agree.
            ctx.window.large_button.setChecked(bool(value))
            if ctx.settings.settings.large_buttons != value:  # the header was already so
                ctx.look.set_large(bool(value))
            return
        extra: dict[str, Any] = {}
        if key == "start_gently" and value and not ctx.settings.settings.gentle_since:
            extra["gentle_since"] = date.today().isoformat()
        if key == "start_gently" and not value:
            extra["gentle_since"] = ""
        if key == "wheelchair":  # answered here: the seated offer need not ask
            extra["wheelchair_asked"] = True
        ctx.settings.update(**{key: value}, **extra)
        if key == "voice":
            self._switch_voice(bool(value))
        if key in VOICE_KEYS:
            self._configure_voice()
        self.refresh()

    def try_voice(self) -> None:
        """Say a short sentence with the chosen voice (or show why there is no voice)."""
        self.ctx.voice.speaker.say(Cue(TRY_SENTENCE, CuePriority.NAME, at=self.ctx.clock.now()))

    def _close_spare(self) -> None:
        # The app closes the speaker in use; one kept aside while the voice is off is ours.
        if self._spare is not None:
            self._spare.close()
            self._spare = None

    def _switch_voice(self, on: bool) -> None:
        voice = self.ctx.voice
        if not on:
            if not isinstance(voice.speaker, NullSpeaker):
                voice.speaker.interrupt()
                self._spare = voice.swap(NullSpeaker())
            return
        if self._spare is not None:
            voice.swap(self._spare)
            self._spare = None
            self._configure_voice()
        elif isinstance(voice.speaker, NullSpeaker) and self._make_speaker is not None:
            voice.swap(self._make_speaker())

    def _configure_voice(self) -> None:
        settings = self.ctx.settings.settings
        voice = VoiceSettings(settings.voice_id, settings.voice_rate, settings.voice_volume)
        self.ctx.voice.speaker.configure(voice)
