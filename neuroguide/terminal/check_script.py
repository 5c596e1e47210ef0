"""``neuroguide play --dry-run CHECK``: a progress check's whole script, printed at once.

The same steps and run as a real check, walked on a fake clock with no key pressed, so the
printed times are the real ones; then every other ending and what it says. Nothing is read,
spoken, played or stored, and no file is opened or created.
"""

from __future__ import annotations

import sys
from typing import IO

from neuroguide.core.check_run import (
    STOP_ARMS,
    STOP_LOST,
    UNSTEADY_WORDS,
    CheckRun,
    RunState,
)
from neuroguide.core.checks import CHECKS, SAFETY_POINTS, CheckId
from neuroguide.core.clock import FakeClock
from neuroguide.core.cues import Cue
from neuroguide.paths import Paths

OTHER_ENDINGS: dict[CheckId, tuple[tuple[str, str], ...]] = {
    CheckId.CHAIR_STAND: (
        ("u (I feel unsteady)", UNSTEADY_WORDS + " Saved as stopped for safety, no score."),
        ("q (leave)", "Nothing is saved."),
        (
            "afterwards",
            "The count of stands is asked (0 to 40), and whether the arms were "
            "needed (then the score is 0).",
        ),
    ),
    CheckId.BALANCE: (
        (
            "Space in a position (moved my feet or held on)",
            STOP_LOST + " The test ends; the result names the last position held without support.",
        ),
        ("u (I feel unsteady)", UNSTEADY_WORDS + " Saved as stopped for safety, no score."),
        ("q (leave)", "Nothing is saved."),
    ),
    CheckId.SIT_TO_STAND: (
        ("Space (the fifth full stand)", "Stop. N seconds. Well done. Saved as that time."),
        ("a (I needed my arms)", STOP_ARMS + " Saved as arms needed, no time."),
        ("u (I feel unsteady)", UNSTEADY_WORDS + " Saved as stopped for safety, no score."),
        ("q after Go (stop)", "Saved as not completed, no time."),
    ),
}
"""What each key or event other than the plain path says and stores."""


def check_script(check: CheckId, get_ready: int) -> list[Cue]:
    """Every cue of ``check`` from start to end with no key pressed, on a fake clock."""
    clock = FakeClock()
    run = CheckRun(check, clock, get_ready)
    cues = run.start()
    while run.state is RunState.RUNNING:
        wait = run.seconds_to_next_event()
        clock.advance(wait if wait else 0.001)
        cues += run.tick()
    return cues


def print_check_script(check: CheckId, get_ready: int, out: IO[str]) -> None:
    """Print the script of ``check``: safety points, every line with its time, other endings."""
    info = CHECKS[check]
    print(f"{info.name} (dry run: nothing is said, played, read or saved)", file=out)
    print(f"You need: {info.equipment}", file=out)
    print("Before you start (shown and said):", file=out)
    for point in SAFETY_POINTS:
        print(f"  - {point}", file=out)
    print("With no key pressed:", file=out)
    cues = check_script(check, get_ready)
    start = cues[0].at if cues else 0.0
    for cue in cues:
        minutes, seconds = divmod(cue.at - start, 60)
        print(f"[{int(minutes):2d}:{seconds:04.1f}] {cue.text}", file=out)
    print("Other endings:", file=out)
    for key, words in OTHER_ENDINGS[check]:
        print(f"  {key}: {words}", file=out)
    out.flush()


def run_check_dry(
    paths: Paths, check: CheckId, *, get_ready: int | None = None, out: IO[str] | None = None
) -> int:
    """``play --dry-run CHECK``: the settings are only read (for the get-ready seconds)."""
    from neuroguide.settings import load_settings

    out = out if out is not None else sys.stdout
    settings, messages = load_settings(paths.settings_file)
    for message in messages:
        print(f"neuroguide: {message}", file=sys.stderr)
    print_check_script(check, settings.get_ready_seconds if get_ready is None else get_ready, out)
    return 0
