"""Command-line parsing: ``neuroguide [--data-dir DIR] [COMMAND]``.

With no command the GUI starts. Each command returns a process exit status; user mistakes get
a one-line message on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from neuroguide import __version__
from neuroguide.paths import Paths, resolve_paths

if TYPE_CHECKING:
    import argparse

    from neuroguide.core.library import Routine

# Each command imports what it needs when it runs: the GUI's start must not wait for the
# content and history modules (about 40 ms; docs/decisions/0006).

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-parser per command."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="neuroguide",
        description="NeuroGuide: guided, spoken home exercises for peripheral neuropathy.",
    )
    parser.add_argument("--version", action="version", version=f"neuroguide {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where history, your routines and settings live "
        "(default: the platform's data folder; also NEUROGUIDE_DATA_DIR)",
    )
    parser.add_argument("--large", action="store_true", help="start the GUI in large-button mode")
    parser.add_argument(
        "--tray",
        action="store_true",
        help="start quietly: only the tray icon, no window (as at log-in)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("gui", help="start the app (the default)")
    commands.add_parser("routines", help="list every routine with its position and length")
    check = commands.add_parser("check", help="validate routine files")
    check.add_argument("files", nargs="+", metavar="FILE", type=Path)
    commands.add_parser("exercises", help="list every exercise id in the library")
    self_test = commands.add_parser(
        "self-test", help="check, without a screen, that Qt, drawings, routines and voice work"
    )
    self_test.add_argument(
        "--strict", action="store_true", help="count a missing speech engine as a failure"
    )
    _add_export_parser(commands)
    from neuroguide.cli.programme import add_import_parser

    add_import_parser(commands)
    from neuroguide.cli.progress import add_progress_parser

    add_progress_parser(commands)
    from neuroguide.terminal.commands import add_speech_parsers  # voices, play

    add_speech_parsers(commands)
    for sub in commands.choices.values():
        # "--data-dir" works after the command too; SUPPRESS keeps an earlier one.
        sub.add_argument(
            "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--speech-worker"]:  # a frozen app runs its speech worker this way
        from neuroguide.speech.worker import main as speech_worker

        return speech_worker(arguments[1:])
    if not arguments:
        # The usual start (the desktop menu, a plain `neuroguide`): the GUI with its defaults.
        # Building the parser would cost that start about 5 ms (docs/decisions/0006).
        return _start_gui(resolve_paths(None), large=False)
    if len(arguments) == 1 and arguments[0].endswith(".neuroguide"):
        # A shared programme opened with the app (a file manager's "Open with NeuroGuide").
        return _start_gui(resolve_paths(None), large=False, programme=Path(arguments[0]))
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    paths = resolve_paths(args.data_dir)
    command = args.command or "gui"
    if command == "gui":
        return _start_gui(paths, large=args.large, tray=args.tray)
    return _run_command(command, paths, args)


def _start_gui(
    paths: Paths, *, large: bool, tray: bool = False, programme: Path | None = None
) -> int:
    from neuroguide.display import display_problem

    problem = display_problem()  # before the data folder is touched: no lock is left behind
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_PROBLEMS
    from neuroguide.app import run_gui  # Qt loads only when a window is wanted

    if tray:
        return run_gui(paths, large=large, tray=True)
    if programme is not None:
        return run_gui(paths, large=large, programme=programme)
    return run_gui(paths, large=large)


def _add_export_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``export`` sub-command (run by neuroguide/cli/export.py)."""
    export = commands.add_parser(
        "export",
        help="write your history as CSV or as a PDF report",
        description="Write your exercise history for a spreadsheet, a carer or a clinician.",
    )
    what = export.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--csv", metavar="FILE", help="CSV with one row per hold, set or block ('-' for stdout)"
    )
    what.add_argument("--report", metavar="FILE.pdf", help="a printable PDF report")
    what.add_argument(
        "--programme",
        nargs=2,
        metavar=("ROUTINE", "FILE.neuroguide"),
        help="a routine (an id, or a routine file's path) with its own exercises and pictures "
        "as one file to share",
    )
    what.add_argument(
        "--handout",
        nargs=2,
        metavar=("ROUTINE", "FILE.pdf"),
        help="a printable large-print sheet of a routine's exercises (ROUTINE: an id, or a "
        "routine file's path)",
    )
    export.add_argument(
        "--sessions", action="store_true", help="with --csv: one row per session with check-ins"
    )
    export.add_argument(
        "--progress", action="store_true", help="with --csv: one row per progress check"
    )
    export.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="first day to include")
    export.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="last day to include")
    export.add_argument("--routine", metavar="ID", help="only this routine")


def _run_command(command: str, paths: Paths, args: argparse.Namespace) -> int:
    """Every command but the GUI; a damaged built-in library is explained, not a traceback."""
    from neuroguide.core.problems import InvalidFileError

    try:
        if command == "routines":
            return list_routines(paths)
        if command == "exercises":
            return list_exercises(paths)
        if command == "check":
            return check_files(paths, args.files)
        if command == "self-test":
            from neuroguide.cli.selftest import run_self_test

            return run_self_test(paths, strict=args.strict)
        if command == "export" and (args.programme or args.handout):
            from neuroguide.cli.programme import run_programme_export

            return run_programme_export(paths, args)
        if command == "import":
            from neuroguide.cli.programme import run_import

            return run_import(paths, args)
        if command == "export" and args.progress:
            from neuroguide.cli.progress_export import export_progress_csv

            return export_progress_csv(paths, args)
        if command == "export":
            from neuroguide.cli.export import run_export

            return run_export(paths, args)
        if command == "progress":
            from neuroguide.cli.progress import run_progress

            return run_progress(paths, args)
        if command == "voices":
            from neuroguide.terminal.commands import run_voices

            return run_voices(paths, args)
        if command == "play":
            from neuroguide.terminal.commands import run_play_command

            return run_play_command(paths, args)
    except BrokenPipeError:
        # The reader went away (e.g. `neuroguide voices | head`): nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except InvalidFileError as error:
        print("neuroguide: the built-in exercise library is damaged:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        print("Reinstall NeuroGuide to repair it.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"neuroguide: unknown command {command!r}", file=sys.stderr)  # argparse stops these
    return EXIT_USAGE


def list_routines(paths: Paths) -> int:
    """Print every routine: id, position, length and name; then any problem in user files."""
    from neuroguide.content.loader import load_content
    from neuroguide.core.problems import printable
    from neuroguide.settings import load_settings
    from neuroguide.terminal.lengths import Lengths

    content = load_content(paths)
    lengths = Lengths.for_person(paths, content.library, load_settings(paths.settings_file)[0])
    rows = []
    for routine in content.catalog.ordered():
        length = lengths.text(routine)
        origin = "built-in" if routine.builtin else "yours"
        rows.append((routine.id, routine.position, length, origin, routine.name))
    width = max((len(row[0]) for row in rows), default=2)
    print(f"{'ID':<{width}}  {'POSITION':<8}  {'LENGTH':<11}  {'ORIGIN':<8}  NAME")
    for row in rows:  # a name is checked for control codes when loaded; printable() again here
        print(f"{row[0]:<{width}}  {row[1]:<8}  {row[2]:<11}  {row[3]:<8}  {printable(row[4])}")
    for problem in content.catalog.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    return EXIT_OK


def list_exercises(paths: Paths) -> int:
    """Print every exercise id with its category, position, origin and name; then problems."""
    from neuroguide.content.loader import load_content
    from neuroguide.core.problems import printable

    content = load_content(paths)
    for exercise in content.library.exercises.values():
        origin = "yours" if exercise.own else "built-in"
        print(
            f"{exercise.id:<26} {exercise.category:<12} {exercise.position:<9} "
            f"{origin:<8} {printable(exercise.name)}"
        )
    for problem in content.exercise_problems:
        print(f"skipped: {problem}", file=sys.stderr)
    return EXIT_OK


def check_files(paths: Paths, files: list[Path]) -> int:
    """Validate routine and exercise files: 0 if all are valid, 1 with one line per problem."""
    from neuroguide.content.file_kinds import is_exercise_file
    from neuroguide.content.loader import load_content
    from neuroguide.core.own_exercises import load_exercise_files
    from neuroguide.core.problems import printable
    from neuroguide.core.routine_file import RoutineCatalog, load_files
    from neuroguide.core.warm_up import warm_up_note
    from neuroguide.settings import load_settings

    content = load_content(paths)
    builtin = [e.id for e in content.library.exercises.values() if not e.own]
    counts: dict[Path, int] = {}
    problems: list[object] = []  # Problems, and lines from programme files
    programmes = [path for path in files if path.suffix == ".neuroguide"]
    files = [path for path in files if path not in programmes]
    checked = []
    for path in programmes:
        from neuroguide.content.programme import ProgrammeError, builtin_library, read_programme

        try:
            checked.append(read_programme(path, builtin_library(content.library)))
        except ProgrammeError as error:
            problems.extend(error.messages)
    for path in [path for path in files if is_exercise_file(path)]:
        own = load_exercise_files([path], builtin)
        problems.extend(own.problems)
        counts[path] = len(own.exercises)
    catalog = RoutineCatalog()
    load_files(
        catalog, [path for path in files if path not in counts], content.library, builtin=False
    )
    problems.extend(catalog.problems)
    for problem in problems:
        print(printable(str(problem)))
    if problems:
        return EXIT_PROBLEMS
    for path, count in counts.items():
        print(printable(f"{path}: ok: {count} exercise{'s' if count != 1 else ''} of your own"))
    for programme in checked:
        print(printable(f"{programme.source}: ok: " + "; ".join(programme.describe())))
    from neuroguide.terminal.lengths import Lengths  # the speech plan: only for what passed

    lengths = Lengths.for_person(paths, content.library, load_settings(paths.settings_file)[0])
    for routine in catalog.ordered():
        length = lengths.first_and_later(routine)
        steps = f"{len(routine.steps)} step{'s' if len(routine.steps) != 1 else ''}"
        extra = f", {len(routine.exercises)} own exercises" if routine.exercises else ""
        print(printable(f"{routine.origin}: ok: '{routine.id}', {steps}, {length}{extra}"))
        note = warm_up_note(routine)
        if note:
            print(printable(f"{routine.origin}: note: {note}"))
        for warning in words_that_do_not_fit(paths, routine):
            print(printable(f"{routine.origin}: warning: {warning}"))
    return EXIT_OK


def words_that_do_not_fit(paths: Paths, routine: Routine) -> list[str]:
    """Where the routine's phases are too short for the words the voice says in them, at the
    clip lengths of the person's voice (rendered ones, else estimated)."""
    from neuroguide.core.speech_plan import fit_warnings, plan_speech
    from neuroguide.settings import load_settings
    from neuroguide.speech.phrase_cache import PhraseCache
    from neuroguide.speech.planning import cached_lengths
    from neuroguide.speech.protocol import VoiceSettings

    settings, _messages = load_settings(paths.settings_file)
    voice = VoiceSettings(settings.voice_id, settings.voice_rate, settings.voice_volume)
    cache = PhraseCache(paths.phrase_cache, voice, paths.resources_dir / "sounds")
    lengths = cached_lengths(cache, voice.rate)
    plan = plan_speech(routine, minimum=settings.get_ready_seconds, lengths=lengths)
    return fit_warnings(plan, lengths)
