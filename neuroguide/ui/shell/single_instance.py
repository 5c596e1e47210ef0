"""One window per data folder: a second start asks the running one to come forward.

The instance that holds the history lock listens on a Unix socket in the data folder; a
second ``neuroguide`` finds the lock taken, sends "show" (or "open FILE", for a ``.neuroguide``
opened from the file manager or as ``neuroguide FILE``) and exits. Plain ``socket`` and a
``QSocketNotifier`` keep QtNetwork out of the app. Where there are no Unix sockets, or the
path is too long for one, the second start simply runs without history, as before.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, Signal

SOCKET_NAME = "neuroguide.sock"
MAX_PATH = 100  # sockaddr_un holds about 108 bytes


def socket_path(data_dir: Path) -> Path | None:
    """Where the running instance listens, or ``None`` if a socket cannot live there."""
    path = data_dir / SOCKET_NAME
    if not hasattr(socket, "AF_UNIX") or len(os.fsencode(path)) > MAX_PATH:
        return None
    return path


MAX_REQUEST = 8192
"""Bytes of one request: "open " and a file path (Linux allows 4096) with room to spare."""


def request_for(file: Path | None) -> bytes | None:
    """The line that asks for the window (and for ``file`` to be opened in it).

    ``None`` when ``file`` cannot travel as one line (a newline in its name, or too long).
    """
    if file is None:
        return b"show\n"
    name = os.fsencode(file.absolute())  # the running window has another working folder
    if b"\n" in name or len(name) + 6 > MAX_REQUEST:
        return None
    return b"open " + name + b"\n"


def ask_to_show(data_dir: Path, timeout: float = 2.0, *, file: Path | None = None) -> bool:
    """Ask the instance running on ``data_dir`` to bring its window forward; True if it did.

    With ``file``, the window also opens that shared programme on its import page.
    """
    path = socket_path(data_dir)
    request = request_for(file)
    if path is None or request is None or not path.exists():
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(timeout)
            client.connect(str(path))
            client.sendall(request)
            return client.recv(16).startswith(b"ok")
    except OSError:
        return False


class ShowServer(QObject):
    """Listens for "show" and "open FILE" requests from later starts on the same data folder.

    Only the holder of the history lock creates one, so removing a leftover socket file
    (from a crash) is safe.

    Signals:
        show_requested: another start asked for this window.
        open_requested(Path): another start was given this file to open (after show_requested).
    """

    show_requested = Signal()
    open_requested = Signal(Path)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        path.unlink(missing_ok=True)
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._socket.bind(str(path))
        os.chmod(path, 0o600)
        self._socket.listen(4)
        self._socket.setblocking(False)
        self._notifier = QSocketNotifier(self._socket.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    def _accept(self) -> None:
        try:
            connection, _address = self._socket.accept()
        except OSError:
            return
        with connection:
            connection.settimeout(0.5)
            try:
                request = _read_line(connection)
                if request == b"show":
                    connection.sendall(b"ok\n")
                    self.show_requested.emit()
                elif request.startswith(b"open /"):
                    connection.sendall(b"ok\n")
                    self.show_requested.emit()
                    self.open_requested.emit(Path(os.fsdecode(request[len(b"open ") :])))
            except OSError:
                pass

    def close(self) -> None:
        """Stop listening and remove the socket file."""
        self._notifier.setEnabled(False)
        self._socket.close()
        with contextlib.suppress(OSError):
            self.path.unlink()


def _read_line(connection: socket.socket) -> bytes:
    """One request line, without its newline (a request may arrive in pieces)."""
    received = b""
    while not received.endswith(b"\n") and len(received) < MAX_REQUEST:
        piece = connection.recv(MAX_REQUEST - len(received))
        if not piece:
            break
        received += piece
    return received.rstrip(b"\n")
