"""The page shown while a check runs or explains: made to be read from across the room.

Like the session player (decision 0009), nothing here scrolls: the countdown's square comes
from the window alone (the player's own rule, :func:`countdown_side`), so its digits are as
tall as the player's in the same mode, and the words are fitted around it by shrinking their
text size, never the countdown. "Stop, I feel unsteady" and the mark button always show.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QPushButton, QVBoxLayout, QWidget

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.countdown import CountdownRing
from neuroguide.ui.common.text_fit import (
    PLAYER_FACTOR,
    countdown_side,
    font_sheet,
    text_factors,
)
from neuroguide.ui.common.widgets import FlowLayout, make_button, make_label


class RunningPage(QWidget):
    """Title and "Stop, I feel unsteady" on top; the countdown; beside it the caption, the
    mark button (and "I needed my arms" for the sit to stand) and the keys in words."""

    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self._metrics = metrics
        self._fitted: tuple[object, ...] | None = None
        self.text_factor = metrics.text_factor
        layout = self._layout = QVBoxLayout(self)
        top = self._top = QHBoxLayout()
        self.title = make_label(role="exercise", name="Check")
        top.addWidget(self.title, 1)
        self.unsteady_button = make_button(
            "Stop, I feel unsteady  [U]",
            "Stop, I feel unsteady",
            "End the check at once. It is saved as stopped for safety, not as a score.",
            role="danger",
            object_name="check-unsteady",
        )
        top.addWidget(self.unsteady_button, 0)
        layout.addLayout(top)
        middle = self._middle = QHBoxLayout()
        self.ring = CountdownRing()
        self.ring.setAccessibleName("Time")
        self.ring.setAccessibleDescription("The seconds of the check.")
        middle.addWidget(self.ring, 0)
        side = self.side_panel = QWidget()
        column = self._column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.caption = make_label(role="caption", name="Caption")
        column.addWidget(self.caption)
        self.buttons_box = QWidget()
        self._buttons = FlowLayout(self.buttons_box)
        self.mark_button = make_button(
            "", "Mark", "Marks the moment for the check.", role="primary", object_name="check-mark"
        )
        self.arms_button = make_button(
            "I needed my arms  [A]",
            "I needed my arms",
            "Using your arms ends the check; it is kept as arms needed, with no time.",
            object_name="check-arms",
        )
        self._buttons.add(self.mark_button)
        self._buttons.add(self.arms_button)
        column.addWidget(self.buttons_box)
        self.keys_hint = make_label(role="detail", name="Keys")
        column.addWidget(self.keys_hint)
        column.addStretch(1)
        middle.addWidget(side, 1)
        layout.addLayout(middle, 1)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit)
        self.set_metrics(metrics)

    @property
    def buttons(self) -> list[QPushButton]:
        """The buttons that must always be inside the window."""
        return [self.unsteady_button, self.mark_button, self.arms_button]

    def set_metrics(self, metrics: Metrics) -> None:
        """Spacing for the mode; the words are fitted again."""
        self._metrics = metrics
        m = metrics.margin
        self._layout.setContentsMargins(m, m // 2, m, m // 2)
        self._layout.setSpacing(metrics.spacing // 2)
        for box in (self._top, self._middle):
            box.setSpacing(metrics.spacing)
        self._column.setSpacing(metrics.spacing // 2)
        self._buttons.set_gap(metrics.spacing)
        self.unsteady_button.setMinimumHeight(metrics.target)
        self.mark_button.setMinimumHeight(int(metrics.target * 1.25))
        self._fitted = None
        self.fit()

    def schedule_fit(self) -> None:
        """Fit again once the current changes are made (one pass, not one per label)."""
        self._fitted = None
        self._refit.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """A new size: a new countdown square and a new fit."""
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Fit for the size the page is shown at."""
        super().showEvent(event)
        self.fit()

    def fit(self) -> None:
        """The countdown by the window, then the largest text size at which the rest fits."""
        width, height = self.width(), self.height()
        texts = tuple(
            (w.text(), w.isVisibleTo(self))
            for w in (self.title, self.caption, self.keys_hint, self.mark_button, self.arms_button)
        )
        key = (width, height, self._metrics, texts)
        if key == self._fitted or width < 100 or height < 100:
            return
        self._fitted = key
        metrics = self._metrics
        side = countdown_side(width, height, large=metrics.large)
        self.ring.setFixedSize(side, side)
        full = max(metrics.text_factor, PLAYER_FACTOR * max(1.0, height / 768))
        factors = text_factors(full)
        chosen = factors[-1]
        for factor in factors:
            self._use_factor(factor)
            if self._fits(width, height, side):
                chosen = factor
                break
        else:
            self._use_factor(chosen)
        self.text_factor = chosen
        self._layout.activate()
        for box in (self.side_panel, self.buttons_box):
            inner = box.layout()
            if inner is not None:
                inner.invalidate()
                inner.activate()

    def _use_factor(self, factor: float) -> None:
        sheet = font_sheet(factor, self._metrics)
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)
        _invalidate(self._layout)

    def _fits(self, width: int, height: int, side: int) -> bool:
        m = self._metrics.margin
        inner = width - 2 * m
        spacing = self._metrics.spacing
        column_width = inner - side - spacing
        if column_width < self._buttons.minimumSize().width():
            return False
        if column_width < self.side_panel.minimumSizeHint().width():
            return False
        if inner < self._top.minimumSize().width():
            return False
        top = _height_for(self._top, inner)
        column = _height_for(self._column, column_width)
        return m + top + spacing // 2 + max(side, column) <= height


def _invalidate(layout: QLayout) -> None:
    layout.invalidate()
    for index in range(layout.count()):
        item = layout.itemAt(index)
        child = item.layout() if item is not None else None
        if child is not None:
            _invalidate(child)
        widget = item.widget() if item is not None else None
        if widget is not None and widget.layout() is not None:
            _invalidate(widget.layout())  # type: ignore[arg-type]


def _height_for(layout: QLayout, width: int) -> int:
    if layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return layout.totalSizeHint().height()
