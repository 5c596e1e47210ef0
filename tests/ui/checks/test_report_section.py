"""The report's "Progress checks" section: trend, results, safety stops and named norms."""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from neuroguide.cli.parser import main
from neuroguide.core.check_progress import Profile
from neuroguide.core.checks import (
    CheckId,
    Sex,
    balance_result,
    chair_stand_result,
    stopped_unsteady,
)
from neuroguide.store.checks import CheckRow, add_check, list_checks
from neuroguide.store.database import open_history
from neuroguide.store.models import Stamp
from neuroguide.ui.reports.progress_section import write_progress_section

WHEN = datetime(2026, 3, 2, 10, tzinfo=timezone(timedelta(hours=1)))


class FakePage:
    """Records what the section writes; draws its charts into an image."""

    def __init__(self) -> None:
        self.image = QImage(800, 600, QImage.Format.Format_RGB32)
        self.painter = QPainter(self.image)
        self.texts: list[str] = []
        self.tables: list[tuple[tuple[str, ...], list[tuple[str, ...]]]] = []
        self.charts = 0

    def text(self, text: str, scale: float = 1.0, *, bold: bool = False) -> None:
        self.texts.append(text)

    def table(self, headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
        self.tables.append((headers, list(rows)))

    def chart(self, height_ratio: float = 0.35) -> QRectF:
        self.charts += 1
        return QRectF(0, 0, 800, 600 * height_ratio)


def rows() -> list[CheckRow]:
    with closing(open_history(":memory:").connection) as connection:
        add_check(connection, chair_stand_result(9), Stamp.of(WHEN))
        add_check(connection, chair_stand_result(12), Stamp.of(WHEN + timedelta(weeks=4)))
        add_check(connection, stopped_unsteady(CheckId.BALANCE), Stamp.of(WHEN))
        add_check(connection, balance_result([10, 10, 5]), Stamp.of(WHEN + timedelta(weeks=4)))
        return list_checks(connection)


def test_the_section_lists_each_check_with_trend_comparison_and_sources(qapp: object) -> None:
    page = FakePage()
    write_progress_section(page, rows(), Profile(1950, Sex.FEMALE))
    page.painter.end()
    assert page.texts[0] == "Progress checks"
    assert "females born in 1950" in page.texts[1]
    assert "30-second chair stand" in page.texts
    assert "4-stage balance test" in page.texts
    assert page.charts == 2  # one trend chart per check done
    chair = page.tables[0][1]
    assert chair[0][:2] == ("2026-03-02", "9 stands")
    assert chair[0][2] == "short of it"
    assert chair[1][2] == "meets it"
    assert chair[1][3] == "+3 (real change)"
    assert "Latest (2026-03-30): Average or better for women aged 76" in " ".join(page.texts)
    balance = page.tables[1][1]
    assert balance[0][1] == "stopped for safety (felt unsteady)"
    assert balance[0][2] == "not compared"
    assert balance[1][2] == "short of it"
    assert "Latest (2026-03-30): Heel to toe not held" in " ".join(page.texts)  # not the stop
    sources = " ".join(page.texts[page.texts.index("Norms and sources") :])
    assert "CDC STEADI 2017" in sources
    assert "Ho-Henriksson et al. 2024" in sources and "ICC 0.81" in sources
    assert "90–94: 7 / 4" in sources
    for paper in (
        "Rikli R.E., Jones C.J. (1999)",
        "Deshpande N.",
        "(2013)",
        "Guralnik J.M.",
        "Bohannon R.W. (2006)",
        "Goldberg A.",
        "(2012)",
        "European Journal of Physiotherapy",
        "Studied: 622 community-living adults aged 50 to 85",
    ):
        assert paper in sources, paper
    assert "a higher risk of falls" in sources


def test_without_details_the_chair_stand_is_not_compared(qapp: object) -> None:
    page = FakePage()
    write_progress_section(page, rows(), Profile())
    page.painter.end()
    assert "not given" in page.texts[1]
    assert page.tables[0][1][0][2] == "not compared"
    assert "year of birth" in " ".join(page.texts)


def test_a_period_without_checks_says_so(qapp: object) -> None:
    page = FakePage()
    write_progress_section(page, [], Profile())
    page.painter.end()
    assert page.texts == ["Progress checks", "No progress checks were done in this period."]


def _pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@pytest.mark.parametrize("with_checks", [False, True])
def test_the_pdf_report_gets_the_section(tmp_path: Path, qapp: object, with_checks: bool) -> None:
    folder = tmp_path / "data"
    connection = open_history(folder / "history.sqlite3").connection
    if with_checks:
        for week in range(6):
            add_check(
                connection, chair_stand_result(8 + week), Stamp.of(WHEN + timedelta(weeks=week))
            )
            add_check(
                connection, balance_result([10, 10, 3]), Stamp.of(WHEN + timedelta(weeks=week))
            )
    connection.close()
    target = tmp_path / "report.pdf"
    assert main(["--data-dir", str(folder), "export", "--report", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    # The section with its two charts and tables needs a page of its own beyond the first.
    assert (_pages(target) > 1) is with_checks


def test_a_table_moves_to_the_next_page_whole_and_long_cells_wrap(
    tmp_path: Path, qapp: object
) -> None:
    from PySide6.QtGui import QPainter

    from neuroguide.ui.reports.clinician_report import _Page
    from neuroguide.ui.reports.pdf import a4_writer

    writer = a4_writer(tmp_path / "t.pdf", "t", resolution=150)
    painter = QPainter(writer)
    page = _Page(writer, painter)
    number = [1]
    real_new_page = writer.newPage

    def new_page() -> bool:
        number[0] += 1
        return real_new_page()

    writer.newPage = new_page  # type: ignore[method-assign]
    drawn: list[tuple[int, str]] = []
    real_row = page._row

    def row(cells: tuple[str, ...], *args: object, **kwargs: object) -> None:
        drawn.append((number[0], cells[0]))
        real_row(cells, *args, **kwargs)  # type: ignore[arg-type]

    page._row = row  # type: ignore[method-assign]
    page.y = page.area.bottom() - page.font().height() * 4  # room for about two rows
    long = "last held without support: position 2 of 4, half step " * 3
    page.table(("Date", "Result"), [(f"day {n}", long) for n in range(6)])
    line = page.font().height()
    painter.end()
    assert {at for at, _ in drawn} == {2}  # the whole table on the next page, none split
    assert drawn[0][1] == "Date"
    assert page.y > page.area.top() + line * 6 * 2  # the long cells wrapped
