"""Controls never leave silence (issue 24, item 4), in the real window on a fake clock: Back into
a get-ready, a pause in the middle of an introduction, and R in the middle of a hold.

The voice is the app's own planned speaker on real espeak-ng clips (rendered first); the
player is :class:`ClockedPlayer`, which plays nothing and lets each clip last its real length
on the fake clock, the app hearing of its end ``PLAYER_END`` later (as the stand-in sound card
measured). What was heard, and when, is its record; "silence" is the longest stretch with no
clip playing while words were planned (a get-ready's announcement, a hold's counts).
"""

from __future__ import annotations

import ctypes.util
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neuroguide.app import build_gui, create_application
from neuroguide.core.clock import FakeClock
from neuroguide.core.cues import PLAYER_END
from neuroguide.core.speech_plan import plan_speech
from neuroguide.core.timeline import PhaseKind
from neuroguide.paths import Paths
from neuroguide.speech.phrase_cache import PhraseCache
from neuroguide.speech.planned import PlannedSpeaker
from neuroguide.speech.planning import cached_lengths
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.renderer import Renderer
from tests.helpers.keys import press_key
from tests.speech.conftest import make_routine
from tests.ui.conftest import GuiDriver, SteppingClock

pytestmark = [
    pytest.mark.speech,
    pytest.mark.timeout(300),  # renders the routine's phrases with the real espeak-ng
    pytest.mark.skipif(
        ctypes.util.find_library("espeak-ng") is None,
        reason="the espeak-ng library (Debian package libespeak-ng1) is not installed",
    ),
]

STEP = 0.05
"""Seconds of fake time per step: finer than any clip."""
LONGEST_SILENCE = 3.0
ROUTINE = """
id = "controls"
name = "Controls"
[[steps]]
exercise = "calf-stretch"
hold = 30
sets = 2
sides = ["left", "right"]
rest = 15
"""


@dataclass
class Sound:
    """One clip as heard: its file, and when it started and stopped (fake seconds)."""

    path: Path
    start: float
    end: float


class ClockedPlayer:
    """The audio seam on the fake clock: plays nothing, records what would be heard."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.on_end: Callable[[int], None] | None = None
        self.on_fault: Callable[[str, str], None] | None = None
        self.heard: list[Sound] = []
        self._token = 0
        self._playing: tuple[int, float] | None = None

    def play(self, path: Path, seconds: float) -> int:
        self.stop()
        self._token += 1
        now = self.clock.now()
        self.heard.append(Sound(path, now, now + seconds))
        self._playing = (self._token, now + seconds)
        return self._token

    def stop(self) -> None:
        if self._playing is not None:
            self.heard[-1].end = min(self.heard[-1].end, self.clock.now())
            self._playing = None

    @property
    def playing(self) -> bool:
        return self._playing is not None

    def close(self, timeout: float = 1.0) -> None:
        self.stop()

    def moved(self) -> None:
        """Time moved: a clip whose sound is over ends, ``PLAYER_END`` after its sound."""
        while self._playing is not None and self.clock.now() >= self._playing[1] + PLAYER_END:
            token, self._playing = self._playing[0], None
            if self.on_end is not None:
                self.on_end(token)  # may start the next clip

    def silences(self, start: float, end: float) -> list[tuple[float, float]]:
        """The stretches between ``start`` and ``end`` with no sound, longest first."""
        found, last = [], start
        for sound in sorted(self.heard, key=lambda s: s.start):
            if sound.end <= start or sound.start >= end:
                continue
            if sound.start > last:
                found.append((last, sound.start))
            last = max(last, sound.end)
        if end > last:
            found.append((last, end))
        return sorted(found, key=lambda gap: gap[0] - gap[1])


class Window:
    """The real window, a session of ``ROUTINE``, the fake clock and what was heard."""

    def __init__(self, driver: GuiDriver, player: ClockedPlayer, cache: PhraseCache) -> None:
        self.driver, self.player, self.cache = driver, player, cache

    @property
    def session(self):  # type: ignore[no-untyped-def]
        controller = self.driver.flow.controller
        assert controller is not None
        return controller.session

    def advance(self, seconds: float) -> None:
        for _ in range(round(seconds / STEP)):
            self.driver.clock.advance(STEP)
            self.player.moved()
            controller = self.driver.flow.controller
            if controller is not None:
                controller.tick()
            QApplication.processEvents()  # what the controller put off to the event loop

    def run_until(self, kind: PhaseKind, limit: float = 300) -> float:
        """Run until a phase of ``kind`` starts; the fake time it did."""
        for _ in range(round(limit / STEP)):
            if self.session.phase.kind is kind:
                return self.driver.clock.now()
            self.advance(STEP)
        raise AssertionError(f"never reached {kind}")

    def texts(self, start: float, end: float = float("inf")) -> list[str]:
        """The sentences heard (at least in part) between ``start`` and ``end``."""
        names = {}
        for sound in self.player.heard:
            if start <= sound.start < end:
                names[sound.path] = None
        return [self.text_of(path) for path in names]

    def text_of(self, path: Path) -> str:
        for (text, _tone), clip in self.cache._known.items():
            if clip.path == path:
                return text
        return path.name


@pytest.fixture
def window(qtbot: QtBot, app_paths: Paths, content) -> Iterator[Window]:  # type: ignore[no-untyped-def]
    routine = make_routine(content, ROUTINE)
    app_paths.user_routines.mkdir(parents=True, exist_ok=True)
    (app_paths.user_routines / "controls.toml").write_text(ROUTINE)
    cache = PhraseCache(app_paths.phrase_cache, VoiceSettings(), app_paths.resources_dir / "sounds")
    lengths = cached_lengths(cache, cache.voice.rate)
    phrases = list(plan_speech(routine, minimum=5, lengths=lengths).phrases)
    phrases += [(text, None) for text in _repeat_sentences(routine)]
    renderer = Renderer(cache)
    try:
        renderer.prepare(phrases)
        assert renderer.wait(phrases, 240), renderer.problem
    finally:
        renderer.close()
    clock = FakeClock()
    player = ClockedPlayer(clock)
    speaker = PlannedSpeaker(cache, clock=clock, audio=player)  # type: ignore[arg-type]
    create_application()
    gui = build_gui(app_paths, clock=clock, speaker=speaker, show=False)
    assert gui is not None
    qtbot.addWidget(gui.window)
    gui.window.keys.clock = SteppingClock()
    with qtbot.waitExposed(gui.window):
        gui.window.show()
    gui.flow.ctx.settings.update(checkins=False, safety_check=False)
    driver = GuiDriver(gui, clock, speaker)  # type: ignore[arg-type]
    gui.flow.start_routine("controls")
    assert gui.window.current_screen == "player"
    yield Window(driver, player, cache)
    speaker.close()


def _repeat_sentences(routine) -> list[str]:  # type: ignore[no-untyped-def]
    from neuroguide.core.cues import sentences
    from neuroguide.core.spoken_text import spoken

    exercise = routine.steps[0].exercise
    words = " ".join([f"{exercise.name}.", *exercise.steps])
    return [spoken(s) for s in sentences(words)]


def press(qtbot: QtBot, window: Window, which: Qt.Key) -> None:
    press_key(window.driver.window, which, Qt.KeyboardModifier.NoModifier)


def test_back_into_a_get_ready_leaves_no_long_silence_before_the_hold(
    qtbot: QtBot, window: Window
) -> None:
    window.run_until(PhaseKind.HOLD)
    window.advance(1)  # just into the hold: Back goes to the get-ready (later, the hold's start)
    pressed = window.driver.clock.now()
    press(qtbot, window, Qt.Key.Key_Left)  # Back: into the get-ready again
    assert window.session.phase.kind is PhaseKind.GET_READY
    hold = window.run_until(PhaseKind.HOLD)
    silences = window.player.silences(pressed, hold)
    assert silences and silences[0][1] - silences[0][0] <= LONGEST_SILENCE, silences
    assert "Calf stretch." in window.texts(pressed, hold), "the short announcement is said"


def test_a_pause_mid_introduction_goes_on_with_what_was_not_said(
    qtbot: QtBot, window: Window
) -> None:
    window.advance(3)  # the first-time introduction is being said
    said_before = window.texts(0.0)
    press(qtbot, window, Qt.Key.Key_Space)
    window.advance(6)
    resumed = window.driver.clock.now()
    press(qtbot, window, Qt.Key.Key_Space)
    hold = window.run_until(PhaseKind.HOLD)
    after = window.texts(resumed, hold)
    assert after and after[0] == said_before[-1], "the cut sentence is said again, whole"
    assert len(after) > 1, "and the rest of the introduction after it"
    silences = window.player.silences(resumed, hold)
    assert silences[0][1] - silences[0][0] <= LONGEST_SILENCE, silences


def test_r_mid_hold_silences_no_count_and_says_the_steps_in_the_rest(
    qtbot: QtBot, window: Window
) -> None:
    hold = window.run_until(PhaseKind.HOLD)
    window.advance(3)
    press(qtbot, window, Qt.Key.Key_R)
    after_hold = window.run_until(PhaseKind.REST)
    during = window.texts(hold, after_hold)
    for count in ("Halfway.", "5 seconds.", "3.", "2.", "1."):
        assert any(t.startswith(count) for t in during), f"{count!r} silenced by R: {during}"
    next_hold = window.run_until(PhaseKind.HOLD)
    steps = _repeat_sentences(window.session.routine)
    heard = window.texts(after_hold, next_hold)
    assert all(s in heard for s in steps), f"the steps, in the rest: {steps} {heard}"
    assert heard[-3:] == ["3.", "2.", "1."], "the rest's countdown is heard after them"
