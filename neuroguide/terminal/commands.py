"""The ``voices`` and ``play`` sub-commands: their options and what they run."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from neuroguide.paths import Paths

EXIT_OK = 0
EXIT_PROBLEMS = 1


def _seconds(text: str) -> int:
    """A whole number of seconds from 0 to 60, for ``--get-ready``."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of seconds") from None
    if not 0 <= value <= 60:
        raise argparse.ArgumentTypeError("give a number of seconds from 0 to 60")
    return value


def add_speech_parsers(commands: Any) -> None:
    """Add ``voices`` and ``play`` to the command line's sub-parsers."""
    commands.add_parser("voices", help="list the voices the speech engine offers")
    play = commands.add_parser(
        "play",
        help="run a routine in the terminal, guided by voice and captions",
        description="Run a routine in the terminal. Keys (when typing in a terminal): "
        "Space pause or resume, n next, b back, r repeat the steps, q stop.",
    )
    play.add_argument(
        "routine",
        metavar="ROUTINE",
        help="a routine id or a routine file; or a progress check: chair-stand, "
        "balance-4-stage, sit-to-stand-5",
    )
    play.add_argument("--no-voice", action="store_true", help="captions and tones only")
    play.add_argument(
        "--dry-run",
        action="store_true",
        help="print every line that will be shown and spoken, with its time, and exit",
    )
    play.add_argument(
        "--get-ready",
        metavar="N",
        type=_seconds,
        default=None,
        help="seconds to get ready before each exercise (default: your setting)",
    )


def run_voices(paths: Paths, args: argparse.Namespace) -> int:
    """Print the engine's voices (id and name); without an engine, say why and fail."""
    from neuroguide.speech.oneshot import list_voices

    voices, problem = list_voices()
    if problem:
        print(f"neuroguide: {problem}", file=sys.stderr)
        return EXIT_PROBLEMS
    width = max((len(voice.id) for voice in voices), default=2)
    print(f"{'ID':<{width}}  NAME")
    for voice in voices:
        print(f"{voice.id:<{width}}  {voice.name}")
    return EXIT_OK


def run_play_command(paths: Paths, args: argparse.Namespace) -> int:
    """Run ``neuroguide play`` (a routine, or a progress check such as ``chair-stand``)."""
    from neuroguide.core.checks import check_by_id

    check = check_by_id(args.routine)
    if check is not None and args.dry_run:
        from neuroguide.terminal.check_script import run_check_dry

        return run_check_dry(paths, check, get_ready=args.get_ready)
    if check is not None:
        from neuroguide.terminal.check_player import run_check_play

        return run_check_play(
            paths, check, voice=not args.no_voice, get_ready=args.get_ready, dry=args.dry_run
        )
    from neuroguide.terminal.player import run_play

    return run_play(
        paths,
        args.routine,
        voice=not args.no_voice,
        get_ready=args.get_ready,
        dry=args.dry_run,
    )
