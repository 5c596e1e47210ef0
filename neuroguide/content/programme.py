"""A whole programme as one ``*.neuroguide`` file: a zip of the routine, its own exercises
(inline, in ``routine.toml``) and their pictures (``pictures/``).

Reading one is careful because the file may come from anywhere: only the names this module
writes are accepted, every size is capped before it is read, pictures must really be images,
and the routine is checked exactly as ``neuroguide check`` checks a file. Nothing is written
until all of that passed, and then only to paths built here from checked ids, inside the data
folder. Decision record: docs/decisions/0012-programme-files.md.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from neuroguide.core.library import Exercise, Library, Routine
from neuroguide.core.pictures import (
    FIGURES,
    MAX_PICTURE_BYTES,
    MAX_TOTAL_PIXELS,
    image_pixels,
    image_problem,
)
from neuroguide.core.private_files import NOTHING_OWN, OwnFiles, write_private, write_reason
from neuroguide.core.problems import capped, printable
from neuroguide.core.routine_file import parse_routine
from neuroguide.core.routine_writer import routine_toml
from neuroguide.core.svg_size import SvgSizeError
from neuroguide.core.toml_source import MAX_FILE_BYTES

SUFFIX = ".neuroguide"
ROUTINE_ENTRY = "routine.toml"
PICTURE_FOLDER = "pictures"
MAX_ENTRIES = 101
MAX_PROGRAMME_BYTES = 60_000_000
MAX_UNPACKED_BYTES = 25_000_000
"""What all the files inside one programme may unpack to together: the one limit on the whole,
checked on the sizes the zip declares before anything is read, and on the bytes as they are
read (a zip can lie). Nothing is written before a programme passes it."""
WriteFile = Callable[[Path, bytes], None]
_PICTURE_ENTRY = re.compile(r"^pictures/([a-z0-9][a-z0-9-]{0,80})\.(png|jpg|jpeg|svg)$")


class ProgrammeError(Exception):
    """A programme file that cannot be written or read; ``str()`` is for the person."""

    def __init__(self, messages: list[str]) -> None:
        shown = [str(message) for message in capped(messages)]  # a few and a count, never all
        super().__init__("\n".join(shown))
        self.messages = shown


# ------------------------------------------------------------------------- writing


def own_exercises_of(routine: Routine) -> list[Exercise]:
    """The own exercises a routine needs: its inline ones, then own ones its steps name."""
    found: dict[str, Exercise] = {exercise.id: exercise for exercise in routine.exercises}
    for step in routine.steps:
        if step.exercise.own:
            found.setdefault(step.exercise.id, step.exercise)
    return list(found.values())


def programme_bytes(routine: Routine) -> bytes:
    """The zip for ``routine``: every own exercise inline, every picture file beside it."""
    exercises: list[Exercise] = []
    pictures: dict[str, bytes] = {}
    for exercise in own_exercises_of(routine):
        picture = exercise.picture
        if picture and picture not in FIGURES:
            source = Path(exercise.illustration)
            try:
                data = source.read_bytes()
            except OSError as error:
                message = f"the picture of '{exercise.name}' cannot be read: {error.strerror}"
                raise ProgrammeError([message]) from None
            picture = f"{PICTURE_FOLDER}/{exercise.id}{source.suffix.lower()}"
            pictures[picture] = data
        exercises.append(replace(exercise, picture=picture))
    _check_pixels(pictures, exercises)
    shared = replace(routine, exercises=tuple(exercises))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(ROUTINE_ENTRY, routine_toml(shared))
        for name, data in pictures.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _check_pixels(pictures: dict[str, bytes], exercises: list[Exercise]) -> None:
    """Refuse to share what an import would refuse: pictures past the pixel limit together,
    or an SVG that says no size (see :func:`~neuroguide.core.svg_size.svg_size`)."""
    names = {exercise.picture: exercise.name for exercise in exercises}
    pixels = 0
    for picture, data in pictures.items():
        try:
            pixels += image_pixels(picture, data)
        except SvgSizeError as error:
            raise ProgrammeError([f"the picture of '{names[picture]}': {error}"]) from None
        if pixels > MAX_TOTAL_PIXELS:
            raise ProgrammeError(
                [
                    f"the pictures hold more than {MAX_TOTAL_PIXELS // 1_000_000} million pixels "
                    f"together, that of '{names[picture]}' the last of them; choose smaller ones"
                ]
            )


def write_programme(routine: Routine, target: Path, own: OwnFiles = NOTHING_OWN) -> None:
    """Write ``routine`` as a programme file at ``target`` (whole or not at all, 0600)."""
    data = programme_bytes(routine)
    try:
        write_private(target, data, own, make_folder=False)
    except OSError as error:
        where = printable(str(target))
        raise ProgrammeError([f"cannot write {where}: {write_reason(error)}"]) from None


# ------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Programme:
    """A checked programme file, ready to add: the routine and its pictures' bytes."""

    routine: Routine
    pictures: dict[str, bytes] = field(default_factory=dict)
    source: str = ""

    def describe(self) -> list[str]:
        """What the file holds, in lines to show before adding it."""
        routine = self.routine
        lines = [f"{routine.name} ({len(routine.steps)} steps)"]
        if routine.description:
            lines.append(routine.description)
        if routine.schedule is not None:
            lines.append(f"Schedule: {routine.schedule.describe()}")
        for exercise in routine.exercises:
            lines.append(f"Own exercise: {exercise.name} ({exercise.dose.describe()})")
        if self.pictures:
            count = len(self.pictures)
            lines.append(f"{count} picture{'s' if count != 1 else ''}")
        return lines


def read_programme(source: Path, builtin: Library) -> Programme:
    """Check a programme file; raise :class:`ProgrammeError` with every problem found.

    ``builtin`` should hold only the shipped exercises, so a programme that loads here loads
    on any machine: everything else it needs must travel inside it.
    """
    name = source.name
    try:
        info = source.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ProgrammeError([f"{source}: not an ordinary file"])
        if info.st_size > MAX_PROGRAMME_BYTES:
            mb = info.st_size / 1_000_000
            raise ProgrammeError(
                [f"{source}: the file is {mb:.0f} MB; a programme is at most 60 MB"]
            )
        data = source.read_bytes()
    except OSError as error:
        raise ProgrammeError([f"{source}: cannot read: {error.strerror}"]) from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise ProgrammeError(
            [f"{source}: not a NeuroGuide programme (it is not a zip file, or it is damaged)"]
        ) from None
    with archive:
        entries = _read_entries(archive, source)
    text = entries.pop(ROUTINE_ENTRY)
    pictures = entries

    def picture_in_zip(value: str) -> tuple[str | None, str | None]:
        if value in FIGURES:
            return FIGURES[value], None
        if value not in pictures:
            return None, f"picture '{value}' is not in the programme file"
        return value, None

    routine, problems = parse_routine(
        text, f"{name}/{ROUTINE_ENTRY}", builtin, pictures=picture_in_zip
    )
    if routine is None:
        raise ProgrammeError([str(problem) for problem in problems])
    used = {exercise.picture for exercise in routine.exercises}
    unused = sorted(set(pictures) - used)
    if unused:
        raise ProgrammeError([f"{name}: '{unused[0]}' is not the picture of any exercise in it"])
    return Programme(routine=replace(routine, builtin=False), pictures=pictures, source=str(source))


def _read_entries(archive: zipfile.ZipFile, source: Path) -> dict[str, bytes]:
    infos = archive.infolist()
    problems: list[str] = []
    if len(infos) > MAX_ENTRIES:
        raise ProgrammeError(
            [f"{source}: {len(infos)} files inside; a programme holds at most {MAX_ENTRIES}"]
        )
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise ProgrammeError([f"{source}: two files inside have the same name"])
    if ROUTINE_ENTRY not in names:
        raise ProgrammeError([f"{source}: not a NeuroGuide programme (no {ROUTINE_ENTRY} inside)"])
    declared = sum(info.file_size for info in infos)
    if declared > MAX_UNPACKED_BYTES:
        raise ProgrammeError([_too_much(source, declared)])
    entries: dict[str, bytes] = {}
    unpacked = 0
    pixels = 0
    for info in infos:
        entry = info.filename
        if entry == f"{PICTURE_FOLDER}/" and info.is_dir():
            continue
        kind = (info.external_attr >> 16) & 0o170000
        if kind not in (0, stat.S_IFREG):
            problems.append(
                f"{source}: '{_shown(entry)}' is not an ordinary file; nothing was added"
            )
            continue
        if entry != ROUTINE_ENTRY and not _PICTURE_ENTRY.match(entry):
            problems.append(
                f"{source}: '{_shown(entry)}' does not belong in a programme "
                f"(only {ROUTINE_ENTRY} and pictures/NAME.png, .jpg or .svg); nothing was added"
            )
            continue
        limit = MAX_FILE_BYTES if entry == ROUTINE_ENTRY else MAX_PICTURE_BYTES
        content = _read_capped(archive, info, limit)
        if content is None:
            what = (
                "the routine is larger than 1 MB"
                if entry == ROUTINE_ENTRY
                else (f"picture '{entry}' is larger than 5 MB")
            )
            problems.append(f"{source}: {what}; nothing was added")
            continue
        unpacked += len(content)
        if unpacked > MAX_UNPACKED_BYTES:  # more than the zip said: stop reading at once
            raise ProgrammeError([_too_much(source, unpacked)])
        if entry != ROUTINE_ENTRY:
            problem = image_problem(entry, content)
            if problem:
                problems.append(f"{source}: {problem}; nothing was added")
                continue
            try:
                pixels += image_pixels(entry, content)
            except SvgSizeError as error:
                raise ProgrammeError(
                    [f"{source}: picture '{entry}': {error}; nothing was added"]
                ) from None
            if pixels > MAX_TOTAL_PIXELS:
                raise ProgrammeError([_too_many_pixels(source, entry)])
        entries[entry] = content
    if problems:
        raise ProgrammeError(problems)
    return entries


def _too_many_pixels(source: Path, entry: str) -> str:
    svg = " (an SVG counts at the width and height it declares)" if entry.endswith(".svg") else ""
    return (
        f"{source}: its pictures hold more than {MAX_TOTAL_PIXELS // 1_000_000} million pixels "
        f"together, '{entry}' the last of them{svg}; make them smaller (1200 pixels on the "
        "longer side is plenty); nothing was added"
    )


def _too_much(source: Path, size: int) -> str:
    return (
        f"{source}: the files inside unpack to {size / 1_000_000:.0f} MB or more; a programme "
        f"holds at most {MAX_UNPACKED_BYTES // 1_000_000} MB; nothing was added"
    )


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes | None:
    """The entry's bytes, or ``None`` if it is (or unpacks to) more than ``limit`` bytes."""
    if info.file_size > limit:
        return None
    try:
        with archive.open(info) as handle:
            content = handle.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
        raise ProgrammeError([f"'{_shown(info.filename)}' inside the file is damaged"]) from None
    return None if len(content) > limit else content


def _shown(name: str) -> str:
    """A name from inside a zip, made safe to print (no control characters, not too long)."""
    cleaned = "".join(ch if ch.isprintable() else "?" for ch in name)
    return cleaned if len(cleaned) <= 80 else cleaned[:77] + "..."


# ------------------------------------------------------------------------- adding


@dataclass(frozen=True)
class Installed:
    """Where an added programme went."""

    routine_file: Path
    pictures: list[Path]


def install_programme(
    programme: Programme,
    routines_folder: Path,
    *,
    write: WriteFile,
    routine_file: Path | None = None,
) -> Installed:
    """Write the checked ``programme`` into ``routines_folder`` (the data folder's).

    Pictures go to ``pictures/ROUTINE-ID/EXERCISE-ID.ext`` beside the routine file; every path
    is built from ids the checks allowed, so nothing lands outside the folder. ``routine_file``
    is the file to replace (the old routine's, whatever its name); ``ROUTINE-ID.toml`` if not
    given.
    """
    routine = programme.routine
    placed: list[Path] = []
    exercises: list[Exercise] = []
    for exercise in routine.exercises:
        picture = exercise.picture
        if picture in programme.pictures:
            suffix = PurePosixPath(picture).suffix
            relative = f"{PICTURE_FOLDER}/{routine.id}/{exercise.id}{suffix}"
            target = routines_folder / relative
            write(target, programme.pictures[picture])
            placed.append(target)
            picture = relative
        exercises.append(replace(exercise, picture=picture))
    routine_file = routine_file or routines_folder / f"{routine.id}.toml"
    write(routine_file, routine_toml(replace(routine, exercises=tuple(exercises))).encode("utf-8"))
    return Installed(routine_file=routine_file, pictures=placed)


def builtin_library(library: Library) -> Library:
    """Only the shipped exercises of ``library`` (what any machine has)."""
    shipped = {key: value for key, value in library.exercises.items() if not value.own}
    return Library(exercises=shipped, sources=library.sources)


def taken_by(programme: Programme, routines: dict[str, Routine]) -> Routine | None:
    """The routine already using the programme's id, if any (ask before replacing it)."""
    return routines.get(programme.routine.id)
