"""The review screen: sessions by day, detail, charts with tables, filters and large mode."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from neuroguide.core.periods import PRESET_NAMES
from neuroguide.present.metrics import Metrics
from neuroguide.store.history import History
from neuroguide.store.models import Filter
from neuroguide.store.progress import HistoryProgress
from neuroguide.ui.history.review_controller import ReviewController, review_for
from neuroguide.ui.history.review_screen import ReviewScreen
from tests.helpers.review_history import TODAY, ZONE, review_history
from tests.helpers.widgets import shown


@pytest.fixture
def history() -> Iterator[History]:
    history = review_history(holds=20, pain_after=4)
    yield history
    history.close()


def _screen(qtbot: QtBot, history: History, **kwargs: object) -> ReviewScreen:
    screen = review_for(history, today=lambda: TODAY, **kwargs).screen  # type: ignore[arg-type]
    shown(qtbot, screen, 1280, 900)
    return screen


def _lines(screen: ReviewScreen) -> list[str]:
    model = screen.model
    return [str(model.data(model.index(row))) for row in range(model.rowCount())]


def test_sessions_are_listed_newest_first_with_the_symptom_change(
    qtbot: QtBot, history: History
) -> None:
    screen = _screen(qtbot, history)
    lines = _lines(screen)
    assert len(lines) == 4  # the default range is the last three months
    assert lines[0].startswith("Sun 30 Jun 2024, 09:15 · Stretch break")
    assert "20 of 20 done, 10 min" in lines[0]
    assert "pain 6 → 4" in lines[0]


def test_the_newest_session_is_shown_in_detail_with_planned_against_done(
    qtbot: QtBot, history: History
) -> None:
    screen = _screen(qtbot, history, exercise_names={"calf-stretch": "Calf stretch"})
    assert "Stretch break, Sun 30 Jun 2024" in screen.detail.heading.text()
    assert screen.detail.items.rowCount() == 20
    assert screen.detail.items.item(0, 0).text() == "Calf stretch"
    assert screen.detail.before.text() == "Before: pain 6."


def test_range_and_routine_filters_narrow_the_list(qtbot: QtBot, history: History) -> None:
    screen = _screen(qtbot, history)
    everything = PRESET_NAMES.index("Everything")
    qtbot.mouseClick(screen.range_buttons.button(everything), Qt.MouseButton.LeftButton)
    assert len(_lines(screen)) == 5
    screen.routine.setCurrentIndex(screen.routine.findData("seated"))
    assert len(_lines(screen)) == 1
    reads = screen.findChild(ReviewController)
    assert reads is not None and reads.current_filter().routine_id == "seated"


def test_charts_have_their_numbers_in_tables(qtbot: QtBot, history: History) -> None:
    screen = _screen(qtbot, history)
    qtbot.mouseClick(screen.charts_button, Qt.MouseButton.LeftButton)
    charts = screen.charts
    assert charts.minutes_table.rowCount() == 13  # 91 days from Monday 1 April
    assert charts.minutes_table.item(0, 1).text() == "30"  # this week: 3 sessions x 10 min
    assert charts.streak_table.item(0, 1).text() == "3"
    assert charts.symptom_table.item(0, 1).text() == "6.0"
    assert "weeks reached the goal" in charts.minutes_chart.accessibleDescription()
    image = charts.minutes_chart.grab().toImage()
    assert image.width() > 100 and not image.isNull()


def test_an_empty_history_says_so(qtbot: QtBot) -> None:
    history = History.in_memory()
    screen = _screen(qtbot, history)
    assert screen.empty.isVisible()
    assert screen.model.rowCount() == 0
    history.close()


def test_large_button_mode_makes_every_target_at_least_64_pixels(
    qtbot: QtBot, history: History
) -> None:
    screen = _screen(qtbot, history, metrics=Metrics(large=True))
    qtbot.mouseClick(screen.charts_button, Qt.MouseButton.LeftButton)
    for widget in screen.buttons():
        assert widget.height() >= 64, widget.accessibleName()
        assert widget.width() >= 64, widget.accessibleName()


def test_export_buttons_ask_the_owner_to_export(qtbot: QtBot, history: History) -> None:
    screen = _screen(qtbot, history)
    with qtbot.waitSignal(screen.export_requested, timeout=5000) as signal:
        qtbot.mouseClick(screen.pdf_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["pdf"]


def test_progress_source_counts_today_and_this_week(history: History) -> None:
    progress = HistoryProgress(history, today=lambda: TODAY)
    assert progress.minutes_today() == 10
    assert progress.minutes_this_week() == 30  # Friday to Sunday; Monday 20 June is last week


def test_an_unsteady_pause_reads_as_a_pause_and_a_session_opens_in_place_of_the_list(
    qtbot: QtBot, history: History
) -> None:
    from neuroguide.store.history import connection_of
    from neuroguide.store.models import Stamp
    from neuroguide.store.writes import add_pause

    newest = history.sessions(Filter(None, None, None))[0]
    at = datetime(2024, 6, 30, 9, 17, tzinfo=ZONE)
    add_pause(connection_of(history), newest.id, "unsteady", Stamp.of(at), 0)
    screen = _screen(qtbot, history)
    # The session was resumed and finished: "stopped" would say otherwise.
    assert screen.detail.pauses.text() == "Pauses: paused at 09:17 feeling unsteady."
    assert not screen.detail_open and screen.list.isVisible()
    screen.list.clicked.emit(screen.model.index(0))
    assert screen.detail_open and screen.detail.isVisible() and not screen.list.isVisible()
    assert not screen.controls.isVisible()
    assert screen.handle_key(Qt.Key.Key_Escape) and not screen.detail_open  # back to the list
    with qtbot.waitSignal(screen.back_requested, timeout=1000):
        screen.handle_key(Qt.Key.Key_Escape)  # then home


def test_the_routine_filters_rows_are_as_tall_as_a_target(qtbot: QtBot, history: History) -> None:
    screen = _screen(qtbot, history, metrics=Metrics(large=True))
    combo = screen.routine
    assert combo.height() >= 64
    assert combo.view().sizeHintForRow(0) >= 64  # the rows of its list, once opened
