"""``neuroguide play --dry-run CHECK``: a progress check's whole script, printed at once.

The same steps and words as a real check (:mod:`neuroguide.core.check_steps`), laid out as
:class:`~neuroguide.core.check_run.CheckRun` says them with no key pressed (a test holds the
two equal), then every other ending and what it says. Nothing is read, spoken, played or
stored, no file is opened or created, and no speech module is imported: it returns at once.
"""

from __future__ import annotations

import sys
from typing import IO

from neuroguide.core.check_steps import (
    NEXT_STANCE,
    STOP_ARMS,
    STOP_CHAIR,
    STOP_LAST_STANCE,
    STOP_LOST,
    STOP_TIME_UP,
    UNSTEADY_WORDS,
    StepKind,
    check_steps,
    count_words,
    timed_counts,
)
from neuroguide.core.checks import CHECKS, SAFETY_POINTS, CheckId
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


def check_script(check: CheckId, get_ready: int) -> list[tuple[float, str]]:
    """Every line of ``check`` with its second from the start, with no key pressed."""
    lines: list[tuple[float, str]] = []
    at = 0.0
    praise = ""
    steps = check_steps(check, get_ready)
    stances = sum(1 for step in steps if step.kind is StepKind.STANCE)
    held = 0
    for step in steps:
        lines.append((at, f"{praise} {step.text}" if praise else step.text))
        praise = ""
        end = at + step.seconds
        for number in sorted(timed_counts(step.kind, step.seconds), reverse=True):
            lines.append((end - number, count_words(number)))
        at = end
        if step.kind is StepKind.TIMED:
            lines.append((at, STOP_CHAIR))
        elif step.kind is StepKind.STOPWATCH:
            lines.append((at, STOP_TIME_UP))
        elif step.kind is StepKind.STANCE:
            held += 1
            if held == stances:
                lines.append((at, STOP_LAST_STANCE))
            else:
                praise = NEXT_STANCE
    return lines


def print_check_script(check: CheckId, get_ready: int, out: IO[str]) -> None:
    """Print the script of ``check``: safety points, every line with its time, other endings."""
    info = CHECKS[check]
    print(f"{info.name} (dry run: nothing is said, played, read or saved)", file=out)
    print(f"You need: {info.equipment}", file=out)
    print("Before you start (shown and said):", file=out)
    for point in SAFETY_POINTS:
        print(f"  - {point}", file=out)
    print("With no key pressed:", file=out)
    for at, text in check_script(check, get_ready):
        minutes, seconds = divmod(at, 60)
        print(f"[{int(minutes):2d}:{seconds:04.1f}] {text}", file=out)
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
