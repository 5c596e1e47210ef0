"""Light, dark and high-contrast looks: palettes, phase colours and the style sheet.

Colours come from palette roles (the style sheet refers to ``palette(...)``), so one set of
rules serves every theme. Each theme's text and background pairs are chosen for a contrast of
at least 4.5:1, and tests check them with :func:`contrast_ratio`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from neuroguide.present.metrics import Metrics

FUSION_SET = "neuroguide-fusion"
"""Application property: the style is Fusion already (set by name in create_application)."""

ROLES = {
    "window": QPalette.ColorRole.Window,
    "window_text": QPalette.ColorRole.WindowText,
    "base": QPalette.ColorRole.Base,
    "alternate_base": QPalette.ColorRole.AlternateBase,
    "text": QPalette.ColorRole.Text,
    "button": QPalette.ColorRole.Button,
    "button_text": QPalette.ColorRole.ButtonText,
    "highlight": QPalette.ColorRole.Highlight,
    "highlighted_text": QPalette.ColorRole.HighlightedText,
    "mid": QPalette.ColorRole.Mid,
    "link": QPalette.ColorRole.Link,
    "tool_tip_base": QPalette.ColorRole.ToolTipBase,
    "tool_tip_text": QPalette.ColorRole.ToolTipText,
    "placeholder": QPalette.ColorRole.PlaceholderText,
}


@dataclass(frozen=True)
class PhaseColours:
    """A phase's band (background and text) and the colour of its countdown ring."""

    band: str
    band_text: str
    ring: str


@dataclass(frozen=True)
class Theme:
    """One complete look."""

    name: str
    colours: dict[str, str]
    phases: dict[str, PhaseColours]
    """Keyed by the value of ``core.timeline.PhaseKind`` (a string, so start-up need not load
    the engine to style the home screen)."""
    danger: str
    danger_text: str
    disabled_text: str = "#94a3b8"
    """Text of a control that cannot be used now: plainly fainter than anything usable."""

    def palette(self) -> QPalette:
        """A palette with every role this app uses, the same in every colour group."""
        palette = QPalette()
        for key, role in ROLES.items():
            palette.setColor(role, QColor(self.colours[key]))
        for group in (QPalette.ColorGroup.Disabled,):
            palette.setColor(group, QPalette.ColorRole.ButtonText, QColor(self.colours["mid"]))
            palette.setColor(group, QPalette.ColorRole.WindowText, QColor(self.colours["mid"]))
            palette.setColor(group, QPalette.ColorRole.Text, QColor(self.colours["mid"]))
        return palette


_LIGHT_PHASES = {
    "get-ready": PhaseColours("#fde68a", "#1c1917", "#b45309"),
    "hold": PhaseColours("#bbf7d0", "#052e16", "#15803d"),
    "reps": PhaseColours("#bfdbfe", "#172554", "#1d4ed8"),
    "timed": PhaseColours("#bfdbfe", "#172554", "#1d4ed8"),
    "rest": PhaseColours("#cffafe", "#083344", "#0e7490"),
    "switch-sides": PhaseColours("#e9d5ff", "#3b0764", "#7e22ce"),
}
_DARK_PHASES = {
    "get-ready": PhaseColours("#78350f", "#fef3c7", "#fbbf24"),
    "hold": PhaseColours("#14532d", "#dcfce7", "#4ade80"),
    "reps": PhaseColours("#1e3a8a", "#dbeafe", "#60a5fa"),
    "timed": PhaseColours("#1e3a8a", "#dbeafe", "#60a5fa"),
    "rest": PhaseColours("#164e63", "#cffafe", "#22d3ee"),
    "switch-sides": PhaseColours("#581c87", "#f3e8ff", "#c084fc"),
}
_CONTRAST_PHASES = {
    "get-ready": PhaseColours("#ffff00", "#000000", "#ffff00"),
    "hold": PhaseColours("#00ff66", "#000000", "#00ff66"),
    "reps": PhaseColours("#00ffff", "#000000", "#00ffff"),
    "timed": PhaseColours("#00ffff", "#000000", "#00ffff"),
    "rest": PhaseColours("#ffffff", "#000000", "#ffffff"),
    "switch-sides": PhaseColours("#ff99ff", "#000000", "#ff99ff"),
}

THEMES: dict[str, Theme] = {
    "light": Theme(
        "light",
        {
            "window": "#f8fafc",
            "window_text": "#0f172a",
            "base": "#ffffff",
            "alternate_base": "#eef2f7",
            "text": "#0f172a",
            "button": "#e2e8f0",
            "button_text": "#0f172a",
            "highlight": "#1d4ed8",
            "highlighted_text": "#ffffff",
            "mid": "#475569",
            "link": "#1d4ed8",
            "tool_tip_base": "#ffffff",
            "tool_tip_text": "#0f172a",
            "placeholder": "#475569",
        },
        _LIGHT_PHASES,
        danger="#b91c1c",
        danger_text="#ffffff",
    ),
    "dark": Theme(
        "dark",
        {
            "window": "#0f172a",
            "window_text": "#f1f5f9",
            "base": "#1e293b",
            "alternate_base": "#273449",
            "text": "#f1f5f9",
            "button": "#334155",
            "button_text": "#f8fafc",
            "highlight": "#93c5fd",
            "highlighted_text": "#0f172a",
            "mid": "#94a3b8",
            "link": "#93c5fd",
            "tool_tip_base": "#1e293b",
            "tool_tip_text": "#f1f5f9",
            "placeholder": "#cbd5e1",
        },
        _DARK_PHASES,
        danger="#fca5a5",
        danger_text="#0f172a",
        disabled_text="#64748b",
    ),
    "high-contrast": Theme(
        "high-contrast",
        {
            "window": "#000000",
            "window_text": "#ffffff",
            "base": "#000000",
            "alternate_base": "#1a1a1a",
            "text": "#ffffff",
            "button": "#000000",
            "button_text": "#ffffff",
            "highlight": "#ffff00",
            "highlighted_text": "#000000",
            "mid": "#ffffff",
            "link": "#ffff00",
            "tool_tip_base": "#000000",
            "tool_tip_text": "#ffffff",
            "placeholder": "#ffffff",
        },
        _CONTRAST_PHASES,
        danger="#ffb3b3",
        danger_text="#000000",
        disabled_text="#8a8a8a",
    ),
}

TEXT_PAIRS = (
    ("window_text", "window"),
    ("text", "base"),
    ("text", "alternate_base"),
    ("button_text", "button"),
    ("highlighted_text", "highlight"),
    ("tool_tip_text", "tool_tip_base"),
    ("placeholder", "base"),
)
"""Foreground and background roles that carry text; each pair must reach 4.5:1."""


def resolve_theme(name: str) -> Theme:
    """The theme for a setting value; ``system`` follows the desktop's light or dark choice."""
    if name in THEMES:
        return THEMES[name]
    return THEMES["dark" if desktop_is_dark() else "light"]


@cache
def desktop_is_dark() -> bool:
    """Whether the desktop's colours are dark: its window darker than its text.

    Read once, from the palette the desktop gave the app before :func:`apply_look` replaced
    it, so it works also where Qt cannot tell the desktop's colour scheme.
    """
    palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window).lightness()
    return window < palette.color(QPalette.ColorRole.WindowText).lightness()


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    value = QColor(colour)
    channels = []
    for c in (value.redF(), value.greenF(), value.blueF()):
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def style_sheet(theme: Theme, metrics: Metrics) -> str:
    """The application style sheet: sizes from ``metrics``, colours from palette roles."""
    target = metrics.target
    pt = metrics.points
    return f"""
QWidget {{ font-size: {pt()}pt; }}
QLabel[role="title"] {{ font-size: {pt(2.0)}pt; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: {pt(1.4)}pt; font-weight: bold; }}
QLabel[role="exercise"] {{ font-size: {pt(2.0)}pt; font-weight: bold; }}
QLabel[role="detail"] {{ font-size: {pt(1.25)}pt; }}
QLabel[role="caption"] {{
    font-size: {pt(1.3)}pt; padding: 8px 12px; border-radius: 8px;
    background: palette(alternate-base); color: palette(text);
}}
QLabel[role="phase"] {{ font-size: {pt(1.8)}pt; font-weight: bold; padding: 6px 16px;
    border-radius: 8px; }}
QPushButton {{
    min-height: {target}px; padding: 6px 18px; margin: 2px;
    border: 2px solid palette(mid); border-radius: 10px;
    background: palette(button); color: palette(button-text);
}}
QPushButton[answer="true"] {{ min-height: {target * 3 // 2}px; padding: 6px 8px; }}
QPushButton:focus {{ border: 4px solid palette(window-text); margin: 0px; }}
QPushButton:checked {{ background: palette(highlight); color: palette(highlighted-text); }}
QPushButton:disabled {{
    border-style: dashed; background: palette(window); color: {theme.disabled_text};
}}
QPushButton[role="primary"] {{
    background: palette(highlight); color: palette(highlighted-text);
    font-size: {pt(1.3)}pt; font-weight: bold; padding: 6px 36px;
}}
QPushButton[role="danger"] {{
    background: {theme.danger}; color: {theme.danger_text}; font-weight: bold;
}}
QPushButton[role="primary"]:disabled, QPushButton[role="danger"]:disabled {{
    background: palette(window); color: {theme.disabled_text};
}}
QFrame[role="card"] {{
    background: palette(base); border: 2px solid palette(mid); border-radius: 12px;
}}
QFrame[role="banner"] {{
    background: palette(alternate-base); border: 3px solid palette(highlight);
    border-radius: 12px;
}}
QFrame[role="picture"] {{ background: #ffffff; border-radius: 12px; }}
QFrame[role="picture"] QLabel {{ color: #0f172a; background: transparent; }}
QProgressBar {{
    min-height: {max(12, target // 3)}px; border: 2px solid palette(mid); border-radius: 6px;
    background: palette(base); text-align: center;
}}
QProgressBar::chunk {{ background: palette(highlight); border-radius: 4px; }}
QScrollArea {{ border: none; background: transparent; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractItemView {{
    border: 2px solid palette(mid); border-radius: 6px;
    background: palette(base); color: palette(text);
}}
QLineEdit, QComboBox {{ padding: {(target - 20) // 2}px 8px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus,
QAbstractItemView:focus {{ border: 4px solid palette(window-text); }}
QComboBox::drop-down {{ width: {target}px; border: none; }}
QComboBox QAbstractItemView::item {{ min-height: {target}px; padding: 0px 8px; }}
QComboBox QAbstractItemView::item:selected {{
    background: palette(highlight); color: palette(highlighted-text);
}}
QFileDialog QToolButton {{
    min-width: {target - 4}px; min-height: {target - 4}px; padding: 0px;
    border: 2px solid palette(mid); border-radius: 8px; background: palette(button);
}}
QFileDialog QAbstractItemView::item {{ min-height: {target}px; }}
QHeaderView::section {{
    background: palette(button); color: palette(button-text);
    border: 1px solid palette(mid); padding: 4px;
}}
QScrollBar:vertical {{
    width: {target}px; background: palette(window);
    border: 2px solid palette(mid); border-radius: 8px; margin: 0px;
}}
QScrollBar:horizontal {{
    height: {target}px; background: palette(window);
    border: 2px solid palette(mid); border-radius: 8px; margin: 0px;
}}
QScrollBar::handle:vertical {{
    background: palette(mid); min-height: {target}px; border-radius: 6px; margin: 4px;
}}
QScrollBar::handle:horizontal {{
    background: palette(mid); min-width: {target}px; border-radius: 6px; margin: 4px;
}}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


EDGE_PAIRS = (
    ("mid", "window"),
    ("mid", "base"),
    ("mid", "button"),
    ("mid", "alternate_base"),
    ("window_text", "window"),
    ("highlight", "window"),
)
"""Edges and the colours they stand on (WCAG 1.4.11: 3:1): every control's border, the
focus frame, a scroll bar's thumb in its trough, a checked or primary button's fill."""


def apply_look(app: QApplication, theme: Theme, metrics: Metrics) -> None:
    """Give the whole application the theme's palette and the mode's sizes.

    Each part is set only when it changes: setting one re-polishes every widget, which costs
    more than building the home screen. The app calls this once before any widget exists.
    Text sizes come from the style sheet (its ``QWidget`` rule covers every widget), so the
    application font is left alone: reading it would cost the first paint ~1 ms of PySide
    building QFont's enums.
    """
    desktop_is_dark()  # read the desktop's colours before they are replaced
    _use_fusion(app)
    palette = theme.palette()
    if app.palette() != palette:
        app.setPalette(palette)
    sheet = style_sheet(theme, metrics)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def _use_fusion(app: QApplication) -> None:
    """Fusion everywhere: the same look on every desktop, and it follows palettes faithfully.

    Checked once: under a style sheet the style's name reads empty, and setting the style
    again would rebuild it and restyle every widget (about 5 ms on each change of look).
    """
    if app.property(FUSION_SET):
        return
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setProperty(FUSION_SET, True)
