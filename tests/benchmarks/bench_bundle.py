"""The PyInstaller bundle: its size, and its start-up to the first painted window against the
same app started from source.

Both programs are the real ``neuroguide`` command on a fresh data folder. Qt is asked to log
its widget painting with a CLOCK_MONOTONIC time stamp (``%{time boot}``), so the first
"Flushing ... of MainWindow" line is when the first frame of the window was finished; the
parent notes ``time.monotonic()`` just before starting the child. Runs alternate; medians are
compared. The logging costs both programs the same.

Run alone (after packaging/build.sh):
    .venv/bin/python -c "from tests.benchmarks.bench_bundle import run; print(*run(), sep='\\n')"
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from tests.benchmarks.report import Result

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "neuroguide"
PROGRAM = BUNDLE / ("neuroguide.exe" if os.name == "nt" else "neuroguide")
RUNS = 5
SIZE_LIMIT_MB = 150.0
TIME_FACTOR = 1.25
TIMEOUT = 60.0
SIZE_NAME = "bundle size on disk"
SIZE_TARGET = f"under {SIZE_LIMIT_MB:.0f} MB"
TIME_NAME = "bundle start-up to first painted window"
TIME_TARGET = f"at most {TIME_FACTOR}x the same app from source"
PAINT_LOG = {
    "QT_LOGGING_RULES": "qt.widgets.painting.debug=true",
    "QT_MESSAGE_PATTERN": "%{time boot} %{message}",
}


def disk_size(folder: Path) -> int:
    """Bytes taken by every file under ``folder`` (symbolic links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def compressed_size(folder: Path) -> int:
    """Bytes of the folder as a .tar.gz, the way it would be downloaded."""
    with tempfile.TemporaryDirectory(prefix="neuroguide-bench-") as scratch:
        archive = Path(scratch) / "neuroguide.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
            tar.add(folder, arcname=folder.name)
        return archive.stat().st_size


def first_paint(command: list[str], environment: dict[str, str]) -> float:
    """Seconds from spawn to the first frame of the main window, in one fresh process."""
    started = time.monotonic()
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        cwd=ROOT,
        start_new_session=True,  # the speech worker goes with it when the group is killed
    )
    assert process.stderr is not None
    painted: float | None = None
    try:
        for line in process.stderr:
            if "Flushing" in line and "MainWindow" in line:
                painted = float(line.split()[0])
                break
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate(timeout=TIMEOUT)
    if painted is None:
        raise RuntimeError(f"{command[0]} ended without painting its window")
    return painted - started


def run() -> list[Result]:
    """Measure the bundle's size, then both start-ups ``RUNS`` times after a warm-up each."""
    if not PROGRAM.is_file():
        note = "build it with packaging/build.sh, then run this benchmark again"
        return [
            Result(SIZE_NAME, SIZE_TARGET, "not built", False, note),
            Result(TIME_NAME, TIME_TARGET, "not built", False, note),
        ]
    size = disk_size(BUNDLE) / 1e6
    packed = compressed_size(BUNDLE) / 1e6
    files = sum(1 for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environment = {**base, "QT_QPA_PLATFORM": "offscreen", **PAINT_LOG}
    with tempfile.TemporaryDirectory(prefix="neuroguide-bench-") as scratch:
        source_env = {**environment, "PYTHONPYCACHEPREFIX": str(Path(scratch) / "pycache")}
        source_env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode
        frozen = [str(PROGRAM), "--data-dir", str(Path(scratch) / "frozen")]
        source = [sys.executable, "-m", "neuroguide", "--data-dir", str(Path(scratch) / "src")]
        first_paint(frozen, environment)  # warm-ups: data folders, bytecode, page cache
        first_paint(source, source_env)
        bundle_times: list[float] = []
        source_times: list[float] = []
        for _ in range(RUNS):
            bundle_times.append(first_paint(frozen, environment))
            source_times.append(first_paint(source, source_env))
    ours = statistics.median(bundle_times)
    theirs = statistics.median(source_times)
    ratio = ours / theirs
    return [
        Result(
            SIZE_NAME,
            SIZE_TARGET,
            f"{size:.0f} MB ({packed:.0f} MB as .tar.gz, {files} files)",
            size < SIZE_LIMIT_MB,
            f"{BUNDLE.relative_to(ROOT)}, one-folder PyInstaller build",
        ),
        Result(
            TIME_NAME,
            TIME_TARGET,
            f"{ours:.3f} s vs source {theirs:.3f} s ({ratio:.2f}x)",
            ratio <= TIME_FACTOR,
            f"median of {RUNS} fresh processes each, QT_QPA_PLATFORM=offscreen",
        ),
    ]
