"""Run every benchmark (or those named) and write one Markdown report.

Usage: ``python -m tests.benchmarks [NAME ...] [--out FILE]`` where NAME is the part after
``bench_`` (e.g. ``timer``). Exit status 1 if any figure missed its target.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from pathlib import Path

from tests.benchmarks.report import Result, render

HERE = Path(__file__).parent


def main() -> int:
    """Run the benchmarks and write the report."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    # One application for every benchmark in this process: a benchmark that made a bare
    # QCoreApplication first would leave the widget benchmarks after it without one.
    app = QApplication.instance() or QApplication(sys.argv[:1])
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--out", type=Path, default=Path("benchmark-report.md"))
    args = parser.parse_args()
    available = sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    chosen = args.names or available
    sections: dict[str, list[Result]] = {}
    for name in chosen:
        if name not in available:
            print(f"unknown benchmark '{name}'; available: {', '.join(available)}")
            return 2
        print(f"== {name}", flush=True)
        try:
            module = importlib.import_module(f"tests.benchmarks.bench_{name}")
            results = module.run()
        except Exception:  # one broken benchmark must not hide the others
            traceback.print_exc()
            results = [Result("ran", "completes", "crashed", False, "see the console")]
        for result in results:
            print(f"   {result.name}: {result.measured} (target {result.target})", flush=True)
        sections[name] = results
    report = render(sections)
    args.out.write_text(report, encoding="utf-8")
    print(report)
    print(f"written to {args.out}")
    del app
    return 0 if all(r.passed for rs in sections.values() for r in rs) else 1


if __name__ == "__main__":
    sys.exit(main())
