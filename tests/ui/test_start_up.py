"""What keeps the first paint quick: no ``Qt`` namespace before it, and the numbers used instead."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from neuroguide.ui import theme, widgets

ROOT = Path(__file__).resolve().parents[2]

FIRST_PAINT = """
import os, sys
import PySide6.QtCore as core
from PySide6.QtCore import QEvent, QObject, QTimer
from neuroguide.app import build_gui, create_application
from neuroguide.paths import resolve_paths

app = create_application()
gui = build_gui(resolve_paths(sys.argv[1]), show=False, quick_start=True)


class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        print("qt-namespace", "Qt" in core.__dict__, flush=True)
        os._exit(0)


watch = Watch()
gui.flow.home.installEventFilter(watch)
gui.window.show()
app.exec()
"""


def _first_paint(data: Path) -> str:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    finished = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(data)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=environment,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    return finished.stdout


def test_the_home_screen_is_painted_before_the_qt_namespace_is_built(tmp_path: Path) -> None:
    # Building the ~95 enum classes of ``Qt`` takes about 15 ms; the home screen needs none.
    assert "qt-namespace False" in _first_paint(tmp_path)


def test_the_plain_numbers_are_the_qt_enum_values(qtbot: QtBot) -> None:
    assert widgets.TAB_FOCUS == Qt.FocusPolicy.TabFocus.value
    assert widgets.NO_FOCUS == Qt.FocusPolicy.NoFocus.value
    assert widgets.PLAIN_TEXT == Qt.TextFormat.PlainText.value
    assert widgets.SCROLL_BAR_ALWAYS_OFF == Qt.ScrollBarPolicy.ScrollBarAlwaysOff.value
    button = widgets.make_button("Go", "Go", "Goes.")
    label = widgets.make_label("<b>not bold</b>")
    area = widgets.vertical_scroll(QWidget())
    for widget in (button, label, area):
        qtbot.addWidget(widget)
    assert button.focusPolicy() == Qt.FocusPolicy.TabFocus
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert isinstance(area, QScrollArea)
    assert area.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_the_system_theme_follows_the_desktops_colours(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QGuiApplication.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    try:
        app.setPalette(dark)
        theme.desktop_is_dark.cache_clear()
        assert theme.resolve_theme("system").name == "dark"
        app.setPalette(before)
        theme.desktop_is_dark.cache_clear()
        light = theme.resolve_theme("system").name == "light"
        assert light == (not theme.desktop_is_dark())
    finally:
        app.setPalette(before)
        theme.desktop_is_dark.cache_clear()
        theme.desktop_is_dark()  # read again from the palette the other tests had
