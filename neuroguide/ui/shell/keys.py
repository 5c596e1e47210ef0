"""What a key press means: Space whatever has the focus, switch keys, bounce and repeat.

People who cannot use a keyboard use one switch: a foot pedal, a presenter remote, a switch
box. Those send Page Down, Page Up, B, ``.``, F5 or Enter; here they mean what Space, → and ←
mean. In Settings a person can teach the app their own key, which then means Space ("the
next obvious thing"). A switch that bounces, or a key held down, counts once: a second press
of the same key within the delay (300 ms unless the settings say otherwise) is dropped, and
so is every auto-repeat. Time comes from an injected clock, so tests need no waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from neuroguide.core.clock import Clock, MonotonicClock

KeyHandler = Callable[[int], bool]
DEFAULT_DELAY_MS = 300


@dataclass(frozen=True)
class SwitchSettings:
    """The person's own switch key (0: none) and the bounce delay in milliseconds."""

    key: int = 0
    delay_ms: int = DEFAULT_DELAY_MS


@cache
def switch_keys() -> dict[int, int]:
    """Keys that switches and presenter remotes send, and the key each stands for."""
    k = Qt.Key
    return {
        k.Key_PageDown: k.Key_Right,
        k.Key_PageUp: k.Key_Left,
        k.Key_B: k.Key_Space,
        k.Key_Period: k.Key_Space,
        k.Key_F5: k.Key_Space,
    }


@cache
def action_keys() -> frozenset[int]:
    """Keys that do something; held down, each does its action once."""
    k = Qt.Key
    return frozenset(
        {
            k.Key_Space,
            k.Key_Left,
            k.Key_Right,
            k.Key_Plus,
            k.Key_Equal,
            k.Key_Return,
            k.Key_Enter,
            k.Key_Escape,
            k.Key_U,
            k.Key_R,
            k.Key_D,
            k.Key_H,
            k.Key_F1,
            *switch_keys(),
        }
    )


def key_name(key: int) -> str:
    """A key's name for people: ``Page Down``, ``F8``, ``Space``."""
    from PySide6.QtGui import QKeySequence

    if key == Qt.Key.Key_Space:
        return "Space"
    return QKeySequence(key).toString() or f"key {key}"


class BounceFilter:
    """Counts a press once: the same key again within ``delay_ms`` is a bounce."""

    def __init__(self, clock: Clock, delay_ms: int = DEFAULT_DELAY_MS) -> None:
        self.clock = clock
        self.delay_ms = delay_ms
        self._last: tuple[int, float] | None = None

    def accept(self, key: int) -> bool:
        """Whether this press of ``key`` counts."""
        now = self.clock.now()
        if self._last is not None:
            last_key, at = self._last
            if key == last_key and (now - at) * 1000 < self.delay_ms:
                return False
        self._last = (key, now)
        return True


def _typing_into(widget: QWidget | None) -> bool:
    return isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox)


class KeyRouter:
    """Turns key presses into the screen's actions (see the module's docstring)."""

    def __init__(self, clock: Clock | None = None) -> None:
        self.bounce = BounceFilter(clock or MonotonicClock())
        self._settings: Callable[[], SwitchSettings] = SwitchSettings
        self._learner: Callable[[int], None] | None = None

    def configure(self, *, clock: Clock, settings: Callable[[], SwitchSettings]) -> None:
        """Use ``clock`` for bounce timing and read the switch settings from ``settings``."""
        self.bounce.clock = clock
        self._settings = settings

    def learn(self, learner: Callable[[int], None] | None) -> None:
        """Hand the next key press (whatever it is) to ``learner``; ``None`` stops learning."""
        self._learner = learner

    @property
    def learning(self) -> bool:
        """Whether the next key press will be learned."""
        return self._learner is not None

    def translate(self, key: int) -> int:
        """The key a press stands for: switch keys and the person's own key become actions."""
        own = self._settings().key
        if own and key == own:
            return int(Qt.Key.Key_Space)
        return switch_keys().get(key, key)

    def route(
        self,
        event: QKeyEvent,
        handler: KeyHandler | None,
        show_keys: Callable[[], None],
        window: QWidget,
    ) -> bool:
        """Decide what a key press does; returns whether it was used."""
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        if self._learner is not None:
            if event.isAutoRepeat() or key in _MODIFIERS:
                return True
            learner, self._learner = self._learner, None
            learner(key)
            return True
        focused = QApplication.focusWidget()
        if _typing_into(focused) and key not in (Qt.Key.Key_Escape, Qt.Key.Key_F1):
            return False  # typing a note: every key is a letter
        action = self.translate(key)
        if event.isAutoRepeat():
            return action in action_keys()  # a held key does its action once
        self.bounce.delay_ms = self._settings().delay_ms
        if action in action_keys() and not self.bounce.accept(action):
            return True  # a bounce: the first press already acted
        if action == Qt.Key.Key_F1 or (event.text() == "?" and action == key):
            show_keys()
            return True
        if action in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            framed = (
                isinstance(focused, QAbstractButton)
                and focused.isVisible()
                and focused.isEnabled()
                and window.isAncestorOf(focused)
            )
            if framed:
                focused.click()  # type: ignore[union-attr]
                return True
            action = int(Qt.Key.Key_Space)  # nothing framed: Enter is the next obvious thing
        # Space on a screen without a Space action (Settings, the editor): the framed control.
        return handler is not None and handler(action)


_MODIFIERS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_Meta,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_CapsLock,
    }
)


def screen_attribute(screen: QWidget, name: str) -> object:
    """``screen.name``, or that of the one widget a holder screen holds.

    Screens built on first use (the history) are registered as an empty holder that gets
    the real screen later; their keys and main action live on the held widget.
    """
    found = getattr(screen, name, None)
    if found is not None:
        return found
    layout = screen.layout()
    if layout is not None and layout.count() == 1:
        item = layout.itemAt(0)
        held = item.widget() if item is not None else None
        if held is not None:
            return getattr(held, name, None)
    return None


def focus_main_action(screen: QWidget) -> None:
    """Put the focus on the screen's main action (``main_action()``), if it names one."""
    finder = screen_attribute(screen, "main_action")
    target = finder() if callable(finder) else None
    if not isinstance(target, QWidget):
        return
    if target.isVisibleTo(screen):
        target.setFocus()
        return
    # A screen built just now (the History) shows its widgets on the next turn of the loop.
    from PySide6.QtCore import QTimer

    def later() -> None:
        if target.isVisibleTo(screen):
            target.setFocus()

    QTimer.singleShot(0, target, later)
