"""Unexpected errors: logged in full on stderr, shown to the person as one calm message."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt's message box loads when it is needed, not before the first paint
    from PySide6.QtWidgets import QMessageBox, QWidget

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]

MESSAGE = (
    "NeuroGuide ran into something it did not expect, and has carried on. "
    "If a screen looks wrong, go back to the home screen or restart NeuroGuide. "
    "The details were written to the log."
)


class ErrorReporter:
    """A ``sys.excepthook`` for the Qt event loop: an error in a slot never ends the app."""

    def __init__(self, parent: Callable[[], QWidget | None] = lambda: None) -> None:
        self._parent = parent
        self.box: QMessageBox | None = None
        self.count = 0

    def __call__(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        """Log the traceback and show the message (once at a time)."""
        print("neuroguide: unexpected error:", file=sys.stderr)
        traceback.print_exception(kind, error, tb, file=sys.stderr)
        self.count += 1
        if self.box is not None and self.box.isVisible():
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self._parent())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Something went wrong")
        box.setText(MESSAGE)
        box.setInformativeText(f"{kind.__name__}: {error}")
        box.open()
        self.box = box


def install(reporter: ErrorReporter) -> ExceptHook:
    """Make ``reporter`` the excepthook; returns the previous one (to restore it)."""
    previous = sys.excepthook
    sys.excepthook = reporter
    return previous
