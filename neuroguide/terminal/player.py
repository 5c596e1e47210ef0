"""``neuroguide play ROUTINE``: a session in the terminal, guided by voice and captions.

The same core ``Session`` runs against the real monotonic clock; every batch of events goes to
every listener (the voice, and the history once it exists), exactly as in the GUI. Keys work
when stdin is a terminal; otherwise the session simply runs to its end.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import IO

from neuroguide.content import Content, load_content
from neuroguide.core.clock import Clock, MonotonicClock
from neuroguide.core.cues import Cue, CueWriter
from neuroguide.core.events import Event
from neuroguide.core.library import Routine, format_duration
from neuroguide.core.listeners import SessionListener
from neuroguide.core.records import Outcome
from neuroguide.core.routine_file import RoutineCatalog, load_files
from neuroguide.core.session import Session, SessionState
from neuroguide.core.timeline import total_seconds
from neuroguide.paths import Paths
from neuroguide.settings import Settings, load_settings
from neuroguide.speech.factory import create_speaker
from neuroguide.speech.guide import VoiceGuide
from neuroguide.speech.planned import PlannedSpeaker
from neuroguide.speech.planning import plays_tones, start_plan
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.speaker import NullSpeaker, Speaker
from neuroguide.speech.tones import TonePlayer
from neuroguide.terminal.dry_run import print_dry_run
from neuroguide.terminal.keys import Keys, KeySource

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
(the longest built-in routine takes a few seconds the first time, none after)."""
KEYS_HELP = "Keys: Space pause or resume, n next, b back, r repeat the steps, q stop."

ListenersFactory = Callable[[Paths, Session, VoiceGuide], list[SessionListener]]


def build_listeners(paths: Paths, session: Session, guide: VoiceGuide) -> list[SessionListener]:
    """Every listener of a terminal session, wired here and nowhere else."""
    from neuroguide.store.history_listener import terminal_recorder  # the GUI records the same way

    return [guide, *terminal_recorder(paths, session.routine)]


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
    """Drives a session from the keyboard and a short timer; prints every caption."""

    def __init__(
        self,
        session: Session,
        clock: Clock,
        keys: KeySource,
        out: IO[str],
    ) -> None:
        self.session = session
        self.clock = clock
        self.keys = keys
        self.out = out
        self.listeners: list[SessionListener] = []
        self.guide: VoiceGuide | None = None
        """Says the steps again on R."""
        self._started_at = clock.now()

    def show(self, cue: Cue) -> None:
        """Print one caption with the session time it belongs to."""
        minutes, seconds = divmod(int(max(0.0, cue.at - self._started_at)), 60)
        print(f"[{minutes:2d}:{seconds:02d}] {cue.text}", file=self.out, flush=True)

    def publish(self, events: Sequence[Event]) -> None:
        """Hand a batch of events to every listener."""
        if events:
            for listener in self.listeners:
                listener.handle(events)

    def control(self, key: str) -> list[Event]:
        """What a key does: Space pause/resume, n next, b back, r repeat, q (or Ctrl-C) stop."""
        key = key.lower()
        if key == "r" and self.guide is not None:
            if self.session.state is not SessionState.FINISHED:
                self.guide.repeat(self.session.phase, self.clock.now())
            return []
        if key == " ":
            return self.session.toggle_pause()
        if key == "n":
            return self.session.next()
        if key == "b":
            return self.session.previous()
        if key in ("q", "\x03"):
            return self.session.stop()
        return []

    def run(self) -> bool:
        """Run the session to its end; returns False if Ctrl-C ended it."""
        self._started_at = self.clock.now()
        try:
            self.publish(self.session.start())
            with self.keys.listening():
                while self.session.state is not SessionState.FINISHED:
                    due = self.session.seconds_to_next_event()
                    key = self.keys.wait(IDLE_WAIT if due is None else due + WAKE_MARGIN)
                    if key:
                        self.publish(self.control(key))
                    self.publish(self.session.tick())
        except KeyboardInterrupt:
            self.publish(self.session.stop())
            return False
        return True

    def summary_line(self) -> str:
        """One line: how it ended, active time against the plan, items done and skipped."""
        summary = self.session.summary
        if summary is None:
            return "The session did not start."
        ended = "Finished" if summary.outcome is Outcome.FINISHED else "Stopped"
        active = format_duration(summary.active_seconds)
        planned = format_duration(summary.planned_seconds)
        return (
            f"{ended} '{self.session.routine.name}': active for {active} of {planned} planned; "
            f"{summary.completed} done, {summary.skipped} skipped."
        )


def run_play(
    paths: Paths,
    reference: str,
    *,
    voice: bool = True,
    get_ready: int | None = None,
    listeners: ListenersFactory = build_listeners,
    keys: KeySource | None = None,
    out: IO[str] | None = None,
    err: IO[str] | None = None,
    speaker: Speaker | None = None,
    known: Collection[str] = (),
    dry: bool = False,
) -> int:
    """Play a routine in the terminal; the exit status for the command line."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    content = load_content(paths)
    routine, problem = find_routine(reference, content)
    if routine is None:
        print(f"neuroguide: {problem}", file=err)
        return EXIT_PROBLEMS
    settings, messages = load_settings(paths.settings_file)
    for message in messages:
        print(f"neuroguide: {message}", file=err)
    if get_ready is None and routine.get_ready is None:
        get_ready = settings.get_ready_seconds
    if dry:
        minimum = get_ready if get_ready is not None else max(routine.get_ready or 0, 0)
        print_dry_run(paths, routine, settings, minimum, out, known)
        return EXIT_OK
    clock = MonotonicClock()
    if speaker is None:
        wanted = voice and settings.voice
        speaker = make_speaker(paths, settings, clock, err) if wanted else NullSpeaker()
    minimum = get_ready if get_ready is not None else max(routine.get_ready or 0, 0)
    plan = start_plan(routine, speaker, minimum=minimum, known=known, render_wait=RENDER_WAIT)
    session = plan.session_on(clock)
    tones = TonePlayer(paths.resources_dir) if settings.tones and not plays_tones(speaker) else None
    source: KeySource = keys if keys is not None else Keys()
    player = TerminalPlayer(session, clock, source, out)

    def on_cue(cue: Cue) -> None:
        player.show(cue)
        if tones is not None and cue.tone is not None:
            tones.play(cue.tone)

    guide = VoiceGuide(speaker, CueWriter(session.timeline, known), on_cue=on_cue)
    player.guide = guide
    player.listeners = listeners(paths, session, guide)
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
        if tones is not None:
            tones.stop()
    print(player.summary_line(), file=out, flush=True)
    return EXIT_OK if finished else EXIT_INTERRUPTED
