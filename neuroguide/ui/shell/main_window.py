"""The main window: a header with the large-button switch, and a stack of named screens.

Other parts of the app add their own screens with :meth:`MainWindow.add_screen` and switch
to them with :meth:`MainWindow.show_screen`. A screen that wants keys defines
``handle_key(key: int) -> bool`` (return ``True`` when the key was used); the window routes
every key press to the screen on show through :class:`~neuroguide.ui.shell.keys.KeyRouter`
(Space whatever has the focus, switch keys, bounce). A screen may name its main action
(``main_action()``: the focus goes there) and ask for the whole window (``full_screen``:
the header with its switches is hidden, so no setting changes mid-session) and its window
title (``window_title``; the app's name otherwise, never a stale one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QShowEvent, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from neuroguide.present.metrics import LARGE_TEXT_FACTOR, Metrics
from neuroguide.ui.common.fitted_page import text_sheet
from neuroguide.ui.common.key_names import set_space_name
from neuroguide.ui.common.widgets import large_toggle, make_button, make_label
from neuroguide.ui.shell.keys import (
    KeyRouter,
    action_keys,
    focus_main_action,
    reading_tab_order,
    route_dialog_key,
    screen_attribute,
)
from neuroguide.ui.shell.notice import NoticeBar, NoticeDetails
from neuroguide.ui.shell.scanning import Scanner

__all__ = ["ACTION_KEYS", "APP_TITLE", "KeyHandler", "MainWindow", "ScreenBuilder", "action_keys"]

APP_TITLE = "NeuroGuide"
HEADER_FACTOR = LARGE_TEXT_FACTOR
"""The header's text is at most as large as in large-button mode at 100 % text."""
KeyHandler = Callable[[int], bool]
ScreenBuilder = Callable[[], QWidget]
ScreenT = TypeVar("ScreenT", bound=QWidget)


ACTION_KEYS = action_keys()
"""Keys that do something; held down, each does its action once (see shell.keys)."""


class MainWindow(QMainWindow):
    """Holds every screen; routes keys; remembers its geometry through ``on_close``.

    Signals:
        large_toggled: the large-button switch changed (carries the new state).
        keys_requested: F1 or ? was pressed, or the Keys button.
        closing: the window is about to close (save geometry, stop sessions).
        notice_requested: show a one-off notice (text) under the header; safe to emit from any
            thread, e.g. the speech supervisor saying why the voice went off.
        learn_switch_requested: the person asked to teach the app their switch (keys list).
        scanning_changed: S started or stopped switch scanning (carries whether it is on).
    """

    large_toggled = Signal(bool)
    keys_requested = Signal()
    closing = Signal()
    notice_requested = Signal(str)
    learn_switch_requested = Signal()
    scanning_changed = Signal(bool)

    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self.setWindowTitle(APP_TITLE)
        self.setMinimumSize(640, 480)
        self._screens: dict[str, QWidget] = {}
        self._key_handlers: dict[str, KeyHandler] = {}
        self._builders: dict[str, ScreenBuilder] = {}
        self.keys = KeyRouter()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._header = QHBoxLayout()
        self.header_title = make_label(APP_TITLE, role="heading")
        self.header_title.setWordWrap(False)
        self._header.addWidget(self.header_title, 1)
        self.keys_button = make_button(
            "Keys  [F1]", "Keys", "Show every key you can use.", object_name="keys"
        )
        self.large_button = large_toggle(metrics.large)
        self._header.addWidget(self.keys_button)
        self._header.addWidget(self.large_button)
        self.header = QWidget()
        self.header.setLayout(self._header)
        layout.addWidget(self.header)
        self.notice = NoticeBar()
        self.notice_text = self.notice.line
        self.notice_dismiss = self.notice.hide_button
        self.notice.details_requested.connect(self.show_notice_details)
        self.notice_requested.connect(self.show_notice)
        self.notice.shown_or_hidden.connect(self._lend_height)
        self._notice_at = 0.0
        layout.addWidget(self.notice)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.scanner = Scanner(
            self,
            self.stack.currentWidget,
            lambda: [self.notice, self.keys_button, self.large_button],
        )
        self.keys.picker = self.scanner.pick
        self.keys.scan_toggle = self.toggle_scanning
        self.large_button.toggled.connect(self.large_toggled)
        self.keys_button.clicked.connect(self.keys_requested)
        self.set_metrics(metrics)
        self._key_window: QWindow | None = None  # this window's own, once shown
        self._watching_focus = False

    def show_notice(self, text: str) -> None:
        """Show ``text``'s short line under the header (the full text behind "What to do")
        until the person hides it or moves on to another screen; it never takes focus and
        never takes height from a full-screen screen's countdown."""
        self.notice.show_message(text)
        self._notice_at = self.keys.clock.now()
        self._lend_height()

    @property
    def notice_details(self) -> str:
        """The full text of the notice on show ("" when none)."""
        return self.notice.details if self.notice.isVisibleTo(self) else ""

    def show_notice_details(self, text: str) -> None:
        """The full text of a notice, in a dialog closed with one press."""
        dialog = NoticeDetails(text, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.close_button.setFocus()
        self.notice_dialog = dialog

    def _lend_height(self) -> None:
        """Tell a full-screen screen the height the notice took from it (its countdown keeps
        the size it has without the notice; its words make room)."""
        shown = self.stack.currentWidget()
        if shown is None or not hasattr(shown, "borrowed_height"):
            return
        borrowed = self.notice.height() if self.notice.isVisibleTo(self) else 0
        if shown.borrowed_height != borrowed:
            shown.borrowed_height = borrowed
            fit = getattr(shown, "schedule_fit", None)
            if callable(fit):
                fit()

    # -------------------------------------------------------------- navigation

    def add_screen(
        self,
        name: str,
        screen: QWidget | ScreenBuilder,
        key_handler: KeyHandler | None = None,
    ) -> None:
        """Register a screen under ``name``; ``key_handler`` (or its ``handle_key``) gets keys.

        ``screen`` is the widget, or a function that builds it: then it is built the first
        time it is shown or asked for (:meth:`screen_widget`), so start-up pays only for the
        home screen. This is the one rule for screens built on first use (decision 0015).
        Registering ``history`` enables the home screen's History button.
        """
        if name in self._screens:
            self.stack.removeWidget(self._screens.pop(name))
        self._builders.pop(name, None)
        self._key_handlers.pop(name, None)
        if key_handler is not None:
            self._key_handlers[name] = key_handler
        if isinstance(screen, QWidget):
            self._place(name, screen)
        else:
            self._builders[name] = screen

    def _place(self, name: str, widget: QWidget) -> None:
        self._screens[name] = widget
        handler = getattr(widget, "handle_key", None)
        if name not in self._key_handlers and handler is not None:
            self._key_handlers[name] = handler
        self.stack.addWidget(widget)

    def has_screen(self, name: str) -> bool:
        """Whether a screen of that name is registered (built or not yet)."""
        return name in self._screens or name in self._builders

    def screen_widget(self, name: str) -> QWidget:
        """The widget registered as ``name`` (built now if it was not yet)."""
        builder = self._builders.pop(name, None)
        if builder is not None:
            self._place(name, builder())
        return self._screens[name]

    def screen_as(self, name: str, kind: type[ScreenT]) -> ScreenT:
        """The screen ``name`` (built now if it was not yet), as the ``kind`` it was built as."""
        widget = self.screen_widget(name)
        if not isinstance(widget, kind):
            raise TypeError(f"screen {name!r} is a {type(widget).__name__}, not a {kind.__name__}")
        return widget

    def show_screen(self, name: str) -> None:
        """Bring the screen ``name`` to the front, the focus on its main action."""
        widget = self.screen_widget(name)
        full = bool(getattr(widget, "full_screen", False))
        for part in (self.header_title, self.keys_button, self.large_button):
            part.setVisible(not full)
        self.header.setVisible(not full)
        # Each screen names itself (``window_title``); Qt adds " — NeuroGuide" to the title.
        self.setWindowTitle(str(getattr(widget, "window_title", "") or APP_TITLE))
        # Off the old screen first: were its focused button hidden with it, Qt would pass the
        # focus down the chain (to the header's Keys), and a screen reader would say so.
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()
        self.setFocus()
        self.stack.setCurrentWidget(widget)
        if self.notice.isVisibleTo(self) and self.keys.clock.now() - self._notice_at >= 5:
            self.notice.hide()  # read on the screen it came with; the next one is clear
        self._lend_height()
        self.keys.screen_changed()  # a press meant for the screen before never acts here
        set_space_name(self.keys.space_name())  # "[Space]" names the learned switch
        focus_main_action(widget)
        QTimer.singleShot(0, widget, lambda: reading_tab_order(widget))  # once laid out
        if self.scanner.active:  # once the new screen is laid out
            QTimer.singleShot(0, self.scanner, self.scanner.restart)

    def set_scanning(self, on: bool, seconds: int) -> None:
        """Switch scanning on (a choice every ``seconds``) or off."""
        if on:
            self.scanner.start(seconds)
        else:
            self.scanner.stop()

    def toggle_scanning(self) -> None:
        """S: scanning on or off, at the pace it had."""
        self.set_scanning(not self.scanner.active, self.scanner.seconds)
        self.scanning_changed.emit(self.scanner.active)

    @property
    def current_screen(self) -> str:
        """The name of the screen on show."""
        current = self.stack.currentWidget()
        return next((name for name, w in self._screens.items() if w is current), "")

    # ----------------------------------------------------------------- look

    def set_metrics(self, metrics: Metrics) -> None:
        """Header spacing for the mode, and the switch's state."""
        m = metrics.margin
        self._header.setContentsMargins(m, m // 2, m, m // 2)
        self._header.setSpacing(metrics.spacing)
        # The header's words stop growing at large-button size: at 200 % text they took a
        # sixth of a laptop screen and were cut at 1280 pixels (".arge buttons: o").
        self.header.setStyleSheet(text_sheet(min(metrics.text_factor, HEADER_FACTOR)))
        if self.large_button.isChecked() != metrics.large:
            self.large_button.blockSignals(True)
            self.large_button.setChecked(metrics.large)
            self.large_button.setText(
                "Large buttons: on" if metrics.large else "Large buttons: off"
            )
            self.large_button.blockSignals(False)

    # ----------------------------------------------------------------- keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """See every key press of the app's windows before the focused widget does.

        The filter sits on each window's ``QWindow``, which gets a key first and hands it to
        its focused widget (decision 0032). Releases are noted from every window: a key
        pressed here may be let go while a dialog it opened has the focus.
        """
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not isinstance(event, QKeyEvent):
            return False
        if kind == QEvent.Type.KeyRelease:
            self.keys.release(event)
            return False
        receiver = key_receiver(watched)
        window = receiver.window() if receiver is not None else None
        if window is self or (window is None and watched is self._key_window):
            return self.route_key(event, receiver)
        if window is not None:  # a dialog, a popup (a list's choices) or another window
            parent = window.parentWidget()
            if isinstance(window, QDialog) and parent is not None and parent.window() is self:
                return route_dialog_key(self.keys, window, event)
        # Another window (a reminder) acts on it; here it is noted as down, so its repeats
        # count as held when this window has the focus next.
        key = event.key()
        fresh = self.keys.presses.press(
            key, auto_repeat=event.isAutoRepeat(), timestamp=event.timestamp()
        )
        if key != Qt.Key.Key_Space and self.keys.translate(key) == Qt.Key.Key_Space:
            if fresh and receiver is not None:  # a switch key there means Space too
                _press_space(receiver)
            return True
        return False

    def route_key(self, event: QKeyEvent, receiver: QWidget | None = None) -> bool:
        """Decide what a key press for ``receiver`` does; returns whether it was used."""
        handler = self._key_handlers.get(self.current_screen)
        shown = self.stack.currentWidget()
        if handler is None and shown is not None:
            held = screen_attribute(shown, "handle_key")
            handler = held if callable(held) else None
        return self.keys.route(event, handler, self.keys_requested.emit, self, receiver)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """From the window's first show on, every key press of the app goes to the filter.

        No key can reach a window before it shows. The filter sits on this window's
        ``QWindow`` and on each other window as it takes the focus (keys go only to the
        window with the focus), never on the whole application: an application filter sees
        every event of every object, and the first of an object Python has not met makes
        PySide create the Python type of every QObject class (decision 0032).
        """
        handle = self.windowHandle()
        if handle is not None and handle is not self._key_window:
            self._key_window = handle  # kept: the filter meets a window Python knows
            handle.installEventFilter(self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and not self._watching_focus:
            app.focusWindowChanged.connect(self._watch_keys_of)
            self._watching_focus = True
        super().showEvent(event)

    def _watch_keys_of(self, window: QWindow | None) -> None:
        """A window of the app took the focus: its keys pass the filter too (once)."""
        if window is not None and window is not self._key_window:
            window.installEventFilter(self)  # again is harmless: Qt keeps one copy

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        """Let the app save the geometry and end a running session cleanly."""
        self.closing.emit()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and self._watching_focus:
            app.focusWindowChanged.disconnect(self._watch_keys_of)
            self._watching_focus = False
        super().closeEvent(event)


class _FirstPaint(QObject):
    """Calls back once, on the event loop's next turn after a widget's first paint."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Wait for the first paint, then stop watching."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Two turns of the event loop: the window's first paint is a turn of its own, and
            # what it queued (the rest of the window painting) comes before the callback.
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, self._callback))
        return False


def after_first_paint(window: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` once ``window``'s first frame is out: work the first screen does not
    show (starting the voice) waits until the person sees the window."""
    _FirstPaint(window, callback)


def key_receiver(window: QObject) -> QWidget | None:
    """The widget a key sent to ``window`` (a ``QWindow``) goes to, as Qt chooses it: a
    keyboard grabber, an open popup's focus, else the window's focused widget (or the
    window's own widget when nothing in it has the focus)."""
    grabber = QWidget.keyboardGrabber()
    if grabber is not None:
        return grabber
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup.focusWidget() or popup
    if isinstance(window, QWindow):
        focus = window.focusObject()
        if isinstance(focus, QWidget):
            return focus
    return None


def _press_space(target: QWidget) -> None:
    """Space pressed and let go on ``target`` (a switch key in another of the app's windows)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            target, QKeyEvent(kind, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ")
        )
