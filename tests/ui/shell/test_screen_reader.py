"""A screen reader reads the real window: the app runs on a virtual X screen with its own private
D-Bus session (dbus-run-session) and AT-SPI bus, and a pyatspi reader (Orca's library, under the
system python3) reads the first-run welcome and passes it, reads the home screen, writes and
reads a text field (the year of birth) through the Text interface, starts a routine through
AT-SPI and reads the player."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"


def missing() -> str | None:
    """What this machine lacks for the check, in one line (setup.sh --test installs it all)."""
    for tool, package in (("dbus-run-session", "dbus"), ("xvfb-run", "xvfb")):
        if shutil.which(tool) is None:
            return f"no {tool} (Debian package {package})"
    if not os.path.exists("/usr/libexec/at-spi-bus-launcher"):
        return "no AT-SPI bus launcher (Debian package at-spi2-core)"
    found = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
    ).returncode
    if found != 0:
        return "no pyatspi for the system python3 (Debian package python3-pyatspi)"
    return None


SESSION = """
import os, signal, subprocess, sys
app = subprocess.Popen([sys.executable, "-m", "neuroguide", "--data-dir", sys.argv[1]])
try:
    reader = subprocess.run([sys.argv[2], sys.argv[3]], capture_output=True, text=True, timeout=150)
finally:
    app.send_signal(signal.SIGINT)  # Ctrl+C closes the window as its close button does
    app.wait(30)
sys.stderr.write(reader.stderr)
print(reader.stdout)
sys.exit(reader.returncode or app.returncode)
"""


def reader_environment() -> dict[str, str]:
    """This process's environment for an app on its own bus and X server, accessibility on."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "AT_SPI_BUS")
    }
    env.update(
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",  # as when a screen reader runs
        NO_AT_BRIDGE="0",
        PYTHONPATH=str(ROOT),
    )
    return env


def run_reader(tmp_path: Path, script: str) -> dict[str, Any]:
    """Run the app's SESSION on a private D-Bus and Xvfb with ``script`` (an AT-SPI client run
    by the system Python beside it); the client's report, its last line of JSON."""
    result = subprocess.run(
        [
            "dbus-run-session",
            "--",
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1366x768x24",
            sys.executable,
            "-c",
            SESSION,
            str(tmp_path / "data"),
            SYSTEM_PYTHON,
            str(HERE / script),
        ],
        capture_output=True,
        text=True,
        timeout=220,
        env=reader_environment(),
        cwd=ROOT,
        check=False,
    )
    assert result.returncode in (0, -signal.SIGINT), result.stderr[-2000:]
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


@pytest.mark.timeout(240)
@pytest.mark.skipif(missing() is not None, reason=f"screen reader check: {missing()}")
def test_a_screen_reader_reads_the_home_screen_and_the_player(tmp_path: Path) -> None:
    read = run_reader(tmp_path, "atspi_reader.py")
    # A first start shows the welcome; every label's text reaches the reader in its name or
    # description. Qt (6.11) gives labels no Text interface (docs/accessibility.md): where a
    # later Qt does, it must give the same words.
    welcome = read["welcome"]
    said = " ".join(f"{label['name']} {label['description']}" for label in welcome)
    assert "Welcome to NeuroGuide" in said and "guides you through short exercises" in said
    for label in welcome:
        assert label["name"] or label["description"], label
        assert label["text"] is None or label["text"] in (label["name"], label["description"])
    assert read["home_showing"]  # Start, pressed through AT-SPI, went on to the home screen
    assert "Start Stretch break" in read["home"]
    assert read["year"] == "1955"  # a text field offers the Text interface
    assert any("Arm circles" in name for name in read["player"]), read["player"]
