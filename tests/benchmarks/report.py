"""Benchmark results and the Markdown report they are written to."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Result:
    """One measured figure against its target."""

    name: str
    target: str
    measured: str
    passed: bool
    notes: str = ""


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (``fraction`` from 0 to 1) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def median(values: Sequence[float]) -> float:
    """The median of a non-empty sequence."""
    return statistics.median(values)


def machine_line() -> str:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )


def render(sections: dict[str, list[Result]]) -> str:
    """The whole report as Markdown."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# NeuroGuide benchmark report",
        "",
        f"Measured {when} on {machine_line()}.",
        "",
        "| benchmark | figure | target | measured | result | notes |",
        "|---|---|---|---|---|---|",
    ]
    for section, results in sections.items():
        for result in results:
            verdict = "pass" if result.passed else "**FAIL**"
            lines.append(
                f"| {section} | {result.name} | {result.target} | {result.measured} | "
                f"{verdict} | {result.notes} |"
            )
    return "\n".join(lines) + "\n"
