"""Issue 13's promise, with the real voice's clip lengths: in every built-in routine and its
seated version, every caption is also spoken and every transition on its moment.

The words are rendered by the real espeak-ng (about 3 s for all of them), so a movement word too
long for its exercise's pace, which would push the next count off its second, fails here.
"""

from __future__ import annotations

import ctypes.util
from pathlib import Path

import pytest

from neuroguide.content.loader import load_content
from neuroguide.core.seated import seated_version
from neuroguide.core.speech_plan import dry_run, plan_speech
from neuroguide.paths import resolve_paths
from neuroguide.speech.phrase_cache import PhraseCache
from neuroguide.speech.planning import cached_lengths
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.renderer import Renderer

pytestmark = [
    pytest.mark.speech,
    pytest.mark.skipif(
        ctypes.util.find_library("espeak-ng") is None,
        reason="the espeak-ng library (Debian package libespeak-ng1) is not installed",
    ),
]


@pytest.mark.timeout(600)  # renders 300 phrases: minutes on a busy shared machine
def test_every_caption_of_every_built_in_routine_is_spoken(tmp_path: Path) -> None:
    paths = resolve_paths(str(tmp_path / "data"), {})
    content = load_content(paths)
    routines = list(content.catalog.routines.values())
    routines += [
        seated
        for routine in routines
        if (seated := seated_version(routine, content.library).routine) is not None
    ]
    cache = PhraseCache(tmp_path / "phrases", VoiceSettings(), paths.resources_dir / "sounds")
    drafts = [plan_speech(routine, minimum=5) for routine in routines]
    every = [phrase for draft in drafts for phrase in draft.phrases]
    renderer = Renderer(cache)
    try:
        renderer.prepare(every)
        assert renderer.wait(every, 240), renderer.problem
    finally:
        renderer.close()
    lengths = cached_lengths(cache, cache.voice.rate)
    missed: list[str] = []
    for routine in routines:
        script = dry_run(plan_speech(routine, minimum=5, lengths=lengths), lengths)
        said = {id(utterance.cue) for utterance, _ in script.said}
        missed += [
            f"{routine.name} at {cue.at:.1f} s: {cue.text!r}"
            for cue in script.cues
            if id(cue) not in said
        ]
        on_time, transitions = script.spoken_share(urgent=True)
        assert on_time == transitions, f"{routine.name}: transitions {on_time}/{transitions}"
    assert missed == []
