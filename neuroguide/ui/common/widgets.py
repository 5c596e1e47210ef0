"""Small building blocks every screen shares: buttons, labels, cards and a wrapping layout.

Every control made here takes keyboard focus only from Tab (a mouse click leaves focus where
it was, so Space keeps meaning "pause" after a click) and carries an accessible name and
description for screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from neuroguide.present.metrics import Metrics
from neuroguide.ui.common.key_names import KeyButton, KeyLabel, with_key_name


def set_page_gaps(layout: QBoxLayout, metrics: Metrics) -> None:
    """A full screen's outer gaps: the mode's margin at the sides, half of it above and below."""
    margin = metrics.margin
    layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
    layout.setSpacing(metrics.spacing)


def make_button(
    text: str, name: str, description: str, *, role: str = "", object_name: str = ""
) -> QPushButton:
    """A push button with an accessible name and description, focused only by Tab."""
    button = KeyButton(text)  # "[Space]" names the person's learned switch
    button.setAccessibleName(name)
    button.setAccessibleDescription(description)
    button.setToolTip(description)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    button.setAutoDefault(False)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    if role:
        button.setProperty("role", role)
    if object_name:
        button.setObjectName(object_name)
    return button


class ContentLabel(QLabel):
    """A label whose accessible name carries its text: ``Caption: Hold, 1 of 3.``.

    A fixed accessible name would hide the text from screen readers (they read the name, not
    the text), so name and description follow every ``setText``.
    """

    def __init__(self, text: str, name: str) -> None:
        super().__init__()
        self._name = name
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        """Show ``text`` (naming the learned switch where it says Space) and tell assistive
        technology what it says."""
        self.given_text = text
        super().setText(with_key_name(text))
        self._sync()

    def _sync(self) -> None:
        text = self.text()
        self.setAccessibleName(f"{self._name}: {text}" if text else self._name)
        self.setAccessibleDescription(text)


def make_label(text: str = "", *, role: str = "", name: str = "") -> QLabel:
    """A word-wrapping label (text is never cut off, it grows downwards instead).

    With a ``name`` the label carries content whose accessible name follows its text.
    """
    label = ContentLabel(text, name) if name else KeyLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if role:
        label.setProperty("role", role)
    return label


def vertical_scroll(content: QWidget) -> QScrollArea:
    """A scroll area for ``content``: large text grows downwards, never sideways, and the
    area itself never takes the keyboard focus (Space must reach the screen)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(content)
    return area


class ScrollContent(QWidget):
    """The inside of a scrolling page, as tall as its wrapped text needs and no taller.

    A plain widget reports a minimum height summed from its labels' narrowest wrapping, and a
    resizable scroll area honours it: the page then ends in an empty stretch. Leaving the height
    to the layout's height-for-width keeps the end of the page at its last line.
    """

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """As wide as the layout needs; the height comes from height-for-width."""
        layout = self.layout()
        width = layout.minimumSize().width() if layout is not None else 0
        return QSize(width, 0)


def scroll_page() -> tuple[QScrollArea, QWidget]:
    """A vertically scrolling page (never sideways, never taking focus) and its content.

    The one scrolling page of the app: every screen that scrolls as a whole uses it (directly
    or through :func:`scrolling_page`), so each gets the same end-of-page rule.
    """
    content = ScrollContent()
    return vertical_scroll(content), content


def scrolling_page(owner: QWidget) -> QVBoxLayout:
    """Fill ``owner`` with a :func:`scroll_page`; return the layout to put the page in."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    area, content = scroll_page()
    outer.addWidget(area)
    return QVBoxLayout(content)


def make_card(role: str = "card") -> QFrame:
    """A framed panel; the style sheet gives it a background and a rounded border."""
    frame = QFrame()
    frame.setProperty("role", role)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    return frame


def large_toggle(checked: bool) -> QPushButton:
    """The large-button switch shown on every screen: a big toggle, never a small check box."""
    button = make_button(
        "",
        "Large buttons",
        "Make every button and text larger; the choice is remembered.",
        object_name="large-toggle",
    )
    button.setCheckable(True)
    button.setChecked(checked)
    _label_toggle(button)
    button.toggled.connect(lambda _on: _label_toggle(button))
    return button


def _label_toggle(button: QPushButton) -> None:
    button.setText("Large buttons: on" if button.isChecked() else "Large buttons: off")


def repolish(widget: QWidget) -> None:
    """Apply a changed dynamic property (like ``role``) to the widget's style."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class FlowLayout(QLayout):
    """Lays widgets out in rows and wraps to a new row when the width runs out.

    Used for rows of buttons, so that at 1024 pixels and 200 % text they wrap instead of
    being squeezed or cut off.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 16) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        # Answers since the last invalidate(): Qt asks the same questions many times in one
        # layout pass, and each answer is Python walking every item.
        self._heights: dict[int, int] = {}
        self._hint: QSize | None = None
        self._minimum: QSize | None = None
        self.setContentsMargins(0, 0, 0, 0)

    def invalidate(self) -> None:
        """Qt calls this on every layout pass and whenever an item's size may have changed."""
        self._heights.clear()
        self._hint = self._minimum = None
        super().invalidate()

    def set_gap(self, spacing: int) -> None:
        """Space between items, across and down."""
        self._gap = spacing
        self.invalidate()

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt API)
        """Qt calls this for ``addWidget``."""
        self._items.append(item)
        self.invalidate()

    def add(self, widget: QWidget) -> None:
        """Add a widget (and make the layout its parent's)."""
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))

    def count(self) -> int:
        """Number of items."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        """Item at ``index`` or ``None``."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt API)
        """Remove and return the item at ``index``."""
        if not 0 <= index < len(self._items):
            return None
        self.invalidate()
        return self._items.pop(index)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        """Its height depends on its width (more rows when narrower)."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        """Height needed at ``width``."""
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt API)
        """Place every item."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Preferred size: everything on one row."""
        if self._hint is None:
            hints = [item.sizeHint() for item in self._visible()]
            width = sum(hint.width() for hint in hints) + self._gap * max(0, len(hints) - 1)
            height = max((hint.height() for hint in hints), default=0)
            self._hint = QSize(width, height) + self._margin_size()
        return self._hint

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt API)
        """At least the widest item."""
        if self._minimum is None:
            size = QSize()
            for item in self._visible():
                size = size.expandedTo(item.minimumSize())
            self._minimum = size + self._margin_size()
        return self._minimum

    def _margin_size(self) -> QSize:
        margins: QMargins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        x, y, row_height = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            if x > area.x() and x + width > area.right() + 1:
                x = area.x()
                y += row_height + self._gap
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()
