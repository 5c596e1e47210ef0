"""Voice benchmark: how well a listener understands each installed voice, and its cost.

For espeak-ng and every natural voice installed (decision 0019), in the same run, on the same
sentences:

1. **Render**: the sentences rendered into an empty phrase cache (default settings, every
   exercise new); the time it took against the speech it made, and the cache's size on disk
   (for every built-in routine: the sample's size a clip, times their number of phrases).
2. **Listener**: pocketsphinx's bundled US-English model (the same for every voice) writes
   down each clip as rendered (tone removed); the word error rate against the sentence
   (numbers as words, punctuation dropped).

By default a fixed sample of the built-in routines' sentences is measured: every n-th of them
in order of use, about :data:`SAMPLE` (a few minutes in all; the listener takes about as long
as the speech lasts on a quiet core). ``NEUROGUIDE_BENCH_SENTENCES=all`` measures every
sentence of every routine (about half an hour on two cores), a number that many;
``NEUROGUIDE_BENCH_ROUTINES=stretch-break,balance`` only the routines named. How soon a
routine is ready after it is chosen is ``bench_ready``'s.

Target (issue 24): the standard voice's word error rate at most half of espeak-ng's and at
most 0.40.
"""

from __future__ import annotations

import array
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.report import Result

ROUTINES_VARIABLE = "NEUROGUIDE_BENCH_ROUTINES"
"""Comma-separated routine ids to measure instead of every built-in routine."""
SENTENCES_VARIABLE = "NEUROGUIDE_BENCH_SENTENCES"
"""``all``, or how many sentences to sample (default :data:`SAMPLE`)."""
SAMPLE = 60
WER_MAX, WER_SHARE = 0.40, 0.5

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
    phrases: int = 0
    render_seconds: float = 0.0
    speech_seconds: float = 0.0
    size: int = 0
    wer: float = 1.0
    words: int = 0
    worst: tuple[str, str] = ("", "")
    problem: str = ""


def sentences() -> tuple[list[tuple[str, object]], int, str]:
    """The sentences to measure (every built-in routine's, in order of use, sampled), how
    many phrases every built-in routine has in all, and which sample it is."""
    from neuroguide.content.loader import load_content
    from neuroguide.core.speech_plan import plan_speech
    from neuroguide.paths import resolve_paths

    folder = Path(tempfile.mkdtemp(prefix="neuroguide-voice-bench-"))
    try:
        content = load_content(resolve_paths(str(folder / "data")))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    routines = dict(sorted(content.catalog.routines.items()))
    only = [r for r in os.environ.get(ROUTINES_VARIABLE, "").split(",") if r]
    if only:
        routines = {rid: r for rid, r in routines.items() if rid in only}
    plans = [plan_speech(r, minimum=5) for r in routines.values()]
    every = list(dict.fromkeys(p for plan in plans for p in plan.phrases))
    wanted = os.environ.get(SENTENCES_VARIABLE, "").strip().lower()
    count = len(every) if wanted == "all" else int(wanted) if wanted.isdigit() else SAMPLE
    step = max(1, len(every) // max(1, count))
    chosen = every[::step][:count]
    which = f"{len(chosen)} of the {len(every)} sentences of {', '.join(routines)}"
    if len(chosen) < len(every):
        which += f" (every {step}th; {SENTENCES_VARIABLE}=all for every one)"
    return chosen, len(every), which  # type: ignore[return-value]


def render(run: VoiceRun, folder: Path, chosen: list[tuple[str, object]]) -> object:
    """Part 1: ``chosen`` rendered into an empty cache with ``run``'s voice."""
    from neuroguide.speech.phrase_cache import PhraseCache
    from neuroguide.speech.protocol import VoiceSettings
    from neuroguide.speech.renderer import Renderer

    sounds = Path(__file__).resolve().parents[2] / "resources" / "sounds"
    cache = PhraseCache(folder, VoiceSettings(run.voice_id), sounds)
    renderer = Renderer(cache)
    warm = [("Ready when you are.", None)]  # the app's worker is warm before a routine
    renderer.prepare(warm)  # type: ignore[arg-type]
    renderer.wait(warm, 60)  # type: ignore[arg-type]
    before = cache.size()
    started = time.perf_counter()
    renderer.prepare(chosen)  # type: ignore[arg-type]
    if not renderer.wait(chosen, 900):  # type: ignore[arg-type]
        run.problem = renderer.problem or renderer.natural_problem or "did not render"
    run.render_seconds = time.perf_counter() - started
    if renderer.fallbacks:
        run.problem = f"{renderer.fallbacks} phrases fell back to espeak-ng"
    renderer.close()
    run.phrases = len(chosen)
    run.size = cache.size() - before
    return cache


def listen(run: VoiceRun, cache: object, every: list[tuple[str, object]]) -> None:
    """Part 2: the listener's word error rate over every sentence, tones removed."""
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

    chosen, total, which = sentences()
    runs: list[VoiceRun] = []
    for voice_id, label in voices():
        with tempfile.TemporaryDirectory(prefix="neuroguide-voice-") as folder:
            one = VoiceRun(voice_id, label)
            print(f"   {label}: rendering {len(chosen)} sentences ...", flush=True)
            cache = render(one, Path(folder), chosen)
            print(f"   {label}: listening ...", flush=True)
            listen(one, cache, chosen)
            runs.append(one)
    espeak = runs[0]
    standard_id = natural.standard_voice_id() or natural.ESPEAK_VOICE
    standard = next((r for r in runs if r.voice_id == standard_id), espeak)
    results: list[Result] = []
    for one in runs:
        whole_size = one.size / max(1, one.phrases) * total
        results += [
            Result(
                f"{one.name}: listener's word error rate",
                f"≤ {WER_MAX:.2f}, ≤ {WER_SHARE:.0%} of espeak-ng's" if one is standard else "-",
                f"{one.wer:.2f} ({one.words} words)",
                one is not standard or (one.wer <= WER_MAX and one.wer <= WER_SHARE * espeak.wer),
                f"{which}; espeak-ng {espeak.wer:.2f} in the same run; worst: {one.worst[0]!r} "
                f"heard as {one.worst[1]!r}" + (f"; {one.problem}" if one.problem else ""),
            ),
            Result(
                f"{one.name}: render time; cache size for every built-in routine",
                "bounded (64 MB)",
                f"{one.render_seconds:.1f} s for {one.phrases} phrases "
                f"({one.speech_seconds:.0f} s of speech); {whole_size / 1e6:.1f} MB",
                whole_size < 64e6,
                f"{one.speech_seconds / max(one.render_seconds, 0.01):.1f}x faster than real "
                f"time; the size is the sample's a clip times {total} phrases",
            ),
        ]
    return results
