"""The summary (issue 23, decision 0025): the result and "Back to home" first, at the person's
text size; what was done on a page of its own, in top-aligned columns, in parts if need be."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.fitted_page import floor_factor, role_size
from neuroguide.ui.session.summary_view import SummaryView

LINES = [
    "Arm circles: 1 of 1 done (completed)",
    "Leg swings, left leg: 1 of 1 set done (completed)",
    "Leg swings, right leg: 1 of 1 set done (completed)",
    *[f"Calf stretch {n}, left leg: 3 of 3 holds done (completed)" for n in range(6)],
    *[f"Seated hamstring stretch {n}, right leg: 3 of 3 holds done (completed)" for n in range(6)],
]


def _summary(qtbot: QtBot, metrics: Metrics) -> SummaryView:
    view = SummaryView(metrics)
    qtbot.addWidget(view)
    view.setFixedSize(1366, 660)  # what a 1366 x 768 window leaves under the app's header
    with qtbot.waitExposed(view):
        view.show()
    view.show_summary(
        "All done. Well done!",
        "Calf and hamstring stretches",
        "Took 6 min 25 s of the 6 min 25 s planned; active for 4 min 30 s. 15 parts done.",
        LINES,
    )
    qtbot.wait(10)
    return view


def test_the_result_comes_first_and_large(qtbot: QtBot) -> None:
    metrics = Metrics(large=True, text_scale=200)
    view = _summary(qtbot, metrics)
    assert view.home_button.isVisible() and view.figures.isVisible()
    assert not view.items.isVisible()  # the list waits behind "What you did"
    assert view.text_factor >= floor_factor(metrics)  # 2.13 of 3.2 at least; it was 1.2


def test_what_was_done_opens_in_place_and_esc_goes_back(qtbot: QtBot) -> None:
    view = _summary(qtbot, Metrics())
    view.done_button.click()
    assert view.showing_done and view.items.isVisible() and view.more_items.isVisible()
    assert not view.figures.isVisible() and view.home_button.isVisible()
    assert view.parts == 1 and not view.next_part_button.isVisible()
    assert "Arm circles" in view.items.text() and "right leg" in view.more_items.text()
    assert view.handle_key(Qt.Key.Key_Escape) and not view.showing_done
    assert not view.handle_key(Qt.Key.Key_Escape)  # on the result, Esc is the flow's: home


def test_the_columns_start_at_their_top_left(qtbot: QtBot) -> None:
    view = _summary(qtbot, Metrics())
    view.done_button.click()
    qtbot.wait(10)
    for column in (view.items, view.more_items):
        assert column.alignment() & Qt.AlignmentFlag.AlignTop
        assert column.alignment() & Qt.AlignmentFlag.AlignLeft
    assert view.items.y() == view.more_items.y()


def test_a_long_list_comes_in_parts_at_large_sizes(qtbot: QtBot) -> None:
    metrics = Metrics(large=True, text_scale=200)
    view = _summary(qtbot, metrics)
    view.done_button.click()
    qtbot.wait(10)
    assert view.parts > 1 and view.text_factor >= floor_factor(metrics)
    assert view.done_heading.text() == f"What you did, part 1 of {view.parts}"
    assert not view.previous_part_button.isEnabled() and view.next_part_button.isEnabled()
    seen = view.items.text() + view.more_items.text()
    parts = view.parts
    while view.next_part_button.isEnabled():
        assert view.handle_key(Qt.Key.Key_Right)
        qtbot.wait(10)
        seen += view.items.text() + view.more_items.text()
        assert view.parts == parts  # one cut for the whole list
    assert all(line in seen for line in LINES)  # every line in one part or another


def test_titles_stand_out_by_less_at_large_sizes() -> None:
    assert role_size(2.0, 1.0) == 2.0 and role_size(2.0, 1.6) == 2.0
    assert role_size(2.0, 3.2) == 1.5 and role_size(1.0, 3.2) == 1.0
