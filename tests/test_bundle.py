"""The PyInstaller bundle (dist/neuroguide, made by packaging/build.sh), when it has been built.

Building takes a while, so the normal test run does not build it; these tests check a bundle
that exists and are skipped otherwise.
"""

from __future__ import annotations

import ctypes.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "neuroguide"
PROGRAM = BUNDLE / ("neuroguide.exe" if os.name == "nt" else "neuroguide")
QT = BUNDLE / "_internal" / "PySide6" / "Qt"

pytestmark = pytest.mark.skipif(
    not PROGRAM.is_file(), reason="no bundle in dist/neuroguide; build it with packaging/build.sh"
)


def headless() -> dict[str, str]:
    """This environment without a screen and without a chosen Qt platform."""
    drop = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    return {key: value for key, value in os.environ.items() if key not in drop}


def run_bundle(*arguments: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PROGRAM), *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=90,
        env=headless(),
        check=False,
    )


def test_the_bundle_passes_its_self_test_headless() -> None:
    finished = run_bundle("self-test")
    assert finished.returncode == 0, finished.stdout + finished.stderr
    lines = finished.stdout.splitlines()
    assert "ok    qt platform: offscreen" in lines[0]
    assert not [line for line in lines if line.startswith("FAIL")]
    if ctypes.util.find_library("espeak-ng") is not None:
        assert any(line.startswith("ok    speech: ") for line in lines), finished.stdout
    assert "(a bundle, resources in" in lines[-1]


def test_the_bundle_runs_its_own_speech_worker() -> None:
    finished = run_bundle("--speech-worker", stdin=json.dumps({"op": "quit"}) + "\n")
    events = [json.loads(line)["event"] for line in finished.stdout.splitlines() if line]
    assert events and events[0] in ("ready", "unavailable"), finished.stdout + finished.stderr
    if ctypes.util.find_library("espeak-ng") is not None:
        assert events[0] == "ready"


def test_the_bundle_finds_its_builtin_routines() -> None:
    finished = run_bundle("routines")
    assert finished.returncode == 0, finished.stderr
    assert "stretch-break" in finished.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="checks Linux file names")
def test_the_bundle_leaves_out_unused_qt_parts() -> None:
    libraries = {path.name.split(".so")[0] for path in (QT / "lib").glob("*.so*")}
    unused = {"libQt6Network", "libQt6Qml", "libQt6Quick", "libQt6Pdf", "libQt6OpenGL"}
    assert not libraries & unused
    assert not (QT / "translations").exists()
    platforms = {path.name for path in (QT / "plugins" / "platforms").iterdir()}
    assert platforms <= {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"}
    assert "libqoffscreen.so" in platforms


def test_the_bundle_opens_and_paints_its_window(tmp_path: Path) -> None:
    from tests.benchmarks.bench_bundle import PAINT_LOG, first_paint

    environment = {**headless(), "QT_QPA_PLATFORM": "offscreen", **PAINT_LOG}
    seconds = first_paint([str(PROGRAM), "--data-dir", str(tmp_path)], environment)
    assert 0 < seconds < 60


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="LD_LIBRARY_PATH is Linux's")
def test_programs_the_bundle_starts_get_the_systems_libraries(tmp_path: Path) -> None:
    log = tmp_path / "player.log"
    player = tmp_path / "aplay"
    player.write_text(f'#!/bin/sh\necho "[$LD_LIBRARY_PATH]" >> "{log}"\n', encoding="utf-8")
    player.chmod(0o755)
    requests = [{"op": "say", "id": 1, "text": "Hold."}, {"op": "quit"}]
    finished = subprocess.run(
        [str(PROGRAM), "--speech-worker", "--driver", "espeak"],
        input="".join(json.dumps(r) + "\n" for r in requests),
        capture_output=True,
        text=True,
        timeout=60,
        env={**headless(), "PATH": f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}"},
        check=False,
    )
    if '"unavailable"' in finished.stdout:
        pytest.skip("no speech engine here to start a player")
    assert log.read_text(encoding="utf-8").splitlines() == ["[]"], finished.stdout
