"""Makes each setting take effect the moment it changes, and saves it.

Most settings are read when the next session starts, so saving them is enough; the look, the
voice, the weekly goal, the seated profile and the reminders are applied here and now.
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
    from neuroguide.ui.session.flow import SessionFlow
    from neuroguide.ui.settings.screen import SettingsScreen

LOOK_KEYS = frozenset({"text_scale", "theme"})
VOICE_KEYS = frozenset({"voice_id", "voice_rate", "voice_volume"})
SCAN_KEYS = frozenset({"scanning", "scan_seconds"})
HOME_KEYS = frozenset({"seated_only", "suggested_routine", "weekly_goal_minutes"})
REMINDER_KEYS = frozenset(
    {
        "break_reminders",
        "breaks_per_day",
        "break_from",
        "break_until",
        "break_routine",
        "session_reminder",
        "session_time",
        "snooze_minutes",
        "suggested_routine",
        "start_at_login",
    }
)
TRY_SENTENCE = "This is how I will guide you. Breathe in, and breathe out."


class SettingsController(QObject):
    """Applies the settings screen's changes to the running app.

    ``on_look_changed`` is called after sizes or colours changed, so screens outside the
    session flow (the editor, this one) can update their gaps; ``on_reminders_changed`` after
    a reminder setting changed.
    """

    def __init__(
        self,
        flow: SessionFlow,
        screen: SettingsScreen,
        *,
        make_speaker: Callable[[], Speaker] | None = None,
        on_look_changed: Callable[[], None] | None = None,
        on_reminders_changed: Callable[[], None] | None = None,
        describe_reminders: Callable[[], str] = lambda: "",
        describe_gentle: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(screen)
        self.flow = flow
        self.screen = screen
        self._make_speaker = make_speaker
        self._spare: Speaker | None = None
        """The real speaker while the voice is switched off (kept warm for switching back)."""
        self._on_look_changed = on_look_changed
        self._on_reminders_changed = on_reminders_changed
        self._describe_reminders = describe_reminders
        self._describe_gentle = describe_gentle
        screen.changed.connect(self.apply)
        screen.voice_try_requested.connect(self.try_voice)
        screen.back_requested.connect(flow.go_home)
        flow.window.large_toggled.connect(lambda _on: self.refresh())
        flow.window.closing.connect(self._close_spare)

    def refresh(self) -> None:
        """Show the current settings and status lines on the screen."""
        routines = [(routine.id, routine.name) for routine in self.flow.content.catalog.ordered()]
        self.screen.show_settings(self.flow.store.settings, routines)
        self.screen.reminder_where.setText(self._describe_reminders())
        self.screen.gentle_status.setText(self._describe_gentle())
        self.screen.set_metrics(self.flow.metrics)

    def apply(self, key: str, value: Any) -> None:
        """Save ``key`` = ``value`` and make it take effect."""
        flow = self.flow
        if key == "large_buttons":
            # Through the header's switch, so every screen that follows it updates.
            flow.window.large_button.setChecked(bool(value))
            if flow.store.settings.large_buttons != value:  # the header was already so
                flow.set_large(bool(value))
            self._look_changed()
            self.refresh()
            return
        extra: dict[str, Any] = {}
        if key == "start_gently" and value and not flow.store.settings.gentle_since:
            extra["gentle_since"] = date.today().isoformat()
        if key == "start_gently" and not value:
            extra["gentle_since"] = ""
        flow.store.update(**{key: value}, **extra)
        if key in LOOK_KEYS:
            flow.apply_look()
            self._look_changed()
        if key == "voice":
            self._switch_voice(bool(value))
        if key in VOICE_KEYS:
            self._configure_voice()
        if key in HOME_KEYS:
            flow.refresh_home()
        if key in SCAN_KEYS:
            settings = flow.store.settings
            flow.window.set_scanning(settings.scanning, settings.scan_seconds)
        if key in REMINDER_KEYS and self._on_reminders_changed is not None:
            self._on_reminders_changed()
        self.refresh()

    def try_voice(self) -> None:
        """Say a short sentence with the chosen voice (or show why there is no voice)."""
        self.flow.speaker.say(Cue(TRY_SENTENCE, CuePriority.NAME, at=self.flow.clock.now()))

    def _close_spare(self) -> None:
        # The app closes the speaker in use; one kept aside while the voice is off is ours.
        if self._spare is not None:
            self._spare.close()
            self._spare = None

    def _look_changed(self) -> None:
        if self._on_look_changed is not None:
            self._on_look_changed()

    def _switch_voice(self, on: bool) -> None:
        flow = self.flow
        if not on:
            if not isinstance(flow.speaker, NullSpeaker):
                flow.speaker.interrupt()
                self._spare, flow.speaker = flow.speaker, NullSpeaker()
            return
        if self._spare is not None:
            flow.speaker, self._spare = self._spare, None
            self._configure_voice()
        elif isinstance(flow.speaker, NullSpeaker) and self._make_speaker is not None:
            flow.speaker = self._make_speaker()

    def _configure_voice(self) -> None:
        settings = self.flow.store.settings
        voice = VoiceSettings(settings.voice_id, settings.voice_rate, settings.voice_volume)
        self.flow.speaker.configure(voice)
