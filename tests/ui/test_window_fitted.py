"""The one rule of *when* a page is fitted to its window (ui/common/fitted_page.py).

The player, a check's running page and every fitted page inherit it: the changes of one turn
of the event loop give one fit, a new size, a show or a new text size fits again, and a fit
is skipped when nothing it depends on changed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.fitted_page import WindowFitted


class CountedPage(WindowFitted):
    """A page that only notes each fit: the size, the text factor and its words."""

    def __init__(self, metrics: Metrics) -> None:
        super().__init__(metrics)
        self.words = "first"
        self.fits: list[tuple[int, int, float, str]] = []
        self.grow_once = False

    def fit_key(self) -> tuple[object, ...]:
        return (self.words,)

    def fit_to(self, width: int, height: int) -> None:
        self.fits.append((width, height, self.metrics.text_factor, self.words))
        self.text_factor = self.metrics.text_factor
        if self.grow_once:  # as a new style sheet can: the page is resized while it fits
            self.grow_once = False
            self.resize(width + 10, height)


def shown(qtbot: QtBot, metrics: Metrics | None = None) -> CountedPage:
    page = CountedPage(metrics or Metrics())
    qtbot.addWidget(page)
    page.resize(800, 600)
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    page.fits.clear()
    return page


def test_the_changes_of_one_turn_are_fitted_once_when_the_turn_ends(qtbot: QtBot) -> None:
    page = shown(qtbot)
    for words in ("second", "third", "fourth"):
        page.words = words
        page.schedule_fit()
    assert page.fits == []  # not one fit per change
    QApplication.processEvents()
    QApplication.processEvents()
    assert page.fits == [(800, 600, 1.0, "fourth")]


def test_a_fit_is_skipped_when_nothing_it_depends_on_changed(qtbot: QtBot) -> None:
    page = shown(qtbot)
    page.fit()
    page.resize(800, 600)
    page.hide()
    page.show()
    QApplication.processEvents()
    assert page.fits == []
    page.words = "changed"  # the words are part of the key even without schedule_fit
    page.fit()
    assert page.fits == [(800, 600, 1.0, "changed")]


def test_a_new_size_is_fitted_at_once(qtbot: QtBot) -> None:
    page = shown(qtbot)
    page.resize(900, 500)
    assert page.fits == [(900, 500, 1.0, "first")]
    page.resize(1000, 500)
    assert page.fits[-1] == (1000, 500, 1.0, "first") and len(page.fits) == 2


def test_a_text_size_change_fits_again_at_the_new_size(qtbot: QtBot) -> None:
    page = shown(qtbot)
    page.use_metrics(Metrics(text_scale=200))
    assert page.fits == [(800, 600, 2.0, "first")]
    assert page.text_factor == 2.0
    page.use_metrics(Metrics(large=True, text_scale=200))
    assert page.fits[-1] == (800, 600, 3.2, "first")


def test_a_hidden_page_waits_and_fits_once_when_shown(qtbot: QtBot) -> None:
    page = shown(qtbot)
    page.hide()
    page.use_metrics(Metrics(text_scale=150))
    page.words = "later"
    page.schedule_fit()
    page.resize(700, 500)
    QApplication.processEvents()
    assert page.fits == []
    page.show()
    QApplication.processEvents()
    assert page.fits == [(700, 500, 1.5, "later")]


def test_a_resize_while_fitting_is_fitted_after_this_fit_ends(qtbot: QtBot) -> None:
    page = shown(qtbot)
    page.grow_once = True
    page.words = "grow"
    page.fit()
    assert page.fits == [(800, 600, 1.0, "grow")]  # not fitted inside the fit
    QApplication.processEvents()
    QApplication.processEvents()
    assert page.fits == [(800, 600, 1.0, "grow"), (810, 600, 1.0, "grow")]


def test_too_small_to_measure_is_not_fitted(qtbot: QtBot) -> None:
    page = shown(qtbot)
    page.resize(90, 600)
    assert page.width() == 90 and page.fits == []
