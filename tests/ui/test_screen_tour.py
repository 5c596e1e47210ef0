"""Issue 23, items 5 and 6: a tour of the screens a person must act on, in the five modes at
three window sizes. Nothing scrolls, nothing is cut, nothing lies outside the window, every
control is at least 44 px (64 in large mode) and its edge stands out at 3:1 or more.

One app per mode; the screens are filled with real words (the longest summary and seated
offer of the built-in routines) and shown in turn at each size.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from neuroguide.content.loader import Content
from neuroguide.core.clock import FakeClock
from neuroguide.core.library import format_duration
from neuroguide.core.seated import seated_version
from neuroguide.core.session import Session
from neuroguide.core.timeline import build_timeline
from neuroguide.paths import Paths
from neuroguide.present.metrics import Metrics
from neuroguide.present.phase_text import (
    planned_parts,
    summary_figures,
    summary_heading,
    summary_lines,
)
from neuroguide.settings import Settings, save_settings
from neuroguide.store.models import CheckIn, Moment
from neuroguide.ui.common.fitted_page import FittedPage, floor_factor
from neuroguide.ui.history.review_screen import ReviewScreen
from tests.store.seed import add_session
from tests.ui.conftest import GuiDriver, open_gui
from tests.ui.tour import inspect

MODES = {
    "normal": (False, 100, "light"),
    "large": (True, 100, "light"),
    "text200": (False, 200, "light"),
    "contrast": (False, 100, "high-contrast"),
    "large-text200-contrast": (True, 200, "high-contrast"),
}
SIZES = ((1366, 768), (1280, 720), (1920, 1080))


def _longest_summary(content: Content) -> tuple[str, str, str, list[str]]:
    routine = max(
        content.catalog.routines.values(), key=lambda r: len(planned_parts(build_timeline(r)))
    )
    session = Session(routine, FakeClock())
    session.start()
    while session.summary is None:
        session.next()
    summary = session.summary
    figures = summary_figures(
        summary,
        format_duration(summary.planned_seconds),
        format_duration(summary.active_seconds),
        format_duration(summary.elapsed_seconds),
    )
    lines = summary_lines(summary, content.library.exercises, planned_parts(session.timeline))
    return summary_heading(summary), routine.name, figures, lines


def _screens(driver: GuiDriver, content: Content) -> Iterator[tuple[str, QWidget]]:
    """Show each screen in turn; yields its name and widget once it is on show."""
    window, steps = driver.window, driver.flow.steps
    safety = steps.safety
    safety.set_routine("Calf and hamstring stretches")
    window.show_screen("safety")
    yield "safety", safety
    safety.ask_off()
    yield "safety-question", safety
    safety.keep_check()
    for moment in (Moment.BEFORE, Moment.AFTER):
        view = steps.checkin_view(moment)
        window.show_screen(f"checkin-{moment.value}")
        for name in view.question_names:
            view.show_question(name)
            yield f"checkin-{moment.value}-{name}", view
        view.show_question(0)
    summary = steps.summary_view
    summary.show_summary(*_longest_summary(content))
    window.show_screen("summary")
    yield "summary", summary
    summary.show_done()  # "What you did", in place of the result (in parts at large sizes)
    yield "summary-done", summary
    summary.show_part(summary.parts - 1)
    yield "summary-done-last", summary
    summary.show_result()
    offer = steps.seated_offer
    routines = content.catalog.routines.values()
    most = max(routines, key=lambda r: len(seated_version(r, content.library).swapped))
    offer.show_version(seated_version(most, content.library))
    window.show_screen("seated-offer")
    yield "seated-offer", offer
    offer.ask_wheelchair()  # asked once, the first time the seated version is offered
    yield "seated-offer-wheelchair", offer
    offer.show_version(seated_version(most, content.library))
    history = driver.gui.history_screen
    assert history is not None
    window.show_screen("history")
    review = history.review
    history.refresh()
    yield "history", review
    review.toggle_choices()  # with fewer controls: the presets, filter and reports instead
    yield "history-choices", review
    if review.choosing:
        review.toggle_choices()
    review.open_detail()
    yield "history-detail", review
    review.close_detail()


def _add_history(driver: GuiDriver) -> None:
    history = driver.gui.history
    assert history is not None
    now = datetime.now(UTC).astimezone()
    for days_ago in range(6):
        add_session(
            history,
            now - timedelta(days=days_ago, hours=1),
            routine_name="Calf and hamstring stretches",
            holds=12,
            outcome="stopped" if days_ago == 1 else "finished",
            before=CheckIn(Moment.BEFORE, pain=5, numbness=4, tingling=3, balance=6),
            after=CheckIn(Moment.AFTER, pain=3, numbness=4, tingling=2, balance=7),
        )


def _sessions_in_view(review: ReviewScreen) -> tuple[int, int]:
    """How many sessions show whole in the list, and the most lines one of them takes."""
    view = review.list
    line = view.fontMetrics().lineSpacing()
    whole, most = 0, 0
    for row in range(review.model.rowCount()):
        rect = view.visualRect(review.model.index(row))
        most = max(most, round(rect.height() / line))
        if rect.bottom() <= view.viewport().height():
            whole += 1
    return whole, most


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize("mode", list(MODES))
def test_nothing_a_person_acts_on_scrolls_is_cut_small_or_faint(
    qtbot: QtBot, app_paths: Paths, content: Content, mode: str
) -> None:
    large, scale, theme = MODES[mode]
    save_settings(
        Settings(large_buttons=large, text_scale=scale, theme=theme), app_paths.settings_file
    )
    driver = open_gui(qtbot, app_paths)
    _add_history(driver)
    target = 64 if large else 44
    problems: list[str] = []
    factors: dict[str, float] = {}
    screens = _screens(driver, content)
    for name, screen in screens:
        for width, height in SIZES:
            driver.window.resize(width, height)
            _settle()
            assert driver.window.size().toTuple() == (width, height)  # never forced larger
            image = driver.window.grab().toImage()
            where = f"{name} {width}x{height}"
            if isinstance(screen, ReviewScreen):  # the list scrolls, as lists do
                found = inspect(screen, target, image, (screen.list, screen.detail.items))
                if name == "history":  # ... and shows three sessions of three lines at most
                    whole, lines = _sessions_in_view(screen)
                    wanted = 3 if height >= 768 else 2
                    if whole < wanted or lines > 3:
                        problems.append(f"{where}: {whole} sessions in view, lines of {lines}")
                if screen.detail_open and screen.detail.items.horizontalScrollBar().maximum():
                    problems.append(f"{where}: the table scrolls sideways")
            else:
                found = inspect(screen, target, image)
            problems += [f"{where}: {p}" for p in found.problems()]
            if isinstance(screen, FittedPage):
                factors[f"{name} {width}x{height}"] = screen.text_factor
    assert not problems, "\n".join(problems)
    # The words stay large: at least the normal size where the person asked for more.
    wanted = min(scale / 100 * (1.6 if large else 1.0), 1.0)
    small = {key: f for key, f in factors.items() if f < wanted - 1e-9}
    assert not small, small
    # ... and at 1366 x 768 at least two thirds of what the person asked for (decision 0025):
    # pages show less at once (a second page, fewer controls) rather than shrink further.
    floor = floor_factor(Metrics(large=large, text_scale=scale))
    print(f"text factors, {mode} (asked {scale / 100 * (1.6 if large else 1.0):.1f}):", factors)
    shrunk = {key: f for key, f in factors.items() if "1366x768" in key and f < floor - 1e-9}
    assert not shrunk, f"under {floor}: {shrunk}"


def _other_screens(driver: GuiDriver) -> Iterator[tuple[str, QWidget]]:
    """Every other screen (these may scroll): home, settings, the editor's pages, keys."""
    window = driver.window
    window.show_screen("home")
    yield "home", driver.home.view
    driver.gui.settings.show()
    yield "settings", window.screen_widget("settings")
    driver.gui.editor.show()
    editor = driver.gui.editor.screen
    yield "editor-list", editor
    editor.duplicate("lower-leg-stretches")
    yield "editor-routine", editor
    editor.change_step(0)
    yield "editor-step", editor
    editor.show_picker()
    yield "editor-picker", editor
    editor.new_exercise()
    yield "editor-exercise", editor
    frame = driver.gui.frame
    frame.show_keys()
    assert frame.keys_dialog is not None
    yield "keys", frame.keys_dialog
    frame.keys_dialog.close()


@pytest.mark.parametrize("mode", list(MODES))
def test_no_other_screen_cuts_words_or_has_small_or_faint_controls(
    qtbot: QtBot, app_paths: Paths, mode: str
) -> None:
    large, scale, theme = MODES[mode]
    settings = Settings(large_buttons=large, text_scale=scale, theme=theme)
    save_settings(settings, app_paths.settings_file)
    driver = open_gui(qtbot, app_paths)
    driver.window.resize(1280, 720)
    _settle()
    target = 64 if large else 44
    problems: list[str] = []
    for name, screen in _other_screens(driver):
        _settle()
        found = inspect(screen, target, screen.window().grab().toImage(), lists=(screen,))
        found.outside = []  # these screens scroll: a part below the fold is fine
        problems += [f"{name}: {p}" for p in found.problems()]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("large", [False, True])
def test_file_choosers_are_large(qtbot: QtBot, app_paths: Paths, large: bool) -> None:
    from neuroguide.ui.common.file_chooser import file_dialog

    save_settings(Settings(large_buttons=large), app_paths.settings_file)
    driver = open_gui(qtbot, app_paths)
    dialog = file_dialog(
        driver.window, "Choose a picture", str(app_paths.data_dir), "Pictures (*.png)", save=False
    )
    qtbot.addWidget(dialog)
    dialog.show()
    _settle()
    room = dialog.screen().availableGeometry()
    assert dialog.width() >= room.width() * 0.85 and dialog.height() >= room.height() * 0.85
    found = inspect(dialog, 64 if large else 44, dialog.grab().toImage(), lists=(dialog,))
    found.outside = []
    assert not found.small and not found.cut, "\n".join(found.problems())
    dialog.close()


def test_reminders_and_the_report_dialog_fit_the_screen_whole(
    qtbot: QtBot, app_paths: Paths, tmp_path: Path
) -> None:
    from neuroguide.ui.history.report_folder import SavedDialog
    from neuroguide.ui.reminders.window import ReminderWindow

    metrics = Metrics(large=True, text_scale=200)
    save_settings(Settings(large_buttons=True, text_scale=200), app_paths.settings_file)
    parent = open_gui(qtbot, app_paths).window  # the app's look: large + 200 %
    reminder = ReminderWindow(metrics, parent)
    qtbot.addWidget(reminder)
    reminder.show_reminder(
        "Time for a stretch break",
        "Five minutes of gentle stretches keep your legs and feet moving.",
        "Calf and hamstring stretches",
        15,
    )
    folder = tmp_path / "a rather long folder name for the reports" / "Documents" / "NeuroGuide"
    dialog = SavedDialog(folder / "NeuroGuide report 2026-12-07.pdf", metrics, parent)
    qtbot.addWidget(dialog)
    dialog.show()
    for window in (reminder, dialog):
        _settle()
        room = window.screen().availableGeometry()
        assert window.width() <= room.width() and window.height() <= room.height()
        found = inspect(window, 64)
        assert not (found.cut or found.small or found.outside), found.problems()
