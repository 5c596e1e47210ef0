"""Choosing the speaker at start-up: the worker speaker, or silence when the voice is off."""

from __future__ import annotations

from collections.abc import Callable

from neuroguide.core.clock import Clock
from neuroguide.speech.client import WorkerSpeaker
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.speaker import NullSpeaker, Speaker


def create_speaker(
    enabled: bool,
    voice: VoiceSettings,
    clock: Clock,
    on_problem: Callable[[str], None] | None = None,
) -> Speaker:
    """A :class:`WorkerSpeaker` (its worker warms up in the background) or a ``NullSpeaker``.

    ``clock`` must be the session's clock: a cue's lateness is measured with it. A GUI that
    wants to show why the voice went off sets ``speaker.on_problem`` (called once, from a
    background thread) or reads ``speaker.problem``.
    """
    if not enabled:
        return NullSpeaker()
    return WorkerSpeaker(voice, clock=clock, on_problem=on_problem)
