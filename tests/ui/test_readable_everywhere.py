"""Issue 14's other mends: keys list fits, check-in gaps, home reach, history without fine
pointing, the report folder and notes, contrast computed from the theme colours."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from neuroguide.core.periods import PRESET_NAMES
from neuroguide.paths import Paths
from neuroguide.present.metrics import Metrics
from neuroguide.settings import Settings, save_settings
from neuroguide.store.history import History
from neuroguide.store.models import CheckIn, Filter, Moment
from neuroguide.ui.history.report_folder import report_path, save_report
from neuroguide.ui.history.review_controller import review_for
from neuroguide.ui.reports.clinician_report import note_lines
from neuroguide.ui.session.checkin_view import CheckInWidget
from neuroguide.ui.shell.keys_dialog import KeysDialog
from neuroguide.ui.shell.theme import EDGE_PAIRS, TEXT_PAIRS, THEMES, contrast_ratio
from tests.helpers.keys import press_key
from tests.store.seed import add_session
from tests.ui.conftest import open_gui

MODES = [(False, 100), (True, 100), (False, 200), (True, 200)]


def in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


@pytest.mark.parametrize(("large", "scale"), MODES)
def test_the_keys_list_fits_a_768_pixel_screen(qtbot: QtBot, large: bool, scale: int) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(1366, 768)
    dialog = KeysDialog(Metrics(large=large, text_scale=scale), parent)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert dialog.height() <= 768 - 40
    bottom = dialog.close_button.mapTo(dialog, QPoint(0, dialog.close_button.height())).y()
    assert bottom <= dialog.height()
    assert dialog.text_factor >= 1.0  # still larger than the smallest desktop text


@pytest.mark.parametrize("large", [False, True])
def test_check_in_buttons_are_far_enough_apart(qtbot: QtBot, large: bool) -> None:
    metrics = Metrics(large=large)
    widget = CheckInWidget(Moment.BEFORE, metrics)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    QApplication.processEvents()
    group = widget.scales["pain"]
    first, second = group.button(0), group.button(1)
    gap = in_window(second).left() - in_window(first).right() - 1
    assert gap >= (24 if large else 16)


@pytest.mark.parametrize(("large", "scale"), MODES)
def test_text_size_and_settings_are_reachable_without_scrolling(
    qtbot: QtBot, app_paths: Paths, large: bool, scale: int
) -> None:
    save_settings(Settings(text_scale=scale, large_buttons=large), app_paths.settings_file)
    driver = open_gui(qtbot, app_paths)
    driver.window.resize(1366, 768)
    QApplication.processEvents()
    home = driver.home.view
    for button in (home.text_size_button, home.settings_button, home.theme_button):
        assert button.isVisible()
        assert driver.window.rect().contains(in_window(button)), button.text()
        assert home.scroll_area.widget() is not None
        assert not home.scroll_area.widget().isAncestorOf(button)  # not in the scrolling part


def test_disabled_buttons_look_disabled() -> None:
    from neuroguide.ui.shell.theme import style_sheet

    for theme in THEMES.values():
        sheet = style_sheet(theme, Metrics())
        assert "QPushButton:disabled" in sheet and theme.disabled_text in sheet
        enabled = contrast_ratio(theme.colours["button_text"], theme.colours["button"])
        disabled = contrast_ratio(theme.disabled_text, theme.colours["window"])
        assert disabled < enabled / 1.5  # plainly fainter than anything usable


@pytest.mark.parametrize("name", sorted(THEMES))
def test_contrast_everywhere_and_seven_to_one_in_high_contrast(name: str) -> None:
    theme = THEMES[name]
    least = 7.0 if name == "high-contrast" else 4.5
    pairs = [(theme.colours[a], theme.colours[b]) for a, b in TEXT_PAIRS]
    pairs += [(c.band_text, c.band) for c in theme.phases.values()]
    pairs += [(theme.danger_text, theme.danger)]
    for foreground, background in pairs:
        assert contrast_ratio(foreground, background) >= least, (foreground, background)
    for colours in theme.phases.values():  # the ring against the window: 3:1 for graphics
        assert contrast_ratio(colours.ring, theme.colours["window"]) >= 3.0
    for edge, ground in EDGE_PAIRS:  # control edges and scroll-bar thumbs: 3:1 (WCAG 1.4.11)
        ratio = contrast_ratio(theme.colours[edge], theme.colours[ground])
        assert ratio >= 3.0, (name, edge, ground, ratio)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_fields_lists_and_scroll_bars_draw_their_edges_in_the_edge_colour(name: str) -> None:
    from neuroguide.ui.shell.theme import style_sheet

    sheet = style_sheet(THEMES[name], Metrics())
    for rule in ("QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractItemView {",
                 "QScrollBar:vertical {", "QScrollBar::handle:vertical {"):  # fmt: skip
        assert rule in sheet
        body = sheet.split(rule, 1)[1].split("}", 1)[0]
        assert "palette(mid)" in body, rule


# ------------------------------------------------------------------ history

TODAY = date(2024, 6, 30)  # a Sunday
ZONE = timezone(timedelta(hours=2))


@pytest.fixture
def history() -> Iterator[History]:
    history = History.in_memory()
    for days_ago in (0, 3, 40):
        day = TODAY - timedelta(days=days_ago)
        add_session(
            history,
            datetime(day.year, day.month, day.day, 9, 15, tzinfo=ZONE),
            before=CheckIn(Moment.BEFORE, pain=5, note="calves tight" if days_ago == 3 else ""),
            after=CheckIn(Moment.AFTER, pain=3),
        )
    yield history
    history.close()


@pytest.mark.parametrize(("large", "scale"), MODES)
def test_history_periods_move_with_big_buttons_and_escape_goes_back(
    qtbot: QtBot, history: History, large: bool, scale: int
) -> None:
    metrics = Metrics(large=large, text_scale=scale)
    reads = review_for(history, today=lambda: TODAY, metrics=metrics)
    screen = reads.screen
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    texts = [button.text() for button in screen.range_buttons.buttons()]
    assert (
        list(PRESET_NAMES)
        == texts
        == ["This week", "Last 4 weeks", "Last 3 months", "Last year", "Everything"]
    )
    least = 64 if large else 44
    for button in (screen.earlier_button, screen.later_button, screen.back_button):
        assert button.width() >= least and button.height() >= least
        assert button.accessibleName()
    screen.choose_range(0)
    assert reads.period.first == date(2024, 6, 24) and reads.period.last == TODAY  # Monday on
    assert not screen.later_button.isEnabled()
    screen.choose_range(1)
    screen.earlier_button.click()
    assert reads.period.last == TODAY - timedelta(days=28)
    assert screen.later_button.isEnabled()
    assert screen.list.wordWrap()
    seen: list[bool] = []
    screen.back_requested.connect(lambda: seen.append(True))
    assert screen.handle_key(Qt.Key.Key_Escape) and seen


def test_the_report_carries_the_check_in_notes(history: History) -> None:
    lines = note_lines(history, Filter(TODAY - timedelta(days=30), TODAY, None))
    assert lines == ["Thu 27 Jun 2024, Stretch break. Before: calves tight"]


def test_save_report_writes_to_the_named_folder_and_offers_to_open_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    folder = tmp_path / "Documents" / "NeuroGuide"
    written: list[Path] = []

    def write(path: Path) -> None:
        path.write_bytes(b"%PDF-1.4")
        written.append(path)

    dialog = save_report(
        folder, write, today=TODAY, metrics=Metrics(), parent=parent, tell=lambda *_: None
    )
    assert dialog is not None and written == [folder / "NeuroGuide report 2024-06-30.pdf"]
    assert dialog.open_button.text() == "Open folder" and dialog.path == written[0]
    assert report_path(folder, TODAY).name == "NeuroGuide report 2024-06-30 (2).pdf"
    dialog.close()


def test_reports_go_to_the_data_folder_when_the_data_folder_is_chosen(tmp_path: Path) -> None:
    paths = Paths(tmp_path, tmp_path, tmp_path)
    assert paths.reports_dir == tmp_path / "reports"  # never a real home in tests


def test_save_report_says_so_when_the_folder_cannot_be_written(
    qtbot: QtBot, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    blocker = tmp_path / "file"
    blocker.write_text("")
    told: list[str] = []
    dialog = save_report(
        blocker / "NeuroGuide",
        lambda path: None,
        today=TODAY,
        metrics=Metrics(),
        parent=parent,
        tell=lambda title, text: told.append(title),
    )
    assert dialog is None and told == ["Not saved"]


def test_every_visible_button_names_itself(qtbot: QtBot, app_paths: Paths) -> None:
    driver = open_gui(qtbot, app_paths)
    for button in driver.window.findChildren(QAbstractButton):
        if button.isVisible():
            assert button.accessibleName(), button.text()


def test_escape_leaves_the_history_and_its_back_button_has_the_focus(
    qtbot: QtBot, app_paths: Paths
) -> None:
    driver = open_gui(qtbot, app_paths)
    assert driver.window.has_screen("history")
    driver.home.view.history_button.click()
    assert driver.window.current_screen == "history"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not driver.window, timeout=2000)
    focused = QApplication.focusWidget()
    assert focused is not None and focused.accessibleName() == "Back to the home screen"
    press_key(driver.window, Qt.Key.Key_Escape)
    assert driver.window.current_screen == "home"


def test_chart_colours_reach_four_and_a_half_to_one_on_their_backgrounds() -> None:
    from neuroguide.ui.common.charts import PAPER

    for colour in (PAPER.text, PAPER.bar, PAPER.goal, PAPER.before, PAPER.after):
        assert contrast_ratio(colour.name(), PAPER.background.name()) >= 4.5, colour.name()
    for dark_theme_colour in ("#ffb067", "#d6a8ff", "#7ee2a8"):  # on dark and black windows
        assert contrast_ratio(dark_theme_colour, THEMES["dark"].colours["base"]) >= 4.5
        assert contrast_ratio(dark_theme_colour, THEMES["high-contrast"].colours["base"]) >= 7
