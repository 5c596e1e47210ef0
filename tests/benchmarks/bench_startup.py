"""Start-up to a home screen ready for Space, and peak memory, against a bare PySide6 window.

Each measurement is a fresh process (the interpreter start is included for both). NeuroGuide
is started as the ``neuroguide`` command starts it (``cli.main([])``: the single-instance
check, the user's folders, everything a person's start does). The parent notes
``time.monotonic()`` just before starting the child; the child reports the same clock
(CLOCK_MONOTONIC, shared by all processes) right after its first paint, plus its peak RSS,
and quits. The window routes keys from the moment it is built, so the first paint is the
moment the home screen is ready for Space. Runs alternate between the two programs; the
medians are compared, and the instructions up to the paint (valgrind) as a second figure that
does not move with the machine's load.

Run alone:
    .venv/bin/python -c "from tests.benchmarks.bench_startup import run; print(*run(), sep='\\n')"
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.report import Result

RUNS = 11
TIME_FACTOR = 2.0
INSTRUCTION_FACTOR = 2.5  # issue 21: the home screen within 2.5x a bare window
RSS_LIMIT_MB = 90.0
ROOT = Path(__file__).resolve().parents[2]
NOT_AT_START = (
    "built or imported when first used, not at start-up: every screen but home (History, "
    "Settings, the editor, the checks, a session's steps), the voice's renderer, the settings "
    "rows, History's periods and read rows, the progress checks' types, SVG sizes, a TOML "
    "file's line index, the file choosers; keys are taken on the window's QWindow, not by an "
    "application filter (decisions 0029, 0032)"
)
"""What the start-up leaves out (tests/ui/shell/test_start_up.py checks the modules)."""

_REPORT = """
SETTLE_MS = 500
EXIT_AT_PAINT = False
import time


def watch_first_paint(widget):
    \"\"\"Print the clock just after ``widget``'s first paint and the peak RSS, then quit.

    PySide is imported here, not above, so that each program imports it when it would anyway.
    \"\"\"
    import resource
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, self.report)  # once the whole window has been painted
            return False

        def report(self):
            if EXIT_AT_PAINT:  # counting instructions: up to the paint, nothing after
                import os
                os._exit(0)
            self.painted = time.monotonic()
            QTimer.singleShot(SETTLE_MS, self.settled)  # deferred start-up work finishes first

        def settled(self):
            # VmHWM is this process's own peak; ru_maxrss would also count the parent's
            # memory at fork time (Linux keeps it across exec), which a long run inflates.
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            try:
                with open("/proc/self/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            peak = int(line.split()[1])
            except OSError:
                pass
            print(f"painted {self.painted!r} {peak}", flush=True)
            QApplication.quit()

    watcher = FirstPaint(widget)  # a child of the widget: lives as long as it does
    widget.installEventFilter(watcher)
"""

BARE = (
    _REPORT
    + """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget()
window.resize(1280, 800)
watch_first_paint(window)
window.show()
app.exec()
"""
)

# The ``neuroguide`` command itself (argument parsing, the single-instance check, the user's
# folders from XDG_* through platformdirs), with two probes: the paint watcher on the home
# screen, and the bare window's size (an offscreen screen is only 800 pixels wide).
NEUROGUIDE = (
    _REPORT
    + """
import sys
import neuroguide.app as gui_module

_build_gui = gui_module.build_gui


def build_and_watch(*args, **kwargs):
    gui = _build_gui(*args, **kwargs)
    if gui is not None:
        watch_first_paint(gui.window.header_title)  # a label: it paints on every pass
    return gui


gui_module.build_gui = build_and_watch
gui_module._default_size = lambda window: (1280, 800)
from neuroguide.cli.parser import main

sys.exit(main([]))
"""
)


def _measure(program: str, *, cache: str = "", home: str = "") -> tuple[float, float]:
    """Seconds from spawn to first paint, and peak RSS in MB, of one fresh process.

    ``home`` stands in for the user's home: the XDG data, config and cache folders go there,
    so the app finds its folders the way it does for a user (platformdirs included).
    """
    started = time.monotonic()
    finished = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=_environment(cache, home),
        check=False,
    )
    line = next((x for x in finished.stdout.splitlines() if x.startswith("painted ")), None)
    if finished.returncode != 0 or line is None:
        raise RuntimeError(f"start-up run failed: {finished.stderr.strip()[-500:]}")
    _, painted, peak_kb = line.split()
    return float(painted) - started, int(peak_kb) / 1024


def _environment(cache: str, home: str) -> dict[str, str]:
    environment = dict(os.environ)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    environment.pop("NEUROGUIDE_DATA_DIR", None)
    if home:
        for kind in ("DATA", "CONFIG", "CACHE"):
            environment[f"XDG_{kind}_HOME"] = str(Path(home) / kind.lower())
    if cache:
        # An installed app has its bytecode compiled; do the same (outside the tree) even
        # where PYTHONDONTWRITEBYTECODE is set.
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        environment["PYTHONPYCACHEPREFIX"] = cache
    return environment


def _instructions(program: str, *, cache: str, home: str = "") -> int | None:
    """Instructions a program runs up to its first paint, counted by valgrind (``None``: no
    valgrind). Unlike time, the count does not move with the machine's load, so it shows
    small changes that the timed runs cannot; it leaves out waiting, such as for the disk."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    until_paint = program.replace("EXIT_AT_PAINT = False", "EXIT_AT_PAINT = True", 1)
    command = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    finished = subprocess.run(
        [*command, sys.executable, "-c", until_paint],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        env=_environment(cache, home),
        check=False,
    )
    counted = re.search(r"Collected : (\d+)", finished.stderr)
    return int(counted.group(1)) if counted else None


def _pass_welcome(config_home: Path) -> None:
    """Mark the first-run welcome as passed, as pressing its Start does (decision 0026)."""
    settings = config_home / "neuroguide" / "settings.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    text = settings.read_text(encoding="utf-8") if settings.exists() else ""
    if "welcome_seen" not in text:
        settings.write_text(text + "welcome_seen = true\n", encoding="utf-8")


def run() -> list[Result]:
    """Measure each program ``RUNS`` times (after one warm-up each) and compare medians."""
    with tempfile.TemporaryDirectory(prefix="neuroguide-bench-") as data:
        cache = str(Path(data) / "pycache")
        _measure(BARE, cache=cache)
        _measure(NEUROGUIDE, cache=cache, home=data)  # warm-up: makes the folders, bytecode
        _pass_welcome(Path(data) / "config")  # later starts open on the home screen
        bare: list[tuple[float, float]] = []
        ours: list[tuple[float, float]] = []
        for _ in range(RUNS):
            bare.append(_measure(BARE, cache=cache))
            ours.append(_measure(NEUROGUIDE, cache=cache, home=data))
        bare_count = _instructions(BARE, cache=cache)
        our_count = _instructions(NEUROGUIDE, cache=cache, home=data)
    bare_time = statistics.median(t for t, _ in bare)
    our_time = statistics.median(t for t, _ in ours)
    bare_rss = statistics.median(m for _, m in bare)
    our_rss = max(m for _, m in ours)
    ratio = our_time / bare_time
    # Each round's runs follow one another, so their ratio shares the machine's load of the
    # moment; the median of those ratios is the steadiest second opinion on a busy machine.
    paired = statistics.median(o / b for (o, _), (b, _) in zip(ours, bare, strict=True))
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    notes = f"median of {RUNS} fresh processes each, QT_QPA_PLATFORM={platform}"
    counted = our_count is not None and bare_count is not None
    count_ratio = our_count / bare_count if our_count and bare_count else 0.0
    return [
        Result(
            "GUI start-up to the home screen ready for Space",
            f"at most {TIME_FACTOR}x a bare PySide6 window",
            f"{our_time:.3f} s vs bare {bare_time:.3f} s ({ratio:.2f}x)",
            ratio <= TIME_FACTOR,
            notes + f"; median of per-round ratios {paired:.2f}x",
        ),
        Result(
            "GUI start-up in instructions (valgrind)",
            f"at most {INSTRUCTION_FACTOR}x a bare PySide6 window",
            (
                f"{our_count / 1e6:.0f} M vs bare {bare_count / 1e6:.0f} M ({count_ratio:.2f}x)"
                if our_count and bare_count
                else "not counted (valgrind is not installed)"
            ),
            counted and count_ratio <= INSTRUCTION_FACTOR,
            "one run each up to the first paint; leaves out waiting (disk, threads); "
            + NOT_AT_START,
        ),
        Result(
            "GUI peak memory (RSS) after start-up",
            f"under {RSS_LIMIT_MB:.0f} MB",
            f"{our_rss:.1f} MB (bare window {bare_rss:.1f} MB)",
            our_rss < RSS_LIMIT_MB,
            f"highest of all {RUNS} runs, read 0.5 s after the first paint",
        ),
    ]
