"""Issue 23, items 5 and 6: a tour of the screens a person must act on, in the five modes at
three window sizes. Nothing scrolls, nothing is cut, nothing lies outside the window, every
control is at least 44 px (64 in large mode) and its edge stands out at 3:1 or more.

One app per mode; the screens are filled with real words (the longest summary and seated
offer of the built-in routines) and shown in turn at each size.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from neuroguide.content import Content
from neuroguide.core.clock import FakeClock
from neuroguide.core.library import format_duration
from neuroguide.core.seated import seated_version
from neuroguide.core.session import Session
from neuroguide.core.timeline import build_timeline
from neuroguide.paths import Paths
from neuroguide.present.phase_text import (
    planned_parts,
    summary_figures,
    summary_heading,
    summary_lines,
)
from neuroguide.settings import Settings, save_settings
from neuroguide.store.models import Moment
from neuroguide.ui.common.fit import FittedPage
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
        summary, format_duration(summary.planned_seconds), format_duration(summary.active_seconds)
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
    offer = steps.seated_offer
    routines = content.catalog.routines.values()
    most = max(routines, key=lambda r: len(seated_version(r, content.library).swapped))
    offer.show_version(seated_version(most, content.library))
    window.show_screen("seated-offer")
    yield "seated-offer", offer


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
    target = 64 if large else 44
    problems: list[str] = []
    factors: dict[str, float] = {}
    screens = _screens(driver, content)
    for name, screen in screens:
        for width, height in SIZES:
            driver.window.resize(width, height)
            _settle()
            found = inspect(screen, target, driver.window.grab().toImage())
            problems += [f"{name} {width}x{height}: {p}" for p in found.problems()]
            if isinstance(screen, FittedPage):
                factors[f"{name} {width}x{height}"] = screen.text_factor
    assert not problems, "\n".join(problems)
    # The words stay large: at least the normal size where the person asked for more.
    wanted = min(scale / 100 * (1.6 if large else 1.0), 1.0)
    small = {key: f for key, f in factors.items() if f < wanted - 1e-9}
    assert not small, small
