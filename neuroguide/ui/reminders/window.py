"""The reminder itself: a small window of the running app with one-press Start and Later.

It is shown whether or not the desktop has a system tray, so a reminder always has large
buttons; with a tray, a tray message appears as well.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.fitted_page import fit_window
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label


def bring_to_front(window: QWidget) -> None:
    """Raise ``window`` above the others (headless platforms cannot, and are not asked)."""
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        window.raise_()
        window.activateWindow()


class ReminderWindow(QWidget):
    """Says it is time for a stretch break or a session; offers Start, Later and Not now.

    Signals:
        start_requested: "Start ..." (or Space / Enter).
        snooze_requested: "Later".
        dismissed: "Not now", Escape or the window was closed.
    """

    start_requested = Signal()
    snooze_requested = Signal()
    dismissed = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle("NeuroGuide reminder")
        self.setAccessibleName("Reminder")
        self.text_factor = metrics.text_factor
        """The text size in use (shrunk only if the reminder would not fit the screen)."""
        column = QVBoxLayout(self)
        self.title = make_label(role="title")
        self.text = make_label(role="detail", name="Reminder")
        column.addWidget(self.title)
        column.addWidget(self.text)
        self.buttons = FlowLayout()
        self.start_button = make_button(
            "Start", "Start now", "Open the routine and start it.", role="primary"
        )
        self.snooze_button = make_button(
            "Later", "Remind me later", "Hide this reminder and show it again later."
        )
        self.dismiss_button = make_button(
            "Not now", "Not now", "Hide this reminder until the next one."
        )
        for button in (self.start_button, self.snooze_button, self.dismiss_button):
            self.buttons.add(button)
        column.addLayout(self.buttons)
        self._column = column
        self.start_button.clicked.connect(self.start_requested)
        self.snooze_button.clicked.connect(self.snooze_requested)
        self.dismiss_button.clicked.connect(self.dismissed)
        self.set_metrics(metrics)

    def show_reminder(self, title: str, text: str, routine_name: str, snooze_minutes: int) -> None:
        """Fill in the words and bring the window up in front."""
        self.title.setText(title)
        self.text.setText(text)
        self.start_button.setText(f"Start {routine_name}")
        self.start_button.setAccessibleName(f"Start {routine_name} now")
        self.snooze_button.setText(f"Later ({snooze_minutes} min)")
        self.snooze_button.setAccessibleDescription(
            f"Hide this reminder and show it again in {snooze_minutes} minutes."
        )
        self.text_factor = fit_window(self, self._metrics)  # never wider than the screen
        self.show()
        bring_to_front(self)

    def set_metrics(self, metrics: Metrics) -> None:
        """The mode's gaps and a width that fits the large buttons."""
        m = metrics.margin
        self._column.setContentsMargins(m, m, m, m)
        self._column.setSpacing(metrics.spacing)
        self.buttons.set_gap(metrics.spacing)
        self._metrics = metrics
        screen = self.screen()
        most = screen.availableGeometry().width() - 48 if screen is not None else 1 << 20
        self.setMinimumWidth(min(int(520 * metrics.text_factor), most))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """Space or Enter start; Escape is "Not now"."""
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start_requested.emit()
        elif key == Qt.Key.Key_Escape:
            self.dismissed.emit()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        """Closing the window is the same as "Not now"."""
        if self.isVisible():
            self.dismissed.emit()
        super().closeEvent(event)
