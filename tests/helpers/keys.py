"""Key presses as the window system delivers them: to the window's ``QWindow``.

The app takes keys on each window's ``QWindow`` (decision 0032), which hands every key to the
focused widget, so a test presses a key there too. QTest's key clicks on a widget skip that
step, and QTest's clicks on a window carry the uptime in milliseconds as their timestamp:
a release and the next press of a key within the same millisecond would then look like an
X auto-repeat (one held key). These events carry no timestamp, as QTest's did on widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_TEXT = {
    Qt.Key.Key_Return: "\r",
    Qt.Key.Key_Enter: "\r",
    Qt.Key.Key_Escape: "\x1b",
    Qt.Key.Key_Tab: "\t",
    Qt.Key.Key_Backspace: "\b",
}


def key_text(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> str:
    """The text a key types, as QTest gives it (letters small unless Shift is held)."""
    if key in _TEXT:
        return _TEXT[key]
    code = int(key)
    if 0x20 <= code <= 0x7E:
        text = chr(code)
        return text if modifiers & Qt.KeyboardModifier.ShiftModifier else text.lower()
    return ""


def key_down(
    widget: QWidget, key: Qt.Key, text: str | None = None, *, repeat: bool = False
) -> None:
    """``key`` goes down (or, with ``repeat``, says it is still down) in ``widget``'s window."""
    _send(widget, QEvent.Type.KeyPress, key, text, Qt.KeyboardModifier.NoModifier, repeat)


def key_up(widget: QWidget, key: Qt.Key, text: str | None = None) -> None:
    """``key`` is let go in ``widget``'s window."""
    _send(widget, QEvent.Type.KeyRelease, key, text, Qt.KeyboardModifier.NoModifier, False)


def press_key(
    widget: QWidget,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    text: str | None = None,
) -> None:
    """``key`` pressed and let go in ``widget``'s window (shown: it needs its ``QWindow``)."""
    _send(widget, QEvent.Type.KeyPress, key, text, modifiers, False)
    _send(widget, QEvent.Type.KeyRelease, key, text, modifiers, False)


def _send(
    widget: QWidget,
    kind: QEvent.Type,
    key: Qt.Key,
    text: str | None,
    modifiers: Qt.KeyboardModifier,
    repeat: bool,
) -> None:
    handle = widget.window().windowHandle()
    assert handle is not None, f"{type(widget).__name__} is not shown: it has no window yet"
    typed = key_text(key, modifiers) if text is None else text
    QApplication.sendEvent(handle, QKeyEvent(kind, key, modifiers, typed, repeat))
