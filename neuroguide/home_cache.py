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
import os
import tomllib
from pathlib import Path
from typing import Any

from neuroguide import __version__
from neuroguide.paths import Paths, make_private_dir

FORMAT = 2
"""Raise this when the meaning of the cached fields changes."""

MISSING = "missing"
"""A file or folder that is not there, in a stamp (TOML has no null)."""

Stamp = list[Any]


def content_stamp(paths: Paths, *, seated_only: bool) -> Stamp:
    """Everything the cards depend on: app version, settings that change them, content files."""
    stamp: Stamp = [FORMAT, __version__, seated_only, _file_stamp(paths.exercises_file)]
    for folder in (paths.builtin_routines, paths.user_routines):
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            stamp.append(MISSING)  # no folder (usual for the user's) is a state of its own
            continue
        stamp.append([_entry_stamp(e) for e in entries if e.name.endswith(".toml")])
    return stamp


def _file_stamp(path: Path) -> list[Any] | str:
    try:
        status = path.stat()
    except OSError:
        return MISSING
    return [path.name, status.st_size, status.st_mtime_ns]


def _entry_stamp(entry: os.DirEntry[str]) -> list[Any] | str:
    try:
        status = entry.stat()
    except OSError:
        return MISSING
    return [entry.name, status.st_size, status.st_mtime_ns]


def read_home_cache(path: Path, stamp: Stamp) -> dict[str, Any] | None:
    """The cached home screen if it was made from exactly these files, else ``None``.

    TOML, read by the tomllib the settings have loaded already; json would add its own
    import, about 2.5 ms before the first paint (docs/decisions/0006).
    """
    try:
        with path.open("rb") as file:
            cached = tomllib.load(file)
    except (OSError, ValueError, RecursionError):  # TOMLDecodeError, bad UTF-8, deep nesting
        return None
    if not isinstance(cached, dict) or cached.get("stamp") != stamp:
        return None
    home = cached.get("home")
    return home if isinstance(home, dict) else None


def write_home_cache(path: Path, stamp: Stamp, home: dict[str, Any]) -> None:
    """Keep ``home`` for the next start; a cache that cannot be written is simply skipped."""
    import tomli_w  # after the first paint, like every write

    text = tomli_w.dumps({"stamp": stamp, "home": home})
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
