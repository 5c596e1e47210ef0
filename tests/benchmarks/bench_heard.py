"""Heard-length benchmark: what the home cards' lengths cost before the first paint.

The home screen shows each built-in routine's length as heard (decision 0021), measured
before its first paint (decision 0023). Since decision 0031 a card's length comes from the
plan's get-readys and switches alone (``core.heard_length.as_run_seconds``), with one clip
measure shared by the eight cards, as ``Sessions.lengths()`` does. The baseline, in the
same run, is what the cards paid before: the whole speech plan of each routine
(``plan_seconds(plan_speech(...))``, which the player still makes as a routine starts).

Counted in instructions (valgrind), each in a fresh process on the real content with an
empty phrase cache (every clip estimated, as at a first start), less a process that does
everything but the measuring; without valgrind, the median time of 15 rounds in this
process. Target: the cards at most a third of the whole plans, with the same lengths.

Run alone:
    .venv/bin/python -m tests.benchmarks heard
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.report import Result

ROOT = Path(__file__).resolve().parents[2]
SHARE = 1 / 3
"""The cards' lengths may cost at most this share of the whole plans they replace."""

_PROGRAM = """
import sys, tempfile
from pathlib import Path
from neuroguide.core.exercise_file import load_library
from neuroguide.core.heard_length import as_run_seconds, plan_seconds
from neuroguide.core.routine_file import RoutineCatalog, load_folder
from neuroguide.core.runner import get_ready_seconds
from neuroguide.core.speech_plan import measured_once, plan_speech
from neuroguide.speech.phrase_cache import PhraseCache
from neuroguide.speech.planning import cached_lengths
from neuroguide.speech.protocol import VoiceSettings

resources = Path("resources")
exercises = resources / "exercises.toml"
library = load_library(exercises.read_bytes(), str(exercises))
catalog = RoutineCatalog()
load_folder(catalog, resources / "routines", library, builtin=True)
voice = VoiceSettings()
with tempfile.TemporaryDirectory() as folder:
    cache = PhraseCache(Path(folder), voice, resources / "sounds")
    clips = cached_lengths(cache, voice.rate)
    routines = catalog.ordered()
    found = []
    if MODE == "cards":
        shared = measured_once(clips)
        found = [as_run_seconds(r, get_ready=5, lengths=shared) for r in routines]
    elif MODE == "plans":
        found = [
            plan_seconds(plan_speech(r, minimum=get_ready_seconds(r, 5), lengths=clips))
            for r in routines
        ]
if PRINT:
    print(found)
"""


def _program(mode: str, *, printed: bool = True) -> str:
    return f"MODE = {mode!r}\nPRINT = {printed}\n{_PROGRAM}"


def _counted(mode: str) -> tuple[int, str] | None:
    """Instructions of the program in ``mode`` and what it printed (``None``: no valgrind)."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    command = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    finished = subprocess.run(
        [*command, sys.executable, "-c", _program(mode)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
        check=False,
    )
    counted = re.search(r"Collected : (\d+)", finished.stderr)
    return (int(counted.group(1)), finished.stdout.strip()) if counted else None


def _timed(mode: str) -> tuple[float, str]:
    """Median seconds of 15 rounds of ``mode`` in this process, and its lengths."""
    rounds: list[float] = []
    os.chdir(ROOT)  # the program reads resources/ from the checkout
    printed = ""
    for _ in range(15):
        scope: dict[str, object] = {}
        code = compile(_program(mode, printed=False), "<heard>", "exec")
        started = time.perf_counter()
        exec(code, scope)  # our own program text, as the child processes run it
        rounds.append(time.perf_counter() - started)
        printed = str(scope.get("found", ""))
    return statistics.median(rounds), printed


def run() -> list[Result]:
    """Count the cards, the whole plans and the floor; compare."""
    floor, cards, plans = _counted("floor"), _counted("cards"), _counted("plans")
    if floor is not None and cards is not None and plans is not None:
        ours, theirs = cards[0] - floor[0], plans[0] - floor[0]
        same = cards[1] == plans[1]
        share = ours / theirs if theirs > 0 else 1.0
        measured = f"{ours / 1e6:.0f} M vs whole plans {theirs / 1e6:.0f} M ({share:.2f}x)"
        notes = "valgrind, fresh processes, less the same process without the measuring"
    else:
        (base, _), (ours_s, ours_found), (theirs_s, theirs_found) = (
            _timed("floor"),
            _timed("cards"),
            _timed("plans"),
        )
        same = ours_found == theirs_found
        share = (ours_s - base) / max(theirs_s - base, 1e-9)
        measured = f"{(ours_s - base) * 1e3:.1f} ms vs whole plans {(theirs_s - base) * 1e3:.1f} ms"
        measured += f" ({share:.2f}x)"
        notes = "median of 15 rounds in this process (valgrind is not installed)"
    return [
        Result(
            "The eight home cards' heard lengths",
            f"at most {SHARE:.2f}x the whole speech plans, the same lengths",
            measured + ("" if same else "; THE LENGTHS DIFFER"),
            same and share <= SHARE,
            notes,
        )
    ]
