"""The Speaker interface, and the speakers that need no engine."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from neuroguide.core.cues import Cue
    from neuroguide.speech.protocol import VoiceSettings


class Speaker(Protocol):
    """Says cues without ever blocking the caller."""

    def say(self, cue: Cue) -> None:
        """Queue ``cue``; it may be dropped if a more important or newer cue displaces it."""
        ...

    def interrupt(self) -> None:
        """Silence whatever is being said now and forget what waits."""
        ...

    def configure(self, voice: VoiceSettings) -> None:
        """Use ``voice`` (its id, rate and volume) from the next cue on."""
        ...

    def close(self) -> None:
        """Release the engine."""
        ...


class NullSpeaker:
    """Voice off: captions still show, nothing is said."""

    def say(self, cue: Cue) -> None:
        """Do nothing."""

    def interrupt(self) -> None:
        """Do nothing."""

    def configure(self, voice: VoiceSettings) -> None:
        """Do nothing."""

    def close(self) -> None:
        """Do nothing."""


class RecordingSpeaker:
    """For tests: remembers every cue and every interruption."""

    def __init__(self) -> None:
        self.said: list[Cue] = []
        self.interruptions = 0
        self.log: list[Cue | None] = []
        """Cues and interruptions (``None``) in the order they came, to check which was first."""
        self.closed = False
        self.voice: VoiceSettings | None = None

    def say(self, cue: Cue) -> None:
        """Remember ``cue``."""
        self.said.append(cue)
        self.log.append(cue)

    def interrupt(self) -> None:
        """Count the interruption."""
        self.interruptions += 1
        self.log.append(None)

    def configure(self, voice: VoiceSettings) -> None:
        """Remember the voice asked for."""
        self.voice = voice

    def close(self) -> None:
        """Remember that it was closed."""
        self.closed = True
