"""``neuroguide export --programme`` / ``--handout`` and ``neuroguide import``: a routine as a
shareable file or a printed sheet, and a shared programme added to this data folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from neuroguide.core.problems import shown
from neuroguide.paths import Paths

if TYPE_CHECKING:
    from neuroguide.content.programme import Programme
    from neuroguide.content.routines import RoutineFiles

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def run_programme_export(paths: Paths, args: argparse.Namespace) -> int:
    """Write ``--programme ROUTINE FILE`` or ``--handout ROUTINE FILE.pdf``."""
    from neuroguide.content.loader import load_content
    from neuroguide.core.problems import printable
    from neuroguide.terminal.player import find_routine

    handout = args.handout is not None
    reference, target_text = args.handout if handout else args.programme
    content = load_content(paths)
    routine, problem = find_routine(reference, content)  # an id, or a routine file's path
    if routine is None:
        known = ", ".join(sorted(content.catalog.routines))
        if Path(reference).suffix == ".toml" or Path(reference).is_file():
            print(printable(f"neuroguide export: {problem}"), file=sys.stderr)
            print(
                f"neuroguide export: fix the lines named (`neuroguide check {reference}` "
                "checks it again); nothing was written",
                file=sys.stderr,
            )
            return EXIT_PROBLEMS
        print(
            printable(
                f"neuroguide export: no routine '{reference}'; give a routine file's path "
                f"or one of: {known}"
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
    target = Path(target_text)
    if handout:
        return _write_handout(paths, routine, target)
    from neuroguide.content.programme import SUFFIX, ProgrammeError, write_programme

    if target.suffix != SUFFIX:
        print(
            f"neuroguide export: a programme file ends in {SUFFIX}, not '{shown(str(target))}'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        write_programme(routine, target, paths.own_files())
    except ProgrammeError as error:
        print(f"neuroguide export: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote {target}: {routine.name}, {len(routine.steps)} steps.")
    return EXIT_OK


def _write_handout(paths: Paths, routine: object, target: Path) -> int:
    if target.suffix.lower() != ".pdf":
        given = shown(str(target))
        print(
            f"neuroguide export: the handout is a PDF; end the name in .pdf, not '{given}'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # a widgets app, so the GUI can follow in-process

    from neuroguide.core.library import Routine
    from neuroguide.core.private_files import private_output, write_reason
    from neuroguide.core.problems import printable
    from neuroguide.ui.reports.handout import write_handout

    assert isinstance(routine, Routine)
    _app = QApplication.instance() or QApplication([sys.argv[0]])
    from neuroguide.settings import load_settings

    wheelchair = load_settings(paths.settings_file)[0].wheelchair
    try:
        with private_output(target, paths.own_files()) as partial:
            pages = write_handout(routine, partial, paths.illustrations, wheelchair=wheelchair)
    except OSError as error:
        where = printable(str(target))
        print(f"neuroguide export: cannot write {where}: {write_reason(error)}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote {target}: {routine.name}, {pages} page{'s' if pages != 1 else ''}.")
    return EXIT_OK


def _routine_file_as_programme(files: RoutineFiles, source: Path) -> Programme:
    """A routine file and the pictures beside it, checked as ``check`` and ``play`` read it,
    then packed and read back as a programme: one path, one set of checks, for both kinds."""
    import tempfile

    from neuroguide.content.file_kinds import is_exercise_file
    from neuroguide.content.programme import ProgrammeError, programme_bytes
    from neuroguide.terminal.player import find_routine

    if not source.is_file():
        raise ProgrammeError([f"{source}: no such file"])
    if is_exercise_file(source):
        raise ProgrammeError(
            [
                f"{source} holds exercises, not a routine: copy it into "
                f"{files.paths.user_exercises}, or add a [[steps]] table naming them"
            ]
        )
    routine, problem = find_routine(str(source), files.content)
    if routine is None:
        raise ProgrammeError([problem])
    with tempfile.TemporaryDirectory(prefix="neuroguide-import-") as folder:
        packed = Path(folder) / "routine.neuroguide"
        packed.write_bytes(programme_bytes(routine))
        return files.check_programme(packed)


def _what_to_do(source: Path) -> str:
    """The one line after the problems: what to do next, for the kind of file it was."""
    if source.suffix.lower() == ".toml":
        return (
            f"Nothing was added. Fix the lines named (`neuroguide check {source}` checks "
            "them), keep its pictures beside it, and import it again."
        )
    return (
        "Nothing was added. `neuroguide import` takes a programme (FILE.neuroguide, from "
        "`neuroguide export --programme`) or a routine file (FILE.toml, its pictures beside it)."
    )


def add_import_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``import`` sub-command."""
    parser = commands.add_parser(
        "import",
        help="add a shared programme (FILE.neuroguide) or a routine file (FILE.toml, with its "
        "pictures beside it) to your routines",
    )
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument(
        "--replace", action="store_true", help="replace a routine of the same id if there is one"
    )


def run_import(paths: Paths, args: argparse.Namespace) -> int:
    """Check a programme file (or a routine file with its pictures), say what it holds, and
    add it (never replacing unasked)."""
    from neuroguide.content.loader import load_content
    from neuroguide.content.programme import ProgrammeError
    from neuroguide.content.routines import RoutineFiles
    from neuroguide.core.problems import printable

    files = RoutineFiles(paths, load_content(paths))
    try:
        if args.file.suffix.lower() == ".toml":
            programme = _routine_file_as_programme(files, args.file)
        else:
            programme = files.check_programme(args.file)
    except ProgrammeError as error:
        for message in error.messages:
            print(printable(message), file=sys.stderr)
        print(_what_to_do(args.file), file=sys.stderr)
        return EXIT_PROBLEMS
    for line in programme.describe():
        print(printable(line))
    try:
        routine = files.add_programme(programme, replace_existing=args.replace)
    except FileExistsError:
        print(
            f"neuroguide import: you already have a routine '{programme.routine.id}'; nothing "
            "was added. Run again with --replace to replace it.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    except OSError as error:
        print(
            f"neuroguide import: cannot write to {paths.data_dir}: {error.strerror}",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(f"Added '{routine.id}' to {paths.user_routines}.")
    return EXIT_OK
