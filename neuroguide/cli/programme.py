"""``neuroguide export --programme`` / ``--handout`` and ``neuroguide import``: a routine as a
shareable file or a printed sheet, and a shared programme added to this data folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from neuroguide.paths import Paths

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def run_programme_export(paths: Paths, args: argparse.Namespace) -> int:
    """Write ``--programme ROUTINE FILE`` or ``--handout ROUTINE FILE.pdf``."""
    from neuroguide.content.loader import load_content

    handout = args.handout is not None
    routine_id, target_text = args.handout if handout else args.programme
    content = load_content(paths)
    routine = content.catalog.routines.get(routine_id)
    if routine is None:
        known = ", ".join(sorted(content.catalog.routines))
        print(f"neuroguide export: no routine '{routine_id}'; routines: {known}", file=sys.stderr)
        return EXIT_USAGE
    target = Path(target_text)
    if handout:
        return _write_handout(paths, routine, target)
    from neuroguide.content.programme import SUFFIX, ProgrammeError, write_programme

    if target.suffix != SUFFIX:
        print(
            f"neuroguide export: a programme file ends in {SUFFIX}, not '{target}'", file=sys.stderr
        )
        return EXIT_USAGE
    try:
        write_programme(routine, target)
    except ProgrammeError as error:
        print(f"neuroguide export: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote {target}: {routine.name}, {len(routine.steps)} steps.")
    return EXIT_OK


def _write_handout(paths: Paths, routine: object, target: Path) -> int:
    if target.suffix.lower() != ".pdf":
        print(
            f"neuroguide export: the handout is a PDF; end the name in .pdf, not '{target}'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # a widgets app, so the GUI can follow in-process

    from neuroguide.core.library import Routine
    from neuroguide.ui.reports.handout import write_handout

    assert isinstance(routine, Routine)
    _app = QApplication.instance() or QApplication([sys.argv[0]])
    partial = target.with_name(target.name + ".part")
    try:
        pages = write_handout(routine, partial, paths.illustrations)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        print(f"neuroguide export: cannot write {target}: {error.strerror}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote {target}: {routine.name}, {pages} page{'s' if pages != 1 else ''}.")
    return EXIT_OK


def add_import_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``import`` sub-command."""
    parser = commands.add_parser(
        "import", help="add a shared programme (a .neuroguide file) to your routines"
    )
    parser.add_argument("file", metavar="FILE.neuroguide", type=Path)
    parser.add_argument(
        "--replace", action="store_true", help="replace a routine of the same id if there is one"
    )


def run_import(paths: Paths, args: argparse.Namespace) -> int:
    """Check a programme file, say what it holds, and add it (never replacing unasked)."""
    from neuroguide.content.loader import load_content
    from neuroguide.content.programme import ProgrammeError
    from neuroguide.content.routines import RoutineFiles
    from neuroguide.core.problems import printable

    files = RoutineFiles(paths, load_content(paths))
    try:
        programme = files.check_programme(args.file)
    except ProgrammeError as error:
        for message in error.messages:
            print(printable(message), file=sys.stderr)
        print("Nothing was added.", file=sys.stderr)
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
