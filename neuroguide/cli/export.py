"""``neuroguide export``: the history as CSV (items or sessions) or a PDF report for a clinician.

Exporting only reads. When NeuroGuide is running on the same data folder, the export reads
beside it (WAL allows that) instead of waiting or writing.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TextIO

from neuroguide.core.private_files import OwnFiles, private_output, write_reason
from neuroguide.core.problems import printable, shown
from neuroguide.paths import Paths
from neuroguide.store.database import HistoryError
from neuroguide.store.history import History
from neuroguide.store.lock import InstanceLock
from neuroguide.store.models import Filter

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class ExportError(Exception):
    """An export that cannot be done; ``str()`` is one line for the person."""


def run_export(paths: Paths, args: argparse.Namespace) -> int:
    """Run ``neuroguide export`` (``--progress`` is cli/progress_export.py's); the exit status."""
    flt = history_filter(args)
    if flt is None:
        return EXIT_USAGE
    if args.sessions and not args.csv:
        print("neuroguide export: --sessions goes with --csv", file=sys.stderr)
        return EXIT_USAGE
    try:
        with _history(paths) as history:
            if args.csv is not None:
                write = history.write_sessions_csv if args.sessions else history.write_items_csv
                _write_csv(args.csv, lambda out: write(out, flt), paths.own_files())
            else:
                _write_report(paths, history, Path(args.report), flt)
            damaged = history.damaged_note()
    except (HistoryError, ExportError) as error:
        print(f"neuroguide export: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    if damaged is not None:
        print(f"neuroguide export: {damaged}", file=sys.stderr)
    return EXIT_OK


def history_filter(args: argparse.Namespace) -> Filter | None:
    """The days and routine asked for; None (after a one-line message) when a date is wrong."""
    try:
        return Filter(_day(args.first, "--from"), _day(args.last, "--to"), args.routine)
    except ExportError as error:
        print(f"neuroguide export: {error}", file=sys.stderr)
        return None


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ExportError(f"{option} needs a date like 2024-05-31, not '{shown(text)}'") from None


@contextmanager
def _history(paths: Paths) -> Iterator[History]:
    if not paths.history_db.is_file():
        raise ExportError(f"there is no history yet in {paths.data_dir}; nothing to export")
    lock = InstanceLock(paths.data_dir)
    try:
        if lock.acquire():
            history = History.open(paths.history_db, backups=paths.backups)
            for message in history.messages:
                print(f"neuroguide: {message}", file=sys.stderr)
        else:
            history = History.open_read_only(paths.history_db)
    except OSError as error:
        lock.release()
        raise ExportError(f"cannot use {paths.data_dir}: {error.strerror}") from None
    except HistoryError:
        lock.release()
        raise
    try:
        yield history
    finally:
        history.close()
        lock.release()


reading_history = _history
"""The history for reading (opened and upgraded if free, else read beside the app)."""


def _write_csv(target: str, write: Callable[[TextIO], int], own: OwnFiles) -> None:
    if target == "-":
        _write_stdout(write)
        return
    path = Path(target)
    with (
        _private_output(path, own) as partial,
        open(partial, "w", encoding="utf-8", newline="") as out,
    ):
        write(out)


def _write_stdout(write: Callable[[TextIO], int]) -> None:
    """Write to standard output; a reader gone or a full device ends it with one line."""
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`; the reader has what it wanted
        _silence_stdout()
    except OSError as error:  # e.g. > /dev/full: Python's own exit would flush again
        _silence_stdout()
        raise ExportError(f"cannot write to standard output: {write_reason(error)}") from None


def _silence_stdout() -> None:
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@contextmanager
def _private_output(path: Path, own: OwnFiles) -> Iterator[Path]:
    """The app's one writer: owner-only, whole or not at all, never onto our own files."""
    try:
        with private_output(path, own) as partial:
            yield partial
    except OSError as error:
        raise ExportError(f"cannot write {printable(str(path))}: {write_reason(error)}") from None


def _write_report(paths: Paths, history: History, path: Path, flt: Filter) -> None:
    if path.suffix.lower() != ".pdf":
        raise ExportError(
            f"the report is a PDF; give a file name ending in .pdf, not '{shown(str(path))}'"
        )
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from neuroguide.content.loader import load_content
    from neuroguide.core.check_progress import Profile
    from neuroguide.settings import load_settings
    from neuroguide.ui.reports.clinician_report import write_report

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    settings, _messages = load_settings(paths.settings_file)
    content = load_content(paths)
    names = {e.id: e.name for e in content.library.exercises.values()}
    with _private_output(path, paths.own_files()) as partial:
        write_report(
            history,
            partial,
            flt,
            goal_minutes=settings.weekly_goal_minutes,
            exercise_names=names,
            today=date.today(),
            profile=Profile.of(settings.birth_year, settings.sex),
            routines=content.catalog.routines,
        )
