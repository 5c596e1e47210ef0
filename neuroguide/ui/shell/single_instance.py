"""One window per data folder: a second start asks the running one to come forward.

The instance that holds the history lock listens on a Unix socket in the data folder; a
second ``neuroguide`` finds the lock taken, sends "show" and exits. Plain ``socket`` and a
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


def ask_to_show(data_dir: Path, timeout: float = 2.0) -> bool:
    """Ask the instance running on ``data_dir`` to bring its window forward; True if it did."""
    path = socket_path(data_dir)
    if path is None or not path.exists():
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(timeout)
            client.connect(str(path))
            client.sendall(b"show\n")
            return client.recv(16).startswith(b"ok")
    except OSError:
        return False


class ShowServer(QObject):
    """Listens for "show" requests from later starts on the same data folder.

    Only the holder of the history lock creates one, so removing a leftover socket file
    (from a crash) is safe.

    Signals:
        show_requested: another start asked for this window.
    """

    show_requested = Signal()

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
                request = connection.recv(64)
                if request.startswith(b"show"):
                    connection.sendall(b"ok\n")
                    self.show_requested.emit()
            except OSError:
                pass

    def close(self) -> None:
        """Stop listening and remove the socket file."""
        self._notifier.setEnabled(False)
        self._socket.close()
        with contextlib.suppress(OSError):
            self.path.unlink()
