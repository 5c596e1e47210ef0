"""``neuroguide play chair-stand`` (and the other checks): a progress check in the terminal.

The same core :class:`CheckRun` as the GUI, against the real clock. In a terminal, Space (or
any key but u and q) marks a lost balance position or the fifth sit-down, u says "I feel
unsteady", q leaves without saving; the result is then asked for. When standard input is not a
terminal, the run is timed and spoken the same way and the result is read from it instead: the
count of stands, the seconds each balance position was held, or the seconds for five stands.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from typing import IO

from neuroguide.core.check_norms import age_in, compare
from neuroguide.core.check_progress import Profile, describe
from neuroguide.core.check_run import CheckRun, RunState
from neuroguide.core.checks import (
    CHECKS,
    SAFETY_POINTS,
    SIT_TO_STAND_LIMIT,
    STANCE_SECONDS,
    STANCES,
    CheckId,
    CheckInputError,
    CheckResult,
    balance_result,
    chair_stand_result,
    parse_count,
    parse_seconds,
    sit_to_stand_result,
)
from neuroguide.core.clock import Clock, MonotonicClock, local_now
from neuroguide.core.cues import Cue, CuePriority
from neuroguide.paths import Paths
from neuroguide.settings import load_settings
from neuroguide.speech.planning import plays_tones
from neuroguide.speech.speaker import NullSpeaker, Speaker
from neuroguide.speech.tones import TonePlayer
from neuroguide.terminal.keys import Keys, KeySource

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_INTERRUPTED = 130
WAKE_MARGIN = 0.002
KEYS_HELP = (
    "Keys: Space marks the moment (position lost / fifth sit-down), u I feel unsteady, "
    "q leave without saving."
)
NO_PROFILE = (
    "Add your year of birth and sex to compare with the norms: "
    "neuroguide progress --birth-year YYYY --sex female|male"
)


class CheckConsole:
    """Runs one check against a clock and a key source; prints and speaks every cue."""

    def __init__(
        self,
        run: CheckRun,
        keys: KeySource,
        out: IO[str],
        speaker: Speaker,
        tones: TonePlayer | None = None,
    ) -> None:
        self.run = run
        self.keys = keys
        self.out = out
        self.speaker = speaker
        self.tones = tones
        self._start = run.clock.now()

    def show(self, cues: list[Cue]) -> None:
        """Print each caption with the time since the start, and say it."""
        for cue in cues:
            minutes, seconds = divmod(int(max(0.0, cue.at - self._start)), 60)
            print(f"[{minutes:2d}:{seconds:02d}] {cue.text}", file=self.out, flush=True)
            self.speaker.say(cue)
            if self.tones is not None and cue.tone is not None:
                self.tones.play(cue.tone)

    def key(self, key: str) -> None:
        """u: unsteady; q or Ctrl-C: cancel; any other key: the mark."""
        lowered = key.lower()
        if lowered == "u":
            self.speaker.interrupt()
            self.show(self.run.unsteady())
        elif lowered in ("q", "\x03"):
            self.speaker.interrupt()
            self.run.cancel()
        else:
            cues = self.run.mark()
            if cues:
                self.speaker.interrupt()  # "Stop" must not wait behind a count
            self.show(cues)

    def play(self) -> RunState:
        """Run to the end; returns how it ended (Ctrl-C cancels)."""
        self._start = self.run.clock.now()
        try:
            self.show(self.run.start())
            with self.keys.listening():
                while self.run.state is RunState.RUNNING:
                    due = self.run.seconds_to_next_event()
                    key = self.keys.wait((due or 0.0) + WAKE_MARGIN)
                    if key:
                        self.key(key)
                    self.show(self.run.tick())
        except KeyboardInterrupt:
            self.run.cancel()
        return self.run.state


def result_from_answers(
    run: CheckRun, read: Callable[[str], str | None], *, from_input: bool
) -> CheckResult:
    """The result of a finished run, asking (or reading) what the timing cannot know.

    ``read(prompt)`` returns a line, or ``None`` at the end of input. With ``from_input`` the
    timed values (balance times, the sit-to-stand time) come from the input too.

    Raises:
        CheckInputError: a missing or out-of-range answer (nothing is stored).
    """
    if run.state is RunState.UNSTEADY:
        return run.result()
    check = run.check
    if check is CheckId.CHAIR_STAND:
        line = read("How many times did you stand up? Type 0 to 40: ")
        if line is None:
            raise CheckInputError("No count of stands was given; nothing was saved.")
        count = parse_count(line)
        arms = _yes(read("Did you need your arms to stand up? (y/N): "))
        return chair_stand_result(count, arms_used=arms)
    if check is CheckId.BALANCE:
        if from_input:
            line = read("Seconds held in each position, in order (e.g. 10 10 6.5): ")
            if line is None:
                raise CheckInputError("No balance times were given; nothing was saved.")
            parts = line.replace(",", " ").split()[: STANCES + 1]
            held = [
                parse_seconds(
                    part, what=f"the time for position {number}", low=0, high=STANCE_SECONDS
                )
                for number, part in enumerate(parts, start=1)
            ]
        else:
            held = run.held
        support = _yes(read("Did you touch the counter or anything else for support? (y/N): "))
        return balance_result(held, support_used=support)
    if from_input:
        line = read("Seconds for five stands (or 'arms' if you needed your arms): ")
        if line is None:
            raise CheckInputError("No time for five stands was given; nothing was saved.")
        if line.strip().lower() == "arms":
            return sit_to_stand_result(None, arms_used=True)
        seconds = parse_seconds(
            line, what="the time for five stands", low=0.1, high=SIT_TO_STAND_LIMIT
        )
        return sit_to_stand_result(seconds)
    arms = _yes(read("Did you need your arms to stand up? (y/N): "))
    return sit_to_stand_result(run.stopwatch, arms_used=arms)


def _yes(answer: str | None) -> bool:
    return answer is not None and answer.strip().lower() in ("y", "yes", "arms")


def run_check_play(
    paths: Paths,
    check: CheckId,
    *,
    voice: bool = True,
    get_ready: int | None = None,
    clock: Clock | None = None,
    keys: KeySource | None = None,
    stdin: IO[str] | None = None,
    out: IO[str] | None = None,
    err: IO[str] | None = None,
    speaker: Speaker | None = None,
    now: Callable[[], datetime] = local_now,
) -> int:
    """Guide one check in the terminal and store its result; the exit status."""
    from neuroguide.store.checks import save_check
    from neuroguide.store.database import HistoryError
    from neuroguide.store.models import Stamp
    from neuroguide.terminal.player import make_speaker

    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    stdin = stdin if stdin is not None else sys.stdin
    settings, messages = load_settings(paths.settings_file)
    for message in messages:
        print(f"neuroguide: {message}", file=err)
    clock = clock if clock is not None else MonotonicClock()
    source: KeySource = keys if keys is not None else Keys(stdin)
    info = CHECKS[check]
    print(f"{info.name}: {info.short}", file=out)
    print(f"You need: {info.equipment}", file=out)
    print("Before you start:", file=out)
    for point in SAFETY_POINTS:
        print(f"  - {point}", file=out)
    if speaker is None:
        wanted = voice and settings.voice
        speaker = make_speaker(paths, settings, clock, err) if wanted else NullSpeaker()
    if source.interactive:
        print(KEYS_HELP, file=out)
        print("Press Enter to begin, or q and Enter to leave.", file=out, flush=True)
        speaker.say(Cue(" ".join(SAFETY_POINTS), CuePriority.SAFETY, clock.now(), step_index=-2))
        answer = stdin.readline()
        speaker.interrupt()
        if answer.strip().lower().startswith("q"):
            speaker.close()
            print("Left without saving.", file=out, flush=True)
            return EXIT_INTERRUPTED
    out.flush()
    tones = TonePlayer(paths.resources_dir) if settings.tones and not plays_tones(speaker) else None
    run = CheckRun(check, clock, settings.get_ready_seconds if get_ready is None else get_ready)
    console = CheckConsole(run, source, out, speaker, tones)
    try:
        state = console.play()
        wait = getattr(speaker, "wait_until_idle", None)
        if state is not RunState.CANCELLED and wait is not None:
            wait(10.0)
    finally:
        speaker.close()
        if tones is not None:
            tones.stop()
    if state is RunState.CANCELLED:
        print("Left without saving.", file=out, flush=True)
        return EXIT_INTERRUPTED

    def read(prompt: str) -> str | None:
        if source.interactive:
            print(prompt, end="", file=out, flush=True)
        line = stdin.readline()
        return line if line else None

    try:
        result = result_from_answers(run, read, from_input=not source.interactive)
    except CheckInputError as error:
        print(f"neuroguide: {error}", file=err)
        return EXIT_PROBLEMS
    try:
        notes = save_check(paths.data_dir, paths.history_db, paths.backups, result, Stamp.of(now()))
    except HistoryError as error:
        print(f"neuroguide: {error} The result was: {describe(result)}.", file=err)
        return EXIT_PROBLEMS
    for note in notes:
        print(f"neuroguide: {note}", file=err)
    print(result_lines(result, Profile.of(settings.birth_year, settings.sex), now()), file=out)
    return EXIT_OK


def result_lines(result: CheckResult, profile: Profile, when: datetime) -> str:
    """What the person reads after a check: the result, then the comparison or a hint."""
    if not result.scored:
        return "Stopped because you felt unsteady. Saved as stopped for safety, not as a score."
    comparison = compare(result, age_in(when.year, profile.birth_year), profile.sex)
    lines = [f"Saved: {describe(result)}.", comparison.text]
    if result.check is CheckId.CHAIR_STAND and (profile.birth_year is None or profile.sex is None):
        lines.append(NO_PROFILE)
    return "\n".join(lines)
