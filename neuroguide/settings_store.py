"""The current settings, saved the moment one changes, and shared with the terminal.

The window and the terminal (``neuroguide progress --birth-year``, say) share one settings
file. So the store reads the file again whenever it changed on disk (a ``stat`` per look),
and a change writes the file's current values with only the changed keys replaced: a value
saved in the terminal while the window is open is seen by the window and never written over.
Parts of the app follow the settings they use (:meth:`SettingsStore.subscribe`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from neuroguide.core.private_files import write_reason
from neuroguide.settings import Settings, load_settings, save_settings

Signature = tuple[int, int, int] | None

Listener = Callable[[], None]


class SettingsStore:
    """Holds the settings of this run; :meth:`update` changes and saves them.

    Parts of the app :meth:`subscribe` to the settings they use and are called after each
    update that names one of them (qutebrowser's ``config.changed``, without Qt). A settings
    file that cannot be written is reported once through ``on_problem`` (and on stderr); the
    app carries on with the new values for this run.
    """

    def __init__(
        self,
        settings: Settings,
        path: Path | None,
        on_problem: Callable[[str], None] | None = None,
    ) -> None:
        self._settings = settings
        self._path = path
        self._on_problem = on_problem
        self._reported = False
        self._listeners: list[tuple[frozenset[str] | None, Listener]] = []
        self._unsaved: dict[str, Any] = {}
        """Values changed in this run that the file does not hold yet (a failed write)."""
        self._seen = _signature(path)

    @property
    def settings(self) -> Settings:
        """The settings now in force (the file's, if another program changed it since)."""
        self._follow_file()
        return self._settings

    def subscribe(self, listener: Listener, keys: Iterable[str] | None = None) -> None:
        """Call ``listener`` after every update of one of ``keys`` (of any setting if None).

        Listeners are called in the order they subscribed, after the file was written.
        """
        self._listeners.append((None if keys is None else frozenset(keys), listener))

    def update(self, **values: Any) -> Settings:
        """Change some values, save the file and tell the listeners; returns the new settings."""
        self._follow_file()
        self._settings = self._settings.changed(**values)
        self._unsaved.update(values)
        self.save()
        named = values.keys()
        for keys, listener in list(self._listeners):
            if keys is None or not keys.isdisjoint(named):
                listener()
        return self._settings

    def save(self) -> None:
        """Write the file now."""
        if self._path is None:
            return
        try:
            save_settings(self._settings, self._path)
        except OSError as error:
            if not self._reported:
                self._reported = True
                message = (
                    f"Your settings could not be saved to {self._path} ({write_reason(error)}). "
                    "They apply until you close NeuroGuide."
                )
                print(f"neuroguide: {message}", file=sys.stderr)
                if self._on_problem is not None:
                    self._on_problem(message)
            return
        self._unsaved.clear()
        self._seen = _signature(self._path)

    def _follow_file(self) -> None:
        """Take the file's values if it changed on disk, keeping this run's unsaved ones."""
        if self._path is None:
            return
        now = _signature(self._path)
        if now == self._seen:
            return
        self._seen = now
        if now is None:
            return  # gone (moved aside, say): this run's values stay; the next save writes
        loaded, problems = load_settings(self._path)
        if problems and loaded == Settings():
            return  # unreadable just now: keep what we have rather than the defaults
        try:
            self._settings = loaded.changed(**self._unsaved)
        except ValueError:
            self._settings = loaded


def _signature(path: Path | None) -> Signature:
    """What changes when another program writes the file (it is replaced, so the inode)."""
    if path is None:
        return None
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size, found.st_ino)
