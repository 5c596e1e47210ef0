"""Without a usable display the window command says so in one line, exits 1, touches no data."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from neuroguide.display import display_problem

UNUSED_DISPLAY = ":987"  # no X server runs there


def _run_gui(data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    environ.update(env)
    command = [sys.executable, "-m", "neuroguide", "--data-dir", str(data_dir), "gui"]
    return subprocess.run(command, env=environ, capture_output=True, text=True, timeout=60)


def _assert_told_in_one_line(result: subprocess.CompletedProcess[str], data_dir: Path) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for words in ("desktop session", "neuroguide play", "neuroguide self-test", "xvfb-run -a"):
        assert words in lines[0]
    assert not data_dir.exists()  # no lock, no history, nothing


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland only")
def test_no_display_at_all_is_one_line_and_exit_1(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _assert_told_in_one_line(_run_gui(data_dir), data_dir)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland only")
def test_a_display_with_no_server_behind_it_is_one_line_and_exit_1(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = _run_gui(data_dir, DISPLAY=UNUSED_DISPLAY)
    _assert_told_in_one_line(result, data_dir)
    assert UNUSED_DISPLAY in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland only")
def test_a_platform_qt_cannot_start_is_caught_before_qt_aborts(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = _run_gui(data_dir, QT_QPA_PLATFORM="no-such-platform")
    _assert_told_in_one_line(result, data_dir)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland only")
def test_a_platform_failure_on_a_working_display_points_at_the_set_up(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = _run_gui(data_dir, DISPLAY=UNUSED_DISPLAY, QT_QPA_PLATFORM="no-such-platform")
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "a system library is probably missing: run `bash packaging/setup.sh`" in result.stderr
    assert "neuroguide self-test" in result.stderr and not data_dir.exists()


@pytest.mark.parametrize(
    ("environ", "fine"),
    [
        ({}, False),
        ({"QT_QPA_PLATFORM": "offscreen"}, True),
        ({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "no-such-wayland-0"}, False),
        ({"DISPLAY": UNUSED_DISPLAY}, False),
    ],
)
def test_display_problem_reads_the_environment(environ: dict[str, str], fine: bool) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("X11 and Wayland only")
    assert (display_problem({"XDG_RUNTIME_DIR": "/nonexistent", **environ}) is None) is fine


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and byte file names")
@pytest.mark.timeout(60)
@pytest.mark.parametrize("folder", [b"data", b"odd\xffname"])
def test_ctrl_c_in_the_terminal_closes_the_window_cleanly(tmp_path: Path, folder: bytes) -> None:
    """Also with a data folder whose name is not UTF-8 (PySide used to crash on it)."""
    data_dir = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), folder)))
    environ = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "neuroguide", "--data-dir", str(data_dir), "gui"]
    process = subprocess.Popen(command, env=environ, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not (data_dir / "neuroguide.sock").exists():  # the window is up and listening
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert not (data_dir / "neuroguide.sock").exists(), "closed the usual way, socket removed"
