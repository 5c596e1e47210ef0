"""What the screen tour measures on one screen: scroll bars, cut text, target sizes, edges.

Kept apart from the test so ``packaging/screenshots.py`` users and the test read the same
rules. Every figure is measured on the real widgets (sizes) or on the grabbed pixels (edges).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QWidget,
)

from neuroguide.ui.shell.theme import contrast_ratio

CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox)


@dataclass
class Findings:
    """Everything wrong on one screen, in words (an empty list each: all is well)."""

    scroll: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    cut: list[str] = field(default_factory=list)
    small: list[str] = field(default_factory=list)
    faint: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Every finding, one line each."""
        return [*self.scroll, *self.outside, *self.cut, *self.small, *self.faint]


def in_window(widget: QWidget) -> QRect:
    """``widget``'s rectangle in its window's coordinates."""
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, (QAbstractButton, QLabel, QLineEdit)) else ""
    return f"{type(widget).__name__} {widget.accessibleName() or text!r}"


def shown(root: QWidget, kind: type[QWidget] | tuple[type[QWidget], ...]) -> list[QWidget]:
    """The widgets of ``kind`` under ``root`` a person can see now."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    found = [w for w in root.findChildren(QWidget) if isinstance(w, kinds)]
    return [w for w in found if w.isVisible()]


def edge_contrast(image: QImage, rect: QRect) -> float:
    """The strongest contrast between a control's left edge (its first 6 pixels at half its
    height) and the background just outside it: what makes the control stand out."""
    y = rect.top() + rect.height() // 2
    x_out = rect.left() - 2
    if x_out < 0:
        x_out = rect.right() + 2
    if not (0 <= x_out < image.width() and 0 <= y < image.height()):
        return 21.0
    outside = QColor(image.pixel(x_out, y)).name()
    best = 1.0
    for x in range(rect.left(), min(rect.left() + 6, image.width())):
        best = max(best, contrast_ratio(QColor(image.pixel(x, y)).name(), outside))
    return best


def inspect(
    screen: QWidget,
    target: int,
    image: QImage | None = None,
    lists: tuple[QWidget, ...] = (),
) -> Findings:
    """Measure one screen as shown in its window (``image``: the window grabbed). ``lists``
    may scroll downwards (a list of sessions); nothing else may scroll at all."""
    found = Findings()
    window = screen.window().rect()
    for bar in shown(screen, QScrollBar):
        owner = next((a for a in lists if a.isAncestorOf(bar)), None)
        if owner is not None and bar.orientation() == Qt.Orientation.Vertical:
            continue
        if bar.maximum() > bar.minimum():
            found.scroll.append(f"a scroll bar can move ({bar.maximum()} px hidden)")
    for widget in shown(screen, (QLabel, *CONTROLS)):
        if not window.contains(in_window(widget)):
            found.outside.append(f"{_name(widget)} at {in_window(widget)} is outside {window}")
    for label in shown(screen, QLabel):
        if not label.text():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                found.cut.append(f"{_name(label)} needs {needed} px, has {label.height()}")
        elif label.sizeHint().width() > label.width() + 1:
            found.cut.append(f"{_name(label)} needs {label.sizeHint().width()} px wide")
    for button in shown(screen, QAbstractButton):
        if button.text() and button.sizeHint().width() > button.width() + 1:
            found.cut.append(
                f"{_name(button)} needs {button.sizeHint().width()} px, has {button.width()}"
            )
    for control in shown(screen, CONTROLS):
        if control.width() < target or control.height() < target:
            found.small.append(f"{_name(control)} is {control.width()}x{control.height()}")
        whole = control.visibleRegion().boundingRect() == control.rect()
        if image is not None and whole:  # a control cut by a scrolling view shows no edge
            ratio = edge_contrast(image, in_window(control))
            if ratio < 3.0:
                found.faint.append(f"{_name(control)} edge {ratio:.2f}:1")
    return found
