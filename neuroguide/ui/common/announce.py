"""Tell screen readers about a change nobody focused: a new phase, a pause.

Qt 6.8 added ``QAccessibleAnnouncementEvent``; on older versions the change is still readable
from the labels (their names carry their text), it is just not spoken unasked.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

announced: list[str] = []
"""Every announcement made in this process, newest last (tests read it; it stays short)."""


def announce(widget: QWidget, text: str) -> bool:
    """Ask screen readers to say ``text`` about ``widget``; ``False`` where Qt cannot."""
    announced.append(text)
    del announced[:-20]
    try:
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
    except ImportError:  # Qt before 6.8
        return False
    event = QAccessibleAnnouncementEvent(widget, text)
    QAccessible.updateAccessibility(event)
    return True
