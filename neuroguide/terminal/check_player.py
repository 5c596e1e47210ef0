"""``neuroguide play chair-stand`` (and the other checks): a progress check in the terminal.

The same core :class:`CheckRun` as the GUI, against the real clock. In a terminal, Space (or
any key but u, a and q) means "I moved my feet or held on" in a balance position (it ends as
not held) or marks the fifth full stand of the sit to stand; a is "I needed my arms" (sit to
stand), u "I feel unsteady", q stops (nothing is saved, except a sit to stand after Go: not
completed). Only the chair stand's count is asked afterwards. When standard input is not a
terminal, the run is timed and spoken the same way and the result is read from it instead: the
count of stands, the seconds each balance position was held without moving the feet or holding
on, or the seconds for five stands ("arms", or "none" when no mark came). ``--dry-run`` prints
the script at once and touches nothing.
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
    CheckOutcome,
    CheckResult,
    EndReason,
    balance_result,
    chair_stand_result,
    not_completed,
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
from neuroguide.terminal.check_script import print_check_script
from neuroguide.terminal.keys import Keys, KeySource
from neuroguide.terminal.plain_out import plain

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_INTERRUPTED = 130
WAKE_MARGIN = 0.002
LAST_TIME = round(SIT_TO_STAND_LIMIT - 0.1, 1)
"""The longest piped sit-to-stand time taken (the limit itself means no mark came)."""
KEYS_HELP = {
    CheckId.CHAIR_STAND: "Keys: u I feel unsteady, q leave without saving.",
    CheckId.BALANCE: "Keys: Space I moved my feet or held on (the position ends, not held), "
    "u I feel unsteady, q leave without saving.",
    CheckId.SIT_TO_STAND: "Keys: Space the fifth full stand (stops the time), a I needed my "
    "arms, u I feel unsteady, q stop (after Go: kept as not completed).",
}
NO_MARK_WORDS = ("none", "no mark", "not completed", "-")
"""Piped answers for a sit to stand whose mark never came."""
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
        """u: unsteady; a: arms needed (sit to stand); q or Ctrl-C: stop; any other key: mark."""
        lowered = key.lower()
        if lowered == "u":
            self.speaker.interrupt()
            self.show(self.run.unsteady())
        elif lowered in ("q", "\x03"):
            self.speaker.interrupt()
            self.run.cancel()
        elif lowered == "a" and self.run.check is CheckId.SIT_TO_STAND:
            cues = self.run.arms()
            if cues:
                self.speaker.interrupt()
            self.show(cues)
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
    """The result of an ended run, asking (or reading) what the timing cannot know.

    ``read(prompt)`` returns a line, or ``None`` at the end of input. With ``from_input`` the
    timed values (balance times, the sit-to-stand time) come from the input too. Only the chair
    stand's count (and whether the arms were needed) is ever asked: there is no question after
    the balance test or the sit to stand that one key could answer wrongly.

    Raises:
        CheckInputError: a missing or out-of-range answer (nothing is stored).
    """
    check = run.check
    no_mark = run.end_reason is EndReason.NO_MARK
    piped_time = from_input and check is CheckId.SIT_TO_STAND and no_mark
    if run.state in (RunState.UNSTEADY, RunState.NOT_COMPLETED) and not piped_time:
        return run.result()
    if check is CheckId.CHAIR_STAND:
        line = read("How many times did you stand up? Type 0 to 40: ")
        if line is None:
            raise CheckInputError("No count of stands was given; nothing was saved.")
        count = parse_count(line)
        arms = _yes(read("Did you need your arms to stand up? (y/N): "))
        return chair_stand_result(count, arms_used=arms)
    if check is CheckId.BALANCE:
        if not from_input:
            return run.result()
        line = read(
            "Seconds each position was held without moving your feet or holding on, in order "
            "(e.g. 10 10 6.5): "
        )
        if line is None:
            raise CheckInputError("No balance times were given; nothing was saved.")
        parts = line.replace(",", " ").split()[: STANCES + 1]
        held = [
            parse_seconds(part, what=f"the time for position {number}", low=0, high=STANCE_SECONDS)
            for number, part in enumerate(parts, start=1)
        ]
        return balance_result(held)
    if not from_input:
        return run.result()
    line = read("Seconds from Go to the fifth full stand ('arms' or 'none' if there was none): ")
    if line is None:
        raise CheckInputError("No time for five stands was given; nothing was saved.")
    answer = line.strip().lower()
    if answer == "arms":
        return sit_to_stand_result(None, arms_used=True)
    if answer in NO_MARK_WORDS:
        return not_completed(CheckId.SIT_TO_STAND, EndReason.NO_MARK)
    seconds = parse_seconds(line, what="the time for five stands", low=0.1, high=LAST_TIME)
    return sit_to_stand_result(seconds)


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
    dry: bool = False,
) -> int:
    """Guide one check in the terminal and store its result; the exit status.

    With ``dry`` the script is printed at once; nothing is read, spoken, played or stored.
    """
    from neuroguide.store.checks import save_check
    from neuroguide.store.database import HistoryError
    from neuroguide.store.models import Stamp
    from neuroguide.terminal.player import make_speaker

    out = plain(out if out is not None else sys.stdout)  # nothing raw reaches the terminal
    err = plain(err if err is not None else sys.stderr)
    settings, messages = load_settings(paths.settings_file)
    for message in messages:
        print(f"neuroguide: {message}", file=err)
    if dry:
        ready = settings.get_ready_seconds if get_ready is None else get_ready
        print_check_script(check, ready, out)
        return EXIT_OK
    stdin = stdin if stdin is not None else sys.stdin
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
        print(KEYS_HELP[check], file=out)
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
    if result.outcome is CheckOutcome.UNSTEADY:
        return "Stopped because you felt unsteady. Saved as stopped for safety, not as a score."
    if not result.scored:
        return f"Saved as {describe(result)}, not as a time."
    comparison = compare(result, age_in(when.year, profile.birth_year), profile.sex)
    lines = [f"Saved: {describe(result)}.", comparison.text]
    if result.check is CheckId.CHAIR_STAND and (profile.birth_year is None or profile.sex is None):
        lines.append(NO_PROFILE)
    return "\n".join(lines)
