"""Issue 24's done-when at the stand-in sound card, in real time: reps at 2 s, 5-s holds, 1-s
rests and 5-s rests between sets (the speech benchmark routine, calf raises at 3 s a rep, is
played the same way by ``python -m tests.benchmarks speech``). Every caption's first sentence
leaves the app within 0.3 s of its moment and every 3-2-1 is heard.

The routines are those of ``test_words_fit_phases.py`` made shorter (fewer reps and sets, a
10-s hold: each is played in real time, two at a time, about two and a half minutes), with
the exercises already known, so the get-ready is the short announcement; the phrases are
rendered by the real espeak-ng first.
"""

from __future__ import annotations

import ctypes.util
import threading
from pathlib import Path

import pytest

from neuroguide.content.loader import Content
from neuroguide.core.speech_plan import plan_speech
from neuroguide.speech.phrase_cache import PhraseCache
from neuroguide.speech.planning import cached_lengths
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.renderer import Renderer
from tests.speech.conftest import make_routine
from tests.speech.stand_in import Heard, play_through_stand_in, stand_in_folder

pytestmark = [
    pytest.mark.speech,
    pytest.mark.timeout(500),  # 150 s of real time, plus rendering on a busy machine
    pytest.mark.skipif(
        ctypes.util.find_library("espeak-ng") is None,
        reason="the espeak-ng library (Debian package libespeak-ng1) is not installed",
    ),
    pytest.mark.skipif(stand_in_folder() is None, reason="no stand-in sound card"),
]

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
HEADER = 'id = "{id}"\nname = "{id}"\n'
WITHIN = 0.3
ROUTINES = {
    "reps at 2 s": """
[[steps]]
exercise = "calf-raise"
reps = 6
cadence = 2
sets = 2
rest = 10
""",
    "5-s holds": """
[[steps]]
exercise = "calf-stretch"
hold = 5
sets = 2
sides = ["left", "right"]
rest = 5
""",
    "1-s rests": """
[[steps]]
exercise = "calf-stretch"
hold = 10
sets = 2
rest = 1
[[steps]]
exercise = "biceps-curl"
reps = 4
sets = 2
rest = 1
""",
    "5-s rests between sets": """
[[steps]]
exercise = "calf-raise"
reps = 4
sets = 3
rest = 5
""",
}


@pytest.fixture(scope="module")
def heard(content: Content, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Heard]:
    """Each routine played to its end, two at a time (each through its own player, as two
    people would hear them; the machine mostly waits), on clips rendered first."""
    folder = tmp_path_factory.mktemp("card")
    cache = PhraseCache(folder / "phrases", VoiceSettings(), RESOURCES / "sounds")
    lengths = cached_lengths(cache, cache.voice.rate)
    routines = {
        name: make_routine(content, HEADER.format(id=name.replace(" ", "-")) + text)
        for name, text in ROUTINES.items()
    }
    known = {step.exercise.id for routine in routines.values() for step in routine.steps}
    every = [
        phrase
        for routine in routines.values()
        for phrase in plan_speech(routine, minimum=5, known=known, lengths=lengths).phrases
    ]
    renderer = Renderer(cache)
    try:
        renderer.prepare(every)
        assert renderer.wait(every, 240), renderer.problem
    finally:
        renderer.close()
    found: dict[str, Heard] = {}
    two = threading.Semaphore(2)

    def play(name: str) -> None:
        log = folder / f"{name.replace(' ', '-')}.log"
        with two:
            found[name] = play_through_stand_in(routines[name], cache, log, known=known)

    threads = [threading.Thread(target=play, args=(name,)) for name in routines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(350)
    return found


@pytest.mark.parametrize("name", list(ROUTINES))
def test_every_caption_is_heard_on_its_moment_and_every_countdown_whole(
    heard: dict[str, Heard], name: str
) -> None:
    found = heard[name]
    assert found.problems == []
    assert found.cues, "nothing was said"
    assert found.late(WITHIN) == [], f"{name}: captions not heard within {WITHIN} s: " + ", ".join(
        f"{u.text!r} {at:+.2f}" for u, at in found.sentences
    )
    counted, shown = found.countdowns()
    assert shown and counted == shown, f"{name}: 3-2-1 heard {counted} of {shown}"
