"""Pictures of own exercises: the shipped figures, and image files checked before use.

A picture is named in a file as one of the shipped figures (``standing``, ``seated``,
``wall``) or as a path relative to that file. Only PNG, JPEG and SVG up to 5 MB are taken, a
path may not leave the file's folder, and the bytes must really be that kind of image.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Callable
from pathlib import Path, PurePosixPath

FIGURES = {
    "standing": "figure-standing.svg",
    "seated": "figure-seated.svg",
    "wall": "figure-wall.svg",
}
"""Simple figures that ship in ``resources/illustrations``: picture name -> file."""

FIGURE_WORDS = {"standing": "Standing", "seated": "Seated", "wall": "At a wall"}
PICTURE_TYPES = (".png", ".jpg", ".jpeg", ".svg")
MAX_PICTURE_BYTES = 5_000_000
MAX_PICTURE_PATH = 200
_SAFE_PART = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\- ]*$")

PictureCheck = Callable[[str], tuple[str | None, str | None]]
"""Given a ``picture`` value, returns ``(illustration, None)`` or ``(None, problem)``.

``illustration`` is what :class:`~neuroguide.core.library.Exercise` keeps: a figure's file
name (found in the shipped illustrations) or the absolute path of the image file.
"""


def picture_path_problem(value: str) -> str | None:
    """Why ``value`` is not an acceptable relative picture path, or ``None``."""
    if len(value) > MAX_PICTURE_PATH:
        return f"the picture path is {len(value)} characters; the most is {MAX_PICTURE_PATH}"
    if "\\" in value or value.startswith("/") or re.match(r"^[A-Za-z]:", value):
        return f"picture '{value}' must be a path relative to this file, using /"
    parts = PurePosixPath(value).parts
    if not parts or any(part in ("..", ".") or not _SAFE_PART.match(part) for part in parts):
        return (
            f"picture '{value}' must stay in this file's folder "
            "(letters, digits, '-', '_' and '.'; no '..')"
        )
    if PurePosixPath(value).suffix.lower() not in PICTURE_TYPES:
        return f"picture '{value}' must be a PNG, JPEG or SVG file (or standing, seated, wall)"
    return None


def image_problem(name: str, data: bytes) -> str | None:
    """Why ``data`` is not a usable picture called ``name``, or ``None``."""
    if len(data) > MAX_PICTURE_BYTES:
        return f"picture '{name}' is {len(data) / 1_000_000:.1f} MB; the most is 5 MB"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".png" and data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    if suffix in (".jpg", ".jpeg") and data.startswith(b"\xff\xd8\xff"):
        return None
    if suffix == ".svg" and b"<svg" in data[:4096]:
        return None
    kind = suffix.lstrip(".").upper() or "image"
    return f"picture '{name}' is not a {kind} image; use a PNG, JPEG or SVG file"


MAX_TOTAL_PIXELS = 40_000_000
"""Pixels all the pictures of one programme may hold together (about ten large photos).

A 5 MB PNG can hold a billion pixels, which is what memory and a preview pay for; this is
the one limit on what a programme's pictures unpack to (see decision 0022)."""


def image_pixels(name: str, data: bytes) -> int:
    """Width × height a picture unpacks to or is drawn at by default: a PNG's or JPEG's from
    its header (nothing decoded; 0 for a header that cannot be read), an SVG's from the size
    its ``<svg>`` element declares (:func:`~neuroguide.core.svg_size.svg_size`, which raises
    :class:`~neuroguide.core.svg_size.SvgSizeError` when it declares none we can read)."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".png" and len(data) >= 24 and data[12:16] == b"IHDR":
        return int.from_bytes(data[16:20], "big") * int.from_bytes(data[20:24], "big")
    if suffix in (".jpg", ".jpeg"):
        return _jpeg_pixels(data)
    if suffix == ".svg":
        # Imported here: only a programme's pictures are measured, never at start-up.
        from neuroguide.core.svg_size import svg_size

        width, height = svg_size(data)
        return width * height
    return 0


_SOF = frozenset({*range(0xC0, 0xC4), *range(0xC5, 0xC8), *range(0xC9, 0xCC), *range(0xCD, 0xD0)})


def _jpeg_pixels(data: bytes) -> int:
    """The frame size from a JPEG's start-of-frame marker."""
    at = 2
    while at + 9 < len(data):
        if data[at] != 0xFF:
            return 0
        marker = data[at + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        if marker in _SOF:
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            width = int.from_bytes(data[at + 7 : at + 9], "big")
            return width * height
        at += 2 + length
    return 0


def file_pictures(base: Path) -> PictureCheck:
    """Checks pictures as files relative to ``base`` (a routine or exercise file's folder)."""

    def check(value: str) -> tuple[str | None, str | None]:
        if value in FIGURES:
            return FIGURES[value], None
        problem = picture_path_problem(value)
        if problem:
            return None, problem
        path = base / value
        try:
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode):
                return None, f"picture '{value}' is not an ordinary file"
            if info.st_size > MAX_PICTURE_BYTES:
                size = info.st_size / 1_000_000
                return None, f"picture '{value}' is {size:.1f} MB; the most is 5 MB"
            with path.open("rb") as handle:
                head = handle.read(4096)
        except FileNotFoundError:
            return None, f"picture '{value}' is not there (looked in {base})"
        except OSError as error:
            return None, f"picture '{value}' cannot be read: {error.strerror}"
        problem = image_problem(value, head)
        if problem:
            return None, problem
        return str(path.absolute()), None

    return check


def no_files(value: str) -> tuple[str | None, str | None]:
    """A :data:`PictureCheck` for text with no folder: only the shipped figures."""
    if value in FIGURES:
        return FIGURES[value], None
    problem = picture_path_problem(value)
    return None, problem or f"picture '{value}' cannot be found without a folder"
