"""``neuroguide play --dry-run CHECK`` returns at once (issue 22: within a second).

Before issue 22 it ran the real check in real time (56 s for the chair stand). Measured as a
whole command, the quickest of five runs, against ``neuroguide --version`` in the same run (what
Python needs just to start the command line on this machine): the dry run must end within a
second, and within half a second of that baseline.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from neuroguide.core.checks import CheckId
from tests.benchmarks.report import Result


def _quickest(args: list[str]) -> float:
    times = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(args, capture_output=True, check=True, timeout=60, stdin=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return min(times)


def run() -> list[Result]:
    """One result per check."""
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "neuroguide", "--data-dir", str(Path(folder) / "d")]
        baseline = _quickest([*command, "--version"])
        results = []
        for check in CheckId:
            took = _quickest([*command, "play", "--dry-run", check.value])
            results.append(
                Result(
                    f"play --dry-run {check.value}",
                    "under 1 s, and under --version + 0.5 s",
                    f"{took:.2f} s (--version {baseline:.2f} s)",
                    took < 1.0 and took < baseline + 0.5,
                )
            )
        return results
