"""The natural voice's engine inside the speech worker: Piper on ONNX Runtime.

Only the worker process imports this (loading the model takes about 0.4 s and the engine
keeps both cores busy while it renders, so the app's window never waits for it). It offers
the same few calls as the espeak-ng engine in :mod:`neuroguide.speech.worker`.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import tempfile
import wave
from pathlib import Path
from typing import Any

from neuroguide.speech import natural

THREADS = 2
"""ONNX Runtime threads for one phrase: both cores for the first phrases of a routine."""


def load_voice(path: Path) -> Any:
    """The Piper voice at ``path``, its threads told to sleep rather than spin when idle
    (Piper's own loader spins them, which on two cores takes time from the window)."""
    import onnxruntime
    from piper import PiperConfig, PiperVoice

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.add_session_config_entry("session.inter_op.allow_spinning", "0")
    with open(f"{path}.json", encoding="utf-8") as config:
        settings = json.load(config)
    session = onnxruntime.InferenceSession(
        str(path), sess_options=options, providers=["CPUExecutionProvider"]
    )
    return PiperVoice(session=session, config=PiperConfig.from_dict(settings))


class PiperEngine:
    """One natural voice, loaded once; ``render`` writes 16-bit mono WAV files."""

    def __init__(self, voice: natural.NaturalVoice) -> None:
        from piper import SynthesisConfig  # only the worker loads the engine

        path = natural.model_path(voice)
        if path is None:
            raise FileNotFoundError(f"the voice package {voice.module} is not installed")
        self.voice = voice
        self._piper = load_voice(path)
        self._config = SynthesisConfig()

    def configure(self, voice_id: str, rate: int, volume: int) -> bool:
        """Apply rate and volume; returns False if ``voice_id`` is not this voice."""
        self._config.length_scale = natural.length_scale(rate)
        self._config.volume = max(0, min(100, volume)) / 100
        return voice_id in {"", self.voice.id}

    def render(self, text: str, path: str) -> None:
        """Write ``text`` as speech to ``path``; writes nothing if it yields no sound (the
        renderer then tries again, and at last says it with espeak-ng)."""
        partial = f"{path}.part"
        try:
            with wave.open(partial, "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(self._piper.config.sample_rate)
                self._piper.synthesize_wav(text, out, self._config, set_wav_format=False)
            os.replace(partial, path)
        except Exception:
            with contextlib.suppress(OSError):
                os.unlink(partial)

    def say(self, text: str) -> None:
        """Speak ``text`` through ``aplay`` and return when it has been played."""
        handle, path = tempfile.mkstemp(suffix=".wav")
        os.close(handle)
        try:
            self.render(text, path)
            if os.path.getsize(path) > 44:
                subprocess.run(["aplay", "-q", path], check=False, capture_output=True)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(path)

    def voices(self) -> list[dict[str, Any]]:
        """This voice, in the worker's format."""
        voice = self.voice
        return [{"id": voice.id, "name": voice.name, "languages": list(voice.languages)}]

    def current_voice(self) -> str:
        """The id of the voice in use."""
        return self.voice.id
