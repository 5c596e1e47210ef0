"""A second start on the same data folder brings the first window forward instead of writing."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from neuroguide.app import _already_running, build_gui
from neuroguide.core.clock import FakeClock
from neuroguide.paths import DATA_DIR_VARIABLE, resolve_paths
from neuroguide.ui.shell.single_instance import (
    MAX_REQUEST,
    ShowServer,
    ask_to_show,
    request_for,
    socket_path,
)


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


def _shared_programme(paths_dir: Path, tmp_path: Path) -> Path:
    """A real .neuroguide file, as a physiotherapist would send one."""
    from neuroguide.content.loader import load_content
    from neuroguide.content.programme import write_programme
    from neuroguide.core.routine_file import parse_routine
    from tests.programme.conftest import PNG, PROGRAMME

    given = tmp_path / "given"
    (given / "pictures").mkdir(parents=True)
    (given / "pictures" / "sit.png").write_bytes(PNG)
    library = load_content(resolve_paths(str(paths_dir), {})).library
    routine, _problems = parse_routine(PROGRAMME.encode(), str(given / "p.toml"), library)
    assert routine is not None
    shared = tmp_path / "physio.neuroguide"
    write_programme(routine, shared)
    return shared


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_a_file_opened_while_running_goes_to_the_running_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data = short_dir(tmp_path)
    paths = resolve_paths(str(data), {})
    shared = _shared_programme(data, tmp_path)
    gui = build_gui(paths, clock=FakeClock(), show=False)
    assert gui is not None
    qtbot.addWidget(gui.window)
    with qtbot.waitExposed(gui.window):
        gui.window.show()
    gui.window.showMinimized()
    # `neuroguide FILE`, as a file manager's "Open with NeuroGuide" runs it.
    second = subprocess.Popen(
        [sys.executable, "-m", "neuroguide", shared.name],
        cwd=shared.parent,  # a relative name: the running window has another working folder
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", DATA_DIR_VARIABLE: str(data)},
    )
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
    out, err = second.communicate()
    assert second.returncode == 0, err
    assert out.strip() == f"NeuroGuide is already open; {shared.name} was handed to its window."
    editor = gui.editor.screen
    qtbot.waitUntil(lambda: editor.currentWidget() is editor.programme_page, timeout=5000)
    assert gui.window.current_screen == "editor"
    assert "Own exercise: Sit to stand" in editor.programme_page.contents.text()
    qtbot.waitUntil(lambda: not gui.window.isMinimized(), timeout=5000)
    assert "physio-programme" not in gui.ctx.content.catalog.routines, "shown, not yet added"
    gui.window.close()


def test_a_request_carries_an_absolute_file_name_on_one_line(tmp_path: Path) -> None:
    assert request_for(None) == b"show\n"
    request = request_for(Path("physio.neuroguide"))
    assert request is not None and request.startswith(b"open /") and request.endswith(b"\n")
    assert request_for(tmp_path / "two\nlines.neuroguide") is None
    assert request_for(Path("/" + "x" * MAX_REQUEST)) is None


def test_a_request_that_is_not_show_or_open_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    import socket

    path = socket_path(short_dir(tmp_path))
    assert path is not None
    server = ShowServer(path)
    opened: list[Path] = []
    server.open_requested.connect(opened.append)
    answers: list[bytes] = []

    def send(request: bytes) -> None:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(5)
            client.connect(str(path))
            client.sendall(request)
            answers.append(client.recv(16))

    for request in (b"open relative.neuroguide\n", b"delete everything\n"):
        asker = threading.Thread(target=send, args=(request,))
        asker.start()
        qtbot.waitUntil(lambda thread=asker: not thread.is_alive(), timeout=5000)
    assert answers == [b"", b""] and opened == []
    server.close()


def test_a_voice_problem_after_the_window_is_gone_is_printed_not_raised(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    """At quit, the voice's thread may report a problem after the window was deleted."""
    from shiboken6 import delete

    from neuroguide.app import _voice_problems
    from neuroguide.present.metrics import Metrics
    from neuroguide.ui.shell.main_window import MainWindow

    window = MainWindow(Metrics())
    tell = _voice_problems(window)
    shown: list[str] = []
    window.notice_requested.connect(shown.append)
    tell("the sound player failed")
    assert shown == ["the sound player failed"]
    delete(window)
    tell("the sound player failed again")  # before: RuntimeError, Signal source has been deleted
    assert "the sound player failed again" in capsys.readouterr().err
