"""``neuroguide export --csv FILE --progress``: one row per progress check."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date
from typing import TextIO

from neuroguide.core.check_norms import citations
from neuroguide.core.check_progress import Profile, check_name, progress
from neuroguide.core.checks import STANCES, CheckId, EndReason
from neuroguide.store.checks import STORED_OUTCOME, list_checks

REASON_WORDS = {
    EndReason.UNSTEADY: "felt unsteady",
    EndReason.NO_MARK: "no mark within the time limit",
    EndReason.STOPPED: "stopped after Go",
}

CHECK_COLUMNS = (
    "taken",
    "check_id",
    "check",
    "outcome",
    "stop_reason",
    "stands",
    "seconds",
    *(f"position{number}_seconds" for number in range(1, STANCES + 1)),
    "positions_held",
    "arms_or_support_used",
    "result",
    "age",
    "sex",
    "norm_line",
    "comparison",
    "change",
    "real_change",
    "norm_source",
)


def write_checks_csv(
    connection: sqlite3.Connection,
    out: TextIO,
    profile: Profile,
    first_day: date | None = None,
    last_day: date | None = None,
) -> int:
    """Write every check in the day range, oldest first; returns the number of rows."""
    rows = list_checks(connection, None, first_day, last_day)
    stamps = {row.id: row.taken for row in rows}
    writer = csv.writer(out)
    writer.writerow(CHECK_COLUMNS)
    ordered = []
    for check in CheckId:
        mine = [row for row in rows if row.result.check is check]
        points = progress(check, [(row.taken.local_day, row.result) for row in mine], profile)
        ordered += list(zip(mine, points, strict=True))
    ordered.sort(key=lambda pair: (pair[0].taken.utc, pair[0].id))
    for row, point in ordered:
        result = point.result
        stances = [f"{seconds:g}" for seconds in result.stances]
        stances += [""] * (STANCES - len(stances))
        writer.writerow(
            (
                stamps[row.id].local.isoformat(timespec="seconds"),
                result.check.value,
                check_name(result.check),
                STORED_OUTCOME[result.outcome],
                "" if result.reason is None else REASON_WORDS[result.reason],
                "" if result.count is None else result.count,
                "" if result.seconds is None else f"{result.seconds:g}",
                *stances,
                result.stances_held if result.check is CheckId.BALANCE and result.scored else "",
                "yes" if result.support_used else "no",
                point.text,
                "" if point.age is None else point.age,
                "" if profile.sex is None else profile.sex.value,
                "" if point.comparison.line is None else f"{point.comparison.line:g}",
                point.comparison.text,
                "" if point.change is None else f"{point.change:g}",
                "yes" if point.real else "no",
                " | ".join(citations(result.check)),
            )
        )
    return len(ordered)
