"""The current settings, saved the moment one changes, and told to whoever follows them."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from neuroguide.settings import Settings, save_settings

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

    @property
    def settings(self) -> Settings:
        """The settings now in force."""
        return self._settings

    def subscribe(self, listener: Listener, keys: Iterable[str] | None = None) -> None:
        """Call ``listener`` after every update of one of ``keys`` (of any setting if None).

        Listeners are called in the order they subscribed, after the file was written.
        """
        self._listeners.append((None if keys is None else frozenset(keys), listener))

    def update(self, **values: Any) -> Settings:
        """Change some values, save the file and tell the listeners; returns the new settings."""
        self._settings = self._settings.changed(**values)
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
                    f"Your settings could not be saved to {self._path} ({error.strerror}). "
                    "They apply until you close NeuroGuide."
                )
                print(f"neuroguide: {message}", file=sys.stderr)
                if self._on_problem is not None:
                    self._on_problem(message)
