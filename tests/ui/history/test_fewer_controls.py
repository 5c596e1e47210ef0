"""History at large sizes (issue 23, decision 0025): where all its controls would shrink the
words under two thirds of the person's size, the presets, the routine filter, the charts and
the reports wait behind "More choices", and three sessions still show."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from neuroguide.present.metrics import Metrics
from neuroguide.present.review_text import period_text
from neuroguide.store.history import History
from neuroguide.store.models import CheckIn, Moment
from neuroguide.ui.common.fitted_page import floor_factor
from neuroguide.ui.history.review_controller import review_for
from neuroguide.ui.history.review_screen import ReviewScreen
from tests.helpers.widgets import shown
from tests.store.seed import add_session

TODAY = date(2024, 6, 30)
ZONE = timezone(timedelta(hours=2))


@pytest.fixture
def history() -> Iterator[History]:
    history = History.in_memory()
    for days_ago in range(5):
        day = TODAY - timedelta(days=days_ago)
        add_session(
            history,
            datetime(day.year, day.month, day.day, 9, 15, tzinfo=ZONE),
            routine_name="Calf and hamstring stretches",
            holds=12,
            before=CheckIn(Moment.BEFORE, pain=5, numbness=4, tingling=3, balance=6),
            after=CheckIn(Moment.AFTER, pain=3, numbness=4, tingling=2, balance=7),
        )
    yield history
    history.close()


def _screen(qtbot: QtBot, history: History, metrics: Metrics) -> ReviewScreen:
    screen = review_for(history, today=lambda: TODAY, metrics=metrics).screen
    shown(qtbot, screen, 1366, 660)  # what a 1366 x 768 window leaves under the app's header
    qtbot.waitUntil(lambda: screen.text_factor < metrics.text_factor or screen.fewer_controls)
    return screen


def test_large_text_hides_the_choices_rather_than_shrinking_the_words(
    qtbot: QtBot, history: History
) -> None:
    metrics = Metrics(large=True, text_scale=200)
    screen = _screen(qtbot, history, metrics)
    assert screen.fewer_controls and screen.choices_button.isVisible()
    assert screen.text_factor >= floor_factor(metrics)  # 2.13 of 3.2; it was 1.2
    assert not screen.range_buttons.button(0).isVisible() and screen.list.isVisible()
    assert screen.earlier_button.isVisible()  # the period stays at hand

    screen.choices_button.click()  # the choices take the list's place
    assert screen.choosing and screen.range_buttons.button(0).isVisible()
    assert not screen.list.isVisible() and screen.charts_button.isVisible()
    screen.range_buttons.button(4).click()  # "Everything": chosen, back to the sessions
    assert not screen.choosing and screen.list.isVisible()
    assert screen.model.rowCount() == 5

    screen.choices_button.click()
    assert screen.handle_key(Qt.Key.Key_Escape) and not screen.choosing  # Esc closes them
    assert screen.list.isVisible()


def test_normal_text_keeps_every_control_on_show(qtbot: QtBot, history: History) -> None:
    screen = review_for(history, today=lambda: TODAY, metrics=Metrics()).screen
    shown(qtbot, screen, 1366, 660)
    assert not screen.fewer_controls and not screen.choices_button.isVisible()
    assert screen.range_buttons.button(0).isVisible() and screen.text_factor == 1.0
    screen.toggle_choices()  # nothing to open: every choice is on show already
    assert not screen.choosing and screen.list.isVisible()


def test_a_session_opens_with_back_to_the_list_in_the_titles_place(
    qtbot: QtBot, history: History
) -> None:
    screen = _screen(qtbot, history, Metrics(large=True, text_scale=200))
    screen.open_detail()
    assert screen.list_button.isVisible() and not screen.title.isVisible()
    assert not screen.choices_button.isVisible()
    screen.list_button.click()
    assert screen.title.isVisible() and not screen.list_button.isVisible()


def test_a_period_reads_in_few_words() -> None:
    assert period_text(date(2026, 9, 8), date(2026, 12, 7)) == "8 Sep to 7 Dec 2026"
    assert period_text(date(2025, 12, 8), date(2026, 1, 7)) == "8 Dec 2025 to 7 Jan 2026"
    assert period_text(date(2026, 12, 7), date(2026, 12, 7)) == "Mon 7 Dec 2026"
