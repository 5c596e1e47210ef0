"""The clinician report's "Progress checks" section: each check's trend, results and norms.

Drawn onto the report's page writer (``neuroguide.ui.reports.clinician_report``) with the same chart
as the Progress view, so the physiotherapist sees what the person saw.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from neuroguide.core.check_norms import (
    CHAIR_STAND_BELOW_AVERAGE,
    CHAIR_STAND_REAL_CHANGE,
    FALLS_WORDS,
    HOME_TEST_WORDS,
    SIT_TO_STAND_AGE_NORMS,
    SIT_TO_STAND_REAL_CHANGE,
    SIT_TO_STAND_SLOW,
    Standing,
    citations,
)
from neuroguide.core.check_progress import Profile, ProgressPoint, check_name, progress
from neuroguide.core.checks import CheckId, CheckOutcome
from neuroguide.store.checks import CheckRow
from neuroguide.ui.common.charts import PAPER
from neuroguide.ui.common.check_chart import current_line, paint_check_trend


class ReportPage(Protocol):
    """What the section needs of the report's page writer."""

    painter: QPainter

    def text(self, text: str, scale: float = 1.0, *, bold: bool = False) -> None: ...

    def table(self, headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None: ...

    def chart(self, height_ratio: float = 0.35) -> QRectF: ...


STANDING_WORDS = {
    Standing.AT_OR_ABOVE: "meets it",
    Standing.BELOW: "short of it",
    Standing.NO_NORM: "not compared",
}
"""A result against its norm in a word or two, for the table (the sentence follows it)."""


def short_change(point: ProgressPoint) -> str:
    """The change since the previous result, compact: ``+3 (real change)``, ``-1.1 s``."""
    if point.change is None:
        return ""
    sign = "+" if point.change > 0 else ""
    unit = " s" if point.result.check is CheckId.SIT_TO_STAND else ""
    text = f"{sign}{point.change:.1f}{unit}" if unit else f"{sign}{point.change:g}"
    return f"{text} (real change)" if point.real else text


def norm_lines() -> list[str]:
    """Every norm the app compares with, in words, with its sources in full."""
    bands = "; ".join(
        f"{first}–{last}: {men} / {women}" for first, last, men, women in CHAIR_STAND_BELOW_AVERAGE
    )
    ages = "; ".join(
        f"{first}–{last}: {seconds} s" for first, last, seconds in SIT_TO_STAND_AGE_NORMS
    )
    lines = [
        f"30-second chair stand: below average when under (men / women) {bands} "
        f"(CDC STEADI 2017, from Rikli and Jones 1999). {FALLS_WORDS} A change of "
        f"{CHAIR_STAND_REAL_CHANGE} stands or more between two home tests is a real change "
        f"(Ho-Henriksson et al. 2024). {HOME_TEST_WORDS}",
        "4-stage balance test: a position counts only while held without moving the feet or "
        "holding on; not holding heel to toe (position 3) for 10 seconds means a higher risk "
        "of falls (CDC STEADI 2017).",
        f"Five times sit to stand (Go to the fifth full stand): more than {SIT_TO_STAND_SLOW} s "
        "predicted mobility disability (Deshpande et al. 2013; timing as Guralnik et al. "
        f"2000), a cut-off, not an age norm. Slower than average above {ages} (Bohannon "
        f"2006). A change of {SIT_TO_STAND_REAL_CHANGE} s or more is a real change (Goldberg "
        "et al. 2012). Needing the arms, or no mark within 60 s, gives no time.",
        "Sources:",
    ]
    seen: list[str] = []
    for check in CheckId:
        seen += [line for line in citations(check) if line not in seen]
    return lines + seen


def write_progress_section(page: ReportPage, rows: Sequence[CheckRow], profile: Profile) -> None:
    """The section for ``rows`` (the period's checks, oldest first)."""
    page.text("Progress checks", 1.4, bold=True)
    if not rows:
        page.text("No progress checks were done in this period.")
        return
    if profile.birth_year is None or profile.sex is None:
        page.text(
            "Year of birth or sex not given, so the chair stand is shown without its norm. "
            "Checks were guided and timed by the app and done at home."
        )
    else:
        page.text(
            f"Compared with the norms for {profile.sex.value}s born in {profile.birth_year} "
            "(age = year of the check minus year of birth). Checks were guided and timed by "
            "the app and done at home."
        )
    for check in CheckId:
        mine = [(row.taken.local_day, row.result) for row in rows if row.result.check is check]
        if not mine:
            continue
        points = progress(check, mine, profile)
        page.text(check_name(check), 1.15, bold=True)
        line = current_line(check, points, profile)
        area = page.chart(0.22)
        paint_check_trend(page.painter, area, check, points, line, PAPER)
        page.table(
            ("Date", "Result", "Against the norm", "Change"),
            [
                (
                    point.day.isoformat(),
                    point.text
                    if point.result.outcome is not CheckOutcome.UNSTEADY
                    else "stopped for safety (felt unsteady)",
                    STANDING_WORDS[point.comparison.standing],
                    short_change(point),
                )
                for point in points
            ],
        )
        scored = [point for point in points if point.result.scored]
        if scored:
            latest = scored[-1]
            page.text(f"Latest ({latest.day.isoformat()}): {latest.comparison.text}", 0.9)
    page.text("Norms and sources", 1.15, bold=True)
    for text in norm_lines():
        page.text(text, 0.9)
