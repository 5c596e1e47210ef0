"""What the home screen's first paint loads: only what it shows (issue 21).

The session's steps and the voice's renderer load when a routine starts or once the window is
out; a fresh ``neuroguide`` start, stopped at its first paint, lists the modules it loaded.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.benchmarks.bench_startup import NEUROGUIDE, ROOT

LISTING = NEUROGUIDE.replace(
    "                os._exit(0)",
    "                print('loaded', *sorted(sys.modules), flush=True)\n"
    "                os._exit(0)",
).replace("EXIT_AT_PAINT = False", "EXIT_AT_PAINT = True\nimport sys", 1)

NOT_AT_START = (
    "neuroguide.ui.session.steps",  # the session's steps: when a routine starts
    "neuroguide.ui.session.player_view",
    "neuroguide.speech.planned",  # the voice: once the first frame is out
    "neuroguide.speech.renderer",
    "neuroguide.ui.editor.screen",  # screens: when first shown
    "neuroguide.ui.settings.screen",
    "neuroguide.ui.history.review_screen",
)


def test_the_first_paint_loads_only_what_home_shows(tmp_path: Path) -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    environment.pop("NEUROGUIDE_DATA_DIR", None)
    for kind in ("DATA", "CONFIG", "CACHE"):
        environment[f"XDG_{kind}_HOME"] = str(tmp_path / kind.lower())
    finished = subprocess.run(
        [sys.executable, "-c", LISTING],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=environment,
        check=False,
    )
    line = next((x for x in finished.stdout.splitlines() if x.startswith("loaded ")), "")
    assert line, finished.stderr[-2000:]
    loaded = set(line.split()[1:])
    assert "neuroguide.ui.home.view" in loaded, "the listing is of a home screen"
    assert [name for name in NOT_AT_START if name in loaded] == []
