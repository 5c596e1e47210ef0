"""A physiotherapist's programme of three exercises NeuroGuide does not ship, as a file."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from neuroguide.paths import Paths, resources_dir


def _png(width: int = 4, height: int = 4) -> bytes:
    """A real, tiny grey PNG (so Qt can open it as well as the checks accept it)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


PNG = _png()

PROGRAMME = """
id = "physio-programme"
name = "My physio programme"
description = "Three exercises from my physiotherapist."

[schedule]
days_a_week = 3
weeks = 6

[[exercises]]
id = "sit-to-stand"
name = "Sit to stand"
category = "strength"
position = "either"
needs = ["chair"]
steps = [
  "Sit near the front of a sturdy chair.",
  "Stand up without using your hands.",
  "Sit down slowly.",
]
safety = ["Keep the chair against a wall."]
spoken_safety = "Go slowly, and keep breathing."
rep_words = ["Stand up", "Sit down"]
dose = { reps = 10, cadence = 4, sets = 2, rest = 30 }
picture = "pictures/sit.png"

[[exercises]]
id = "tandem-stance"
name = "Tandem stance at the counter"
category = "balance"
position = "standing"
needs = ["wall"]
side_word = "foot"
steps = [
  "Stand at the kitchen counter, both hands on it.",
  "Put one foot right in front of the other.",
]
spoken_safety = "Keep your hands on the counter."
dose = { hold = 20, sets = 2, sides = ["left", "right"] }
picture = "wall"

[[exercises]]
id = "ankle-circles"
name = "Ankle circles"
category = "warm-up"
position = "seated"
steps = ["Sit tall and lift one foot a little.", "Draw slow circles with your toes."]

[[steps]]
exercise = "ankle-circles"
duration = 30
sides = ["left", "right"]

[[steps]]
exercise = "sit-to-stand"
reps = 10
cadence = 4
sets = 2
rest = 30

[[steps]]
exercise = "tandem-stance"
hold = 20
sets = 2
sides = ["left", "right"]
"""


def exercises_with_pictures(count: int, suffix: str = ".png") -> str:
    """A routine of ``count`` own exercises, each with a picture ``pictures/own-N{suffix}``
    (the limits tests and the import benchmark pack the pictures beside it)."""
    parts = ['id = "big"\nname = "Big"\n']
    for number in range(count):
        parts.append(
            f'[[exercises]]\nid = "own-{number}"\nname = "Own {number}"\ncategory = "strength"\n'
            f'position = "seated"\nsteps = ["Lift.", "Lower."]\n'
            f'picture = "pictures/own-{number}{suffix}"\n'
        )
    for number in range(count):
        parts.append(f'[[steps]]\nexercise = "own-{number}"\nreps = 10\n')
    return "".join(parts)


def make_paths(root: Path) -> Paths:
    root.mkdir(parents=True, exist_ok=True)
    return Paths(data_dir=root, config_dir=root, resources_dir=resources_dir())


@pytest.fixture
def programme_file(tmp_path: Path) -> Path:
    """The programme as a routine file with a PNG picture beside it."""
    folder = tmp_path / "given"
    (folder / "pictures").mkdir(parents=True)
    (folder / "pictures" / "sit.png").write_bytes(PNG)
    path = folder / "physio-programme.toml"
    path.write_text(PROGRAMME)
    return path


MINI = """
id = "mini"
name = "Mini"

[[exercises]]
id = "towel-scrunch"
name = "Towel scrunches"
category = "strength"
position = "seated"
steps = ["Put a towel under your bare foot.", "Pull it towards you with your toes."]
spoken_safety = "Keep your heel on the floor."

[[steps]]
exercise = "towel-scrunch"
hold = 1
"""
