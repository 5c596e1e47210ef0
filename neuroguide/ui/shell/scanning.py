"""Switch scanning: the screen's choices light up one after another; the switch picks one.

The standard way one-switch users reach everything (Android Switch Access and iOS Switch
Control call it auto-scan). Our screens have a few big buttons and, on some, rows of many
(the check-in's 0–10, the settings' choices), so the scan is in two levels, like their
row-column scanning: first each *group* (the buttons sharing one row or card; a lone button
is a group of one) lights up in reading order, starting at the screen's main action; the
switch on a group of one presses it, on a bigger group scans its buttons, twice round, then
goes back to the groups. The light is a thick yellow-and-black frame drawn over the window
(seen from across a room in every theme); the focus follows it, so a screen reader says the
choice, and the voice says it too when it is on.

A full-screen screen (the player) is scanned only when it says so (``scans()``: paused, or
asking a question): while a session runs, the switch pauses it, as Space does. A screen not
scanned just now may name the one thing the switch does there (``switch_action()``: a running
progress check's mark or stop); that stays lit, without moving, so the light never wanders
onto another control.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QLayout, QScrollArea, QWidget

FRAME = 14
"""The light's width in pixels: half yellow, half black, visible on any background."""


class ScanLight(QWidget):
    """The frame around the lit choice, drawn over the window; mouse clicks pass through."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target = QRect()
        self.hide()

    def light(self, rect: QRect) -> None:
        """Frame ``rect`` (window coordinates)."""
        self.target = rect
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        """A yellow frame with a black edge inside and out."""
        if self.target.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = self.target.adjusted(-FRAME, -FRAME, FRAME, FRAME)
        for width, colour, inset in ((FRAME, "#000000", 0), (FRAME - 4, "#ffd700", 2)):
            pen = QPen(QColor(colour), width)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            half = width // 2 + inset
            painter.drawRoundedRect(outer.adjusted(half, half, -half, -half), 12, 12)
        painter.end()


def _shown(button: QAbstractButton, within: QWidget) -> bool:
    if button is within:
        return button.isVisible() and button.isEnabled()
    return button.isVisibleTo(within) and button.isEnabled()


def choices(widgets: list[QWidget], main: QWidget | None = None) -> list[list[QAbstractButton]]:
    """The buttons one can press in ``widgets`` grouped by the widget they sit in, groups in
    reading order (top to bottom, then left to right); ``main`` is a group of its own."""
    groups: dict[int, list[QAbstractButton]] = {}
    for widget in widgets:
        buttons = widget.findChildren(QAbstractButton)
        if isinstance(widget, QAbstractButton):
            buttons.insert(0, widget)
        for button in buttons:
            if _shown(button, widget):
                key = -1 if button is main else _row_of(button)
                groups.setdefault(key, []).append(button)
    found = [sorted(group, key=_place) for group in groups.values()]
    return sorted(found, key=lambda group: _place(group[0]))


def _row_of(button: QWidget) -> int:
    """What a button shares with its row: the innermost layout holding it (a row of 0–10
    sits in the same widget as the rows above it, but in a layout of its own)."""
    parent = button.parentWidget()
    top = parent.layout() if parent is not None else None

    def find(layout: QLayout) -> QLayout | None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is None:
                continue
            if item.widget() is button:
                return layout
            inner = item.layout()
            if inner is not None:
                found = find(inner)
                if found is not None:
                    return found
        return None

    found = find(top) if top is not None else None
    return id(found) if found is not None else id(parent)


def _place(widget: QWidget) -> tuple[int, int]:
    at = widget.mapTo(widget.window(), QPoint(0, 0))
    return (at.y() // 24, at.x())  # the same line within 24 px reads left to right


class Scanner(QObject):
    """Lights the window's choices in turn (see the module's docstring).

    ``screen`` gives the widget on show, ``extra`` the bars around it (the notice, the
    header); ``speak`` says a choice's name (``None``: silent).
    """

    def __init__(
        self,
        window: QWidget,
        screen: Callable[[], QWidget | None],
        extra: Callable[[], list[QWidget]],
    ) -> None:
        super().__init__(window)
        self.window = window
        self._screen = screen
        self._extra = extra
        self.light = ScanLight(window)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.step)
        self.speak: Callable[[str], None] | None = None
        self.seconds = 2
        self.active = False
        self._groups: list[list[QAbstractButton]] = []
        self._group = -1
        self._inside: list[QAbstractButton] | None = None
        self._item = -1
        self._rounds = 0
        self._dormant = False

    # ------------------------------------------------------------------ on / off

    def start(self, seconds: int) -> None:
        """Start scanning the screen on show, a choice every ``seconds``."""
        self.seconds = max(1, min(5, seconds))
        self.active = True
        self.restart()

    def stop(self) -> None:
        """Stop scanning and put out the light."""
        self.active = False
        self.timer.stop()
        self.light.hide()
        self._groups, self._inside = [], None

    def restart(self) -> None:
        """A new screen (or a change on this one): light its main action first."""
        if not self.active:
            return
        self._inside = None
        self._rounds = 0
        self.timer.start(self.seconds * 1000)
        self._dormant = not self.scans_now()
        if self._dormant:
            self._hold()
            return
        self._groups = self._collect()
        self._group = self._main_group()
        self._show()

    def scans_now(self) -> bool:
        """Whether the screen on show is scanned just now (the running player is not)."""
        screen = self._screen()
        if screen is None:
            return False
        asks = _attribute(screen, "scans")
        if callable(asks):
            return bool(asks())
        return not bool(getattr(screen, "full_screen", False))

    # ------------------------------------------------------------------ moving

    def _main(self) -> QWidget | None:
        screen = self._screen()
        finder = _attribute(screen, "main_action") if screen is not None else None
        main = finder() if callable(finder) else None
        return main if isinstance(main, QWidget) else None

    def _collect(self) -> list[list[QAbstractButton]]:
        """The main action, the screen's rows in reading order, then the notice and header."""
        screen = self._screen()
        main = self._main()
        own = choices([screen], main) if screen is not None else []
        first = [group for group in own if main in group]
        rest = [group for group in own if main not in group]
        around = choices([w for w in self._extra() if w.isVisibleTo(self.window)])
        return first + rest + around

    def _main_group(self) -> int:
        main = self._main()
        for index, group in enumerate(self._groups):
            if main in group:
                return index
        return 0

    def step(self) -> None:
        """Light the next choice (the timer calls this every ``seconds``)."""
        if not self.active:
            return
        if not self.scans_now():
            self._dormant = True
            self._hold()
            return
        if self._dormant:  # the screen has just begun to take scanning (a pause)
            self.restart()
            return
        if self._inside is not None:
            self._item += 1
            if self._item >= len(self._inside):
                self._item = 0
                self._rounds += 1
                if self._rounds >= 2:  # twice round the row and nothing picked: back out
                    self._inside = None
        if self._inside is None:
            fresh = self._collect()
            if _members(fresh) != _members(self._groups):  # the screen changed its choices
                self._groups, self._group = fresh, self._main_group() - 1
            self._group = (self._group + 1) % max(1, len(self._groups))
        self._show()

    def _held(self) -> QAbstractButton | None:
        """What the switch does on a screen not scanned just now (``switch_action()``)."""
        screen = self._screen()
        finder = _attribute(screen, "switch_action") if screen is not None else None
        held = finder() if callable(finder) else None
        return held if isinstance(held, QAbstractButton) and _alive(held) else None

    def _hold(self) -> None:
        """Light the screen's one switch action, if it names one, and nothing else."""
        held = self._held()
        if held is None:
            self.light.hide()
            return
        self.light.light(QRect(held.mapTo(self.window, QPoint(0, 0)), held.size()))

    def lit(self) -> list[QAbstractButton]:
        """The choice(s) lit now."""
        if self._dormant:
            held = self._held()
            return [held] if held is not None else []
        if self._inside is not None:
            return [self._inside[self._item]] if self._inside else []
        if 0 <= self._group < len(self._groups):
            return self._groups[self._group]
        return []

    def pick(self) -> bool:
        """The switch was pressed: press the lit choice or go into the lit row."""
        if not self.active or not self.scans_now():
            return False
        lit = [b for b in self.lit() if _alive(b)]
        if not lit:
            self.restart()
            return True
        if len(lit) > 1:
            self._inside, self._item, self._rounds = lit, 0, 0
            self.timer.start(self.seconds * 1000)
            self._show()
            return True
        button = lit[0]
        screen_before = self._screen()
        group_before = self._group
        self._inside = None
        button.click()
        if self._screen() is screen_before and self.active and self.scans_now():
            # The same screen: go on from the row after the one picked.
            self._groups = self._collect()
            self._group = min(group_before, len(self._groups) - 1)
            self.timer.start(self.seconds * 1000)
            self.step()
        return True

    def _show(self) -> None:
        lit = [b for b in self.lit() if _alive(b)]
        if not lit:
            self.light.hide()
            return
        for button in lit:
            _scroll_to(button)
        rect = QRect()
        for button in lit:
            at = button.mapTo(self.window, QPoint(0, 0))
            rect = rect.united(QRect(at, button.size()))
        self.light.light(rect)
        first = lit[0]
        first.setFocus(Qt.FocusReason.TabFocusReason)
        if self.speak is not None:
            self.speak(_spoken(lit))


def _members(groups: list[list[QAbstractButton]]) -> set[QAbstractButton]:
    """The buttons of ``groups`` (the order aside: scrolling moves some past others)."""
    return {button for group in groups for button in group}


def _attribute(screen: QWidget, name: str) -> object:
    from neuroguide.ui.shell.keys import screen_attribute

    return screen_attribute(screen, name)


def _alive(button: QAbstractButton) -> bool:
    try:
        return button.isVisible() and button.isEnabled()
    except RuntimeError:  # deleted with its screen
        return False


def _spoken(lit: list[QAbstractButton]) -> str:
    names = [b.accessibleName() or b.text() for b in lit]
    if len(names) == 1:
        return names[0]
    return f"{names[0]} to {names[-1]}"


def _scroll_to(button: QWidget) -> None:
    ancestor = button.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, QScrollArea):
            ancestor.ensureWidgetVisible(button, 20, 20)
            return
        ancestor = ancestor.parentWidget()
