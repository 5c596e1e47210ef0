"""What a key press means: Space whatever has the focus, switch keys, bounce and repeat.

People who cannot use a keyboard use one switch: a foot pedal, a presenter remote, a switch
box. Those send Page Down, Page Up, B, ``.``, F5 or Enter; here they mean what Space, → and ←
mean. In Settings (or from the keys list, or the first-run screen) a person can teach the app
their own key, which then means Space ("the next obvious thing") on every screen.

One press is one action (decision 0017):

- a key held down acts once until it is released. The router keeps its own record of which
  keys are down (:class:`PressTracker`) rather than trusting ``isAutoRepeat()``: Qt's X11 back
  end reports an auto-repeat as a release and a press, and marks it as a repeat only when it
  sees both in its queue at once, which a busy app does not. A press that comes within
  ``REPEAT_GAP_MS`` of the same key's release (or carries the release's timestamp) is the second
  half of such a pair: the key is still held;
- a switch that chatters counts once: the same action again within the delay (300 ms unless
  the settings say otherwise) is dropped;
- a new screen takes no key in its first ``SETTLE_MS``: a press meant for the screen before
  (a double press, a chatter) never confirms the next one, the safety check above all. U
  ("Stop, I feel unsteady") is exempt: it only ever pauses.

Time comes from an injected clock, so tests need no waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

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
            k.Key_S,
            *switch_keys(),
        }
    )


def key_name(key: int) -> str:
    """A key's name for people: ``Page Down``, ``F8``, ``Space``."""
    from PySide6.QtGui import QKeySequence

    if key == Qt.Key.Key_Space:
        return "Space"
    return QKeySequence(key).toString() or f"key {key}"


@cache
def _meanings() -> dict[int, str]:
    k = Qt.Key
    arrows = "next part or back"
    return {
        k.Key_Escape: "stop or go back",
        k.Key_U: "Stop, I feel unsteady",
        k.Key_Left: arrows,
        k.Key_Right: arrows,
        k.Key_PageUp: arrows,
        k.Key_PageDown: arrows,
        k.Key_Up: "move up a list",
        k.Key_Down: "move down a list",
        k.Key_H: "how to",
        k.Key_R: "repeat",
        k.Key_D: "done",
        k.Key_Plus: "add 15 seconds",
        k.Key_Equal: "add 15 seconds",
        k.Key_F1: "show the keys",
        k.Key_S: "start or stop switch scanning",
        k.Key_Question: "show the keys",
        k.Key_Tab: "move between buttons",
        k.Key_Backtab: "move between buttons",
        k.Key_Return: "press the framed button",
        k.Key_Enter: "press the framed button",
    }


def refusal(key: int) -> str | None:
    """Why ``key`` cannot become the person's switch (it means something else), or ``None``."""
    meaning = _meanings().get(key)
    if meaning is None:
        return None
    return f"{key_name(key)} already means “{meaning}”, so it cannot be your switch."


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
            if key == last_key and 0 <= (now - at) * 1000 < self.delay_ms:
                return False
        self._last = (key, now)
        return True

    def forget(self) -> None:
        """Start afresh (a new clock: readings of the old one mean nothing)."""
        self._last = None


REPEAT_GAP_MS = 50
"""A press this soon after the same key's release is an X11 auto-repeat (or a switch bouncing
as it opens), not a new press: nobody lets go and presses again within 50 ms."""

STALE_HOLD_S = 2.0
"""A key seen down with no news for this long may have been released elsewhere (another
window had the focus); its next press counts. Auto-repeat sends news many times a second."""

SETTLE_MS = 500
"""A new screen takes no key for this long after it is shown."""


class PressTracker:
    """Which keys are down, from the presses and releases themselves."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._down: dict[int, float] = {}  # key -> last news of it while down
        self._released: dict[int, tuple[float, int]] = {}  # key -> (when, event timestamp)

    def press(self, key: int, *, auto_repeat: bool = False, timestamp: int = 0) -> bool:
        """Record a press of ``key``; whether it is a fresh press (not the key held down)."""
        now = self.clock.now()
        fresh = not auto_repeat
        last = self._down.get(key)
        if last is not None and 0 <= now - last < STALE_HOLD_S:
            fresh = False  # down already: a repeat without its release (Windows, macOS, QTest)
        released = self._released.pop(key, None)
        if released is not None:
            at, stamp = released
            if (timestamp and stamp == timestamp) or 0 <= (now - at) * 1000 < REPEAT_GAP_MS:
                fresh = False  # X11: an auto-repeat is a release and a press at once
        self._down[key] = now
        return fresh

    def release(self, key: int, *, timestamp: int = 0) -> None:
        """Record a release of ``key``."""
        self._down.pop(key, None)
        self._released[key] = (self.clock.now(), timestamp)

    def forget(self) -> None:
        """Start afresh (a new clock)."""
        self._down.clear()
        self._released.clear()


def _typing_into(widget: QWidget | None) -> bool:
    return isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox)


class KeyRouter:
    """Turns key presses into the screen's actions (see the module's docstring)."""

    def __init__(self, clock: Clock | None = None) -> None:
        clock = clock or MonotonicClock()
        self.bounce = BounceFilter(clock)
        self.presses = PressTracker(clock)
        self._settings: Callable[[], SwitchSettings] = SwitchSettings
        self._learner: Callable[[int], None] | None = None
        self._shown_at: float | None = None
        self.picker: Callable[[], bool] | None = None
        """While scanning: presses the lit choice (``False``: nothing is lit here)."""
        self.scan_toggle: Callable[[], None] | None = None
        """S: starts or stops switch scanning."""

    @property
    def clock(self) -> Clock:
        """The clock that times bounces, repeats and a new screen's first moment."""
        return self.bounce.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        self.bounce.clock = clock
        self.presses.clock = clock
        self.bounce.forget()
        self.presses.forget()
        self._shown_at = None

    def configure(self, *, clock: Clock, settings: Callable[[], SwitchSettings]) -> None:
        """Use ``clock`` for bounce timing and read the switch settings from ``settings``."""
        self.clock = clock
        self._settings = settings

    def learn(self, learner: Callable[[int], None] | None) -> None:
        """Hand the next fresh key press (whatever it is) to ``learner``; ``None`` stops."""
        self._learner = learner

    @property
    def learning(self) -> bool:
        """Whether the next key press will be learned."""
        return self._learner is not None

    @property
    def own_key(self) -> int:
        """The person's learned switch key (0: none)."""
        return self._settings().key

    def space_name(self) -> str:
        """The name of the key that does what Space does for this person."""
        own = self.own_key
        return key_name(own) if own else "Space"

    def screen_changed(self) -> None:
        """A new screen is on show: it takes no key for ``SETTLE_MS``."""
        self._shown_at = self.clock.now()

    def settling(self) -> bool:
        """Whether the screen on show was shown less than ``SETTLE_MS`` ago."""
        if self._shown_at is None:
            return False
        return 0 <= (self.clock.now() - self._shown_at) * 1000 < SETTLE_MS

    def translate(self, key: int) -> int:
        """The key a press stands for: switch keys and the person's own key become actions."""
        own = self.own_key
        if own and key == own:
            return int(Qt.Key.Key_Space)
        return switch_keys().get(key, key)

    def release(self, event: QKeyEvent) -> None:
        """Note that a key was let go (from any of the app's windows)."""
        self.presses.release(event.key(), timestamp=event.timestamp())

    def route(
        self,
        event: QKeyEvent,
        handler: KeyHandler | None,
        show_keys: Callable[[], None],
        window: QWidget,
        receiver: QWidget | None = None,
    ) -> bool:
        """Decide what a key press (sent to ``receiver``) does; returns whether it was used."""
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return False
        if key in _MODIFIERS:
            return False
        fresh = self.presses.press(
            key, auto_repeat=event.isAutoRepeat(), timestamp=event.timestamp()
        )
        if self._learner is not None:
            if fresh:
                learner, self._learner = self._learner, None
                learner(key)
            return True
        focused = QApplication.focusWidget()
        typing = _typing_into(focused) or _typing_into(receiver)
        if typing and key not in (Qt.Key.Key_Escape, Qt.Key.Key_F1):
            return False  # typing a note: every key is a letter
        action = self.translate(key)
        acts = action in action_keys() or (event.text() == "?" and action == key)
        if not fresh:
            return acts  # a held key did its action on its first press
        if acts and self.settling() and action != Qt.Key.Key_U:
            return True  # meant for the screen before: this one has only just been shown
        self.bounce.delay_ms = self._settings().delay_ms
        if action in action_keys() and not self.bounce.accept(action):
            return True  # a bounce: the first press already acted
        if action == Qt.Key.Key_F1 or (event.text() == "?" and action == key):
            show_keys()
            return True
        if action == Qt.Key.Key_S and self.scan_toggle is not None:
            self.scan_toggle()
            return True
        if action == Qt.Key.Key_Space and self.picker is not None and self.picker():
            return True  # scanning: the switch picks the lit choice
        framed = (
            focused
            if isinstance(focused, QAbstractButton)
            and focused.isVisible()
            and focused.isEnabled()
            and window.isAncestorOf(focused)
            else None
        )
        if action in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if framed is not None:
                framed.click()
                return True
            action = int(Qt.Key.Key_Space)  # nothing framed: Enter is the next obvious thing
        if handler is not None and handler(action):
            return True
        if action == Qt.Key.Key_Space and framed is not None:
            # No Space action here (Settings, the editor): the framed control, pressed now
            # and once, by whichever key means Space (a learned F9 as well as Space).
            framed.click()
            return True
        return False


def route_dialog_key(router: KeyRouter, dialog: QWidget, event: QKeyEvent) -> bool:
    """A switch key in one of the window's dialogs (the keys list, a question) presses its
    framed button, as Space would; Space itself and every other key are the dialog's own."""
    key = event.key()
    if key == Qt.Key.Key_Space or router.translate(key) != Qt.Key.Key_Space:
        return False
    fresh = router.presses.press(key, auto_repeat=event.isAutoRepeat(), timestamp=event.timestamp())
    if not fresh:
        return True
    focused = QApplication.focusWidget()
    target: QWidget | None = None
    if isinstance(focused, QAbstractButton) and dialog.isAncestorOf(focused):
        target = focused
    else:
        from PySide6.QtWidgets import QPushButton

        target = next((b for b in dialog.findChildren(QPushButton) if b.isDefault()), None)
    if isinstance(target, QAbstractButton) and target.isVisible() and target.isEnabled():
        target.click()
    return True


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


def reading_tab_order(screen: QWidget) -> None:
    """Tab goes through ``screen``'s controls as one reads it: line by line, left to right.

    Controls added to a screen after it was built (the "Progress checks" button beside
    History) would otherwise come last in the Tab chain, many stops from where they show.
    """
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QAbstractSlider,
        QComboBox,
    )

    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit,
             QAbstractItemView, QAbstractSlider)  # fmt: skip
    controls = []
    for widget in screen.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisibleTo(screen):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            continue  # a part of a control, which takes the Tab stop itself
        at = widget.mapTo(screen, widget.rect().topLeft())
        controls.append((at.y(), at.x(), widget))
    controls.sort(key=lambda entry: (entry[0], entry[1]))
    lines: list[list[tuple[int, int, QWidget]]] = []
    for entry in controls:  # a line: controls whose tops are within 24 px of its first
        if lines and entry[0] - lines[-1][0][0] < 24:
            lines[-1].append(entry)
        else:
            lines.append([entry])
    ordered = [widget for line in lines for _y, _x, widget in sorted(line, key=lambda e: e[1])]
    for before, after in pairwise(ordered):
        QWidget.setTabOrder(before, after)
