"""A screen reader hears what changes by itself or by a press: over a real AT-SPI bus (as in
test_screen_reader.py) a pyatspi listener hears the phase, the pause, the resume and the stop
question announced (Qt 6.8's announcement events)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.shell.test_screen_reader import (
    HERE,
    ROOT,
    SESSION,
    SYSTEM_PYTHON,
    missing,
    reader_environment,
)


@pytest.mark.timeout(240)
@pytest.mark.skipif(missing() is not None, reason=f"screen reader check: {missing()}")
def test_a_screen_reader_hears_the_phase_pause_resume_and_stop_question(tmp_path: Path) -> None:
    env = reader_environment()
    command = ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1366x768x24"]
    listener = [SYSTEM_PYTHON, str(HERE / "atspi_listener.py")]
    result = subprocess.run(
        [*command, sys.executable, "-c", SESSION, str(tmp_path / "data"), *listener],
        capture_output=True,
        text=True,
        timeout=220,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode in (0, -signal.SIGINT), result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    heard = report["heard"]
    assert report["missing"] == [], report
    assert any(text.startswith("Get ready") for text in heard), heard
    assert any(text.startswith("Paused") for text in heard), heard
    assert "Carrying on." in heard, heard
    assert any("End this session?" in text for text in heard), heard
