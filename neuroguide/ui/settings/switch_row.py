"""Settings row "Use my own switch": learn any one key as "the next obvious thing".

A foot pedal or switch box may send a key nobody planned for. The person presses "Learn my
switch", then their switch; from then on that key does what Space does. Learning goes
through the window's key router (``window().keys``), which hands it the next fresh key press
whatever it is. Escape (or "Stop listening") cancels; a key that already means something
(Escape, U, the arrows, H, R, D, +, Enter ...) is refused with a sentence saying why, and
the row keeps listening: learning Escape would make "Not now" start a session.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label
from neuroguide.ui.shell.keys import KeyRouter, key_name, refusal

NO_SWITCH = "No switch of your own yet. Space, Enter, Page Down, B and F5 work already."
LISTENING = "Press your switch now (or any key you want to use). Escape stops listening."
CANCELLED = "Nothing learned."


class SwitchRow(QWidget):
    """Shows the learned key, and learns a new one or forgets it.

    Signals:
        learned: a key was learned (its Qt key code; 0 when forgotten).
    """

    learned = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = 0
        # Body size, not "detail": at large buttons with 200 % text the refusal took five
        # lines of 48 pt and pushed the row's buttons below the visible part.
        self.status = make_label(NO_SWITCH, name="Your switch")
        self.learn_button = make_button(
            "Learn my switch",
            "Learn my switch",
            "Press this, then press your switch: it will do what Space does.",
            object_name="learn-switch",
        )
        self.forget_button = make_button(
            "Forget my switch", "Forget my switch", "Stop using the learned key as a switch."
        )
        self.cancel_button = make_button(
            "Stop listening  [Esc]",
            "Stop listening",
            "Learn no key: keep the switch you have.",
            object_name="cancel-learning",
        )
        column = self._column = QVBoxLayout(self)  # the sentence on its own line: it may grow
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.status)
        self._flow = FlowLayout()
        column.addLayout(self._flow)
        self._flow.add(self.learn_button)
        self._flow.add(self.cancel_button)
        self._flow.add(self.forget_button)
        self.cancel_button.hide()
        self.learn_button.clicked.connect(self.start_learning)
        self.cancel_button.clicked.connect(self.cancel)
        self.forget_button.clicked.connect(lambda: self.learned.emit(0))
        self.show_key(0)

    def _router(self) -> KeyRouter | None:
        router = getattr(self.window(), "keys", None)
        return router if isinstance(router, KeyRouter) else None

    def start_learning(self) -> None:
        """Wait for the next key press and learn it."""
        router = self._router()
        if router is None:
            self.status.setText("Open the settings in the main window to learn a switch.")
            return
        self.status.setText(LISTENING)
        self.learn_button.hide()
        self.cancel_button.show()
        self.cancel_button.setFocus()
        router.learn(self._heard)
        self.keep_in_view()

    def keep_in_view(self) -> None:
        """Scroll the settings so the whole row shows, its sentence and its buttons, once
        the (perhaps longer) sentence is laid out."""
        from PySide6.QtCore import QCoreApplication, QEvent, QTimer
        from PySide6.QtWidgets import QScrollArea

        def scroll() -> None:
            ancestor = self.parentWidget()
            while ancestor is not None and not isinstance(ancestor, QScrollArea):
                ancestor = ancestor.parentWidget()
            if not isinstance(ancestor, QScrollArea):
                return
            # The new sentence's height reaches the scroll area in rounds of layout requests:
            # run them now, or the row is scrolled to where it was before it grew.
            for _ in range(3):
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            ancestor.ensureWidgetVisible(self, 0, 12)  # the whole row (its top if too tall)

        QTimer.singleShot(0, self, scroll)

    @property
    def listening(self) -> bool:
        """Whether the row waits for the person's switch."""
        return self.cancel_button.isVisibleTo(self)

    def _heard(self, key: int) -> None:
        from PySide6.QtCore import Qt

        if key == Qt.Key.Key_Escape:
            self.cancel()
            return
        why = refusal(key)
        router = self._router()
        if why is not None and router is not None:
            self.status.setText(f"{why} Press another key, or Escape to stop.")
            router.learn(self._heard)  # still listening
            self.keep_in_view()
            return
        self._stop_listening()
        self.learned.emit(int(key))

    def cancel(self) -> None:
        """Stop listening and keep the switch as it was."""
        router = self._router()
        if router is not None and self.listening:
            router.learn(None)
        self._stop_listening()
        self.show_key(self._key)
        self.status.setText(f"{CANCELLED} {self.status.text()}")

    def _stop_listening(self) -> None:
        was = self.listening
        self.cancel_button.hide()
        self.learn_button.show()
        if was:
            self.learn_button.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        """Leaving the screen stops listening: the next key belongs to the next screen."""
        if self.listening:
            self.cancel()
        super().hideEvent(event)

    def show_key(self, key: int) -> None:
        """Show the learned key (0: none)."""
        self._key = key
        if key:
            self.status.setText(f"Your switch: {key_name(key)}. It does what Space does.")
        else:
            self.status.setText(NO_SWITCH)
        self.forget_button.setEnabled(bool(key))

    def set_metrics(self, metrics: Metrics) -> None:
        """Gaps for the mode."""
        self._flow.set_gap(metrics.spacing)
        self._column.setSpacing(metrics.spacing // 2)
