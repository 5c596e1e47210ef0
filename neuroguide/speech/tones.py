"""The countdown tones: which file goes with a cue, and a player for the terminal.

The GUI plays the same files with Qt; the terminal player hands them to ``aplay`` (or
``afplay`` on macOS) in the background, so a missing or failing player costs nothing but the
sound.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from neuroguide.core.cues import Tone


def tone_file(resources_dir: Path, tone: Tone) -> Path:
    """``resources/sounds/<tone>.wav``."""
    return resources_dir / "sounds" / f"{tone.value}.wav"


def find_player() -> list[str] | None:
    """The command that plays a WAV file quietly, or ``None`` if there is none."""
    if sys.platform == "darwin" and shutil.which("afplay"):
        return ["afplay"]
    if shutil.which("aplay"):
        return ["aplay", "-q"]
    return None


class TonePlayer:
    """Plays tones without waiting for them; a tone still playing is cut by the next."""

    def __init__(self, resources_dir: Path, player: list[str] | None = None) -> None:
        self._resources_dir = resources_dir
        self._player = player if player is not None else find_player()
        self._playing: subprocess.Popen[bytes] | None = None

    @property
    def available(self) -> bool:
        """Whether there is a program to play sounds with."""
        return bool(self._player)

    def play(self, tone: Tone) -> None:
        """Start playing ``tone`` and return at once."""
        path = tone_file(self._resources_dir, tone)
        if not self._player or not path.is_file():
            return
        self.stop()
        try:
            self._playing = subprocess.Popen(
                [*self._player, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._player = None  # it went away: stay quiet rather than fail each time

    def stop(self) -> None:
        """End the tone in progress, if any, and reap it."""
        if self._playing is not None:
            if self._playing.poll() is None:
                self._playing.kill()
            self._playing.wait()
            self._playing = None
