"""The one writer of files: every export and every file of the app's own goes through here.

Why one: a person's history and settings are health data and hard to make again. So every
write is whole or not at all (a short-named temporary file beside the target, then a rename),
readable by its owner only (0600, folders 0700, whatever the umask), never onto the app's own
data files, never onto a named pipe or a device (which a rename would silently replace), and
every failure (a full disk, a name too long, no permission) is one sentence, never a traceback.

A refusal or failure is an :class:`OSError` whose ``strerror`` is that sentence, so a caller
that already says ``cannot write {path}: {error.strerror}`` says the right thing. See
decision 0022.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

SQLITE_MAGIC = b"SQLite format 3\x00"
"""The first bytes of every SQLite file: an export never replaces a database."""

PART_PREFIX = ".neuroguide-"
PART_SUFFIX = ".part"


@dataclass(frozen=True)
class OwnFiles:
    """The app's own data: files an export must never replace, each with what to call it."""

    files: tuple[tuple[Path, str], ...] = ()
    """(file, what it is for the person), e.g. (history.sqlite3, "your history")."""
    folders: tuple[tuple[Path, str], ...] = ()
    """(folder, what it holds): nothing inside is an export's to replace."""

    def owner_of(self, target: Path) -> str | None:
        """What ``target`` is of ours ("your history"), or ``None`` if it is not ours."""
        for path, what in self.files:
            if _same(target, path):
                return what
        parent = _real(target.parent)
        for folder, what in self.folders:
            real = _real(folder)
            if parent == real or real in parent.parents:
                return what
        return None


NOTHING_OWN = OwnFiles()


class WriteRefusedError(OSError):
    """The target is not one to write to (ours, a pipe, a device, a folder); nothing written."""

    def __init__(self, path: Path, sentence: str) -> None:
        super().__init__(errno.EPERM, sentence, str(path))


def write_reason(error: OSError) -> str:
    """A short reason for a failed write, in words (a full disk says so plainly)."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if error.errno == errno.EFBIG:
        return "the file is larger than this disk or account allows"
    if error.errno == errno.ENAMETOOLONG:
        return "the file name is too long (at most 255 bytes); choose a shorter one"
    return error.strerror or str(error)


def check_target(path: Path, own: OwnFiles = NOTHING_OWN) -> None:
    """Refuse a target that is ours, a named pipe, a device, a socket or a folder.

    Raises:
        WriteRefusedError: with the sentence to show; nothing was created or changed.
    """
    what = own.owner_of(path)
    if what is not None:
        raise WriteRefusedError(
            path, f"that is {what}, kept by NeuroGuide; choose another file name"
        )
    try:
        found = os.stat(path)  # through a link: what would really be replaced
    except FileNotFoundError:
        return
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            raise WriteRefusedError(path, write_reason(error)) from None
        return  # e.g. a dangling link; the write itself says what is wrong
    if stat.S_ISDIR(found.st_mode):
        raise WriteRefusedError(path, "that is a folder; give a file name inside it")
    if not stat.S_ISREG(found.st_mode):
        kind = "a named pipe" if stat.S_ISFIFO(found.st_mode) else "a device or socket"
        raise WriteRefusedError(path, f"that is {kind}, not a file; give an ordinary file name")
    if _starts_with(path, SQLITE_MAGIC):
        raise WriteRefusedError(path, "that is a database file; choose another file name")


def make_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents, each readable by its owner only (0700).

    ``mkdir(mode=...)`` alone leaves parents to the umask (0777 under umask 000); each folder
    made here is set to 0700 explicitly. Folders that already existed are left as they are.
    """
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue
        os.chmod(folder, 0o700)
    if not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "that is a file, not a folder", str(path))
    return path


@contextmanager
def private_output(
    path: Path, own: OwnFiles = NOTHING_OWN, *, make_folder: bool = False
) -> Iterator[Path]:
    """Yield a private temporary file beside ``path``; on success it becomes ``path`` (0600).

    The target is checked before anything is created. The temporary name is short, so a
    target name of up to 255 bytes works. If anything fails, nothing is left behind and the
    old ``path`` (if any) is unchanged.
    """
    check_target(path, own)
    if make_folder:
        make_private_dir(path.parent)
    descriptor, name = tempfile.mkstemp(prefix=PART_PREFIX, suffix=PART_SUFFIX, dir=path.parent)
    os.close(descriptor)
    partial = Path(name)
    try:
        yield partial
        os.chmod(partial, 0o600)  # a writer that replaced the file keeps it private too
        _sync(partial)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def write_private(
    path: Path,
    data: bytes | Callable[[BinaryIO], object],
    own: OwnFiles = NOTHING_OWN,
    *,
    make_folder: bool = True,
) -> None:
    """Write ``data`` (bytes, or a function writing to a binary stream) as ``path``, whole."""
    with private_output(path, own, make_folder=make_folder) as partial, open(partial, "wb") as out:
        if isinstance(data, bytes):
            out.write(data)
        else:
            data(out)


def _sync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        return os.read(descriptor, len(magic)) == magic
    except OSError:
        return False
    finally:
        os.close(descriptor)


def _same(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return _real(one) == _real(other)


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
