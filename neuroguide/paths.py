"""Where NeuroGuide keeps data, settings and its bundled resources.

Computed once at start-up (never at import time) and passed down, so tests and
``--data-dir`` can point everything at another folder.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from neuroguide.core.private_files import OwnFiles

APP_NAME = "neuroguide"
DATA_DIR_VARIABLE = "NEUROGUIDE_DATA_DIR"


@dataclass(frozen=True)
class Paths:
    """Every location the app reads or writes."""

    data_dir: Path
    config_dir: Path
    resources_dir: Path
    cache_dir: Path | None = None
    """Files that can be made again (the rendered voice); the data folder if not given."""

    @property
    def history_db(self) -> Path:
        """The SQLite history file."""
        return self.data_dir / "history.sqlite3"

    @property
    def user_routines(self) -> Path:
        """Folder of the user's own routine files; one with a built-in's id replaces it."""
        return self.data_dir / "routines"

    @property
    def user_exercises(self) -> Path:
        """Folder of the person's own exercise files (``[[exercises]]`` tables)."""
        return self.data_dir / "exercises"

    @property
    def backups(self) -> Path:
        """Rotated backups of the history."""
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        """The settings file (only values the user changed are written)."""
        return self.config_dir / "settings.toml"

    @property
    def phrase_cache(self) -> Path:
        """Rendered speech, one WAV file per phrase (see ``neuroguide.speech.phrase_cache``)."""
        return (self.cache_dir or self.data_dir) / "phrases"

    @property
    def builtin_routines(self) -> Path:
        """Routines shipped with the app."""
        return self.resources_dir / "routines"

    @property
    def exercises_file(self) -> Path:
        """The exercise library."""
        return self.resources_dir / "exercises.toml"

    @property
    def illustrations(self) -> Path:
        """SVG drawings, one per exercise."""
        return self.resources_dir / "illustrations"

    def own_files(self) -> OwnFiles:
        """The app's own data, which no export may replace (see ``core.private_files``)."""
        side = tuple(
            (Path(f"{self.history_db}{end}"), "part of your history")
            for end in ("-wal", "-shm", "-journal")
        )
        return OwnFiles(
            files=(
                (self.history_db, "your history"),
                *side,
                (self.settings_file, "your settings file"),
                (self.data_dir / "neuroguide.lock", "NeuroGuide's lock file"),
            ),
            folders=(
                (self.backups, "a backup of your history"),
                (self.phrase_cache, "part of NeuroGuide's voice cache"),
            ),
        )

    @property
    def reports_dir(self) -> Path:
        """Where "Save report" puts reports: a folder a person can find again.

        ``Documents/NeuroGuide`` when the data lives in the usual place and a Documents
        folder exists; otherwise (no Documents, or ``--data-dir`` as in tests) ``reports``
        in the data folder, so a test never writes into a real home.
        """
        usual = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        documents = Path(platformdirs.user_documents_dir())
        if self.data_dir == usual and documents.is_dir() and documents != Path.home():
            return documents / APP_NAME
        return self.data_dir / "reports"


def resolve_paths(data_dir: str | None = None, environ: Mapping[str, str] | None = None) -> Paths:
    """Paths from ``--data-dir``, else ``NEUROGUIDE_DATA_DIR``, else the platform defaults.

    With an explicit data folder, settings live there too, so one folder holds everything.
    """
    env = os.environ if environ is None else environ
    chosen = data_dir or env.get(DATA_DIR_VARIABLE) or None
    if chosen:
        root = Path(chosen).expanduser().absolute()
        return Paths(data_dir=root, config_dir=root, resources_dir=resources_dir())
    return Paths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        resources_dir=resources_dir(),
        cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )


def resources_dir() -> Path:
    """The bundled resources: a frozen bundle's, the source checkout's, or the installed ones."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if (checkout / "exercises.toml").is_file():
        return checkout
    from importlib import resources  # only an installed wheel gets here; keep start-up lean

    return Path(str(resources.files("neuroguide_resources")))
