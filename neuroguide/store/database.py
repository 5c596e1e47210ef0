"""Opening the history file safely: checks, repair by moving aside, migrations and backups.

The file is never deleted and never altered when it comes from a newer NeuroGuide. A damaged
or foreign file is renamed beside the new one, and the caller gets a sentence saying where.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path

from neuroguide.core.clock import local_now
from neuroguide.core.private_files import make_private_dir
from neuroguide.store.backup import backup_daily, newest_good_backup, restore
from neuroguide.store.codes import primary_code
from neuroguide.store.files import create_private_file, move_aside
from neuroguide.store.lock import InstanceLock
from neuroguide.store.schema import APPLICATION_ID, LATEST_VERSION, application_id, migrate
from neuroguide.store.writes import mark_interrupted

MEMORY = ":memory:"
START_WAIT = 3.0
"""Seconds to wait at start-up for another program's lock on the history before going on."""


class HistoryError(Exception):
    """The history cannot be used; ``str()`` is one sentence to show the person."""


class HistoryTooNewError(HistoryError):
    """The file was written by a newer NeuroGuide; it is left exactly as it is."""


class HistoryInUseError(HistoryError):
    """Another NeuroGuide holds this data folder; nothing was opened."""


class _BusyError(Exception):
    """Another program holds a lock on the file; it is in use, not damaged."""


class _UnreadableError(Exception):
    """The file could not be read just now (full disk, no permission, an I/O error).

    That says nothing about the file itself, so it is never taken for damaged or moved.
    """

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


DAMAGE_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
"""The only SQLite answers that say something about the file's bytes: it is damaged or foreign.

Every other failure (a full disk, a lock, no permission, an I/O error) is about the moment,
and the file is left exactly where it is.
"""


IN_USE = (
    "The history is in use by another program. Your sessions will be saved in it when it is "
    "free; nothing was changed or moved."
)


@dataclass
class OpenedHistory:
    """An open history connection and what happened on the way.

    Attributes:
        connection: autocommit connection owned by the thread that opened it.
        messages: sentences to show the person (a file moved aside, a restore, a backup
            that could not be written, a file in use by another program).
        interrupted: how many sessions cut off earlier were marked interrupted.
        ready: False when another program held the file: :func:`prepare` has not run yet and
            must run (as the first write) once the file is free.
    """

    connection: sqlite3.Connection
    messages: list[str] = field(default_factory=list)
    interrupted: int = 0
    ready: bool = True
    path: Path | None = None
    """The file opened for writing (``None`` in memory or read-only): watched for deletion."""


class _State(Enum):
    EMPTY = "empty"
    OURS = "ours"
    FOREIGN = "foreign"
    DAMAGED = "damaged"


def connect(path: Path | str, timeout: float = START_WAIT) -> sqlite3.Connection:
    """Open ``path`` (or ``":memory:"``) with the pragmas every connection needs.

    ``timeout`` is how long a statement waits for another program's lock.
    """
    connection = sqlite3.connect(path, isolation_level=None, timeout=timeout)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        _durable(connection)
    except sqlite3.OperationalError as error:
        if not is_busy(error):
            connection.close()
            raise
        # Another program holds the file; prepare() sets these once it is free.
    except BaseException:
        connection.close()
        raise
    return connection


def _durable(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` means another connection holds a lock (in use, not damaged)."""
    return primary_code(error) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def prepare(connection: sqlite3.Connection) -> int:
    """Bring an opened file up to date and mark sessions cut off earlier; returns how many.

    Runs at open, or as the first write when another program held the file at start-up.
    """
    if application_id(connection) not in (0, APPLICATION_ID) or _version(connection) > (
        LATEST_VERSION
    ):
        raise sqlite3.DatabaseError("the file is not a history this NeuroGuide can write")
    _durable(connection)
    migrate(connection)
    return mark_interrupted(connection)


def open_history(
    path: Path | str,
    *,
    backups: Path | None = None,
    now: Callable[[], datetime] = local_now,
    wait: float | None = None,
) -> OpenedHistory:
    """Open (creating, repairing or upgrading as needed) the history at ``path``.

    A file another program holds a lock on is waited for up to ``wait`` seconds (default
    :data:`START_WAIT`); if it is still held, it is opened without being checked or changed
    (``ready`` is False) and never taken for damaged. A backup that cannot be written is
    reported, never fatal.

    Raises:
        HistoryTooNewError: the file is from a newer version; it was not touched.
        HistoryError: the file or its folder cannot be used at all (e.g. no permission).
    """
    if str(path) == MEMORY:
        connection = connect(MEMORY)
        migrate(connection)
        return OpenedHistory(connection)
    path = Path(path)
    wait = START_WAIT if wait is None else wait
    messages: list[str] = []
    busy = False
    try:
        make_private_dir(path.parent)
        try:
            state = _inspect(path, wait)
        except _BusyError:
            busy, state = True, _State.OURS
        except _UnreadableError as unreadable:
            raise HistoryError(unreadable_now(path, unreadable.error)) from None
        if state in (_State.FOREIGN, _State.DAMAGED):
            messages += _replace(path, state, backups, now())
        create_private_file(path)
        connection = connect(path, wait)
    except (OSError, sqlite3.Error) as error:
        raise HistoryError(unreadable_now(path, error)) from None
    interrupted = 0
    try:
        if not busy:
            interrupted = prepare(connection)
    except sqlite3.OperationalError as error:
        if not is_busy(error):
            connection.close()
            raise HistoryError(unreadable_now(path, error)) from None
        busy = True
    except (OSError, sqlite3.Error) as error:
        connection.close()
        raise HistoryError(unreadable_now(path, error)) from None
    if busy:
        return OpenedHistory(connection, [*messages, IN_USE], 0, ready=False, path=path)
    if backups is not None:
        messages += _backup(connection, backups, now())
    return OpenedHistory(connection, messages, interrupted, path=path)


def _backup(connection: sqlite3.Connection, backups: Path, when: datetime) -> list[str]:
    """Today's backup; a failure is one sentence, and recording goes on without it."""
    try:
        backup_daily(connection, backups, when.date())
    except (OSError, sqlite3.Error) as error:
        return [
            f"Today's backup of your history could not be written in {backups} "
            f"({_reason(error)}). Your history itself is fine and sessions are still saved."
        ]
    return []


def open_read_only(path: Path | str) -> sqlite3.Connection:
    """Open an existing, current history for reading only (while another instance writes it).

    Nothing is repaired, upgraded or marked; WAL lets this read beside a running writer.
    """
    path = Path(path)
    if not path.is_file():
        raise HistoryError(f"There is no history yet at {path}.")
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise HistoryError(f"The history file {path} cannot be read: {_reason(error)}.") from None
    try:
        version = _version(connection)
        ours = application_id(connection) == APPLICATION_ID
    except sqlite3.Error as error:
        connection.close()
        raise HistoryError(f"The history file {path} cannot be read: {_reason(error)}.") from None
    if version > LATEST_VERSION:
        connection.close()
        raise _too_new(path, version)
    if not ours or version < LATEST_VERSION:
        connection.close()
        raise HistoryError(
            f"The history file {path} needs checking first; close NeuroGuide and try again."
        )
    return connection


def _inspect(path: Path, wait: float = START_WAIT) -> _State:
    """What the file is; raises :class:`_BusyError` if another program holds it beyond ``wait``."""
    if not path.exists() or path.stat().st_size == 0:
        return _State.EMPTY
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=wait)
    except sqlite3.Error as error:
        return _damaged_or_raise(error)
    try:
        version = _version(connection)
        app = application_id(connection)
        if app == APPLICATION_ID and version > LATEST_VERSION:
            raise _too_new(path, version)
        row = connection.execute("PRAGMA quick_check").fetchone()
        if not row or row[0] != "ok":
            return _State.DAMAGED
        if app == APPLICATION_ID:
            return _State.OURS
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return _State.EMPTY if app == 0 and version == 0 and tables == 0 else _State.FOREIGN
    except sqlite3.Error as error:
        return _damaged_or_raise(error)
    finally:
        connection.close()


def _damaged_or_raise(error: sqlite3.Error) -> _State:
    """DAMAGED only when SQLite read the bytes and found them wrong; otherwise raise."""
    if is_busy(error):
        raise _BusyError from None
    if _primary(error) in DAMAGE_CODES:
        return _State.DAMAGED
    raise _UnreadableError(error) from None


FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def is_full(error: BaseException) -> bool:
    """Whether ``error`` means no room to write: a full disk, a quota, a size limit."""
    if isinstance(error, OSError):
        return error.errno in FULL_ERRNOS
    return _primary(error) == sqlite3.SQLITE_FULL


def _primary(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def unreadable_now(path: Path, error: BaseException) -> str:
    """What to tell the person when the history cannot be opened for a reason of the moment."""
    if is_full(error) or _primary(error) == sqlite3.SQLITE_IOERR:
        cause = (
            "the disk is full" if is_full(error) else "the disk may be full: it cannot be written"
        )
        advice = "Free some space on the disk, then start NeuroGuide again"
    else:
        cause = _reason(error)
        advice = "Check the file and its folder can be read and written, then try again"
    return (
        f"The history file {path} cannot be opened just now ({cause}). It was not changed or "
        f"moved, and your sessions in it are safe. {advice}."
    )


def _replace(path: Path, state: _State, backups: Path | None, when: datetime) -> list[str]:
    reason = "damaged" if state is _State.DAMAGED else "foreign"
    moved = move_aside(path, reason, when)
    if state is _State.DAMAGED:
        first = f"The history file was damaged. It was kept, renamed to {moved}."
    else:
        first = f"The history file was not a NeuroGuide history. It was kept as {moved}."
    backup = newest_good_backup(backups) if backups is not None else None
    if backup is None:
        return [f"{first} A new, empty history was started."]
    restore(backup, path)
    return [f"{first} Your history was restored from the backup {backup.name}."]


def _version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def _too_new(path: Path, version: int) -> HistoryTooNewError:
    return HistoryTooNewError(
        f"The history file {path} comes from a newer NeuroGuide (format {version}; this one "
        f"reads up to {LATEST_VERSION}). Update NeuroGuide to use it; the file was not changed."
    )


def _reason(error: BaseException) -> str:
    text = str(error).strip().rstrip(".")
    return text or type(error).__name__


def lock_data_folder(data_dir: Path, busy: str) -> InstanceLock:
    """Take the one-instance lock of ``data_dir``; the caller releases it.

    Raises:
        HistoryInUseError: another NeuroGuide holds it (``busy`` says so to the person).
        HistoryError: the folder cannot be used at all.
    """
    lock = InstanceLock(data_dir)
    try:
        acquired = lock.acquire()
    except OSError as error:
        if is_full(error):  # say what to do, as for the history itself (decision 0022)
            raise HistoryError(
                f"The data folder {data_dir} cannot be used just now (the disk is full). "
                "Nothing in it was changed or moved, and your sessions are safe. Free some "
                "space on the disk, then start NeuroGuide again."
            ) from None
        raise HistoryError(
            f"The data folder {data_dir} cannot be used: {error.strerror}."
        ) from None
    if not acquired:
        raise HistoryInUseError(busy)
    return lock
