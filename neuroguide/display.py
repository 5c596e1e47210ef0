"""Whether the window can open here, told in one line before Qt would abort with its own words.

Without a desktop session (SSH, a container, the login screen) Qt aborts with exit 134 and
advice to reinstall, which is wrong. The GUI command asks :func:`display_problem` first, before
the data folder is touched, and :func:`platform_failure_guard` turns any platform failure Qt
still meets into the same one-line message and exit 1.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

WITHOUT_A_DESKTOP = (
    "Without one, `neuroguide play ROUTINE` and `neuroguide self-test` work, "
    "and `xvfb-run -a neuroguide` tries the window on a virtual screen"
)
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def qt_arguments(argv: list[str]) -> list[str]:
    """The arguments for ``QApplication``: Fusion chosen by name, then ours, made valid text.

    A path that is not UTF-8 (``--data-dir`` of an odd folder) reaches Python with surrogate
    escapes, and PySide crashes (a segmentation fault) turning those into Qt strings; Qt only
    looks for its own options (``-platform``, ``-display``) among them anyway.
    """
    safe = [arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for arg in argv]
    return [*safe[:1], "-style", "Fusion", *safe[1:]]


def display_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """A one-line reason the window cannot open here, or ``None`` when it can (or may)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") and "bsd" not in sys.platform:
        return None  # Windows and macOS always have their own platform
    platform = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if platform in HEADLESS_PLATFORMS:
        return None
    if platform not in ("", "xcb", "wayland", "wayland-egl"):
        return None  # a platform we do not know: let Qt try it (the guard catches a failure)
    wayland = env.get("WAYLAND_DISPLAY", "")
    x_display = env.get("DISPLAY", "")
    if platform.startswith("wayland") or (wayland and not platform):
        if wayland and _wayland_socket_exists(wayland, env):
            return None
        if platform.startswith("wayland"):
            return needs_desktop(f"no Wayland display '{wayland}' is running")
    if not x_display:
        return needs_desktop("no display was found (DISPLAY and WAYLAND_DISPLAY are not set)")
    if _x_display_opens(x_display) is False:
        time.sleep(0.1)  # once more, in case the server was busy: a refusal stops the start
        if _x_display_opens(x_display) is False:
            return needs_desktop(f"the display '{x_display}' cannot be opened")
    return None


def needs_desktop(reason: str) -> str:
    """The one-line message: what is wrong, and what works instead."""
    return f"neuroguide: the window needs a desktop session; {reason}. {WITHOUT_A_DESKTOP}."


def platform_failed(env: Mapping[str, str]) -> str:
    """The one line for Qt failing to start its platform after :func:`display_problem` passed.

    The display answered, so a system library is the likely cause (``libxcb-cursor0`` and the
    other Qt runtime libraries packaging/setup.sh installs).
    """
    screen = env.get("WAYLAND_DISPLAY") or env.get("DISPLAY")
    if not screen:
        return needs_desktop("Qt could not open its window platform")
    return (
        f"neuroguide: Qt could not start its window platform on '{screen}'; if that display "
        "works, a system library is probably missing: run `bash packaging/setup.sh` again "
        f"(QT_DEBUG_PLUGINS=1 neuroguide shows what is missing). {WITHOUT_A_DESKTOP}."
    )


def _wayland_socket_exists(name: str, env: Mapping[str, str]) -> bool:
    path = Path(name) if name.startswith("/") else Path(env.get("XDG_RUNTIME_DIR", "/")) / name
    return path.exists()


def _x_display_opens(name: str) -> bool | None:
    """Whether an X server answers at ``name``.

    A local display (``:0``, ``unix:1.0``) is tried with a plain socket, which costs next to
    nothing at start-up; any other (``host:10`` from ``ssh -X``, a socket path) the way Qt
    connects, through libxcb. ``None`` when that cannot be tried: the guard reports a failure.
    """
    local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", name)
    if local:
        return _local_x_socket_answers(int(local.group(1)))
    return _xcb_connects(name)


def _local_x_socket_answers(number: int) -> bool:
    import socket

    path = f"/tmp/.X11-unix/X{number}"
    for address in ("\0" + path, path):  # X servers listen on both (abstract first, as libxcb)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(address)
            except OSError:
                continue
            return True
    return False


def _xcb_connects(name: str) -> bool | None:
    import ctypes

    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return None
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(os.fsencode(name), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)


@contextlib.contextmanager
def platform_failure_guard() -> Iterator[None]:
    """While the QApplication is made: a fatal "no platform plugin" becomes one line, exit 1.

    Qt aborts the process right after its fatal message; the handler ends it first, so nothing
    is left half done (the data folder is not opened before the window's platform exists).
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    held: list[tuple[QtMsgType, Any, str]] = []  # Qt's own warnings wait for the outcome

    def handler(kind: QtMsgType, context: Any, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg and "platform plugin" in message:
            print(platform_failed(os.environ), file=sys.stderr)
            sys.stderr.flush()
            os._exit(1)
        held.append((kind, context, message))

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
        for kind, context, message in held:
            if previous is not None:
                previous(kind, context, message)
            elif kind != QtMsgType.QtDebugMsg:
                print(message, file=sys.stderr)


def close_on_interrupt(app: QApplication) -> None:
    """Ctrl+C in the terminal that started the app closes its windows, as their close buttons
    do (a running session ends the usual way and is kept in the history).

    Python runs its signal handlers only when Python code runs, and Qt's event loop is not
    Python: the signal's wake-up byte goes to a socket that Qt watches, so the handler runs at
    once. Installed before the window is built, so no moment of the start-up is left out.
    """
    import signal
    import socket
    import threading

    if threading.current_thread() is not threading.main_thread():
        return
    from PySide6.QtCore import QSocketNotifier, QTimer

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    notifier.activated.connect(drain)
    setattr(app, "_neuroguide_interrupt", (reader, writer))  # noqa: B010 - alive with the app
    # Posted, not called: the handler runs between two lines of whatever Python code was
    # running (mid start-up, say), and the close must wait until that has finished.
    signal.signal(signal.SIGINT, lambda _number, _frame: QTimer.singleShot(0, app.closeAllWindows))
