"""``neuroguide progress``: every progress check with its comparison, and the profile setting.

``--birth-year`` and ``--sex`` set the two optional values the norms need (asked once, kept in
settings.toml); a bad value is refused with one line and nothing is saved.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import IO, Any

from neuroguide.paths import Paths

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def add_progress_parser(commands: Any) -> None:
    """Add ``progress`` to the command line's sub-parsers."""
    progress = commands.add_parser(
        "progress",
        help="show your progress checks and how they compare with the norms",
        description="Show every progress check (chair stand, balance, sit to stand) with its "
        "comparison for your age and sex. Run a check with 'neuroguide play chair-stand', "
        "'neuroguide play balance-4-stage' or 'neuroguide play sit-to-stand-5'.",
    )
    progress.add_argument(
        "--birth-year", metavar="YYYY", help="set your year of birth (only used for the norms)"
    )
    progress.add_argument(
        "--sex", choices=("female", "male"), help="set your sex (only used for the norms)"
    )


def run_progress(
    paths: Paths, args: argparse.Namespace, out: IO[str] | None = None, today: date | None = None
) -> int:
    """Run ``neuroguide progress``; returns the exit status."""
    from neuroguide.core.check_progress import Profile
    from neuroguide.core.checks import CheckInputError, parse_birth_year
    from neuroguide.core.private_files import write_reason
    from neuroguide.core.problems import printable
    from neuroguide.settings import load_settings, save_settings

    out = out if out is not None else sys.stdout
    today = today if today is not None else date.today()
    changing = args.birth_year is not None or args.sex is not None
    # About to write: a file that cannot be read is kept aside first, as the window does.
    settings, messages = load_settings(paths.settings_file, keep_aside=changing)
    for message in messages:
        print(f"neuroguide: {message}", file=sys.stderr)
    if args.birth_year is not None or args.sex is not None:
        changes: dict[str, object] = {}
        try:
            if args.birth_year is not None:
                changes["birth_year"] = parse_birth_year(args.birth_year, today.year)
        except CheckInputError as error:
            print(f"neuroguide progress: {error}", file=sys.stderr)
            return EXIT_USAGE
        if args.sex is not None:
            changes["sex"] = args.sex
        settings = settings.changed(**changes)
        try:
            save_settings(settings, paths.settings_file)
        except OSError as error:
            where = printable(str(paths.settings_file))
            print(
                f"neuroguide progress: cannot save {where}: {write_reason(error)}", file=sys.stderr
            )
            return EXIT_PROBLEMS
        print("Saved: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in changes.items()))
    profile = Profile.of(settings.birth_year, settings.sex)
    return _print_progress(paths, profile, out, today)


def _print_progress(paths: Paths, profile: object, out: IO[str], today: date) -> int:
    from neuroguide.cli.export import ExportError, reading_history
    from neuroguide.core.check_norms import SOURCES
    from neuroguide.core.check_progress import Profile, change_text, check_name, progress
    from neuroguide.core.check_reminder import suggestion_text
    from neuroguide.core.checks import CheckId
    from neuroguide.store.database import HistoryError

    assert isinstance(profile, Profile)
    if not paths.history_db.is_file():
        rows = []
    else:
        try:
            with reading_history(paths) as history:
                rows = history.checks()
        except (HistoryError, ExportError) as error:
            print(f"neuroguide progress: {error}", file=sys.stderr)
            return EXIT_PROBLEMS
    if profile.birth_year is None or profile.sex is None:
        print(
            "Year of birth or sex not set: the chair stand is shown without a comparison. "
            "Set them with: neuroguide progress --birth-year YYYY --sex female|male",
            file=out,
        )
    if not rows:
        print("No progress checks yet. Try one: neuroguide play chair-stand", file=out)
        return EXIT_OK
    for check in CheckId:
        mine = [(row.taken.local_day, row.result) for row in rows if row.result.check is check]
        if not mine:
            continue
        print(f"\n{check_name(check)}  (sources: {SOURCES[check]})", file=out)
        for point in progress(check, mine, profile):
            change = change_text(point)
            change = f"  [{change}]" if change else ""
            print(f"  {point.day.isoformat()}  {point.text}{change}", file=out)
            print(f"      {point.comparison.text}", file=out)
    last = max(row.taken.local_day for row in rows)
    print(f"\n{suggestion_text(last, today)}", file=out)
    return EXIT_OK
