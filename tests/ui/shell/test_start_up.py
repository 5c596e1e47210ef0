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
from tests.benchmarks.bench_startup import NEUROGUIDE

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


# The benchmark's start, stopped at its first paint, listing the modules loaded by then.
LISTING = NEUROGUIDE.replace(
    "                os._exit(0)",
    "                print('loaded', *sorted(sys.modules), flush=True)\n"
    "                os._exit(0)",
).replace("EXIT_AT_PAINT = False", "EXIT_AT_PAINT = True\nimport sys", 1)

NOT_AT_START = (
    "neuroguide.ui.session.steps",  # the session's steps: when a routine starts
    "neuroguide.ui.session.player_view",
    "neuroguide.speech.planned",  # the voice: once the first frame is out
    "neuroguide.speech.renderer",
    "neuroguide.ui.editor.screen",  # screens: when first shown
    "neuroguide.ui.settings.screen",
    "neuroguide.ui.history.review_screen",
    "neuroguide.ui.checks.run_view",
    "neuroguide.ui.checks.progress_view",
    "neuroguide.present.settings_rows",  # the settings screen's rows: when it is opened
    "neuroguide.core.periods",  # History's periods: when History is opened
    "neuroguide.core.svg_size",  # a picture's size: when a programme is imported
    "neuroguide.store.rows",  # History's rows: when History reads them
    "neuroguide.core.checks",  # the progress checks' types: when a check is read or run
    "neuroguide.ui.common.file_chooser",  # file choosers: when one is opened
)


def _start(program: str, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=environment,
        check=False,
    )


def test_the_command_opens_the_home_screen_with_every_routine_and_the_history(
    tmp_path: Path,
) -> None:
    # No speech worker to wait for; the first-run welcome was passed on an earlier start
    # (tests/ui/settings/test_welcome.py starts truly first).
    (tmp_path / "settings.toml").write_text("voice = false\nwelcome_seen = true\n")
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", NEUROGUIDE_DATA_DIR=str(tmp_path))
    finished = _start(READY, environment)
    assert finished.returncode == 0, finished.stderr[-2000:]
    routines = len(list((ROOT / "resources" / "routines").glob("*.toml")))
    assert f"screen home cards {routines} history True" in finished.stdout


def test_the_first_paint_loads_only_what_home_shows(tmp_path: Path) -> None:
    """The session's steps, the voice's renderer and unopened screens wait (issue 21)."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    environment.pop("NEUROGUIDE_DATA_DIR", None)
    for kind in ("DATA", "CONFIG", "CACHE"):  # a person's folders, as the benchmark's start
        environment[f"XDG_{kind}_HOME"] = str(tmp_path / kind.lower())
    finished = _start(LISTING, environment)
    line = next((x for x in finished.stdout.splitlines() if x.startswith("loaded ")), "")
    assert line, finished.stderr[-2000:]
    loaded = set(line.split()[1:])
    assert "neuroguide.ui.home.view" in loaded, "the listing is of a home screen"
    assert [name for name in NOT_AT_START if name in loaded] == []


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
