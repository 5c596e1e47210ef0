"""``neuroguide play --dry-run ROUTINE``: the whole session's script, printed at once.

The same engine, cue writer, speech plan and voice queue as a real session, on a fake clock,
with each clip's length from the phrase cache (or estimated, marked ``~``, where a phrase has
not been rendered yet): every line shown and spoken, with its time and length. For a
physiotherapist checking a routine, and for tests.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import IO

from neuroguide.core.heard_length import plan_seconds
from neuroguide.core.library import Routine, format_duration
from neuroguide.core.speech_plan import dry_run, format_script, plan_speech
from neuroguide.paths import Paths
from neuroguide.settings import Settings
from neuroguide.speech.heard import settings_lengths
from neuroguide.speech.phrase_cache import PhraseCache
from neuroguide.speech.planning import silent
from neuroguide.speech.protocol import VoiceSettings


def print_dry_run(
    paths: Paths,
    routine: Routine,
    settings: Settings,
    minimum: int,
    out: IO[str],
    known: Collection[str] = (),
    *,
    voice: bool = True,
) -> None:
    """Print the script of ``routine`` as it would run now, without a sound (with ``voice``
    off, as it would run with captions only: nothing said, get-readys at their minimum)."""
    settings_voice = VoiceSettings(settings.voice_id, settings.voice_rate, settings.voice_volume)
    cache = PhraseCache(paths.phrase_cache, settings_voice, paths.resources_dir / "sounds")
    lengths = settings_lengths(paths, settings) if voice else silent
    plan = plan_speech(routine, minimum=minimum, known=known, lengths=lengths)
    script = dry_run(plan, lengths)
    missing = sum(1 for phrase in plan.phrases if cache.get(*phrase) is None)
    spoken, transitions = script.spoken_share(urgent=True)
    said, captions = script.captions_spoken()
    length, words_end = format_duration(plan_seconds(plan)), format_duration(script.total_seconds)
    print(f"{routine.name}: {length} (the last words end at {words_end})", file=out)
    if not voice:
        script.lines = [line for line in script.lines if line.kind == "show"]
        print(f"The voice is off: {captions} captions, nothing said.", file=out)
    else:
        print(
            f"{len(plan.phrases)} phrases ({missing} not rendered yet: their lengths are "
            f"estimates); transitions on time {spoken} of {transitions}; captions spoken "
            f"{said} of {captions} (a cue counts when all of it is said).",
            file=out,
        )
    print(" time   what  words  (clip length, lateness)", file=out)
    for line in format_script(script):
        print(line, file=out)
    out.flush()
