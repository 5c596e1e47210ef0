"""The History screen is layout: built and filled from plain values, with no history at all,
and what the person chooses leaves it as signals (issue 21)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from neuroguide.store.models import CheckIn, Moment, Stamp
from neuroguide.store.rows import ItemRow, PauseRow, SessionRow, Streak, WeekSymptoms
from neuroguide.ui.history.review_data import ChartsView, PeriodView, SessionView
from neuroguide.ui.history.review_screen import ReviewScreen
from tests.helpers.widgets import shown

ZONE = timezone(timedelta(hours=2))
PRESETS = ("This week", "Last 4 weeks", "Last 3 months", "Last year", "Everything")


def _row(session_id: int, day: int) -> SessionRow:
    started = Stamp.of(datetime(2024, 6, day, 9, 15, tzinfo=ZONE))
    ended = Stamp.of(datetime(2024, 6, day, 9, 25, tzinfo=ZONE))
    return SessionRow(session_id, "seated", "Seated", started, ended, 600_000, 600_000,
                      "finished", 20, 0)  # fmt: skip


ROWS = [_row(7, 30), _row(6, 29)]
BEFORE, AFTER = CheckIn(Moment.BEFORE, pain=6), CheckIn(Moment.AFTER, pain=4)
CHECKINS = {7: {Moment.BEFORE: BEFORE, Moment.AFTER: AFTER}}


def _charts() -> ChartsView:
    ratings = {"pain": 6.0, "numbness": None, "tingling": None, "balance": None}
    return ChartsView(
        weeks=[(date(2024, 6, 17), 0.0), (date(2024, 6, 24), 20.0)],
        goal=150,
        active_days=[date(2024, 6, 29), date(2024, 6, 30)],
        streak=Streak(current=2, longest=5, active_days=2),
        today=date(2024, 6, 30),
        symptoms=[WeekSymptoms(date(2024, 6, 24), ratings, ratings)],
    )


def _screen(qtbot: QtBot) -> ReviewScreen:
    screen = ReviewScreen(presets=PRESETS, exercise_names={"calf-stretch": "Calf stretch"})
    return shown(qtbot, screen, 1280, 900)


def test_the_screen_is_filled_from_plain_values_without_a_history(qtbot: QtBot) -> None:
    screen = _screen(qtbot)
    asked: list[int] = []

    def checkins_of(session_id: int) -> Mapping[Moment, CheckIn]:
        asked.append(session_id)
        return CHECKINS.get(session_id, {})

    chosen: list[int] = []
    screen.session_chosen.connect(chosen.append)
    assert screen.show_routines([("seated", "Seated")]) is None  # "All routines"
    screen.show_period(PeriodView("24 to 30 Jun 2024", 0, earlier=True, later=False))
    screen.show_charts(_charts())
    screen.show_sessions(ROWS, checkins_of)

    assert screen.period_label.text() == "24 to 30 Jun 2024"
    assert screen.range_buttons.checkedId() == 0
    assert screen.earlier_button.isEnabled() and not screen.later_button.isEnabled()
    lines = [str(screen.model.data(screen.model.index(row))) for row in range(2)]
    assert lines[0].startswith("Sun 30 Jun 2024, 09:15 · Seated")
    assert "pain 6 → 4" in lines[0] and not screen.empty.isVisible()
    assert set(asked) == {7, 6}  # asked for as the lines were shown
    assert chosen == [7]  # the newest opens: the controller is asked for its detail
    assert screen.charts.minutes_table.item(0, 1).text() == "20"
    assert screen.charts.streak_table.item(1, 1).text() == "5"
    assert screen.charts.symptom_table.item(0, 1).text() == "6.0"

    pause = PauseRow("unsteady", Stamp.of(datetime(2024, 6, 30, 9, 17, tzinfo=ZONE)), 0)
    item = ItemRow(1, "calf-stretch", "left", 1, 30_000, 0, 30_000, None, None, "completed")
    screen.show_session(SessionView(ROWS[0], CHECKINS[7], [pause], [item]))
    assert screen.detail.heading.text() == "Seated, Sun 30 Jun 2024 09:15–09:25"
    assert screen.detail.before.text() == "Before: pain 6."
    assert screen.detail.pauses.text() == "Pauses: paused at 09:17 feeling unsteady."
    assert screen.detail.items.item(0, 0).text() == "Calf stretch"

    screen.show_sessions([], checkins_of)
    assert screen.empty.isVisible() and screen.model.rowCount() == 0
    assert screen.detail.items.rowCount() == 0  # the detail is emptied too
    screen.show_problem("The history is busy.")
    assert screen.empty.text() == "The history is busy."


def test_what_the_person_chooses_leaves_as_signals(qtbot: QtBot) -> None:
    screen = _screen(qtbot)
    screen.show_routines([("seated", "Seated")])
    screen.show_period(PeriodView("Sun 30 Jun 2024", 0, earlier=True, later=False))
    presets: list[int] = []
    shifts: list[int] = []
    routines: list[str | None] = []
    screen.preset_chosen.connect(presets.append)
    screen.shift_requested.connect(shifts.append)
    screen.routine_chosen.connect(routines.append)

    qtbot.mouseClick(screen.range_buttons.button(4), Qt.MouseButton.LeftButton)
    assert presets == [4] and screen.range_buttons.checkedId() == 4
    screen.earlier_button.click()
    assert screen.handle_key(Qt.Key.Key_Left) and screen.handle_key(Qt.Key.Key_Right)
    assert shifts == [-1, -1]  # "Later" is not allowed: nothing asked
    screen.routine.setCurrentIndex(screen.routine.findData("seated"))
    screen.routine.setCurrentIndex(0)
    assert routines == ["seated", None]
    # A refill keeps the routine chosen, and says nothing: the choice is not new.
    screen.routine.setCurrentIndex(1)
    assert screen.show_routines([("walk", "Walk"), ("seated", "Seated")]) == "seated"
    assert screen.show_routines([("walk", "Walk")]) is None and routines == [
        "seated",
        None,
        "seated",
    ]
