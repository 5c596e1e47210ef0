"""The plain sentences shown once when the voice switches itself off."""

from __future__ import annotations

import sys

CARRY_ON = "Captions and tones keep guiding you."


def install_hint() -> str:
    """What to install for speech on this platform."""
    if sys.platform.startswith("linux"):
        return (
            "To hear the cues, install the packages libespeak-ng1 and alsa-utils "
            "(on Debian or Ubuntu: sudo apt install libespeak-ng1 alsa-utils) "
            "and start NeuroGuide again."
        )
    return "To hear the cues, check that your system's speech service works and start again."


def problem_message(reason: str, detail: str = "") -> str:
    """One message saying why the voice is off and what to do about it."""
    if reason == "no-pyttsx3":
        why = "the speech package pyttsx3 is missing from this installation."
        return f"The voice is off: {why} Reinstall NeuroGuide to get it back. {CARRY_ON}"
    if reason == "no-engine":
        why = "no speech engine could be started (the espeak-ng library was not found)."
    elif reason == "no-player":
        why = "the sound player aplay was not found."
    elif reason == "hang":
        why = "the speech engine stopped responding, several times in a row."
    elif reason == "cannot-start":
        why = f"the speech helper could not be started ({detail})."
    else:
        why = "the speech engine kept stopping unexpectedly."
    return f"The voice is off: {why} {install_hint()} {CARRY_ON}"


NATURAL_FALLBACK = (
    "The natural voice could not be used ({detail}), so the cues are spoken with the "
    "espeak-ng voice. Reinstalling NeuroGuide brings the natural voice back."
)
SENTENCE_FALLBACK = (
    "A sentence could not be said in the natural voice, so it is said with the espeak-ng "
    'voice: "{detail}"'
)


def natural_fallback_message(detail: str, *, sentence: bool = False) -> str:
    """The one notice that espeak-ng speaks instead of the natural voice, and why (for one
    ``sentence``: which)."""
    if sentence:
        return SENTENCE_FALLBACK.format(detail=detail)
    return NATURAL_FALLBACK.format(detail=detail or "it did not start")
