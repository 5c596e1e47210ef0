"""Voice benchmark: how well a listener understands each installed voice, and how soon it is ready.

For espeak-ng and every natural voice installed (decision 0019), in the same run:

1. **Ready**: the longest built-in routine chosen with an empty phrase cache (the renderer's
   worker already warm, as the app keeps it): time until the first exercise's phrases are
   rendered, and until the whole routine's are, with a Qt event loop's longest stall meanwhile
   (beside the same loop idle, the machine's own noise).
2. **Render**: every other sentence of every built-in routine (default settings, every
   exercise new); the time it took, and the cache's size on disk.
3. **Listener**: pocketsphinx's bundled US-English model (the same for every voice) writes
   down each clip as rendered (tone removed); the word error rate against the sentence
   (numbers as words, punctuation dropped).

``NEUROGUIDE_BENCH_ROUTINES=stretch-break`` measures only the routines named (the listener
takes about as long as the speech lasts on a quiet core: every routine is minutes per voice).

Targets (issue 24): the standard voice's word error rate at most half of espeak-ng's and at
most 0.40; first exercise ready within 2 s, the whole longest routine within 60 s, window
stalls at most 20 ms.
"""

from __future__ import annotations

import array
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.report import Result
from tests.benchmarks.stall import run_loop

ROUTINES_VARIABLE = "NEUROGUIDE_BENCH_ROUTINES"
"""Comma-separated routine ids to measure instead of every built-in routine."""
FIRST_READY_S, WHOLE_S, STALL_MS, WER_MAX, WER_SHARE = 2.0, 60.0, 20.0, 0.40, 0.5

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
ONES += "fifteen sixteen seventeen eighteen nineteen"
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"


def number_words(number: int) -> str:
    """``number`` (0-9999) as a listener would write it down."""
    ones, tens = ONES.split(), TENS.split()
    if number < 20:
        return ones[number]
    if number < 100:
        return tens[number // 10] + ("" if number % 10 == 0 else " " + ones[number % 10])
    if number < 1000:
        rest = number % 100
        return f"{ones[number // 100]} hundred" + (f" {number_words(rest)}" if rest else "")
    rest = number % 1000
    return f"{number_words(number // 1000)} thousand" + (f" {number_words(rest)}" if rest else "")


def words_of(text: str) -> list[str]:
    """The words of ``text`` as the listener writes them: lower case, numbers spelt out."""
    text = re.sub(r"\d+", lambda m: f" {number_words(int(m.group()))} ", text.lower())
    text = re.sub(r"[^a-z' ]+", " ", text.replace("-", " "))
    return [w.strip("'") for w in text.split() if w.strip("'")]


def edits(reference: list[str], heard: list[str]) -> int:
    """Word-level edit distance (substitutions, deletions, insertions)."""
    row = list(range(len(heard) + 1))
    for i, word in enumerate(reference, 1):
        previous, row[0] = row[0], i
        for j, other in enumerate(heard, 1):
            previous, row[j] = (
                row[j],
                min(row[j] + 1, row[j - 1] + 1, previous + (word != other)),
            )
    return row[-1]


class Listener:
    """pocketsphinx's bundled general US-English model, writing down one clip at a time."""

    def __init__(self, rate: int) -> None:
        from pocketsphinx import Decoder

        self._decoder = Decoder(samprate=rate, nfft=1024 if rate > 16000 else 512)

    def hear(self, frames: bytes) -> list[str]:
        decoder = self._decoder
        decoder.start_utt()
        decoder.process_raw(frames, full_utt=True)
        decoder.end_utt()
        found = decoder.hyp()
        return found.hypstr.split() if found is not None else []


@dataclass
class VoiceRun:
    """One voice's figures."""

    voice_id: str
    name: str
    first_ready: float = 0.0
    whole: float = 0.0
    stall_ms: float = 0.0
    phrases: int = 0
    render_all: float = 0.0
    speech_seconds: float = 0.0
    size: int = 0
    wer: float = 1.0
    words: int = 0
    worst: tuple[str, str] = ("", "")
    problem: str = ""


def plans() -> tuple[dict[str, object], str, set[object], object]:
    """Every built-in routine's speech plan, the longest's id, its first exercise's phrases,
    and the paths."""
    from neuroguide.content.loader import load_content
    from neuroguide.core.speech_plan import plan_speech
    from neuroguide.paths import resolve_paths

    folder = Path(tempfile.mkdtemp(prefix="neuroguide-voice-bench-"))
    paths = resolve_paths(str(folder / "data"))
    content = load_content(paths)
    routines = dict(sorted(content.catalog.routines.items()))
    only = [r for r in os.environ.get(ROUTINES_VARIABLE, "").split(",") if r]
    if only:  # a shorter run on a busy machine
        routines = {rid: r for rid, r in routines.items() if rid in only}
    found = {rid: plan_speech(r, minimum=5) for rid, r in routines.items()}
    longest = max(found, key=lambda rid: len(found[rid].phrases))  # type: ignore[attr-defined]
    routine = routines[longest]
    first = plan_speech(replace(routine, steps=routine.steps[:1]), minimum=5)
    return found, longest, set(first.phrases), paths


def measure_ready(voice_id: str, folder: Path, plan: object, first: set[object]) -> VoiceRun:
    """Part 1 for one voice: choose the longest routine with an empty cache, window running."""
    from neuroguide.speech.phrase_cache import PhraseCache
    from neuroguide.speech.protocol import VoiceSettings
    from neuroguide.speech.renderer import Renderer

    sounds = Path(__file__).resolve().parents[2] / "resources" / "sounds"
    cache = PhraseCache(folder, VoiceSettings(voice_id), sounds)
    run = VoiceRun(voice_id, cache.voice.voice_id or "espeak-ng")
    renderer = Renderer(cache)
    warm = [("Ready when you are.", None)]
    renderer.prepare(warm)
    if not renderer.wait(warm, 60):
        run.problem = renderer.problem or renderer.natural_problem or "did not render"
    phrases = list(plan.phrases)  # type: ignore[attr-defined]
    marks: dict[str, float] = {}

    def setup(done: Callable[[], None]) -> None:
        from PySide6.QtCore import QTimer

        started = time.perf_counter()
        renderer.prepare(phrases)
        poll = QTimer()
        poll.setInterval(20)

        def check() -> None:
            now = time.perf_counter() - started
            missing = [p for p in phrases if cache.get(*p) is None]  # type: ignore[misc]
            if "first" not in marks and not any(p in first for p in missing):
                marks["first"] = now
            if not missing or now > 600:
                marks["whole"] = now
                poll.stop()
                done()

        poll.timeout.connect(check)
        poll.start()
        setup.poll = poll  # type: ignore[attr-defined]  # kept alive while the loop runs

    meter = run_loop(620, setup)
    renderer.close()
    run.first_ready = marks.get("first", float("inf"))
    run.whole = marks.get("whole", float("inf"))
    run.stall_ms = meter.worst_ms()
    if renderer.fallbacks:
        run.problem = f"{renderer.fallbacks} phrases fell back to espeak-ng"
    return run


def render_all(run: VoiceRun, folder: Path, every: list[object]) -> PhraseCacheLike:
    """Part 2: every sentence of every built-in routine."""
    from neuroguide.speech.phrase_cache import PhraseCache
    from neuroguide.speech.protocol import VoiceSettings
    from neuroguide.speech.renderer import Renderer

    sounds = Path(__file__).resolve().parents[2] / "resources" / "sounds"
    cache = PhraseCache(folder, VoiceSettings(run.voice_id), sounds)
    renderer = Renderer(cache)
    started = time.perf_counter()
    renderer.prepare(every)  # type: ignore[arg-type]
    renderer.wait(every, 900)  # type: ignore[arg-type]
    run.render_all = time.perf_counter() - started + run.whole
    renderer.close()
    run.phrases = len(every)
    run.size = cache.size()
    return cache


PhraseCacheLike = object


def listen(run: VoiceRun, cache: object, every: list[tuple[str, object]]) -> None:
    """Part 3: the listener's word error rate over every sentence, tones removed."""
    from neuroguide.speech.phrase_cache import read_wav

    sounds = Path(__file__).resolve().parents[2] / "resources" / "sounds"
    listener: Listener | None = None
    errors = total = 0
    worst = (0.0, "", "")
    for text, tone in every:
        clip = cache.get(text, tone)  # type: ignore[attr-defined]
        if clip is None:
            continue
        found = read_wav(clip.path)
        if found is None:
            continue
        frames, rate = found
        if tone is not None:
            lead = read_wav(sounds / f"{tone.value}.wav")  # type: ignore[attr-defined]
            if lead is not None and lead[1] == rate:
                frames = frames[len(lead[0]) :]
        listener = listener or Listener(rate)
        reference, heard = words_of(text), listener.hear(frames)
        wrong = edits(reference, heard)
        errors, total = errors + wrong, total + len(reference)
        run.speech_seconds += len(array.array("h", frames)) / rate
        if reference and wrong / len(reference) > worst[0]:
            worst = (wrong / len(reference), text, " ".join(heard))
    run.wer = errors / total if total else 1.0
    run.words = total
    run.worst = (worst[1], worst[2])


def voices() -> list[tuple[str, str]]:
    """(id asked for, label): espeak-ng, then every natural voice installed."""
    from neuroguide.speech import natural

    found = [(natural.ESPEAK_VOICE, "espeak-ng")]
    return found + [(v.id, v.name) for v in natural.installed()]


def run() -> list[Result]:
    """Measure every installed voice and compare with espeak-ng."""
    switch = os.environ.pop("NEUROGUIDE_NATURAL_VOICE", None)  # measure the natural voices too
    try:
        return measure_all()
    finally:
        if switch is not None:
            os.environ["NEUROGUIDE_NATURAL_VOICE"] = switch


def measure_all() -> list[Result]:
    """Every voice's figures, espeak-ng's first."""
    from neuroguide.speech import natural
    from tests.benchmarks.bench_speech import quiet_baseline

    found, longest, first, _paths = plans()
    every = list(dict.fromkeys(p for plan in found.values() for p in plan.phrases))  # type: ignore[attr-defined]
    baseline = quiet_baseline(10)
    runs: list[VoiceRun] = []
    for voice_id, label in voices():
        with tempfile.TemporaryDirectory(prefix="neuroguide-voice-") as folder:
            print(f"   {label}: rendering ...", flush=True)
            one = measure_ready(voice_id, Path(folder), found[longest], first)
            one.name = label
            cache = render_all(one, Path(folder), every)
            print(f"   {label}: listening ...", flush=True)
            listen(one, cache, every)  # type: ignore[arg-type]
            runs.append(one)
    espeak = runs[0]
    standard_id = natural.standard_voice_id() or natural.ESPEAK_VOICE
    standard = next((r for r in runs if r.voice_id == standard_id), espeak)
    results: list[Result] = []
    for one in runs:
        results += [
            Result(
                f"{one.name}: listener's word error rate",
                f"≤ {WER_MAX:.2f}, ≤ {WER_SHARE:.0%} of espeak-ng's" if one is standard else "-",
                f"{one.wer:.2f} ({one.words} words)",
                one is not standard or (one.wer <= WER_MAX and one.wer <= WER_SHARE * espeak.wer),
                f"espeak-ng {espeak.wer:.2f} in the same run; worst: {one.worst[0]!r} heard "
                f"as {one.worst[1]!r}",
            ),
            Result(
                f"{one.name}: first exercise ready after choosing '{longest}'",
                f"≤ {FIRST_READY_S:.0f} s",
                f"{one.first_ready:.2f} s",
                one.first_ready <= FIRST_READY_S,
                f"{len(first)} phrases; {one.problem}".rstrip("; "),
            ),
            Result(
                f"{one.name}: whole '{longest}' rendered from an empty cache",
                f"≤ {WHOLE_S:.0f} s",
                f"{one.whole:.1f} s",
                one.whole <= WHOLE_S,
                f"{len(found[longest].phrases)} phrases",  # type: ignore[attr-defined]
            ),
            Result(
                f"{one.name}: window event-loop stall while rendering",
                f"≤ {STALL_MS:.0f} ms",
                f"{one.stall_ms:.1f} ms",
                one.stall_ms <= STALL_MS,
                f"the same loop idle: {baseline:.1f} ms",
            ),
            Result(
                f"{one.name}: every built-in routine rendered; cache size",
                "bounded (64 MB)",
                f"{one.render_all:.1f} s for {one.phrases} phrases "
                f"({one.speech_seconds:.0f} s of speech); {one.size / 1e6:.1f} MB",
                one.size < 64e6,
                f"{one.speech_seconds / max(one.render_all, 0.01):.1f}x faster than real time",
            ),
        ]
    return results
