"""``neuroguide export``: the history as CSV (items or sessions) or a PDF report for a clinician.

Exporting only reads. When NeuroGuide is running on the same data folder, the export reads
beside it (WAL allows that) instead of waiting or writing.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from neuroguide.cli.reading import ExportError, export_output, reading_history, write_csv
from neuroguide.paths import Paths
from neuroguide.store.database import HistoryError
from neuroguide.store.history import History
from neuroguide.store.models import Filter

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def run_export(paths: Paths, args: argparse.Namespace) -> int:
    """Run ``neuroguide export``; returns the exit status."""
    try:
        flt = Filter(_day(args.first, "--from"), _day(args.last, "--to"), args.routine)
    except ExportError as error:
        print(f"neuroguide export: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.sessions and not args.csv:
        print("neuroguide export: --sessions goes with --csv", file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "progress", False):
        from neuroguide.cli.progress_export import export_progress_csv

        return export_progress_csv(paths, args, flt)
    try:
        with reading_history(paths) as history:
            if args.csv is not None:
                write = history.write_sessions_csv if args.sessions else history.write_items_csv
                write_csv(args.csv, lambda out: write(out, flt))
            else:
                _write_report(paths, history, Path(args.report), flt)
            damaged = history.damaged_note()
    except (HistoryError, ExportError) as error:
        print(f"neuroguide export: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    if damaged is not None:
        print(f"neuroguide export: {damaged}", file=sys.stderr)
    return EXIT_OK


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ExportError(f"{option} needs a date like 2024-05-31, not '{text}'") from None


def _write_report(paths: Paths, history: History, path: Path, flt: Filter) -> None:
    if path.suffix.lower() != ".pdf":
        raise ExportError(f"the report is a PDF; give a file name ending in .pdf, not '{path}'")
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
    with export_output(path) as partial:
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
