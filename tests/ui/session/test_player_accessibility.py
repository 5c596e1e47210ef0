"""Walk every screen in both modes: target sizes, spacing, names, text that fits, contrast."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QLabel, QSlider, QWidget
from pytestqt.qtbot import QtBot

from neuroguide.core.timeline import PhaseKind
from neuroguide.paths import Paths
from neuroguide.settings import Settings, save_settings
from neuroguide.ui.shell.theme import TEXT_PAIRS, THEMES, contrast_ratio
from tests.ui.conftest import GuiDriver, open_gui

MIN_GAP = 16


def window_rect(widget: QWidget) -> QRect:
    top_left = widget.mapTo(widget.window(), QPoint(0, 0))
    return QRect(top_left, widget.size())


def gap(a: QRect, b: QRect) -> int:
    dx = max(b.left() - a.right() - 1, a.left() - b.right() - 1, 0)
    dy = max(b.top() - a.bottom() - 1, a.top() - b.bottom() - 1, 0)
    return max(dx, dy)


def visible_buttons(window: QWidget) -> list[QAbstractButton]:
    return [b for b in window.findChildren(QAbstractButton) if b.isVisible()]


def on_screen(button: QWidget) -> QRect:
    """The part of ``button`` a person can see (scroll areas clip), in window coordinates."""
    seen = button.visibleRegion().boundingRect()
    return QRect(button.mapTo(button.window(), seen.topLeft()), seen.size())


def check_screen(driver: GuiDriver, where: str, *, judge_visible_part: bool = False) -> None:
    """Sizes, spacing, names, text that fits, and no sliders or check boxes.

    ``judge_visible_part`` is for screens that scroll under a fixed row of buttons: a button
    scrolled out of view may sit "under" that row, so only what a person sees is judged.
    """
    QApplication.processEvents()
    target = driver.flow.ctx.metrics.target
    buttons = visible_buttons(driver.window)
    rect = window_rect
    if judge_visible_part:
        buttons = [b for b in buttons if not on_screen(b).isEmpty()]
        rect = on_screen
    assert len(buttons) >= 2, where  # at least the screen's own two (the player hides the header)
    for button in buttons:
        label = f"{where}: {button.text()!r}"
        assert button.accessibleName(), label
        assert button.accessibleDescription(), label
        assert button.width() >= target and button.height() >= target, label
        assert button.width() >= button.minimumSizeHint().width(), f"{label} text cut off"
    for index, first in enumerate(buttons):
        for second in buttons[index + 1 :]:
            distance = gap(rect(first), rect(second))
            assert distance >= MIN_GAP, f"{where}: {first.text()!r} and {second.text()!r}"
    for label in driver.window.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed - 1, f"{where}: {label.text()!r} cut off"
        else:
            assert label.width() >= label.sizeHint().width() - 1, f"{where}: {label.text()!r}"
    assert not driver.window.findChildren(QSlider) and not driver.window.findChildren(QCheckBox)


def screens(driver: GuiDriver) -> list[tuple[str, Callable[[], None]]]:
    flow = driver.flow

    def player_at(kind: PhaseKind) -> Callable[[], None]:
        def go() -> None:
            for _ in range(600):
                if flow.controller is not None and flow.controller.session.phase.kind is kind:
                    return
                driver.advance(1)

        return go

    return [
        ("home", lambda: None),
        ("safety", lambda: flow.start_routine("lower-leg-stretches")),
        ("player get ready", flow.safety.ready_button.click),
        ("player reps", player_at(PhaseKind.REPS)),
        ("player hold", player_at(PhaseKind.HOLD)),
        ("player rest", player_at(PhaseKind.REST)),
        ("player switch sides", player_at(PhaseKind.SWITCH_SIDES)),
        ("player unsteady", flow.player.unsteady_button.click),
        ("player confirm", flow.player.end_button.click),
        ("summary", flow.player.confirm_end_button.click),
    ]


@pytest.mark.parametrize(
    ("large", "size", "text_scale"),
    [
        (False, (1280, 800), 100),
        (True, (1280, 800), 100),
        (False, (1024, 600), 200),
        (True, (1024, 600), 100),
    ],
)
def test_every_screen_meets_target_size_spacing_and_names(
    qtbot: QtBot, app_paths: Paths, large: bool, size: tuple[int, int], text_scale: int
) -> None:
    save_settings(Settings(text_scale=text_scale), app_paths.settings_file)
    driver = open_gui(qtbot, app_paths, large=large)
    driver.window.resize(*size)
    for where, go in screens(driver):
        go()
        if where.startswith("player") and "unsteady" not in where and "confirm" not in where:
            assert driver.flow.player.pause_button.isVisible(), where
        check_screen(driver, f"{where} ({'large' if large else 'normal'}, {size}, {text_scale}%)")


def test_large_mode_text_is_at_least_one_point_six_times_normal(
    qtbot: QtBot, app_paths: Paths
) -> None:
    driver = open_gui(qtbot, app_paths)
    label = driver.home.view.progress_text
    normal = label.font().pointSizeF()
    driver.window.large_button.click()
    QApplication.processEvents()
    assert label.font().pointSizeF() >= 1.6 * normal - 0.05


def test_countdown_is_named_and_says_what_it_shows(driver: GuiDriver) -> None:
    driver.flow.start_routine("seated")
    driver.advance(1)
    countdown = driver.flow.player.countdown
    assert countdown.accessibleName().startswith("Countdown: ")
    assert "pause" in countdown.accessibleDescription()


@pytest.mark.parametrize("name", sorted(THEMES))
def test_theme_text_colours_reach_four_and_a_half_to_one(name: str) -> None:
    theme = THEMES[name]
    for foreground, background in TEXT_PAIRS:
        ratio = contrast_ratio(theme.colours[foreground], theme.colours[background])
        assert ratio >= 4.5, (name, foreground, background, round(ratio, 2))
    for kind, colours in theme.phases.items():
        assert contrast_ratio(colours.band_text, colours.band) >= 4.5, (name, kind)
    assert contrast_ratio(theme.danger_text, theme.danger) >= 4.5
    caption = contrast_ratio(theme.colours["text"], theme.colours["alternate_base"])
    assert caption >= 4.5


def test_every_phase_has_its_own_word_and_colour() -> None:
    from neuroguide.present.phase_text import PHASE_WORDS

    assert len(set(PHASE_WORDS.values())) == len(PhaseKind)
    for theme in THEMES.values():
        bands = {theme.phases[kind].band for kind in PhaseKind if kind is not PhaseKind.TIMED}
        assert len(bands) == len(PhaseKind) - 1  # timed and reps share a colour, not a word
