"""Ready benchmark: the longest built-in routine chosen in the real window, empty phrase cache.

For espeak-ng (the default) and every natural voice installed (decision 0019), one after the
other, each with its own empty data folder:

1. The real window is built and shown as the app does (``build_gui``, the real voice, which
   starts its renderer's worker once the window has painted); a 1-ms Qt timer ticks in the
   window's own event loop from then on.
2. After five idle seconds (the person looks at the home screen; the same loop's longest
   stall then is the machine's own noise), the longest built-in routine is chosen through the
   session flow, as the home screen's Start does: its phrases are rendered in the background,
   in the renderer's own worker process.
3. Measured from that moment: when every phrase of the first exercise is in the phrase cache
   (target ≤ 2 s), when every phrase of the routine is (≤ 60 s on two cores), and the window
   loop's longest stall meanwhile (≤ 20 ms), beside its idle stall.

Takes about a minute per voice on an idle two-core machine.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.bench_speech import LIGHT_APLAY
from tests.benchmarks.report import Result
from tests.benchmarks.stall import StallMeter

FIRST_READY_S, WHOLE_S, STALL_MS = 2.0, 60.0, 20.0
IDLE_S = 5.0
"""Seconds the window sits on the home screen before the routine is chosen."""
LIMIT_S = 600.0


@dataclass
class ReadyRun:
    """One voice's figures."""

    label: str
    routine: str = ""
    phrases: int = 0
    first_phrases: int = 0
    first_ready: float = float("inf")
    whole: float = float("inf")
    stall_ms: float = 0.0
    choose_ms: float = 0.0
    idle_stall_ms: float = 0.0
    worst: list[tuple[float, float]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def longest_routine() -> tuple[str, set[object]]:
    """The built-in routine with the most phrases, and the phrases its first exercise says
    (the cues of its first step; not the spare shorter words, rendered after everything)."""
    from neuroguide.content.loader import load_content
    from neuroguide.core.clock import FakeClock
    from neuroguide.core.speech_plan import plan_speech, run_to_end
    from neuroguide.core.voice_queue import utterances
    from neuroguide.paths import resolve_paths

    folder = Path(tempfile.mkdtemp(prefix="neuroguide-ready-plan-"))
    try:
        content = load_content(resolve_paths(str(folder / "data")))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    routines = dict(sorted(content.catalog.routines.items()))
    plans = {rid: plan_speech(r, minimum=5) for rid, r in routines.items()}
    longest = max(plans, key=lambda rid: len(plans[rid].phrases))
    clock = FakeClock(0.0)
    session = plans[longest].session(clock)
    writer = plans[longest].writer(session)
    cues = [cue for events, _ in run_to_end(session, clock) for cue in writer.cues_for(events)]
    first = {
        (u.text, u.tone) for cue in cues if cue.step_index in (None, 0) for u in utterances(cue)
    }
    return longest, first


def measure(voice_id: str, label: str, routine_id: str, first: set[object]) -> ReadyRun:
    """Open the real window on an empty data folder, choose ``routine_id``, time its phrases."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from neuroguide.app import build_gui
    from neuroguide.paths import resolve_paths
    from neuroguide.settings import Settings, save_settings
    from neuroguide.speech.audio import AUDIO_VARIABLE
    from neuroguide.speech.planned import PlannedSpeaker
    from neuroguide.speech.renderer import Renderer

    run = ReadyRun(label, routine_id)
    folder = Path(tempfile.mkdtemp(prefix="neuroguide-ready-"))
    paths = resolve_paths(str(folder / "data"))
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    save_settings(Settings(voice_id=voice_id), paths.settings_file)  # as a person has them
    # This machine has no sound card: a player that plays nothing, for as long as each clip.
    player = folder / "aplay"
    player.write_text(LIGHT_APLAY)
    player.chmod(0o755)
    os.environ[AUDIO_VARIABLE] = str(player)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    meter = StallMeter()
    meter.start()  # ticking in the window's own event loop from before it is built
    gui = build_gui(paths, show=True)
    assert gui is not None, "the built-in content did not load"
    asked: list[list[object]] = []
    marks: dict[str, float] = {}
    poll = QTimer()
    poll.setInterval(100)
    finished = threading.Event()
    chosen_at = handled_at = 0.0
    idle_gaps = 0

    def choose() -> None:
        nonlocal chosen_at, handled_at, idle_gaps
        speaker = gui.speaker
        if not isinstance(speaker, PlannedSpeaker):
            run.problems.append(f"the voice did not start ({type(speaker).__name__})")
            app.quit()
            return
        prepare = speaker.prepare

        def watched(phrases: Iterable[object]) -> None:  # what the window asks to render
            wanted = list(phrases)
            asked.append(wanted)
            prepare(wanted)  # type: ignore[arg-type]

        speaker.prepare = watched  # type: ignore[method-assign]
        idle_gaps = len(meter.gaps)
        chosen_at = time.perf_counter()
        gui.flow.start_routine(routine_id)
        handled_at = time.perf_counter()
        wanted = asked[0] if asked else []
        threading.Thread(target=watch, args=(wanted, speaker.renderer), daemon=True).start()
        poll.start()

    def watch(wanted: list[object], renderer: Renderer) -> None:
        """Off the window's thread (the measure must not stall what it measures)."""
        firsts = [p for p in wanted if p in first]
        if renderer.wait(firsts, LIMIT_S):  # type: ignore[arg-type]
            marks["first"] = time.perf_counter() - chosen_at
        if renderer.wait(wanted, LIMIT_S):  # type: ignore[arg-type]
            marks["whole"] = time.perf_counter() - chosen_at
        if renderer.problem:
            run.problems.append(renderer.problem)
        run.phrases, run.first_phrases = len(wanted), len(firsts)
        finished.set()

    def check() -> None:  # every 100 ms: one flag, nothing else
        if finished.is_set():
            poll.stop()
            QTimer.singleShot(200, app.quit)  # the last stalls of the render's end too

    poll.timeout.connect(check)
    QTimer.singleShot(int(IDLE_S * 1000), choose)
    safety_net = QTimer()
    safety_net.setSingleShot(True)
    safety_net.timeout.connect(app.quit)
    safety_net.start(int((IDLE_S + LIMIT_S + 30) * 1000))
    app.exec()
    safety_net.stop()
    meter.stop()
    gui.window.close()
    gui.speaker.close()
    app.processEvents()
    shutil.rmtree(folder, ignore_errors=True)
    os.environ.pop(AUDIO_VARIABLE, None)
    run.first_ready = marks.get("first", float("inf"))
    run.whole = marks.get("whole", float("inf"))
    run.choose_ms = (handled_at - chosen_at) * 1000
    gaps = list(zip(meter.gaps, meter.moments, strict=True))
    # Idle: from a second after the window was built (it painted) until the routine is chosen.
    idle = [g for g, at in gaps[:idle_gaps] if at - meter.moments[0] > 1]
    # Rendering: every gap that began once the choice was handled (the gap holding the
    # choice's own handler began before it and is reported as the choice's time).
    busy = [(g, at) for g, at in gaps[idle_gaps:] if at - g >= chosen_at]
    run.idle_stall_ms = max(0.0, (max(idle, default=0.001) - 0.001) * 1000)
    run.stall_ms = max(0.0, (max((g for g, _ in busy), default=0.001) - 0.001) * 1000)
    run.worst = [(g * 1000, at - chosen_at) for g, at in sorted(busy)[-4:]][::-1]
    return run


def voices() -> list[tuple[str, str]]:
    """(voice id, label): espeak-ng, then every natural voice installed."""
    from neuroguide.speech import natural

    return [(natural.ESPEAK_VOICE, "espeak-ng")] + [(v.id, v.name) for v in natural.installed()]


def run() -> list[Result]:
    """Every installed voice, espeak-ng's first."""
    switch = os.environ.pop("NEUROGUIDE_NATURAL_VOICE", None)  # the natural voices too
    try:
        routine_id, first = longest_routine()
        runs = []
        for voice_id, label in voices():
            print(f"   {label}: choosing '{routine_id}' in the window ...", flush=True)
            runs.append(measure(voice_id, label, routine_id, first))
    finally:
        if switch is not None:
            os.environ["NEUROGUIDE_NATURAL_VOICE"] = switch
    return [result for one in runs for result in results_of(one)]


def results_of(one: ReadyRun) -> list[Result]:
    """The three figures of one voice."""
    problems = "; ".join(one.problems)
    return [
        Result(
            f"{one.label}: first exercise's phrases ready after choosing '{one.routine}'",
            f"≤ {FIRST_READY_S:.0f} s",
            f"{one.first_ready:.2f} s",
            one.first_ready <= FIRST_READY_S,
            f"{one.first_phrases} phrases, empty phrase cache, the real window; {problems}".rstrip(
                "; "
            ),
        ),
        Result(
            f"{one.label}: whole '{one.routine}' rendered from an empty cache",
            f"≤ {WHOLE_S:.0f} s",
            f"{one.whole:.1f} s",
            one.whole <= WHOLE_S,
            f"{one.phrases} phrases, rendered in the renderer's own worker process",
        ),
        Result(
            f"{one.label}: window event-loop stall while rendering",
            f"≤ {STALL_MS:.0f} ms",
            f"{one.stall_ms:.1f} ms",
            one.stall_ms <= STALL_MS,
            f"1-ms timer in the real window's loop; the same loop idle on the home screen: "
            f"{one.idle_stall_ms:.1f} ms; longest gaps "
            + ", ".join(f"{ms:.0f} ms at {at:.1f} s" for ms, at in one.worst),
        ),
        Result(
            f"{one.label}: the choice itself (the window's handler, before rendering)",
            f"≤ {STALL_MS:.0f} ms",
            f"{one.choose_ms:.0f} ms",
            one.choose_ms <= STALL_MS,
            "planning the routine's words and showing the next screen, on the window's thread",
        ),
    ]


if __name__ == "__main__":
    print(*run(), sep="\n")
