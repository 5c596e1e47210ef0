"""A session played in real time through the stand-in sound card, and what a listener heard.

The stand-in (``/work/shared/tools/stand-in-sound-card/aplay``, first on PATH) logs the
wall-clock time each clip starts and then lasts as long as the clip: sound "leaves the app"
at the logged time. Each sentence the planned speaker starts is paired with its log line (same
file, in order), so every cue's first sentence has the moment it was heard.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict, deque
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from neuroguide.core.clock import MonotonicClock
from neuroguide.core.cues import Cue
from neuroguide.core.library import Routine
from neuroguide.core.session import SessionState
from neuroguide.core.voice_queue import Utterance
from neuroguide.speech.audio import AudioOut
from neuroguide.speech.guide import VoiceGuide
from neuroguide.speech.phrase_cache import PhraseCache
from neuroguide.speech.planned import PlannedSpeaker
from neuroguide.speech.planning import start_plan

TOOL = Path("tools") / "stand-in-sound-card"
PLACES = (Path(__file__).resolve().parents[3] / "shared" / TOOL, Path("/work/shared") / TOOL)
"""The shared folder beside the checkout (CI's copy), then the team's."""


def stand_in_folder() -> Path | None:
    """The folder holding the stand-in ``aplay``, or ``None`` where there is none."""
    for folder in PLACES:
        if (folder / "aplay").is_file():
            return folder
    return None


def stand_in_environment(log: Path) -> dict[str, str]:
    """This environment with the stand-in sound card first on PATH, logging to ``log``."""
    folder = stand_in_folder()
    assert folder is not None, "no stand-in sound card"
    path = f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"
    env = {**os.environ, "PATH": path, "STAND_IN_AUDIO_LOG": str(log)}
    env.pop("NEUROGUIDE_AUDIO_COMMAND", None)  # aplay, as the app plays by default
    return env


@dataclass
class Heard:
    """What the listener heard of one session."""

    cues: list[Cue] = field(default_factory=list)
    """Every cue the voice was asked to say (each is a caption), in order."""
    first: dict[int, float] = field(default_factory=dict)
    """``id(cue)``: seconds from the cue's moment to its first sentence leaving the app."""
    sentences: list[tuple[Utterance, float]] = field(default_factory=list)
    """Every sentence heard, with the seconds from its cue's moment."""
    problems: list[str] = field(default_factory=list)

    def late(self, limit: float) -> list[str]:
        """The captions whose first sentence was not heard within ``limit`` s of its moment."""
        return [
            f"{cue.at:.1f} s {cue.text!r}: "
            + (f"{self.first[id(cue)]:+.2f} s" if id(cue) in self.first else "never heard")
            for cue in self.cues
            if not -0.05 <= self.first.get(id(cue), float("inf")) <= limit
        ]

    def countdowns(self) -> tuple[int, int]:
        """(3-2-1 numbers heard, 3-2-1 numbers shown)."""
        shown = [c for c in self.cues if c.text in ("3.", "2.", "1.")]
        return sum(1 for c in shown if id(c) in self.first), len(shown)


def play_through_stand_in(
    routine: Routine,
    cache: PhraseCache,
    log: Path,
    *,
    known: Collection[str] = (),
    minimum: int = 5,
) -> Heard:
    """Play ``routine`` in real time (its phrases rendered first), untouched, to its end."""
    clock = MonotonicClock()
    heard = Heard()
    started: list[tuple[Utterance, float]] = []
    speaker = PlannedSpeaker(
        cache,
        clock=clock,
        on_problem=heard.problems.append,
        on_start=lambda item, at: started.append((item, at)),
        audio=AudioOut(env=stand_in_environment(log)),
    )
    try:
        plan = start_plan(routine, speaker, minimum=minimum, known=known, render_wait=120)
        session = plan.session_on(clock)
        guide = VoiceGuide(speaker, plan.writer(session), on_cue=heard.cues.append)
        guide.handle(session.start())
        while session.state is not SessionState.FINISHED:
            wait = session.seconds_to_next_event()
            if wait is None:
                break
            time.sleep(max(0.0, wait) + 0.001)
            guide.handle(session.tick())
        speaker.wait_until_idle(15)
    finally:
        speaker.close()
    # The cues the guide showed but did not hand to the speaker (none today) are not captions
    # that are spoken; every cue shown is one here.
    offset = time.time() - time.monotonic()
    logged: dict[str, deque[float]] = defaultdict(deque)
    if log.exists():
        for line in log.read_text().splitlines():
            stamp, name, *_ = line.split()
            logged[name].append(float(stamp) - offset)
    for item, _ in started:
        queue = logged[str(cache.path(item.text, item.tone))]
        if not queue:
            continue
        at = queue.popleft() - item.cue.at
        heard.sentences.append((item, at))
        heard.first.setdefault(id(item.cue), at)
    return heard
