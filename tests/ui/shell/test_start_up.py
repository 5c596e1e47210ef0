"""Starting the real command: the home screen comes up ready for Space, on the desktop's colours."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neuroguide.ui.shell import theme

ROOT = Path(__file__).resolve().parents[3]

READY = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import neuroguide.app as app_module

build_gui = app_module.build_gui


def build_and_check(*args, **kwargs):
    gui = build_gui(*args, **kwargs)

    def report():
        window = gui.window
        cards = len(gui.home.view.cards)
        print("screen", window.current_screen, "cards", cards, "history", gui.history is not None)
        window.close()
        QApplication.quit()

    QTimer.singleShot(0, report)
    return gui


app_module.build_gui = build_and_check
from neuroguide.cli.parser import main

sys.exit(main([]))
"""


def test_the_command_opens_the_home_screen_with_every_routine_and_the_history(
    tmp_path: Path,
) -> None:
    # No speech worker to wait for; the first-run welcome was passed on an earlier start
    # (tests/ui/settings/test_welcome.py starts truly first).
    (tmp_path / "settings.toml").write_text("voice = false\nwelcome_seen = true\n")
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEUROGUIDE_DATA_DIR=str(tmp_path))
    finished = subprocess.run(
        [sys.executable, "-c", READY],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=environment,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    routines = len(list((ROOT / "resources" / "routines").glob("*.toml")))
    assert f"screen home cards {routines} history True" in finished.stdout


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
