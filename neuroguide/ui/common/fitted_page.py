"""Pages sized by the window, not by scrolling: the words take the largest size that fits.

A page a person must act on (the safety check, a check-in question, the summary, the seated
offer, the player's calm pages) has no scroll area: at 200 % text in large-button mode a
scroll area hid its main action below the window. Instead :class:`FittedPage` gives its
words the largest text factor, at most the one the person chose, at which the whole page
fits its height (measured with the layouts' height-for-width, as the player does, see
decision 0009 and 0018). Buttons never shrink below the mode's target size: only text does.

*When* to fit is one rule for every such page, the player and a check's running page
included (:mod:`neuroguide.ui.common.countdown_page`): :class:`WindowFitted`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QGuiApplication, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from neuroguide.present.metrics import BASE_POINT_SIZE, Metrics

SMALLEST_FACTOR = 0.8
"""Below this the words would be smaller than ordinary desktop text."""
FLOOR_SHARE = 2 / 3
"""A page should keep at least this share of the text size the person asked for, by showing
less at once (a second page, fewer controls) rather than shrinking further (decision 0025;
the screen tour holds the pages to it)."""
STEP = 0.1
MINIMUM_HEIGHT = 200
"""A fitted page asks its window for no more height than this."""

TEXT_ROLES = {
    "title": 2.0,
    "heading": 1.4,
    "exercise": 2.0,
    "detail": 1.25,
    "caption": 1.3,
    "phase": 1.8,
}
"""Label roles relative to body text: the one table for the app's style sheet and fitting."""
PRIMARY_BUTTON = 1.3


FULL_CONTRAST_UP_TO = 1.6
"""Up to this text factor titles and headings keep their full size relative to body text;
above it the gap narrows in proportion (a title at 3.2 times is 1.5 times the body, not 2)."""


def role_size(relative: float, factor: float) -> float:
    """A role's size relative to body text at ``factor``: big type needs less contrast in
    size to stand out, and the room it leaves goes to the body text the person reads."""
    if factor <= FULL_CONTRAST_UP_TO or relative <= 1.0:
        return relative
    return 1.0 + (relative - 1.0) * FULL_CONTRAST_UP_TO / factor


def text_sheet(factor: float) -> str:
    """Font sizes only, for every role, at ``factor`` times the body text."""

    def pt(relative: float = 1.0) -> float:
        return round(BASE_POINT_SIZE * factor * role_size(relative, factor), 1)

    rules = [f"QWidget {{ font-size: {pt()}pt; }}"]
    rules += [
        f'QLabel[role="{role}"] {{ font-size: {pt(relative)}pt; }}'
        for role, relative in TEXT_ROLES.items()
    ]
    rules.append(f'QPushButton[role="primary"] {{ font-size: {pt(PRIMARY_BUTTON)}pt; }}')
    return "\n".join(rules)


def factors_from(full: float) -> list[float]:
    """Text factors to try, the person's own first, then smaller steps down to the floor."""
    factors = [round(full, 2)]
    while factors[-1] - STEP >= SMALLEST_FACTOR - 1e-9:
        factors.append(round(factors[-1] - STEP, 2))
    if factors[-1] > SMALLEST_FACTOR:
        factors.append(SMALLEST_FACTOR)
    return factors


def floor_factor(metrics: Metrics) -> float:
    """The smallest text factor a fitted page should need in ``metrics``: two thirds of the
    person's, and never under the normal size when they asked for at least that."""
    asked = metrics.text_factor
    return round(max(min(asked, 1.0), FLOOR_SHARE * asked), 2)


def invalidate_all(layout: QLayout, *, geometry: bool = True) -> None:
    """Forget every cached size in ``layout`` and the layouts under it.

    With ``geometry`` each container also says its geometry changed, so its parent's cached
    height-for-width is dropped at once; the countdown pages measure their boxes' layouts
    themselves and pass ``False`` (no layout requests posted for a later turn).
    """
    layout.invalidate()
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        child = item.layout()
        if child is not None:
            invalidate_all(child, geometry=geometry)
        widget = item.widget()
        if widget is not None and widget.layout() is not None:
            invalidate_all(widget.layout(), geometry=geometry)  # type: ignore[arg-type]
            if geometry:
                # A container's cached height-for-width in its parent's layout is only
                # dropped when it says its geometry changed (Qt otherwise waits for the loop).
                widget.updateGeometry()


def height_for(layout: QLayout, width: int) -> int:
    """The height ``layout`` needs at ``width`` (wrapping labels and button rows included)."""
    if layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return layout.totalSizeHint().height()


def first_that_fits(
    factors: list[float], use: Callable[[float], None], fits: Callable[[], bool]
) -> float:
    """The first of ``factors`` (largest first) at which ``fits`` says yes once ``use`` has
    put it in place; the last (smallest) when none does. The chosen one is left in use."""
    for factor in factors:
        use(factor)
        if fits():
            return factor
    use(factors[-1])
    return factors[-1]


def place_now(layouts: Iterable[QLayout], boxes: Iterable[QWidget]) -> None:
    """Place everything now, outer layouts first, then the boxes' own layouts, not on a later
    turn of the event loop (a box whose size did not change would keep its children where
    the old text put them)."""
    for layout in layouts:
        layout.activate()
    for box in boxes:
        inner = box.layout()
        if inner is not None:
            inner.invalidate()
            inner.activate()


class WindowFitted(QWidget):
    """A widget whose content is fitted to the room the window gives it: the one rule of
    *when* to fit, for the player, the check's running page and every :class:`FittedPage`.

    It fits at once on a new size, on being shown and on a new mode or text size
    (:meth:`use_metrics`); :meth:`schedule_fit` gathers the changes of one turn of the event
    loop into one fit. A fit is skipped while nothing it depends on changed: the size, the
    mode and :meth:`fit_key` (the words a subclass shows). *How* to fit is the subclass's
    :meth:`fit_to`: which arrangements and text sizes to try. The chosen text factor is in
    :attr:`text_factor` (tests and the tour read it).
    """

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self._fitted: tuple[object, ...] | None = None
        self._fitting = False
        self.text_factor = metrics.text_factor
        """The factor in use now."""
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)

    fits_hidden = False
    """Whether it also fits while hidden (at the size it was last given), as the countdown
    pages always have: they are filled before they show. Otherwise it fits when shown."""

    @property
    def metrics(self) -> Metrics:
        """The mode the widget was last given."""
        return self._metrics

    def use_metrics(self, metrics: Metrics) -> None:
        """A new mode or text size: fit again now (subclasses set their spacing first)."""
        self._metrics = metrics
        self._fitted = None
        self.fit()

    def schedule_fit(self) -> None:
        """Fit again once the current changes are all made (one pass, not one per label)."""
        self._fitted = None
        if self.fits_hidden or self.isVisible():
            self._refit.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """A new size: a new fit."""
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Fit for the size the widget is shown at."""
        super().showEvent(event)
        self.fit()

    def fit_key(self) -> tuple[object, ...]:
        """What the fit depends on besides the size and mode (subclasses add their words)."""
        return ()

    def fit(self) -> None:
        """Fit to the current size, unless nothing changed since the last fit (or the widget
        is too small to measure, or hidden: see :attr:`fits_hidden`)."""
        width, height = self.width(), self.height()
        key = (width, height, self._metrics, self.fit_key())
        if key == self._fitted or width < 100 or height < 100:
            return
        if not (self.fits_hidden or self.isVisible()):
            return
        if self._fitting:  # a style change resized the widget: fit again once this one ends
            self._refit.start()
            return
        self._fitting = True
        try:
            self._fitted = key
            self.fit_to(width, height)
        finally:
            self._fitting = False

    def fit_to(self, width: int, height: int) -> None:
        """Fit the content to ``width`` x ``height`` and set :attr:`text_factor`."""
        raise NotImplementedError

    def use_sheet(self, sheet: str, layouts: Iterable[QLayout], *, geometry: bool = True) -> None:
        """Put the text sizes of ``sheet`` in place and forget the sizes ``layouts`` cached."""
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)
        for layout in layouts:
            invalidate_all(layout, geometry=geometry)


class FittedPage(WindowFitted):
    """A page whose whole content fits the window: ``page`` is the layout to fill.

    Subclasses fill :attr:`page` and call :meth:`schedule_fit` when their words change; they
    say which arrangements to try (:meth:`arrangements`, :meth:`arrange`); the page picks the
    one with the largest words.
    """

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(metrics, parent)
        self._arrangement = 0
        self.page = QVBoxLayout(self)

    def set_page_metrics(self, metrics: Metrics) -> None:
        """Margins and gaps for the mode; the text is fitted again."""
        m = metrics.margin
        self.page.setContentsMargins(m, m // 2, m, m // 2)
        self.page.setSpacing(metrics.spacing)
        self.use_metrics(metrics)

    settle_at_floor = False
    """Whether the first arrangement that keeps the floor size (see :func:`floor_factor`)
    will do; otherwise only the person's own size stops the search for larger words."""

    def arrangements(self) -> int:
        """How many ways the page can be laid out, fullest first (one by default)."""
        return 1

    def arrange(self, index: int) -> None:
        """Lay the page out the ``index``-th way (see :meth:`arrangements`)."""

    @property
    def arrangement(self) -> int:
        """The arrangement in use now (0: the fullest)."""
        return self._arrangement

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Never taller than a small window: the words shrink to fit instead (a page's full
        height as its minimum would make the window taller than the screen)."""
        hint = super().minimumSizeHint()
        return QSize(hint.width(), min(hint.height(), MINIMUM_HEIGHT))

    def fit_to(self, width: int, height: int) -> None:
        """The arrangement with the largest words (the fullest of those that tie), or with
        :attr:`settle_at_floor` the fullest that keeps the floor size."""
        enough = self._metrics.text_factor
        if self.settle_at_floor:
            enough = floor_factor(self._metrics)
        best: tuple[float, int] | None = None
        for index in range(self.arrangements()):
            self._set_arrangement(index)
            factor = self._largest(width, height)
            if best is None or factor > best[0] + 1e-9:
                best = (factor, index)
            if factor >= enough - 1e-9:
                break  # large enough: no need to show less
        assert best is not None
        chosen, index = best
        self._set_arrangement(index)
        self._use(chosen)
        self.text_factor = chosen
        self.page.activate()

    def _set_arrangement(self, index: int) -> None:
        self._arrangement = index
        self.arrange(index)

    def _largest(self, width: int, height: int) -> float:
        """The largest factor (at most the person's) at which the page fits as arranged."""
        factors = factors_from(self._metrics.text_factor)
        # Fitting is monotonic in the factor: search the largest that fits in a few tries.
        low, high = 0, len(factors) - 1
        if self._fits_at(factors[0], width, height):
            return factors[0]
        while high - low > 1:
            middle = (low + high) // 2
            if self._fits_at(factors[middle], width, height):
                high = middle
            else:
                low = middle
        return factors[high]

    def needed_height(self, width: int) -> int:
        """The height the page needs at ``width`` with the current text."""
        return height_for(self.page, width)

    def _fits_at(self, factor: float, width: int, height: int) -> bool:
        self._use(factor)
        if self.page.totalMinimumSize().width() > width:
            return False
        return self.needed_height(width) <= height

    def _use(self, factor: float) -> None:
        self.use_sheet(text_sheet(factor), (self.page,))


def fit_window(window: QWidget, metrics: Metrics, *, gap: int = 48) -> float:
    """Size a top-level ``window`` (a reminder, a dialog) to its content, never wider or
    taller than its screen: the words shrink (from the person's size) until it fits.

    Returns the text factor chosen. The window must have a layout.
    """
    layout = window.layout()
    if layout is None:
        return metrics.text_factor
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    most_wide = room.width() - gap if room is not None else 1 << 20
    most_high = room.height() - gap if room is not None else 1 << 20
    width = height = 0
    chosen = SMALLEST_FACTOR
    for factor in factors_from(metrics.text_factor):
        sheet = text_sheet(factor)
        if window.styleSheet() != sheet:
            window.setStyleSheet(sheet)
        invalidate_all(layout)
        least = layout.totalMinimumSize().width()
        width = min(max(layout.totalSizeHint().width(), least), most_wide)
        height = height_for(layout, width)
        chosen = factor
        if least <= most_wide and height <= most_high:
            break
    window.setMinimumWidth(min(window.minimumWidth(), width))
    window.resize(width, min(height, most_high))
    return chosen
