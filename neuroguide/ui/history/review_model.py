"""The sessions list of the review screen as a lazy Qt model (fast with years of history)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from neuroguide.present.review_text import session_line
from neuroguide.store.models import CheckIn, Moment, SessionRow
from neuroguide.ui.history.review_data import CheckinsOf

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _none(_session_id: int) -> Mapping[Moment, CheckIn]:
    return {}


class SessionListModel(QAbstractListModel):
    """Sessions newest first; each line's check-ins are asked for only when it is shown."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[SessionRow] = []
        self._read: CheckinsOf = _none
        self._checkins: dict[int, Mapping[Moment, CheckIn]] = {}

    def set_sessions(self, rows: Sequence[SessionRow], checkins_of: CheckinsOf = _none) -> None:
        """Replace the whole list; ``checkins_of`` gives a session's check-ins when shown."""
        self.beginResetModel()
        self._rows = list(rows)
        self._read = checkins_of
        self._checkins = {}
        self.endResetModel()

    def session(self, row: int) -> SessionRow:
        """The session shown in ``row``."""
        return self._rows[row]

    def checkins_of(self, session_id: int) -> Mapping[Moment, CheckIn]:
        """The check-ins of one listed session (asked for once, then kept)."""
        found = self._checkins.get(session_id)
        if found is None:
            found = self._checkins[session_id] = self._read(session_id)
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
