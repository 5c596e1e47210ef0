"""The notice under the header: one short line in the person's words, the details a press away.

A part that fails (the sound player, the history) says so in full, with the system's own
words, for whoever has to mend it. The person needs less: what it means for them, in one line
that never pushes the screen's content away. So the bar is one line and one height in every
mode (``BAR_HEIGHT``: the large-mode button height, so its buttons are big enough in every
mode), its words do not grow with the text size, "What to do" opens the full message, and
screen readers hear the line. The switch reaches "Hide" by scanning; a new screen hides it too.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from neuroguide.ui.common.announce import announce
from neuroguide.ui.common.widgets import make_button, make_label

BAR_HEIGHT = 80
"""The bar's height in every mode: a 64 px button, its margins and the 3 px border."""

VOICE_LINE = "The sound is not working. The captions will guide you."
LINE_LIMIT = 90
"""A line longer than this is cut to its first sentence."""

_SHEET = (
    "QLabel#notice-line { font-size: 20px; font-weight: bold; }"
    "QPushButton { font-size: 18px; min-height: 64px; max-height: 64px; padding: 0 16px; }"
)


def notice_line(message: str) -> str:
    """The short line the person reads for ``message`` (the full message is the details)."""
    if message.startswith("The voice"):
        return VOICE_LINE
    plain = re.sub(r"\s*\([^()]*\)", "", message).strip()
    sentences = re.split(r"(?<=[.!?])\s+", plain)
    line = " ".join(sentences[:2])
    if len(line) > LINE_LIMIT:
        line = sentences[0]
    return line


class NoticeBar(QFrame):
    """One line, "What to do" and "Hide"; shown by :meth:`show_message`.

    Signals:
        details_requested: "What to do" was pressed (carries the full message).
        shown_or_hidden: the bar appeared or went (the screen below has more or less room).
    """

    details_requested = Signal(str)
    shown_or_hidden = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        self.setObjectName("notice")
        self.setStyleSheet(_SHEET)
        self.setFixedHeight(BAR_HEIGHT)
        self.details = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 5, 8, 5)
        layout.setSpacing(12)
        self.line = make_label(role="", name="Notice")
        self.line.setObjectName("notice-line")
        self.line.setWordWrap(False)
        self.line.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.line.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.what_button = make_button(
            "What to do", "What to do", "Read what happened and what you can do about it."
        )
        self.hide_button = make_button("Hide", "Hide the notice", "Hide this notice.")
        self.hide_button.setObjectName("notice-dismiss")
        layout.addWidget(self.line, 1)
        layout.addWidget(self.what_button)
        layout.addWidget(self.hide_button)
        self.what_button.clicked.connect(lambda: self.details_requested.emit(self.details))
        self.hide_button.clicked.connect(self.hide)
        self.hide()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Tell the window: the screen below has less room."""
        super().showEvent(event)
        self.shown_or_hidden.emit()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        """Tell the window: the screen below has its room back."""
        super().hideEvent(event)
        self.shown_or_hidden.emit()

    def show_message(self, message: str) -> None:
        """Show ``message``'s short line (the full message behind "What to do"); say it."""
        self.details = message
        line = notice_line(message)
        self.line.setText(line)
        self.line.setToolTip(line)
        self.show()
        announce(self.line, line)


class NoticeDetails(QDialog):
    """The full message of a notice, closed with one press."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("What to do")
        self.setAccessibleName("What to do")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addWidget(make_label("What happened, and what to do", role="heading"))
        self.text = make_label(message, role="detail", name="What happened")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        self.close_button = make_button("Close", "Close", "Close this message.", role="primary")
        self.close_button.setDefault(True)
        self.close_button.setMinimumHeight(64)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.accept)
        self.setMinimumWidth(480)

    def main_action(self) -> QWidget:
        """Close: the focus rests there."""
        return self.close_button
