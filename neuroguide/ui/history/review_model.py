"""The sessions list of the review screen as a lazy Qt model (fast with years of history)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from neuroguide.present.review_text import session_line
from neuroguide.store.history import History
from neuroguide.store.models import CheckIn, Moment, SessionRow

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SessionListModel(QAbstractListModel):
    """Sessions newest first; each line's text and check-ins are read only when shown."""

    def __init__(self, history: History) -> None:
        super().__init__()
        self._history = history
        self._rows: list[SessionRow] = []
        self._checkins: dict[int, dict[Moment, CheckIn]] = {}

    def set_sessions(self, rows: list[SessionRow]) -> None:
        """Replace the whole list."""
        self.beginResetModel()
        self._rows = rows
        self._checkins = {}
        self.endResetModel()

    def session(self, row: int) -> SessionRow:
        """The session shown in ``row``."""
        return self._rows[row]

    def row_of_day(self, day: object) -> int | None:
        """The first (latest) row on the local day ``day``, if any."""
        for number, session in enumerate(self._rows):
            if session.started.local_day == day:
                return number
        return None

    def checkins_of(self, session_id: int) -> dict[Moment, CheckIn]:
        """The check-ins of one listed session (read once, then kept)."""
        found = self._checkins.get(session_id)
        if found is None:
            found = self._checkins[session_id] = self._history.session_checkins(session_id)
        return found

    def rowCount(  # noqa: N802 - Qt override
        self, parent: QModelIndex | QPersistentModelIndex | None = None
    ) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return session_line(row, self.checkins_of(row.id))
        if role == SESSION_ID_ROLE:
            return row.id
        return None
