"""The phrase cache: each sentence rendered once to a WAV file, silences trimmed, length known.

Files live in ``<cache folder>/phrases``, named by a hash of the text, the tone that leads it,
the voice, the rate and the volume, so a change of voice simply misses the cache. The folder is
kept under a size limit (oldest files go first, never those of the routine being prepared).
A tone is put in front of its sentence in the same file: one player, so a tone never plays
over a word; it is brought down to the words' loudness.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import math
import os
import tempfile
import threading
import wave
from dataclasses import dataclass
from pathlib import Path

from neuroguide.core.cues import Tone
from neuroguide.core.private_files import make_private_dir
from neuroguide.speech.natural import is_natural, resolve
from neuroguide.speech.protocol import VoiceSettings

FORMAT_VERSION = "2"
"""Bump when rendering or trimming changes, so old files are no longer used."""
MAX_BYTES = 64 * 1024 * 1024
SILENCE = 120
"""Samples quieter than this (of 32767) count as silence when trimming."""
LEAD_IN = 0.01
TAIL = 0.04
"""Seconds of the original quiet kept before and after the words, so nothing is clipped."""


@dataclass(frozen=True)
class Clip:
    """A rendered phrase: its file and how long it plays."""

    path: Path
    seconds: float


def trimmed_samples(
    frames: bytes, rate: int, lead: float = LEAD_IN, tail: float = TAIL
) -> array.array[int]:
    """16-bit mono samples without the silence before and after the words."""
    samples = array.array("h", frames)
    first = next((i for i, s in enumerate(samples) if abs(s) > SILENCE), None)
    if first is None:
        return array.array("h")
    last = next(i for i in range(len(samples) - 1, -1, -1) if abs(samples[i]) > SILENCE)
    start = max(0, first - int(lead * rate))
    end = min(len(samples), last + 1 + int(tail * rate))
    return samples[start:end]


def rms(samples: array.array[int]) -> float:
    """Root-mean-square level of 16-bit samples (0 for none)."""
    if not samples:
        return 0.0
    return math.sqrt(sum(x * x for x in samples) / len(samples))


def at_loudness(tone: array.array[int], level: float) -> array.array[int]:
    """``tone`` made no louder than ``level`` (the words it leads), so it does not startle:
    the tone files are far louder than a voice's words."""
    own = rms(tone)
    if own <= 0 or level <= 0 or own <= level:
        return tone
    scale = level / own
    return array.array("h", (int(x * scale) for x in tone))


def read_wav(path: Path) -> tuple[bytes, int] | None:
    """The frames and rate of a 16-bit mono WAV file, or ``None`` if it is not one."""
    try:
        with wave.open(str(path), "rb") as audio:
            if audio.getsampwidth() != 2 or audio.getnchannels() != 1:
                return None
            return audio.readframes(audio.getnframes()), audio.getframerate()
    except (OSError, EOFError, wave.Error):
        return None


def clip_seconds(path: Path) -> float | None:
    """How long a WAV file plays, from its header; ``None`` if it cannot be read."""
    try:
        with wave.open(str(path), "rb") as audio:
            return audio.getnframes() / audio.getframerate()
    except (OSError, EOFError, wave.Error, ZeroDivisionError):
        return None


class PhraseCache:
    """Rendered phrases on disk for one voice, rate and volume.

    Args:
        folder: the ``phrases`` folder (created when first written).
        voice: the voice settings the clips are rendered with (part of each key).
        sounds: the folder of tone files (``resources/sounds``); no tones without it.
        max_bytes: the size limit of the folder.
    """

    def __init__(
        self,
        folder: Path,
        voice: VoiceSettings,
        sounds: Path | None = None,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.folder = folder
        self.requested = voice
        """The voice asked for (``""``: the standard voice)."""
        self.voice = resolve(voice)
        """The voice that really speaks (the standard voice made concrete): part of each key."""
        self.sounds = sounds
        self.max_bytes = max_bytes
        self._known: dict[tuple[str, Tone | None], Clip] = {}
        self._lock = threading.Lock()
        self._note: str | None = None
        self._fallen_back = False

    def key(self, text: str, tone: Tone | None) -> str:
        """The file name's stem: a hash of everything the sound depends on."""
        voice = self.voice
        parts = [FORMAT_VERSION, voice.voice_id, str(voice.rate), str(voice.volume)]
        parts += [tone.value if tone else "", text]
        return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:32]

    def path(self, text: str, tone: Tone | None = None) -> Path:
        """Where the clip for ``text`` (led by ``tone``) is kept."""
        return self.folder / f"{self.key(text, tone)}.wav"

    def get(self, text: str, tone: Tone | None = None) -> Clip | None:
        """The clip if it has been rendered (this run or an earlier one), else ``None``."""
        with self._lock:
            clip = self._known.get((text, tone))
        if clip is not None:
            return clip
        # A plain string first: most phrases asked for (every home card's, at start-up) are
        # not rendered yet, and a Path costs more than the look that finds no file.
        name = os.path.join(self.folder, f"{self.key(text, tone)}.wav")
        seconds = clip_seconds(Path(name)) if os.path.isfile(name) else None
        if seconds is None or seconds <= 0:
            return None
        clip = Clip(self.path(text, tone), seconds)
        with self._lock:
            self._known[(text, tone)] = clip
        return clip

    def store(self, text: str, tone: Tone | None, rendered: Path) -> Clip | None:
        """Trim the engine's WAV ``rendered``, put the tone in front, and keep it; ``None``
        if the engine produced no sound."""
        found = read_wav(rendered)
        if found is None:
            return None
        frames, rate = found
        samples = trimmed_samples(frames, rate)
        if not samples:
            return None
        if tone is not None and self.sounds is not None:
            lead = read_wav(self.sounds / f"{tone.value}.wav")
            if lead is not None and lead[1] == rate:
                samples = at_loudness(array.array("h", lead[0]), rms(samples)) + samples
        try:
            target = self._write(text, tone, samples, rate)
        except OSError as error:
            if not self._fall_back(error):
                return None
            try:  # once more, in this run's own folder
                target = self._write(text, tone, samples, rate)
            except OSError:
                return None
        clip = Clip(target, len(samples) / rate)
        with self._lock:
            self._known[(text, tone)] = clip
        return clip

    def take_note(self) -> str | None:
        """Once: a sentence saying the cache folder could not be written (clips live elsewhere)."""
        with self._lock:
            note, self._note = self._note, None
        return note

    def _write(self, text: str, tone: Tone | None, samples: array.array[int], rate: int) -> Path:
        """One clip into the folder (made owner-only, 0700), whole or not at all."""
        make_private_dir(self.folder)
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as raw, wave.open(raw, "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(rate)
                out.writeframes(samples.tobytes())
            target = self.path(text, tone)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        return target

    def _fall_back(self, error: OSError) -> bool:
        """The folder cannot be written: keep this run's clips in a private temporary folder.

        The voice goes on (rendered as needed, not kept for the next run); the person is told
        once through :meth:`take_note`. False if even that folder cannot be made.
        """
        with self._lock:
            if self._fallen_back:
                return False
            self._fallen_back = True
        where = self.folder
        try:
            self.folder = Path(tempfile.mkdtemp(prefix="neuroguide-phrases-"))
        except OSError:
            return False
        reason = error.strerror or str(error)
        with self._lock:
            self._known.clear()
            self._note = (
                f"The voice's cache folder {where} cannot be written ({reason.lower()}). "
                "The voice goes on; its words are made as they are needed and not kept."
            )
        return True

    def adopt(self, text: str, tone: Tone | None, clip: Clip) -> None:
        """Use ``clip`` (another voice's, a fallback) for ``text`` in this run only: it is
        not kept under this voice's key, so the next run tries this voice again."""
        with self._lock:
            self._known[(text, tone)] = clip

    @property
    def natural(self) -> bool:
        """Whether the clips are rendered with a natural voice."""
        return is_natural(self.voice.voice_id)

    def size(self) -> int:
        """Bytes the folder holds."""
        return sum(self._stat(p)[1] for p in self._files())

    def prune(self, keep: set[Path] | None = None) -> int:
        """Remove the oldest clips until the folder fits its limit; returns files removed."""
        keep = keep or set()
        files = sorted(self._files(), key=lambda p: self._stat(p)[0])
        total = sum(self._stat(p)[1] for p in files)
        removed = 0
        for path in files:
            if total <= self.max_bytes:
                break
            if path in keep:
                continue
            size = self._stat(path)[1]
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size
                removed += 1
        with self._lock:
            self._known = {k: c for k, c in self._known.items() if c.path.exists()}
        return removed

    def touch(self, paths: set[Path]) -> None:
        """Mark clips as just used, so pruning keeps them longest."""
        for path in paths:
            with contextlib.suppress(OSError):
                os.utime(path)

    def _files(self) -> list[Path]:
        try:
            return [p for p in self.folder.iterdir() if p.suffix == ".wav" and p.is_file()]
        except OSError:
            return []

    def _stat(self, path: Path) -> tuple[float, int]:
        """(modified, size) of a clip; a clip gone meanwhile counts as old and empty."""
        try:
            found = path.stat()
        except OSError:
            return (0.0, 0)
        return (found.st_mtime, found.st_size)
