"""SQLite's result codes, read the same way whatever SQLite version Python was built with."""

from __future__ import annotations


def primary_code(error: BaseException) -> int | None:
    """The primary result code of ``error`` (``SQLITE_BUSY``, ``SQLITE_FULL`` ...), if any.

    Python gives the extended code, and newer SQLite reports more of them: Debian 13's says
    that a lock held by another program is busy with an extended code (its low byte is still
    ``SQLITE_BUSY``), where Debian 12's said plain ``SQLITE_BUSY``. The low byte is the primary
    code in every version.
    """
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF
