"""Captions follow the voice (issue 24, item 6): a cue of three sentences, played through the
planned speaker and a stand-in player, shows three caption states in order — the sentence
being said and those after it — in the window's controller and in ``play``."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from neuroguide.content.loader import Content
from neuroguide.core.clock import FakeClock
from neuroguide.core.cues import Cue, CuePriority, CueWriter, Tone
from neuroguide.core.runner import SessionRunner
from neuroguide.core.session import Session
from neuroguide.speech.audio import AudioOut
from neuroguide.speech.phrase_cache import PhraseCache
from neuroguide.speech.planned import PlannedSpeaker
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.terminal.player import TerminalPlayer
from neuroguide.ui.session.session_controller import SessionController
from tests.speech.test_planned_speaker import player, tone_wav

RESOURCES = Path(__file__).resolve().parents[3] / "resources"
SENTENCES = ("Calf stretch.", "Hands on the wall.", "Breathe slowly.")
CUE = Cue(" ".join(SENTENCES), CuePriority.NAME, 0.0, 0, 0, Tone.REST)


@pytest.fixture
def speaker(tmp_path: Path) -> PlannedSpeaker:
    cache = PhraseCache(tmp_path / "phrases", VoiceSettings(), RESOURCES / "sounds")
    for n, text in enumerate(SENTENCES):
        cache.store(text, Tone.REST if n == 0 else None, tone_wav(tmp_path / "raw.wav", 0.3))
    made = PlannedSpeaker(cache, audio=AudioOut(player(tmp_path, "sleep 0.3")))
    yield made
    made.close()


def test_the_windows_caption_shows_each_sentence_as_it_is_said(
    qtbot: QtBot, content: Content, fake_clock: FakeClock, speaker: PlannedSpeaker
) -> None:
    controller = SessionController(
        content.catalog.routines["lower-leg-stretches"],
        fake_clock,
        speaker=speaker,
        cue_writer=CueWriter(),
    )
    shown: list[str] = []
    controller.caption_changed.connect(shown.append)
    controller._on_cue(CUE)  # as the voice guide shows a cue, then says it
    speaker.say(CUE)
    qtbot.waitUntil(lambda: len(shown) >= 3, timeout=5000)
    assert speaker.wait_until_idle(5)
    assert shown == [
        "Calf stretch. Hands on the wall. Breathe slowly.",
        "Hands on the wall. Breathe slowly.",
        "Breathe slowly.",
    ]


def test_play_prints_each_later_sentence_as_it_is_said(
    content: Content, speaker: PlannedSpeaker
) -> None:
    from tests.speech.conftest import CALF, make_routine

    clock = FakeClock()
    runner = SessionRunner(Session(make_routine(content, CALF), clock))
    out = io.StringIO()
    terminal = TerminalPlayer(runner, clock, keys=None, out=out)  # type: ignore[arg-type]
    speaker.on_sentence = terminal.show_sentence
    terminal.show(CUE)
    speaker.say(CUE)
    assert speaker.wait_until_idle(5)
    assert out.getvalue().splitlines() == [
        "[ 0:00] Calf stretch. Hands on the wall. Breathe slowly.",
        "[ 0:00]   Hands on the wall.",
        "[ 0:00]   Breathe slowly.",
    ]


def test_a_pause_mid_introduction_resumes_with_what_was_not_said(
    speaker: PlannedSpeaker,
) -> None:
    from neuroguide.core.events import PauseReason, SessionPaused, SessionResumed
    from neuroguide.speech.guide import VoiceGuide
    from neuroguide.speech.speaker import RecordingSpeaker

    speaker.say(CUE)
    time.sleep(0.15)  # the first sentence is playing
    speaker.interrupt()  # Pause
    unsaid = speaker.take_unsaid()
    assert [u.text for u in unsaid] == list(SENTENCES), "the cut sentence is said again, whole"
    assert speaker.take_unsaid() == [], "once"

    class Resumable(RecordingSpeaker):
        def take_unsaid(self) -> list[object]:
            return list(unsaid[1:])

    recording = Resumable()
    guide = VoiceGuide(recording, CueWriter())
    guide.handle([SessionPaused(at=3.0, reason=PauseReason.USER)])
    guide.handle([SessionResumed(at=9.0)])
    assert [c.text for c in recording.said][-1] == "Hands on the wall. Breathe slowly."
    assert recording.said[-1].priority is CuePriority.NAME
