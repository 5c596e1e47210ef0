"""Makes NeuroGuide's countdown tones (run from the repository root to rebuild them).

Three short sounds that differ by pitch *and* pattern, so they can be told apart without
looking and by people who hear some pitches poorly:

- tick.wav: one short, high click-like beep (1200 Hz, 60 ms) for "3, 2, 1" and rep counts.
- work.wav: two rising beeps (660 Hz then 990 Hz) when a hold, set or block starts.
- rest.wav: one longer, softer falling tone (590 Hz gliding to 390 Hz) for rest, get ready
  and switching sides.

Only the standard library is used; the files are 16-bit mono at 22,050 Hz.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
FADE = 0.008  # seconds of fade in and out, so the tones do not click


def tone(start_hz: float, end_hz: float, seconds: float, volume: float) -> list[float]:
    """A sine glide from ``start_hz`` to ``end_hz`` with short fades at both ends."""
    count = int(RATE * seconds)
    samples = []
    phase = 0.0
    for i in range(count):
        t = i / RATE
        hz = start_hz + (end_hz - start_hz) * (i / count)
        phase += 2 * math.pi * hz / RATE
        fade = min(1.0, t / FADE, (seconds - t) / FADE)
        samples.append(volume * fade * math.sin(phase))
    return samples


def silence(seconds: float) -> list[float]:
    """A gap between two beeps."""
    return [0.0] * int(RATE * seconds)


def write(path: Path, samples: list[float]) -> None:
    """Write ``samples`` (-1..1) as a 16-bit mono WAV file."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


def main() -> None:
    """Write the three tones next to this script."""
    folder = Path(__file__).resolve().parent
    write(folder / "tick.wav", tone(1200, 1200, 0.06, 0.6))
    write(
        folder / "work.wav", tone(660, 660, 0.12, 0.7) + silence(0.06) + tone(990, 990, 0.16, 0.7)
    )
    write(folder / "rest.wav", tone(590, 390, 0.4, 0.5))


if __name__ == "__main__":
    main()
