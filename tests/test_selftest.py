"""``neuroguide self-test``: every check passes on a good installation and names what is broken."""

from __future__ import annotations

import ctypes.util
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from neuroguide.cli.selftest import (
    Check,
    Status,
    check_drawings,
    check_history,
    check_icon,
    check_routines,
    check_speech,
    choose_platform,
    ok,
    run_checks,
    run_self_test,
)
from neuroguide.paths import Paths, resources_dir

ROOT = Path(__file__).resolve().parents[1]
HAS_ESPEAK = ctypes.util.find_library("espeak-ng") is not None
BLANK_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'


def quiet_speech() -> Check:
    return ok("speech", "not tried in this test")


@pytest.fixture
def copied(tmp_path: Path) -> Paths:
    """A private copy of the shipped resources that a test may damage."""
    target = tmp_path / "resources"
    shutil.copytree(resources_dir(), target, ignore=shutil.ignore_patterns("__pycache__"))
    return Paths(tmp_path / "data", tmp_path / "data", target)


def worker(script: str) -> list[str]:
    return [sys.executable, "-c", script]


def test_every_check_passes_for_the_shipped_resources(app_paths: Paths) -> None:
    out = io.StringIO()
    checks = run_checks(app_paths, out, environ=dict(os.environ), speech=quiet_speech)
    assert [c.status for c in checks] == [Status.OK] * len(checks), out.getvalue()
    names = [line.split(":")[0].split(maxsplit=1)[1] for line in out.getvalue().splitlines()]
    assert names == [
        "qt platform",
        "illustrations",
        "app icon",
        "routines",
        "tones",
        "history",
        "speech",
        "natural voice",
    ]


def test_a_line_starts_with_a_padded_status_then_the_check_and_why() -> None:
    assert Check("qt platform", Status.OK, "offscreen").line() == "ok    qt platform: offscreen"
    assert Check("speech", Status.FAIL, "no sound").line() == "FAIL  speech: no sound"


def test_without_a_screen_the_offscreen_platform_is_chosen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    headless: dict[str, str] = {}
    choose_platform(headless)
    assert headless == {"QT_QPA_PLATFORM": "offscreen"}
    with_screen = {"DISPLAY": ":0"}
    choose_platform(with_screen)
    assert "QT_QPA_PLATFORM" not in with_screen
    chosen = {"QT_QPA_PLATFORM": "xcb"}
    choose_platform(chosen)
    assert chosen["QT_QPA_PLATFORM"] == "xcb"


@pytest.mark.qt_log_ignore("Cannot read file")  # Qt's own complaint, expected here
def test_a_damaged_illustration_fails_and_is_named(copied: Paths) -> None:
    (copied.illustrations / "calf-stretch.svg").write_text("<svg not closed", encoding="utf-8")
    check = check_drawings(copied)
    assert check.status is Status.FAIL
    assert "calf-stretch.svg is not a valid SVG drawing" in check.detail


def test_an_illustration_that_draws_nothing_fails(copied: Paths) -> None:
    (copied.illustrations / "arm-circles.svg").write_text(BLANK_SVG, encoding="utf-8")
    check = check_drawings(copied)
    assert check.status is Status.FAIL
    assert "arm-circles.svg draws nothing" in check.detail


def test_a_missing_illustration_named_by_the_library_fails(copied: Paths) -> None:
    (copied.illustrations / "leg-swings.svg").unlink()
    check = check_drawings(copied)
    assert check.status is Status.FAIL
    assert "leg-swings.svg is missing" in check.detail


def test_a_missing_app_icon_fails(copied: Paths) -> None:
    (copied.resources_dir / "icons" / "neuroguide.svg").unlink()
    assert check_icon(copied).status is Status.FAIL


def test_a_broken_builtin_routine_fails_with_its_file_and_line(copied: Paths) -> None:
    routine = copied.builtin_routines / "balance.toml"
    routine.write_text(routine.read_text(encoding="utf-8") + "\n[[steps]\n", encoding="utf-8")
    check = check_routines(copied)
    assert check.status is Status.FAIL
    assert "balance.toml:" in check.detail


def test_a_broken_exercise_library_fails_without_a_traceback(copied: Paths) -> None:
    copied.exercises_file.write_text("this is = = not toml", encoding="utf-8")
    check = check_routines(copied)
    assert check.status is Status.FAIL
    assert "exercises.toml" in check.detail


def test_the_history_upgrade_keeps_data_and_reaches_the_latest_version() -> None:
    check = check_history()
    assert check.status is Status.OK, check.detail


def test_a_missing_speech_engine_is_a_warning_not_a_failure() -> None:
    check = check_speech(driver="no-such-driver")
    assert check.status is Status.WARN
    assert "voice is off" in check.detail


def test_a_speech_worker_that_crashes_fails() -> None:
    def crashing(arguments: Sequence[str]) -> list[str]:
        return worker("raise SystemExit(1)")

    check = check_speech(command=crashing)
    assert check.status is Status.FAIL


def test_a_speech_worker_that_renders_silence_fails() -> None:
    script = (
        "import json, sys, wave\n"
        "print(json.dumps({'event': 'ready', 'voice': 'x'}), flush=True)\n"
        "for line in sys.stdin:\n"
        "    m = json.loads(line)\n"
        "    if m['op'] == 'render':\n"
        "        with wave.open(m['path'], 'wb') as w:\n"
        "            w.setnchannels(1); w.setsampwidth(2); w.setframerate(22050)\n"
        "            w.writeframes(bytes(44100))\n"
        "        print(json.dumps({'event': 'done', 'id': m['id']}), flush=True)\n"
        "    if m['op'] == 'quit':\n"
        "        break\n"
    )

    def silent(arguments: Sequence[str]) -> list[str]:
        return worker(script)

    check = check_speech(command=silent)
    assert check.status is Status.FAIL
    assert "silent" in check.detail


@pytest.mark.speech
@pytest.mark.skipif(not HAS_ESPEAK, reason="the espeak-ng library (libespeak-ng1) is missing")
def test_the_real_speech_engine_renders_an_audible_cue() -> None:
    check = check_speech()
    assert check.status is Status.OK, check.detail


def test_a_failed_check_makes_the_exit_status_one(
    app_paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "neuroguide.cli.selftest.check_speech", lambda: Check("speech", Status.FAIL, "broken")
    )
    out = io.StringIO()
    assert run_self_test(app_paths, out=out) == 1
    assert "FAIL  speech: broken" in out.getvalue()
    assert "1 of 8 checks failed" in out.getvalue()


def test_a_warning_fails_only_in_strict_mode(
    app_paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "neuroguide.cli.selftest.check_speech", lambda: Check("speech", Status.WARN, "no engine")
    )
    assert run_self_test(app_paths, out=io.StringIO()) == 0
    assert run_self_test(app_paths, strict=True, out=io.StringIO()) == 1


def test_the_command_runs_headless_in_a_fresh_process(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["NEUROGUIDE_SPEECH_DRIVER"] = "no-such-driver"  # the real engine is tested above
    finished = subprocess.run(
        [sys.executable, "-m", "neuroguide", "--data-dir", str(tmp_path), "self-test"],
        capture_output=True,
        text=True,
        timeout=90,
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert "ok    qt platform: offscreen" in finished.stdout
    assert "warn  speech: " in finished.stdout
    assert "Traceback" not in finished.stderr
