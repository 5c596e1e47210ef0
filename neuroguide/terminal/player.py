"""``neuroguide play ROUTINE``: a session in the terminal, guided by voice and captions.

The same :class:`~neuroguide.core.runner.SessionRunner` as the window's runs the session
against the real monotonic clock: every batch goes to the voice, then the screen (the printed
captions hang off the voice's cues), then the history. The steps of a session that make sense
without a screen apply here too: the seated version when the settings say seated only, and
the gentle dose when "start gently" is on. Keys work when stdin is a terminal; otherwise the
session simply runs to its end.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path
from typing import IO

from neuroguide.content.loader import Content, load_content
from neuroguide.core.clock import Clock, MonotonicClock
from neuroguide.core.cues import Cue
from neuroguide.core.events import Event
from neuroguide.core.library import Routine, format_duration
from neuroguide.core.preparation import prepare_routine
from neuroguide.core.records import Outcome
from neuroguide.core.routine_file import RoutineCatalog, load_files
from neuroguide.core.runner import Listener, SessionRunner, get_ready_seconds
from neuroguide.core.session import SessionState
from neuroguide.core.timeline import total_seconds
from neuroguide.core.voice_queue import Utterance, utterances
from neuroguide.paths import Paths
from neuroguide.settings import Settings, load_settings
from neuroguide.speech.factory import create_speaker
from neuroguide.speech.guide import VoiceGuide
from neuroguide.speech.planned import PlannedSpeaker
from neuroguide.speech.planning import plays_tones, start_plan
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.speaker import NullSpeaker, Speaker
from neuroguide.speech.tones import TonePlayer
from neuroguide.store.history_listener import TerminalHistory
from neuroguide.store.session_start import read_session_start, session_start
from neuroguide.terminal.dry_run import print_dry_run
from neuroguide.terminal.keys import Keys, KeySource
from neuroguide.terminal.plain_out import plain

LISTENER_TROUBLE = {
    "history": "this session could not be saved in the history; it carries on",
    "voice": "the voice stopped working; the captions carry on",
}
"""What a failing listener means to the person, by role."""
EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_INTERRUPTED = 130
IDLE_WAIT = 0.25
"""How long to wait for a key while nothing is due (paused)."""
WAKE_MARGIN = 0.002
"""Wake just after an event falls due, so the tick finds it due."""
FINAL_WORDS_TIMEOUT = 15.0
"""How long the player waits at most for the last words (a stuck player is given up on
sooner: the watchdog reports it within seconds and the wait ends)."""
RENDER_WAIT = 20.0
"""How long ``play`` waits at most for the routine's phrases to be rendered before it starts
(the longest built-in routine takes about two seconds the first time, none after)."""
KEYS_HELP = "Keys: Space pause or resume, n next, b back, r repeat the steps, q stop."

HistoryFactory = Callable[[Paths, Routine], TerminalHistory]


def open_history(paths: Paths, routine: Routine) -> TerminalHistory:
    """The history of a terminal session: its recorder and what "start gently" reads."""
    from neuroguide.store.history_listener import terminal_history

    return terminal_history(paths, routine)


def find_routine(reference: str, content: Content) -> tuple[Routine | None, str]:
    """The routine named by an id or a file path, or ``None`` and a one-line reason."""
    path = Path(reference)
    if reference.endswith(".toml") or path.is_file():
        catalog = RoutineCatalog()
        load_files(catalog, [path], content.library, builtin=False)
        if catalog.problems:
            return None, "; ".join(str(problem) for problem in catalog.problems)
        return next(iter(catalog.routines.values()), None), ""
    routine = content.catalog.routines.get(reference)
    if routine is None:
        return None, (
            f"there is no routine '{reference}'; "
            "'neuroguide routines' lists them, or give the path of a routine file"
        )
    return routine, ""


def make_speaker(paths: Paths, settings: Settings, clock: Clock, err: IO[str]) -> Speaker:
    """The planned speaker with the user's voice settings; it reports each problem once."""

    def tell(message: str) -> None:
        print(f"neuroguide: {message}", file=err, flush=True)

    voice = VoiceSettings(settings.voice_id, settings.voice_rate, settings.voice_volume)
    return create_speaker(
        True,
        voice,
        clock,
        tell,
        phrase_cache=paths.phrase_cache,
        sounds=paths.resources_dir / "sounds",
    )


class TerminalPlayer:
    """Drives a session runner from the keyboard and a short timer; prints every caption."""

    def __init__(
        self,
        runner: SessionRunner,
        clock: Clock,
        keys: KeySource,
        out: IO[str],
    ) -> None:
        self.runner = runner
        self.session = runner.session
        self.clock = clock
        self.keys = keys
        self.out = out
        self.guide: VoiceGuide | None = None
        """Says the steps again on R."""
        self._started_at = clock.now()
        self._more_time = 0

    def show(self, cue: Cue) -> None:
        """Print one caption with the session time it belongs to."""
        minutes, seconds = divmod(int(max(0.0, cue.at - self._started_at)), 60)
        print(f"[{minutes:2d}:{seconds:02d}] {cue.text}", file=self.out, flush=True)

    def show_sentence(self, said: Utterance) -> None:
        """The voice began a later sentence of a cue: print it, so the text follows the voice
        (the cue's first sentence is its caption line, printed already)."""
        if utterances(said.cue)[0].text == said.text:
            return
        minutes, seconds = divmod(int(max(0.0, self.clock.now() - self._started_at)), 60)
        print(f"[{minutes:2d}:{seconds:02d}]   {said.text}", file=self.out, flush=True)

    def lengthen(self, seconds: int) -> None:
        """The voice needs a longer rest (steps asked for with R): added after this tick."""
        self._more_time += seconds

    def _add_asked_time(self) -> None:
        seconds, self._more_time = self._more_time, 0
        if seconds > 0 and self.runner.state is not SessionState.FINISHED:
            self.runner.add_time(seconds)

    def control(self, key: str) -> list[Event]:
        """What a key does: Space pause/resume, n next, b back, r repeat, q (or Ctrl-C) stop."""
        key = key.lower()
        runner = self.runner
        if key == "r" and self.guide is not None:
            if runner.state is not SessionState.FINISHED:
                self.guide.repeat(self.session.phase, self.clock.now())
            return []
        if key == " ":
            return runner.toggle_pause()
        if key == "n":
            return runner.next()
        if key == "b":
            return runner.previous()
        if key in ("q", "\x03"):
            return runner.stop()
        return []

    def run(self) -> bool:
        """Run the session to its end; returns False if Ctrl-C ended it."""
        self._started_at = self.clock.now()
        runner = self.runner
        try:
            runner.start()
            with self.keys.listening():
                while runner.state is not SessionState.FINISHED:
                    due = runner.seconds_to_next_event()
                    key = self.keys.wait(IDLE_WAIT if due is None else due + WAKE_MARGIN)
                    if key:
                        self.control(key)
                    runner.tick()
                    self._add_asked_time()
                    if runner.state is SessionState.PAUSED and not self.keys.interactive:
                        self._resume_by_itself()
        except KeyboardInterrupt:
            runner.stop()
            return False
        return True

    def _resume_by_itself(self) -> list[Event]:
        """A pause (the machine slept, or the process was stopped and continued) with no
        keyboard to resume from: say so and carry on, as "runs to the end" promises."""
        minutes, seconds = divmod(int(max(0.0, self.clock.now() - self._started_at)), 60)
        note = "no keyboard to resume from (input is not a terminal), so it carries on by itself"
        print(
            f"[{minutes:2d}:{seconds:02d}] The session paused; {note}.", file=self.out, flush=True
        )
        return self.runner.resume()

    def summary_line(self) -> str:
        """One line: how it ended, active time against the plan, items done and skipped."""
        summary = self.session.summary
        if summary is None:
            return "The session did not start."
        ended = "Finished" if summary.outcome is Outcome.FINISHED else "Stopped"
        active = format_duration(summary.active_seconds)
        took = format_duration(summary.elapsed_seconds)
        planned = format_duration(total_seconds(self.session.timeline))
        return (
            f"{ended} '{self.session.routine.name}': took {took} of the {planned} planned, "
            f"active for {active}; {summary.completed} done, {summary.skipped} skipped."
        )


def run_play(
    paths: Paths,
    reference: str,
    *,
    voice: bool = True,
    get_ready: int | None = None,
    history: HistoryFactory = open_history,
    keys: KeySource | None = None,
    out: IO[str] | None = None,
    err: IO[str] | None = None,
    speaker: Speaker | None = None,
    known: Collection[str] | None = None,
    dry: bool = False,
    clock: Clock | None = None,
) -> int:
    """Play a routine in the terminal; the exit status for the command line."""
    out = plain(out if out is not None else sys.stdout)  # what people wrote, never raw
    err = plain(err if err is not None else sys.stderr)
    content = load_content(paths)
    routine, problem = find_routine(reference, content)
    if routine is None:
        print(f"neuroguide: {problem}", file=err)
        return EXIT_PROBLEMS
    settings, messages = load_settings(paths.settings_file)
    for message in messages:
        print(f"neuroguide: {message}", file=err)
    # A dry run records nothing: it reads what the history knows read-only, as `routines`
    # does, so it gives the same length while the window has the history open.
    if dry:
        recording = TerminalHistory()
        start = read_session_start(paths.history_db, settings, date.today())
    else:
        recording = history(paths, routine)
        start = session_start(recording.history, settings, date.today())
    prepared = prepare_routine(
        routine,
        content.library,
        seated_only=settings.seated_only,
        wheelchair=settings.wheelchair,
        gentle_level=start.gentle_level,
    )
    for note in prepared.notes:
        print(f"neuroguide: {note}", file=err)
    if prepared.routine is None:
        recording.close()
        return EXIT_PROBLEMS
    routine = prepared.routine
    if known is None:
        known = start.known
    setting = settings.get_ready_seconds if get_ready is None else get_ready
    minimum = get_ready_seconds(routine, setting)
    if dry:
        recording.close()
        print_dry_run(paths, routine, settings, minimum, out, known, voice=voice and settings.voice)
        return EXIT_OK
    clock = clock if clock is not None else MonotonicClock()
    if speaker is None:
        wanted = voice and settings.voice
        speaker = make_speaker(paths, settings, clock, err) if wanted else NullSpeaker()
    plan = start_plan(routine, speaker, minimum=minimum, known=known, render_wait=RENDER_WAIT)

    def report(role: str, error: BaseException) -> None:
        print(f"neuroguide: {LISTENER_TROUBLE.get(role, role)}: {error}", file=err, flush=True)

    runner = SessionRunner.for_routine(
        routine,
        clock,
        get_ready_minimum=setting,
        ready_by_step=plan.ready_by_step,
        switch_by_step=plan.switch_by_step,
        ready_again_by_step=plan.ready_again_by_step,
        listeners=[Listener("history", listener) for listener in recording.listeners],
        on_error=report,
    )
    session = runner.session
    tones = TonePlayer(paths.resources_dir) if settings.tones and not plays_tones(speaker) else None
    source: KeySource = keys if keys is not None else Keys()
    player = TerminalPlayer(runner, clock, source, out)

    def on_cue(cue: Cue) -> None:
        player.show(cue)
        if tones is not None and cue.tone is not None:
            tones.play(cue.tone)

    # words fitted as planned
    guide = VoiceGuide(speaker, plan.writer(session), on_cue, on_need_time=player.lengthen)
    if isinstance(speaker, PlannedSpeaker):
        speaker.on_sentence = player.show_sentence
    player.guide = guide
    runner.add_listener(Listener("voice", guide))
    length = format_duration(total_seconds(session.timeline))
    print(f"{routine.name} ({length})", file=out)
    if source.interactive:
        print(KEYS_HELP, file=out)
    out.flush()
    finished = False
    try:
        finished = player.run()
        if finished and isinstance(speaker, PlannedSpeaker):
            speaker.wait_until_idle(FINAL_WORDS_TIMEOUT)  # let the last words be heard
    except KeyboardInterrupt:
        finished = False
    finally:
        speaker.close()
        recording.close()
        if tones is not None:
            tones.stop()
    print(player.summary_line(), file=out, flush=True)
    return EXIT_OK if finished else EXIT_INTERRUPTED
