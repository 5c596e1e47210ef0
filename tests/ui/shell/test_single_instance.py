"""A second start on the same data folder brings the first window forward instead of writing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from neuroguide.app import _already_running, build_gui
from neuroguide.core.clock import FakeClock
from neuroguide.paths import resolve_paths
from neuroguide.ui.shell.single_instance import ShowServer, ask_to_show, socket_path


def short_dir(tmp_path: Path) -> Path:
    path = tmp_path / "d"
    path.mkdir()
    assert socket_path(path) is not None, "pytest's tmp_path is short enough for a socket"
    return path


def test_a_show_request_reaches_the_running_instance(qtbot: QtBot, tmp_path: Path) -> None:
    data = short_dir(tmp_path)
    path = socket_path(data)
    assert path is not None
    server = ShowServer(path)
    answers: list[bool] = []
    asker = threading.Thread(target=lambda: answers.append(ask_to_show(data)))
    with qtbot.waitSignal(server.show_requested, timeout=5000):
        asker.start()
    asker.join(5)
    assert answers == [True]
    server.close()
    assert not path.exists()
    assert ask_to_show(data) is False, "nobody listens any more"


def test_nobody_running_means_start_normally(tmp_path: Path) -> None:
    paths = resolve_paths(str(short_dir(tmp_path)), {})
    assert _already_running(paths) is False


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_a_second_start_finds_the_first_and_it_comes_forward(qtbot: QtBot, tmp_path: Path) -> None:
    paths = resolve_paths(str(short_dir(tmp_path)), {})
    gui = build_gui(paths, clock=FakeClock(), show=False)
    assert gui is not None
    qtbot.addWidget(gui.window)
    with qtbot.waitExposed(gui.window):
        gui.window.show()
    gui.window.showMinimized()
    answers: list[bool] = []
    second = threading.Thread(target=lambda: answers.append(_already_running(paths)))
    second.start()
    qtbot.waitUntil(lambda: not second.is_alive(), timeout=5000)
    assert answers == [True]
    qtbot.waitUntil(lambda: not gui.window.isMinimized(), timeout=5000)
    gui.window.close()
    assert _already_running(paths) is False, "closing releases the folder"
