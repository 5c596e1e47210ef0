"""What the app and the speech worker say to each other: one JSON object per line.

Requests (app -> worker) have an ``op``: ``say`` / ``render`` (with ``id`` and ``text``;
``render`` also a ``path``), ``voices``, ``configure`` (``voice``, ``rate``, ``volume``),
``quit``. Replies (worker -> app) have an ``event``: ``ready``, ``done`` (``id``),
``voices`` (``voices``: list of ``{id, name, languages}``), ``unavailable`` (``reason``,
``detail``) and ``failed`` (``id``, ``detail``).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

TMPDIR_PREFIX = "neuroguide-speech-"
"""Each worker's private temporary folder starts with this (it is removed after the worker)."""
WORKER_FLAG = "--speech-worker"
"""In a frozen app there is no ``python -m``: the app binary runs the worker given this flag."""

DRIVER_VARIABLE = "NEUROGUIDE_SPEECH_DRIVER"
"""Names the pyttsx3 driver to use instead of the platform's default (e.g. ``espeak``)."""


def default_driver(environ: Mapping[str, str] | None = None) -> str:
    """The pyttsx3 driver: ``NEUROGUIDE_SPEECH_DRIVER``, else espeak on Linux, else automatic."""
    env = os.environ if environ is None else environ
    chosen = env.get(DRIVER_VARIABLE, "").strip()
    if chosen:
        return chosen
    return "espeak" if sys.platform.startswith("linux") else ""


@dataclass(frozen=True)
class VoiceSettings:
    """The voice to use: ``voice_id`` from ``neuroguide voices`` ("" = the engine's default),
    ``rate`` in words per minute, ``volume`` in percent."""

    voice_id: str = ""
    rate: int = 160
    volume: int = 100

    def as_arguments(self) -> list[str]:
        """Command-line arguments that give a fresh worker these settings."""
        return ["--voice", self.voice_id, "--rate", str(self.rate), "--volume", str(self.volume)]


def worker_command(arguments: Sequence[str] = ()) -> list[str]:
    """The command that starts a speech worker (packaging may need to adapt this).

    From source or a wheel the worker is a module of the same interpreter; in a frozen app
    (PyInstaller sets ``sys.frozen``) ``sys.executable`` is the app itself, which must hand
    ``--speech-worker`` and what follows to :func:`neuroguide.speech.worker.main`.
    """
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG, *arguments]
    return [sys.executable, "-m", "neuroguide.speech.worker", *arguments]


def encode(message: dict[str, Any]) -> bytes:
    """One message as a line of UTF-8 JSON."""
    return (json.dumps(message, ensure_ascii=False) + "\n").encode("utf-8")


def decode(line: bytes | str) -> dict[str, Any] | None:
    """The message on ``line``, or ``None`` if it is not a JSON object (noise is ignored)."""
    try:
        message = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    return message if isinstance(message, dict) else None
