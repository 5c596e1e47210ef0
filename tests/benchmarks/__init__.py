"""Speed and memory benchmarks: run with ``python -m tests.benchmarks``; not part of pytest."""
