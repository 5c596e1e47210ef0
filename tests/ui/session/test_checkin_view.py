"""The check-in: big 0-10 buttons, optional answers and a one-press skip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSlider
from pytestqt.qtbot import QtBot

from neuroguide.present.metrics import Metrics
from neuroguide.store.models import CheckIn, Feel, Moment, Where
from neuroguide.ui.session.checkin_view import CheckInWidget
from tests.helpers.widgets import shown


def _show(qtbot: QtBot, widget: CheckInWidget) -> CheckInWidget:
    return shown(qtbot, widget, 1024, 768)


def test_each_symptom_has_eleven_buttons_and_there_is_no_slider(qtbot: QtBot) -> None:
    widget = _show(qtbot, CheckInWidget(Moment.BEFORE))
    assert set(widget.scales) == {"pain", "numbness", "tingling", "balance"}
    for group in widget.scales.values():
        assert [button.text() for button in group.buttons()] == [str(n) for n in range(11)]
    assert widget.findChildren(QSlider) == []


def test_pressed_answers_become_the_check_in(qtbot: QtBot) -> None:
    widget = _show(qtbot, CheckInWidget(Moment.AFTER))
    qtbot.mouseClick(widget.scales["pain"].button(6), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.scales["pain"].button(4), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.scales["balance"].button(0), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.where.button(2), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.feel.button(0), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(widget.note, "  legs warm  ")
    with qtbot.waitSignal(widget.answered, timeout=5000) as signal:
        qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    assert signal.args == [
        CheckIn(
            Moment.AFTER, pain=4, balance=0, where=Where.BOTH, feel=Feel.TOO_EASY, note="legs warm"
        )
    ]


def test_skip_is_one_press_and_answers_nothing(qtbot: QtBot) -> None:
    widget = _show(qtbot, CheckInWidget(Moment.BEFORE))
    with (
        qtbot.waitSignal(widget.skipped, timeout=5000),
        qtbot.assertNotEmitted(widget.answered),
    ):
        qtbot.mouseClick(widget.skip_button, Qt.MouseButton.LeftButton)


def test_before_check_in_does_not_ask_how_the_session_felt(qtbot: QtBot) -> None:
    widget = _show(qtbot, CheckInWidget(Moment.BEFORE))
    assert widget.feel.buttons() == []
    assert widget.checkin().is_empty


def test_clear_forgets_every_answer(qtbot: QtBot) -> None:
    widget = _show(qtbot, CheckInWidget(Moment.AFTER))
    widget.scales["pain"].button(3).click()
    widget.where.button(0).click()
    widget.note.setText("x")
    widget.clear()
    assert widget.checkin() == CheckIn(Moment.AFTER)


def test_large_button_mode_makes_every_target_at_least_64_pixels(qtbot: QtBot) -> None:
    widget = _show(qtbot, CheckInWidget(Moment.AFTER, Metrics(large=True)))
    qtbot.waitUntil(lambda: widget.scales["pain"].button(10).isVisible(), timeout=5000)
    for button in widget.buttons():
        assert button.width() >= 64 and button.height() >= 64, button.accessibleName()
