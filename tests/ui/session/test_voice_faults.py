"""A broken sound path is told in the window within seconds: a player that hangs, one that
fails. The real app's voice (phrase cache, renderer, audio seam) with a stand-in player."""

from __future__ import annotations

import ctypes.util
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from neuroguide.app import build_gui, create_application
from neuroguide.core.clock import FakeClock
from neuroguide.paths import Paths
from neuroguide.speech.audio import AUDIO_VARIABLE
from neuroguide.speech.planned import PlannedSpeaker

pytestmark = [
    pytest.mark.speech,
    pytest.mark.skipif(
        ctypes.util.find_library("espeak-ng") is None,
        reason="the espeak-ng library (Debian package libespeak-ng1) is not installed",
    ),
]

PLAYERS = {
    "hang": ("exec sleep 600", "the sound player hung"),
    "crash": ('echo "aplay: audio open error: Device or resource busy" >&2; exit 1', "busy"),
}


@pytest.mark.parametrize("fault", sorted(PLAYERS))
def test_a_broken_player_is_told_in_the_window_within_seconds(
    fault: str,
    qtbot: QtBot,
    app_paths: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    body, words = PLAYERS[fault]
    player = tmp_path / "player"
    player.write_text(f"#!/bin/sh\n{body}\n")
    player.chmod(0o755)
    monkeypatch.setenv(AUDIO_VARIABLE, str(player))
    create_application()
    gui = build_gui(app_paths, clock=FakeClock(), show=False)
    assert gui is not None
    qtbot.addWidget(gui.window)
    speaker = gui.flow.ctx.voice.speaker
    assert isinstance(speaker, PlannedSpeaker)
    try:
        with qtbot.waitExposed(gui.window):
            gui.window.show()
        gui.flow.start_routine("strength-arms")
        for _ in range(5):  # through the steps before the session
            if gui.flow.steps.current_step == "session":
                break
            gui.flow.steps.proceed()
        qtbot.waitUntil(gui.window.notice.isVisible, timeout=15_000)
        assert words in gui.window.notice_details
        assert words in capsys.readouterr().err
    finally:
        gui.flow.steps.end_player()
        speaker.close()
