"""Words that fit any phase, on the real voice's clip lengths (espeak-ng rendered into the
phrase cache) with the player's end as margin: the routines a physiotherapist may well write —
reps at 2 and 3 s, 5-s holds, 1-s rests, 5-s rests between sets — lose no count, no 3-2-1
and no transition word, and every caption starts within 0.3 s of its moment."""

from __future__ import annotations

import ctypes.util
from pathlib import Path

import pytest

from neuroguide.content.loader import Content
from neuroguide.core.cues import CuePriority
from neuroguide.core.speech_plan import SpeechPlan, dry_run, plan_speech
from neuroguide.core.timeline import PhaseKind
from neuroguide.speech.phrase_cache import PhraseCache
from neuroguide.speech.planning import cached_lengths
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.renderer import Renderer
from tests.speech.conftest import make_routine

pytestmark = [
    pytest.mark.speech,
    pytest.mark.timeout(600),  # renders each routine's phrases: minutes on a busy machine
    pytest.mark.skipif(
        ctypes.util.find_library("espeak-ng") is None,
        reason="the espeak-ng library (Debian package libespeak-ng1) is not installed",
    ),
]

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
HEADER = 'id = "{id}"\nname = "{id}"\n'
ROUTINES = {
    "reps-3s": """
[[steps]]
exercise = "calf-raise"
reps = 8
cadence = 3
sets = 2
rest = 10
""",
    "reps-2s": """
[[steps]]
exercise = "calf-raise"
reps = 10
cadence = 2
sets = 2
rest = 10
[[steps]]
exercise = "leg-swings"
reps = 6
cadence = 2
sides = ["left", "right"]
""",
    "holds-5s": """
[[steps]]
exercise = "calf-stretch"
hold = 5
sets = 3
sides = ["left", "right"]
rest = 5
[[steps]]
exercise = "overhead-reach"
hold = 5
sets = 2
rest = 3
""",
    "rests-1s": """
[[steps]]
exercise = "calf-stretch"
hold = 15
sets = 3
rest = 1
[[steps]]
exercise = "biceps-curl"
reps = 8
sets = 3
rest = 1
""",
    "holds-10s": """
[[steps]]
exercise = "calf-stretch"
hold = 10
sets = 2
rest = 1
""",
    "rests-5s": """
[[steps]]
exercise = "calf-raise"
reps = 10
sets = 3
rest = 5
[[steps]]
exercise = "shoulder-press"
reps = 8
sets = 2
rest = 5
""",
}


@pytest.fixture(scope="module")
def planned(content: Content, tmp_path_factory: pytest.TempPathFactory) -> dict[str, SpeechPlan]:
    """Each routine planned on its real clips (rendered first, then planned again)."""
    folder = tmp_path_factory.mktemp("phrases")
    cache = PhraseCache(folder, VoiceSettings(), RESOURCES / "sounds")
    lengths = cached_lengths(cache, cache.voice.rate)
    routines = {
        key: make_routine(content, HEADER.format(id=key) + text) for key, text in ROUTINES.items()
    }
    drafts = [plan_speech(r, minimum=5, lengths=lengths) for r in routines.values()]
    every = [phrase for draft in drafts for phrase in draft.phrases]
    renderer = Renderer(cache)
    try:
        renderer.prepare(every)
        assert renderer.wait(every, 300), renderer.problem
    finally:
        renderer.close()
    return {key: plan_speech(r, minimum=5, lengths=lengths) for key, r in routines.items()}


@pytest.mark.parametrize("key", list(ROUTINES))
def test_every_caption_starts_on_its_moment_and_no_count_is_lost(
    planned: dict[str, SpeechPlan], key: str
) -> None:
    plan = planned[key]
    assert plan.lengths is not None
    script = dry_run(plan, plan.lengths)
    first_said: dict[int, float] = {}
    for utterance, at in script.said:
        first_said.setdefault(id(utterance.cue), at - utterance.at)
    late = [
        f"{cue.at:.1f} s {cue.text!r}: {first_said.get(id(cue), float('inf')):+.2f} s"
        for cue in script.cues
        if first_said.get(id(cue), float("inf")) > 0.3
    ]
    assert late == [], f"{key}: captions not started within 0.3 s"
    counts = [u.text for u in script.dropped if u.cue.priority is CuePriority.COUNT]
    assert counts == [], f"{key}: counts not heard"
    urgent = [u.text for u in [*script.dropped, *script.cut] if u.urgent]
    assert urgent == [], f"{key}: transitions, names or safety lost"
    said, captions = script.captions_spoken()
    assert said == captions, f"{key}: {captions - said} captions not said whole"


def test_fast_reps_shorten_their_words_and_keep_every_count(
    planned: dict[str, SpeechPlan],
) -> None:
    plan = planned["reps-2s"]
    assert plan.lengths is not None
    timeline = plan.session().timeline
    said = [
        u
        for u, _ in dry_run(plan, plan.lengths).said
        if u.cue.phase_index is not None and timeline[u.cue.phase_index].kind is PhaseKind.REPS
    ]
    words = [u.text for u in said]
    assert "Lower slowly." not in words, "the long down word does not fit a 1-s half rep"
    assert words.count("Down.") + words.count("Back.") == 10 * 2 + 6 * 2, "every down is heard"
    counts = [w for w in words if w.split(",")[0].rstrip(".").isdigit()]
    assert len(counts) == 9 * 2 + 5 * 2, "every rep but the first of each set is counted"


def test_a_safety_line_that_cannot_fit_a_5_s_hold_is_said_in_the_get_ready(
    planned: dict[str, SpeechPlan],
) -> None:
    plan = planned["holds-5s"]
    assert plan.lengths is not None
    script = dry_run(plan, plan.lengths)
    safety = "Hands on the wall, breathe slowly, stop short of pain."
    hold_cues = [c for c in script.cues if c.text.startswith("Hold")]
    assert hold_cues and all(safety not in c.text for c in hold_cues)
    assert safety in script.cues[0].text, "the announcement says it instead"
    threes = [u for u, _ in script.said if u.text == "3."]
    assert len(threes) == sum(1 for c in script.cues if c.text == "3.")


def test_check_warns_with_the_step_and_seconds_when_phases_are_too_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from neuroguide.cli.parser import main

    short = tmp_path / "short.toml"
    short.write_text(
        HEADER.format(id="short")
        + '[[steps]]\nexercise = "calf-stretch"\nhold = 2\nsets = 2\nrest = 1\n'
        + '[[steps]]\nexercise = "calf-raise"\nreps = 6\ncadence = 1\n'
    )
    fine = tmp_path / "fine.toml"
    fine.write_text(HEADER.format(id="fine") + ROUTINES["rests-1s"])
    assert main(["--data-dir", str(tmp_path / "data"), "check", str(short), str(fine)]) == 0
    out = capsys.readouterr().out
    warnings = [line for line in out.splitlines() if ": warning: " in line]
    assert warnings == [
        f"{short}: warning: step 1 (Calf stretch): a 2-second hold is too short for their "
        'words: "1." would not be heard whole or on time',
        f"{short}: warning: step 2 (Calf raise): reps of 1 second are too fast for their "
        'words: "Down.", "2.", "3.", "4.", "5.", "6." would not be heard whole or on time',
    ]
