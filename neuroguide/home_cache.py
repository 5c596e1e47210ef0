"""What the home screen showed last time, so the next start can paint it before loading content.

Loading the exercise library and the routines (and the modules that parse and check them)
is most of what stands between starting NeuroGuide and seeing its window. The routine cards
only change when a content file or the "seated only" setting changes, so their words are kept
here with a stamp of those files (name, size, modification time). A start whose stamp matches
shows the cards at once and loads the content right after the first paint; any other start
loads the content first, as always. The file is only a copy: losing or damaging it costs one
slower start, never data, so every problem with it is treated as "no cache".
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from neuroguide import __version__
from neuroguide.paths import Paths, make_private_dir

FORMAT = 1
"""Raise this when the meaning of the cached fields changes."""

Stamp = list[Any]


def content_stamp(paths: Paths, *, seated_only: bool) -> Stamp:
    """Everything the cards depend on: app version, settings that change them, content files."""
    stamp: Stamp = [FORMAT, __version__, seated_only, _file_stamp(paths.exercises_file)]
    for folder in (paths.builtin_routines, paths.user_routines):
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            stamp.append(None)  # no folder (usual for the user's) is a state of its own
            continue
        stamp.append([_entry_stamp(e) for e in entries if e.name.endswith(".toml")])
    return stamp


def _file_stamp(path: Path) -> list[Any] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return [path.name, status.st_size, status.st_mtime_ns]


def _entry_stamp(entry: os.DirEntry[str]) -> list[Any] | None:
    try:
        status = entry.stat()
    except OSError:
        return None
    return [entry.name, status.st_size, status.st_mtime_ns]


def read_home_cache(path: Path, stamp: Stamp) -> dict[str, Any] | None:
    """The cached home screen if it was made from exactly these files, else ``None``."""
    try:
        with path.open("rb") as file:
            cached = json.load(file)
    except (OSError, ValueError):
        return None
    if not isinstance(cached, dict) or cached.get("stamp") != stamp:
        return None
    home = cached.get("home")
    return home if isinstance(home, dict) else None


def write_home_cache(path: Path, stamp: Stamp, home: dict[str, Any]) -> None:
    """Keep ``home`` for the next start; a cache that cannot be written is simply skipped."""
    text = json.dumps({"stamp": stamp, "home": home}, ensure_ascii=False)
    spare = path.with_name(path.name + ".new")
    try:
        make_private_dir(path.parent)
        descriptor = os.open(spare, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(spare, path)
    except OSError:
        with contextlib.suppress(OSError):
            spare.unlink()
