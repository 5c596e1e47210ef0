"""The editor's file work: save, delete, import and export routine files, and reload the catalog.

Files go in ``<data dir>/routines/`` (owner-only, written atomically). Imports are checked by
:func:`neuroguide.core.routine_file.parse_routine`, so a bad file gets exactly the messages
``neuroguide check`` prints and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from neuroguide.content.loader import Content
from neuroguide.content.programme import (
    Programme,
    builtin_library,
    install_programme,
    read_programme,
    taken_by,
)
from neuroguide.core.library import Routine
from neuroguide.core.private_files import write_private
from neuroguide.core.problems import capped
from neuroguide.core.routine_file import RoutineCatalog, load_folder, parse_routine
from neuroguide.core.routine_writer import make_id, routine_toml
from neuroguide.core.toml_source import read_limited
from neuroguide.paths import Paths

MAX_IMPORT_BYTES = 1_000_000


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the routine saved (or ``None``) and the lines to show."""

    routine: Routine | None
    messages: list[str]


class RoutineFiles:
    """Reads and writes the user's routine files for the editor."""

    def __init__(self, paths: Paths, content: Content) -> None:
        self.paths = paths
        self.content = content

    @property
    def folder(self) -> Path:
        """Where the user's routines live."""
        return self.paths.user_routines

    def file_for(self, routine: Routine) -> Path:
        """The file a user routine is (or will be) saved in."""
        if routine.origin:
            origin = Path(routine.origin)
            if origin.parent == self.folder:
                return origin
        return self.folder / f"{routine.id}.toml"

    def save(self, routine: Routine) -> Path:
        """Write ``routine`` as a routine file and reload the catalog; returns the file."""
        path = self.file_for(routine)
        write_private(path, routine_toml(routine).encode("utf-8"))
        self.reload()
        return path

    def delete(self, routine: Routine) -> None:
        """Remove a user routine's file (never a built-in's) and reload the catalog."""
        if routine.builtin:
            raise ValueError("built-in routines cannot be deleted")
        self.file_for(routine).unlink(missing_ok=True)
        self.reload()

    def import_file(self, source: Path) -> ImportResult:
        """Check ``source`` and copy it in; an id already in use gets a new one."""
        data, problem = read_limited(source, str(source), limit=MAX_IMPORT_BYTES)
        if data is None:  # a pipe, a device, too big or unreadable: said, never waited on
            return ImportResult(None, [str(problem)])
        routine, problems = parse_routine(data, str(source), self.content.library)
        if routine is None:  # the first few and a count: a list of 60,000 would freeze a screen
            return ImportResult(None, [str(problem) for problem in capped(problems)])
        taken = set(self.content.catalog.routines)
        if routine.id in taken:
            routine = replace(routine, id=make_id(routine.id, taken))
            data = routine_toml(routine).encode("utf-8")
        routine = replace(routine, builtin=False, origin="")
        write_private(self.folder / f"{routine.id}.toml", data)
        self.reload()
        return ImportResult(self.content.catalog.routines.get(routine.id), [])

    def check_programme(self, source: Path) -> Programme:
        """Read and check a programme file (raises ProgrammeError); nothing is written."""
        return read_programme(source, builtin_library(self.content.library))

    def add_programme(self, programme: Programme, *, replace_existing: bool = False) -> Routine:
        """Add a checked programme; raises ``FileExistsError`` if its id is taken and not
        ``replace_existing`` (the caller asks the person first)."""
        taken = taken_by(programme, self.content.catalog.routines)
        if taken is not None and not replace_existing:
            raise FileExistsError(programme.routine.id)
        install_programme(
            programme, self.folder, write=write_private, routine_file=self._own_file(taken)
        )
        self.reload()
        return self.content.catalog.routines[programme.routine.id]

    def _own_file(self, routine: Routine | None) -> Path | None:
        """The file in our folder that holds ``routine``, whatever its name (to replace it)."""
        if routine is None or routine.builtin or not routine.origin:
            return None
        path = Path(routine.origin)
        try:
            inside = path.resolve().parent == self.folder.resolve()
        except OSError:
            return None
        return path if inside and path.suffix == ".toml" else None

    def export(self, routine: Routine, target: Path) -> None:
        """Write ``routine`` to ``target`` to share it (raises OSError if it cannot)."""
        data = routine_toml(routine).encode("utf-8")
        write_private(target, data, self.paths.own_files(), make_folder=False)

    def reload(self) -> None:
        """Load every routine again, into the same catalog object the app holds."""
        from neuroguide.content.file_kinds import reload_own_exercises

        reload_own_exercises(self.paths, self.content)
        fresh = RoutineCatalog()
        load_folder(fresh, self.paths.builtin_routines, self.content.library, builtin=True)
        load_folder(fresh, self.folder, self.content.library, builtin=False)
        catalog = self.content.catalog
        catalog.routines.clear()
        catalog.routines.update(fresh.routines)
        catalog.problems[:] = [*self.content.exercise_problems, *fresh.problems]
