"""Noticing a history file deleted or replaced while NeuroGuide has it open.

SQLite keeps writing to the file it opened even after that file was deleted or another file
was put in its place; without this, the rest of the session would go nowhere, unsaid. After
each write the path is compared with the file that was opened (device and inode). If they
differ, everything the open connection holds (the whole history and this session so far) is
copied with SQLite's backup to ``history.recovered-YYYYmmdd-HHMMSS.sqlite3`` beside it, after
every later write too, and the person is told once. Nothing at the path is touched: another
file put there stays as it is. A deleted history is put back in its place when NeuroGuide
closes (the copy is renamed to the old name, if that name is still free).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from neuroguide.store.files import create_private_file

Identity = tuple[int, int]
Tell = Callable[[str], None]


def identity(path: Path) -> Identity | None:
    """(device, inode) of ``path``, or ``None`` if nothing is there."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


class FileWatch:
    """Compares the history's path with the file opened; rescues the history if they differ."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        tell: Tell,
        now: Callable[[], datetime],
    ) -> None:
        self._connection = connection
        self.path = path
        self._tell = tell
        self._now = now
        self._opened = identity(path)
        self.copy: Path | None = None
        """Where the history is kept since its file was deleted or replaced."""
        self._deleted = False

    def after_write(self) -> None:
        """Check the path; if the file was deleted or replaced, keep the history elsewhere."""
        if self._opened is None or (self.copy is None and identity(self.path) == self._opened):
            return
        first = self.copy is None
        if first:
            self._deleted = identity(self.path) is None
            self.copy = _free_name(self.path, self._now())
        assert self.copy is not None
        try:
            _copy_into(self._connection, self.copy)
        except (OSError, sqlite3.Error) as error:
            if first:
                self._tell(
                    f"The history file {self.path} was {self._what()} while NeuroGuide had it "
                    f"open, and a copy could not be written ({error}). Keep NeuroGuide open; "
                    "free some space and the copy is tried again after the next record."
                )
                self.copy = None
            return
        if first:
            self._tell(
                f"The history file {self.path} was {self._what()} while NeuroGuide had it open. "
                f"Your history, with this session, is kept in {self.copy.name} beside it and the "
                f"rest of the session is saved there too. {self._advice()}"
            )

    def close(self) -> str | None:
        """After the connection closed: put a deleted history back; a sentence to show, if any."""
        if self.copy is None or not self._deleted or os.path.lexists(self.path):
            return None
        try:
            os.rename(self.copy, self.path)
        except OSError:
            return None
        return f"Your history was put back as {self.path.name}."

    def _what(self) -> str:
        return "deleted" if self._deleted else "replaced by another file"

    def _advice(self) -> str:
        if self._deleted:
            return f"It is put back as {self.path.name} when NeuroGuide closes."
        return (
            f"The file now at {self.path.name} was not touched. To go on with your history, close "
            f"NeuroGuide and rename {self.copy.name if self.copy else 'the copy'} to "
            f"{self.path.name}."
        )


def _free_name(path: Path, when: datetime) -> Path:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    for number in range(1, 1000):
        extra = "" if number == 1 else f"-{number}"
        candidate = path.with_name(f"{path.stem}.recovered-{stamp}{extra}{path.suffix}")
        if not os.path.lexists(candidate):
            return candidate
    raise FileExistsError(f"no free name beside {path}")  # pragma: no cover


def _copy_into(connection: sqlite3.Connection, target: Path) -> None:
    """The whole open history into ``target`` (owner-only), with SQLite's backup."""
    create_private_file(target)
    destination = sqlite3.connect(target, isolation_level=None)
    try:
        connection.backup(destination)
    finally:
        destination.close()
