"""Where the start-up's instructions go: each module's import and each step of ``build_gui``.

The ``startup`` benchmark gives one figure; this splits it (decision 0029). Valgrind's
callgrind counts the start-up to the first paint as the benchmark does, and a tiny C shim
(compiled here with ``cc`` against ``valgrind/callgrind.h``) dumps the count at every module
import's start and end and around the steps named in ``STEPS``, so each module or step gets
the instructions spent inside it ("self", without what it imported or called) and in all
(its first import, with everything it pulled in first). ``event loop`` is what Qt does from
``app.exec()`` to the first paint (the home screen's own painting; decisions 0029, 0032).

Run (takes a minute or two; needs valgrind, its headers and a C compiler):
    .venv/bin/python -m tests.benchmarks.startup_split [--top N]
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.bench_startup import NEUROGUIDE, ROOT, _environment, _pass_welcome

SHIM = "#include <valgrind/callgrind.h>\nvoid mark(const char *s) { CALLGRIND_DUMP_STATS_AT(s); }\n"

STEPS = {
    "neuroguide.app": ["create_application", "load_settings", "_load_content", "_open_history",
                       "_configure_keys", "_welcome", "_listen_for_later_starts"],
    "neuroguide.ui.shell.main_window": ["MainWindow.__init__", "MainWindow.show"],
    "neuroguide.ui.home.controller": ["HomeController.__init__", "HomeController.refresh"],
    "neuroguide.ui.session.flow": ["SessionFlow.lengths"],
    "neuroguide.ui.history.controller": ["HistoryController.__init__"],
    "neuroguide.ui.reminders.service": ["ReminderService.__init__"],
    "neuroguide.ui.settings.feature": ["SettingsFeature.__init__"],
    "neuroguide.ui.editor.feature": ["EditorFeature.__init__"],
    "neuroguide.ui.checks.install": ["install_checks"],
}  # fmt: skip

# Runs first in the measured process: marks every import and, once a module in STEPS is
# loaded, wraps its named steps.
PROBE = """
import ctypes, sys
_mark = ctypes.CDLL(SHIM_PATH).mark
_mark.argtypes = [ctypes.c_char_p]
def mark(text): _mark(text.encode())
def _wrap(owner, attr, label):
    original = getattr(owner, attr)
    def wrapped(*args, **kwargs):
        mark("enter:" + label)
        try:
            return original(*args, **kwargs)
        finally:
            mark("exit:" + label)
    setattr(owner, attr, wrapped)
class _Loader:
    def __init__(self, loader, name):
        self._loader, self._name = loader, name
    def __getattr__(self, attr):
        return getattr(self._loader, attr)
    def create_module(self, spec):
        return self._loader.create_module(spec)
    def exec_module(self, module):
        mark("enter:" + self._name)
        try:
            self._loader.exec_module(module)
        finally:
            mark("exit:" + self._name)
        for step in STEPS.get(self._name, ()):
            owner, _, attr = step.rpartition(".")
            _wrap(getattr(module, owner) if owner else module, attr, step)
class _Finder:
    def find_spec(self, name, path, target=None):
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _Loader(spec.loader, name)
                return spec
        return None
sys.meta_path.insert(0, _Finder())
"""


def _program(shim: Path) -> str:
    probe = f"SHIM_PATH = {str(shim)!r}\nSTEPS = {STEPS!r}\n" + PROBE
    program = NEUROGUIDE.replace("EXIT_AT_PAINT = False", "EXIT_AT_PAINT = True", 1)
    program = program.replace("    gui = _build_gui(*args, **kwargs)\n",
                              "    gui = _build_gui(*args, **kwargs)\n"
                              "    mark('enter:event loop')\n", 1)  # fmt: skip
    return probe + program


def _parts(base: Path) -> list[tuple[str | None, int]]:
    """Each dump's trigger (``enter:X`` / ``exit:X``) and the instructions since the last."""
    numbered = sorted(base.parent.glob(base.name + ".*"), key=lambda p: int(p.suffix[1:]))
    parts = []
    for path in [*numbered, base]:
        trigger, count = None, 0
        for line in path.read_text(errors="replace").splitlines():
            if "Trigger: Client Request:" in line:
                trigger = line.split("Client Request:", 1)[1].strip()
            elif line.startswith("summary:"):
                count = int(line.split()[1])
        parts.append((trigger, count))
    return parts


def split(parts: list[tuple[str | None, int]]) -> tuple[collections.Counter, collections.Counter]:
    """Self and inclusive instructions per module or step, from the dumps in order."""
    own: collections.Counter[str] = collections.Counter()
    every: collections.Counter[str] = collections.Counter()
    stack = ["interpreter and PySide before our code"]
    for trigger, count in parts:
        own[stack[-1]] += count
        for name in set(stack):
            every[name] += count
        if trigger and trigger.startswith("enter:"):
            stack.append(trigger.removeprefix("enter:"))
        elif trigger and trigger.startswith("exit:") and trigger[5:] in stack:
            del stack[len(stack) - stack[::-1].index(trigger[5:]) - 1 :]  # and any left open
    return own, every


def main() -> int:
    """Measure once and print the largest items."""
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.startup_split")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    valgrind, compiler = shutil.which("valgrind"), shutil.which("cc")
    if valgrind is None or compiler is None:
        print("needs valgrind (with its headers) and cc")
        return 2
    with tempfile.TemporaryDirectory(prefix="neuroguide-split-") as folder:
        here = Path(folder)
        (here / "shim.c").write_text(SHIM)
        shim = here / "libshim.so"
        subprocess.run([compiler, "-O2", "-shared", "-fPIC", "-o", shim, here / "shim.c"],
                       check=True)  # fmt: skip
        (here / "probe.py").write_text(_program(shim))
        environment = _environment(str(here / "pycache"), str(here))
        # The probe runs as a script (its folder first on the path): this tree's code, as
        # the benchmark's ``-c`` programs run it, not whichever tree the venv installed.
        environment["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(ROOT), environment.get("PYTHONPATH", "")])
        )
        for _ in range(2):  # as the benchmark: folders and bytecode made, the welcome passed
            subprocess.run([sys.executable, here / "probe.py"], cwd=ROOT, env=environment,
                           capture_output=True, check=False, timeout=120)  # fmt: skip
            _pass_welcome(here / "config")
        base = here / "dumps" / "callgrind.out"
        base.parent.mkdir()
        subprocess.run(
            [valgrind, "--tool=callgrind", f"--callgrind-out-file={base}", "--dump-line=no",
             sys.executable, here / "probe.py"],
            cwd=ROOT, env=environment, capture_output=True, check=False, timeout=900,
        )  # fmt: skip
        own, every = split(_parts(base))
    total = sum(own.values())
    print(f"total {total / 1e6:,.0f} M instructions to the first paint (with the probes)")
    print(f"{'self':>9} {'in all':>9}  module or step")
    for name, count in own.most_common(args.top):
        print(f"{count / 1e6:8.1f}M {every[name] / 1e6:8.1f}M  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
