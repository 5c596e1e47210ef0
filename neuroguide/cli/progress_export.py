"""``neuroguide export --csv FILE --progress``: the progress checks as CSV."""

from __future__ import annotations

import argparse
import sys

from neuroguide.paths import Paths

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def export_progress_csv(paths: Paths, args: argparse.Namespace) -> int:
    """Write one row per progress check to ``args.csv`` ('-' for stdout)."""
    from neuroguide.cli.export import ExportError, _write_csv, history_filter, reading_history
    from neuroguide.core.check_progress import Profile
    from neuroguide.settings import load_settings
    from neuroguide.store.database import HistoryError

    flt = history_filter(args)
    if flt is None:
        return EXIT_USAGE
    if not args.csv:
        print("neuroguide export: --progress goes with --csv", file=sys.stderr)
        return EXIT_USAGE
    if args.sessions or args.routine:
        print(
            "neuroguide export: --progress cannot go with --sessions or --routine",
            file=sys.stderr,
        )
        return EXIT_USAGE
    settings, _messages = load_settings(paths.settings_file)
    profile = Profile.of(settings.birth_year, settings.sex)
    try:
        with reading_history(paths) as history:
            _write_csv(
                args.csv,
                lambda out: history.write_checks_csv(out, profile, flt.first_day, flt.last_day),
                paths.own_files(),
            )
    except (HistoryError, ExportError) as error:
        print(f"neuroguide export: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK
