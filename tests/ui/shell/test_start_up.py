"""What keeps the first paint quick: no ``Qt`` namespace before it, and the numbers used instead."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from neuroguide.app import FIRST_PAINT_CARDS, Gui, build_gui, create_application
from neuroguide.core.clock import FakeClock
from neuroguide.paths import Paths, resources_dir
from neuroguide.speech.speaker import RecordingSpeaker
from neuroguide.ui.common import widgets
from neuroguide.ui.shell import theme

ROOT = Path(__file__).resolve().parents[2]

FIRST_PAINT = """
import os, sys
import neuroguide.app as gui_module

build_gui = gui_module.build_gui


def report():
    import PySide6.QtCore as core

    late = ("json", "neuroguide.content", "neuroguide.core.library", "neuroguide.store.database")
    print("qt-namespace", "Qt" in core.__dict__, flush=True)
    print("loaded", *sorted(name for name in late if name in sys.modules), flush=True)


def build_and_watch(*args, **kwargs):
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    gui = build_gui(*args, **kwargs)

    class Watch(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, report)
                QTimer.singleShot(0, wait_for_the_cache)
            return False

    def wait_for_the_cache():  # written just after the paint, for the next start
        if gui.flow.content_loaded and args[0].home_cache.exists():
            QApplication.quit()
        else:
            QTimer.singleShot(20, wait_for_the_cache)

    title = gui.window.header_title  # a label: painted on every pass (after_first_paint)
    title.installEventFilter(Watch(title))
    return gui


gui_module.build_gui = build_and_watch
from neuroguide.cli import main

sys.exit(main([]))
"""


def _first_paint(data: Path) -> str:
    """Start ``neuroguide`` (no arguments) on ``data``; what it had loaded at the first paint."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEUROGUIDE_DATA_DIR=str(data))
    finished = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=environment,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    return finished.stdout


def test_the_plain_numbers_are_the_qt_enum_values(qtbot: QtBot) -> None:
    assert Qt.FocusPolicy.TabFocus.value == widgets.TAB_FOCUS
    assert Qt.FocusPolicy.NoFocus.value == widgets.NO_FOCUS
    assert Qt.TextFormat.PlainText.value == widgets.PLAIN_TEXT
    assert Qt.ScrollBarPolicy.ScrollBarAlwaysOff.value == widgets.SCROLL_BAR_ALWAYS_OFF
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


def _quick_start(qtbot: QtBot, paths: Paths) -> Gui:
    create_application()
    gui = build_gui(paths, clock=FakeClock(), speaker=RecordingSpeaker(), quick_start=True)
    assert gui is not None
    qtbot.addWidget(gui.window)
    return gui


def _close(gui: Gui) -> None:
    gui.window.close()
    QApplication.processEvents()


def test_a_later_start_paints_the_cached_cards_and_loads_the_content_after(
    qtbot: QtBot, app_paths: Paths
) -> None:
    first = _quick_start(qtbot, app_paths)
    assert first.flow.content_loaded  # nothing cached yet: loaded before the first paint
    qtbot.waitUntil(app_paths.home_cache.exists)
    names = [card.info.name for card in first.flow.home.cards]
    _close(first)

    later = _quick_start(qtbot, app_paths)
    assert not later.flow.content_loaded
    cards = later.flow.home.cards  # the first row only: the rest is below the fold
    assert [card.info.name for card in cards] == names[:FIRST_PAINT_CARDS]
    assert later.flow.home.start_button.text() == "Start Stretch break"
    qtbot.waitUntil(lambda: later.flow.content_loaded)
    after = later.flow.home.cards
    assert [card.info.name for card in after] == names
    assert after[:FIRST_PAINT_CARDS] == cards  # the same first cards: nothing flickers
    _close(later)


def test_the_first_row_of_cards_is_painted_first_and_the_rest_follows(
    qtbot: QtBot, app_paths: Paths
) -> None:
    gui = _quick_start(qtbot, app_paths)  # no cache yet: content loaded before the paint
    home = gui.flow.home
    assert len(home.cards) == FIRST_PAINT_CARDS
    gui.window.show()
    qtbot.waitUntil(lambda: len(home.cards) == len(gui.flow.routines()))
    assert len(home.cards) > FIRST_PAINT_CARDS
    qtbot.waitUntil(lambda: all(card.isVisible() for card in home.cards))  # Qt shows them queued
    _close(gui)


def test_cards_are_kept_when_the_list_grows_and_rebuilt_from_the_first_change(
    qtbot: QtBot,
) -> None:
    from neuroguide.present.metrics import Metrics
    from neuroguide.present.routine_words import RoutineInfo
    from neuroguide.ui.home.view import HomeView

    def info(name: str) -> RoutineInfo:
        return RoutineInfo(name, name, "1 min", "seated", "nothing", "")

    home = HomeView(Metrics())
    qtbot.addWidget(home)
    home.set_routines([info("a"), info("b")])
    first = home.cards
    home.set_routines([info("a"), info("b"), info("c")])
    assert home.cards[:2] == first and len(home.cards) == 3
    home.set_routines([info("a"), info("x"), info("c")])
    assert home.cards[0] is first[0]
    assert home.cards[1] is not first[1] and [c.info.name for c in home.cards] == ["a", "x", "c"]
    home.set_routines([info("a")])
    assert [c.info.name for c in home.cards] == ["a"]


def test_a_changed_routine_file_is_not_hidden_by_the_cache(qtbot: QtBot, app_paths: Paths) -> None:
    first = _quick_start(qtbot, app_paths)
    qtbot.waitUntil(app_paths.home_cache.exists)
    _close(first)
    app_paths.user_routines.mkdir(exist_ok=True)
    built_in = (app_paths.builtin_routines / "stretch-break.toml").read_text()
    (app_paths.user_routines / "mine.toml").write_text(
        built_in.replace('"stretch-break"', '"mine"').replace('"Stretch break"', '"My morning"')
    )
    later = _quick_start(qtbot, app_paths)
    assert later.flow.content_loaded  # the stamp changed: loaded first, as on a first start
    later.window.show()
    try:
        qtbot.waitUntil(lambda: "My morning" in [card.info.name for card in later.flow.home.cards])
    finally:
        _close(later)


def test_a_library_damaged_after_caching_is_explained_and_the_app_quits(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(resources_dir(), resources)
    paths = Paths(tmp_path, tmp_path, resources)
    first = _quick_start(qtbot, paths)
    qtbot.waitUntil(paths.home_cache.exists)
    _close(first)
    library = paths.exercises_file
    status = library.stat()
    library.write_text(library.read_text().replace('id = "calf-stretch"', 'id = "calf stretch"'))
    os.utime(library, ns=(status.st_atime_ns, status.st_mtime_ns))  # size differs, time kept
    shown: list[str] = []
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.critical",
        lambda _parent, title, text: shown.append(f"{title}: {text}"),
    )
    exits: list[int] = []
    monkeypatch.setattr("PySide6.QtWidgets.QApplication.exit", lambda code=0: exits.append(code))
    later = _quick_start(qtbot, paths)
    qtbot.waitUntil(lambda: bool(exits))
    assert exits == [1] and shown and "damaged" in shown[0]
    assert not later.window.isVisible()


def test_what_follows_the_first_paint_runs_even_without_routine_cards(
    qtbot: QtBot, app_paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A container covered by its children gets no paint event of its own: waiting for the
    # home screen's paint with no cards on it once left history, voice and keys uninstalled.
    from neuroguide.ui.home.view import HomeView

    set_routines = HomeView.set_routines
    monkeypatch.setattr(HomeView, "set_routines", lambda view, _r: set_routines(view, []))
    gui = _quick_start(qtbot, app_paths)
    gui.window.resize(1280, 1600)
    gui.window.show()
    try:
        qtbot.waitUntil(lambda: gui.window.has_screen("history"))
        assert gui.flow.content_loaded and not gui.flow.home.cards
    finally:
        _close(gui)
