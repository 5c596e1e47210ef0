"""The History screen's controller: it reads a real history for the period it works out, and
fills the screen (issue 21: the screen reads nothing itself)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from neuroguide.core.periods import EVERYTHING, THIS_WEEK, Period
from neuroguide.store.database import HistoryError
from neuroguide.store.history import History
from neuroguide.store.models import CheckIn, Filter, Moment
from neuroguide.ui.history.review_controller import ReviewController, review_for
from tests.helpers.review_history import TODAY, review_history


@pytest.fixture
def history() -> Iterator[History]:
    history = review_history(holds=4)
    yield history
    history.close()


@pytest.fixture
def reads(qtbot: QtBot, history: History) -> ReviewController:
    reads = review_for(history, today=lambda: TODAY, exercise_names={"calf-stretch": "Calf"})
    qtbot.addWidget(reads.screen)
    return reads


def test_it_opens_on_the_last_three_months_with_the_newest_session(
    reads: ReviewController,
) -> None:
    assert reads.period == Period(date(2024, 4, 1), TODAY)
    assert reads.current_filter() == Filter(date(2024, 4, 1), TODAY, None)
    screen = reads.screen
    assert screen.period_label.text() == "1 Apr to 30 Jun 2024"
    assert screen.model.rowCount() == 4
    assert screen.detail.items.rowCount() == 4 and screen.detail.items.item(0, 0).text() == "Calf"
    assert screen.detail.before.text() == "Before: pain 6."
    routines = [screen.routine.itemText(row) for row in range(screen.routine.count())]
    assert routines == ["All routines", "Seated", "Stretch break"]


def test_presets_and_moves_are_worked_out_from_today(reads: ReviewController) -> None:
    screen = reads.screen
    screen.choose_range(EVERYTHING)
    assert reads.period == Period(TODAY - timedelta(days=200), TODAY)
    assert screen.model.rowCount() == 5 and not screen.earlier_button.isEnabled()
    reads.shift(-1)  # "Everything" has nothing before it
    assert reads.period.first == TODAY - timedelta(days=200)

    screen.choose_range(THIS_WEEK)
    assert reads.period == Period(date(2024, 6, 24), TODAY)
    reads.shift(1)  # nothing after today
    assert reads.period.last == TODAY and not screen.later_button.isEnabled()
    screen.earlier_button.click()
    assert reads.period == Period(date(2024, 6, 17), date(2024, 6, 23))
    assert screen.model.rowCount() == 1 and screen.later_button.isEnabled()
    assert screen.period_label.text() == "17 Jun to 23 Jun 2024"
    screen.later_button.click()
    assert reads.period == Period(date(2024, 6, 24), TODAY)


def test_the_routine_filter_and_the_charts_are_read_for_the_period(
    reads: ReviewController,
) -> None:
    screen = reads.screen
    screen.routine.setCurrentIndex(screen.routine.findData("seated"))
    assert reads.routine_id == "seated" and screen.model.rowCount() == 1
    charts = reads.charts(Filter(date(2024, 6, 24), TODAY, None))
    assert [minutes for _week, minutes in charts.weeks] == [6.0]  # 3 sessions of 2 minutes
    assert charts.streak.current == 3 and len(charts.active_days) == 3
    assert charts.goal == 150 and charts.today == TODAY


def test_a_session_is_read_into_the_detail_when_chosen(reads: ReviewController) -> None:
    screen = reads.screen
    second = screen.model.session(1)
    screen.list.setCurrentIndex(screen.model.index(1))
    assert f"{day_words(second.started.local.date())}" in screen.detail.heading.text()
    assert dict(reads.checkins_of(second.id)) == {Moment.BEFORE: CheckIn(Moment.BEFORE, pain=6)}


def day_words(day: date) -> str:
    return day.strftime("%a %-d %b %Y")


def test_a_history_that_cannot_be_read_says_so_on_the_screen(
    reads: ReviewController, history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(*_args: object) -> object:
        raise HistoryError("Another program is using your history just now.")

    for read in ("sessions", "routines_used", "day_range", "pauses"):
        monkeypatch.setattr(history, read, busy)
    reads.reload_routines()  # only "All routines" then
    assert reads.screen.routine.count() == 1 and reads.routine_id is None
    reads.refresh()
    assert not reads.screen.empty.isHidden()
    assert reads.screen.empty.text() == "Another program is using your history just now."
    assert reads.screen.model.rowCount() == 0
    reads.screen.choose_range(EVERYTHING)  # no first day known: from today
    assert reads.period == Period(TODAY, TODAY)
    monkeypatch.undo()
    reads.refresh()
    first = reads.screen.model.session(0)
    monkeypatch.setattr(history, "pauses", busy)
    reads.open_session(first.id)
    assert reads.screen.detail.heading.text() == "Another program is using your history just now."
