"""The speech worker: a process of its own that owns the pyttsx3 engine.

pyttsx3 blocks while it speaks, is not thread-safe and can hang, so it never runs inside the
app. The app starts this worker (``python -m neuroguide.speech.worker``), sends it JSON lines
on stdin and reads JSON lines from stdout (see :mod:`neuroguide.speech.protocol`). To silence
it, the app kills the worker's whole process group and starts a fresh one.

What pyttsx3 2.99's espeak driver does, and how this module copes:

- The first ``runAndWait()`` after ``init()`` returns before the utterance has finished, and
  an empty ``runAndWait()`` after anything was said never returns. So the engine is warmed with
  one empty ``runAndWait()`` right after ``init()``, and never again called without text.
- Sound is played by running ``aplay`` on a temporary WAV file through ``os.system``; when
  aplay fails (no sound device) its exit status is ignored and the utterance counts as done,
  so a machine without sound does not hang. aplay's complaints go to stderr, which the app
  discards, and a killed aplay leaves its WAV behind, so the app gives each worker its own
  temporary folder (``TMPDIR``) and removes it afterwards.
- Rate and volume changes are queued inside espeak-ng; an utterance started before they
  are applied is cancelled by the driver itself (see :meth:`Engine._settle`).
- ``save_to_file`` prints to stdout and leaves the driver writing every later utterance to
  that file. The protocol therefore gets a private copy of stdout (fd 1 is pointed at
  stderr), and the driver's file is forgotten after each render.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any

from neuroguide.speech import natural
from neuroguide.speech.protocol import TMPDIR_PREFIX, decode, default_driver, encode

if TYPE_CHECKING:
    from neuroguide.speech.piper_engine import PiperEngine

SETTLE_LIMIT = 2.0
"""Seconds to wait at most for espeak to finish applying settings."""
RENDER_NICENESS = 5
"""How much lower a render-only worker's priority is than the app's."""
EXIT_UNAVAILABLE = 3
EXIT_ENGINE_BROKE = 4


class Reply:
    """Writes protocol messages on the worker's private copy of stdout."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def send(self, **message: Any) -> None:
        """Write one message and flush it at once: the app is waiting for it."""
        self._stream.write(encode(message))
        self._stream.flush()


def claim_stdout() -> IO[bytes]:
    """Keep stdout for the protocol and send everything else printed there to stderr."""
    protocol = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)
    return protocol


class Engine:
    """The pyttsx3 engine, used only in the ways that are known to work."""

    def __init__(self, driver: str) -> None:
        import pyttsx3  # only the worker ever loads the engine

        self._engine = pyttsx3.init(driver or None)
        self._engine.runAndWait()  # warm-up: the first runAndWait returns too early
        self._is_busy: Callable[[], object] | None = None
        if self._engine.driver_name == "espeak":
            from pyttsx3.drivers import _espeak

            self._is_busy = _espeak.IsPlaying

    def _settle(self) -> None:
        """Wait until espeak has applied queued settings before the next utterance.

        espeak-ng queues rate and volume changes; if ``runAndWait`` starts while they are
        still queued, the driver takes espeak for busy, cancels, and the utterance that
        follows comes out empty (seen here as a 44-byte WAV, in about one render in twenty).
        """
        if self._is_busy is None:
            return
        deadline = time.monotonic() + SETTLE_LIMIT
        while self._is_busy() and time.monotonic() < deadline:
            time.sleep(0.002)

    def configure(self, voice_id: str, rate: int, volume: int) -> bool:
        """Apply the settings; returns False if ``voice_id`` is not one of the engine's."""
        found = True
        if voice_id:
            found = any(voice["id"] == voice_id for voice in self.voices())
            if found:
                self._engine.setProperty("voice", voice_id)
        self._engine.setProperty("rate", max(40, min(400, rate)))
        self._engine.setProperty("volume", max(0, min(100, volume)) / 100)
        return found

    def say(self, text: str) -> None:
        """Speak ``text`` and return when it has been played."""
        self._settle()
        self._engine.say(text)
        self._engine.runAndWait()

    def render(self, text: str, path: str) -> None:
        """Write ``text`` as speech to the WAV file ``path`` instead of playing it."""
        self._settle()
        self._engine.save_to_file(text, path)
        self._engine.runAndWait()
        driver = getattr(self._engine.proxy, "_driver", None)
        if driver is not None and hasattr(driver, "_save_file"):
            driver._save_file = None  # else every later utterance goes to the file too

    def voices(self) -> list[dict[str, Any]]:
        """Every voice the engine offers: id, name and languages."""
        return [
            {
                "id": str(voice.id),
                "name": str(voice.name or voice.id),
                "languages": [str(language) for language in (voice.languages or [])],
            }
            for voice in self._engine.getProperty("voices")
        ]

    def current_voice(self) -> str:
        """The id of the voice in use."""
        return str(self._engine.getProperty("voice") or "")


def open_engine(
    driver: str, *, needs_player: bool = True, voice_id: str = ""
) -> tuple[Engine | PiperEngine | None, str, str]:
    """The engine, or ``None`` with a reason code and the error's own words.

    ``needs_player`` is False for a worker that only renders to files (no ``aplay`` needed).
    A natural ``voice_id`` (``piper:...``) opens the Piper engine instead of espeak-ng; if it
    cannot load, the reason is ``no-natural`` (the app then falls back to espeak-ng).
    """
    if natural.is_natural(voice_id):
        return open_natural(voice_id)
    try:
        import pyttsx3  # noqa: F401 - only to tell a missing package from a missing library
    except ImportError as error:
        return None, "no-pyttsx3", str(error)
    try:
        engine = Engine(driver)
    except Exception as error:  # the driver import or espeak init failed: no usable library
        return None, "no-engine", f"{type(error).__name__}: {error}"
    if needs_player and driver == "espeak" and shutil.which("aplay") is None:
        return None, "no-player", "aplay was not found on PATH"
    return engine, "", ""


def open_natural(voice_id: str) -> tuple[PiperEngine | None, str, str]:
    """The Piper engine for ``voice_id``, or ``None`` with ``no-natural`` and why."""
    voice = natural.find(voice_id)
    if voice is None:
        return None, "no-natural", f"{voice_id} is not a voice NeuroGuide knows"
    try:
        from neuroguide.speech.piper_engine import PiperEngine as Natural

        return Natural(voice), "", ""
    except Exception as error:  # a missing package, a damaged model, onnxruntime failing
        return None, "no-natural", f"{type(error).__name__}: {error}"


def serve(engine: Engine | PiperEngine, requests: IO[bytes], reply: Reply) -> int:
    """Answer requests until stdin closes or ``quit`` arrives."""
    for line in requests:
        message = decode(line)
        if message is None:
            continue
        op = message.get("op")
        ident = message.get("id")
        text = str(message.get("text") or "").strip()
        try:
            if op == "say":
                if text:  # an empty runAndWait would never return
                    engine.say(text)
                reply.send(event="done", id=ident)
            elif op == "render":
                if text:
                    engine.render(text, str(message["path"]))
                reply.send(event="done", id=ident)
            elif op == "voices":
                reply.send(event="voices", voices=engine.voices())
            elif op == "configure":
                found = engine.configure(
                    str(message.get("voice") or ""),
                    int(message.get("rate", 160)),
                    int(message.get("volume", 100)),
                )
                reply.send(event="configured", voice=engine.current_voice(), voice_found=found)
            elif op == "quit":
                return 0
        except Exception as error:  # the engine is in an unknown state: let the app restart it
            reply.send(event="failed", id=ident, detail=f"{type(error).__name__}: {error}")
            return EXIT_ENGINE_BROKE
    return 0


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The worker's options: which driver, and the voice settings to start with."""
    parser = argparse.ArgumentParser(prog="neuroguide-speech-worker")
    parser.add_argument("--driver", default=None)
    parser.add_argument("--voice", default="")
    parser.add_argument("--rate", type=int, default=160)
    parser.add_argument("--volume", type=int, default=100)
    parser.add_argument("--render-only", action="store_true", help="no player needed")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the engine, say ``ready`` and serve; reports why if there is no engine."""
    args = parse_arguments(argv)
    reply = Reply(claim_stdout())
    driver = default_driver() if args.driver is None else args.driver
    if args.render_only:
        lower_priority()
    engine, reason, detail = open_engine(
        driver, needs_player=not args.render_only, voice_id=args.voice
    )
    if engine is None:
        reply.send(event="unavailable", reason=reason, detail=detail)
        return EXIT_UNAVAILABLE
    found = engine.configure(args.voice, args.rate, args.volume)
    reply.send(event="ready", voice=engine.current_voice(), voice_found=found)
    try:
        return serve(engine, sys.stdin.buffer, reply)
    finally:
        remove_own_tmpdir()


def lower_priority() -> None:
    """A worker rendering ahead of time yields the processor to the window and the player."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(RENDER_NICENESS)


def remove_own_tmpdir() -> None:
    """Remove the private temporary folder the app gave this worker (when it ends on its own;
    the app removes it after killing a worker)."""
    folder = os.environ.get("TMPDIR", "")
    if os.path.basename(folder).startswith(TMPDIR_PREFIX):
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
