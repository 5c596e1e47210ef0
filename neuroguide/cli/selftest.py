"""``neuroguide self-test``: checks, without a screen, that this installation can do its job.

Meant for a freshly built bundle, a new machine, or a bug report: it checks the Qt platform,
draws every illustration, loads every built-in routine, upgrades an empty history in memory
and renders a short cue with the speech engine. It prints one line per check as it goes and
returns 1 if any check failed.

A missing system speech library is a warning, not a failure: the app still guides with
captions and tones. ``--strict`` counts warnings as failures.
"""

from __future__ import annotations

import array
import math
import os
import sys
import tempfile
import wave
from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from neuroguide.paths import Paths

CUE_TEXT = "Calf stretch. Hold for fifteen seconds."
MIN_LOUDNESS = 300.0
"""RMS (16-bit samples) below which a rendered cue counts as silence."""
DRAWING_SIZE = 96
"""Pixels per side each illustration is drawn at."""
SPEECH_MISSING = ("no-engine", "no-player")
"""Worker reasons that mean the system lacks a speech library or player (not a broken app)."""


class Status(StrEnum):
    """How a check ended: passed, passed with something the user should know, or failed."""

    OK = "ok"
    WARN = "warn"
    FAIL = "FAIL"


@dataclass(frozen=True)
class Check:
    """The result of one check, printed as one line."""

    name: str
    status: Status
    detail: str

    def line(self) -> str:
        """``ok    qt platform: offscreen`` — status padded so the names line up."""
        return f"{self.status.value:<6}{self.name}: {self.detail}"


def ok(name: str, detail: str) -> Check:
    """A passed check."""
    return Check(name, Status.OK, detail)


def fail(name: str, detail: str) -> Check:
    """A failed check."""
    return Check(name, Status.FAIL, detail)


# ---------------------------------------------------------------------------------- Qt


def choose_platform(environ: MutableMapping[str, str]) -> None:
    """Use Qt's offscreen platform when there is no screen and none was chosen.

    Without this, Qt aborts the whole process when it cannot reach a display.
    """
    if environ.get("QT_QPA_PLATFORM"):
        return
    has_screen = environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not has_screen:
        environ["QT_QPA_PLATFORM"] = "offscreen"


def check_qt(environ: MutableMapping[str, str]) -> Check:
    """Start (or reuse) the Qt application and look for fonts to draw text with."""
    choose_platform(environ)
    try:
        from PySide6.QtGui import QFontDatabase, QGuiApplication
        from PySide6.QtWidgets import QApplication
    except ImportError as error:
        return fail("qt platform", f"Qt cannot be loaded ({error})")
    existing = QGuiApplication.instance()
    if existing is not None and not isinstance(existing, QGuiApplication):
        return fail("qt platform", "a Qt application without a GUI is already running")
    app = existing or QApplication([sys.argv[0] if sys.argv else "neuroguide"])
    platform = app.platformName()
    families = len(QFontDatabase.families())
    if families == 0:
        return fail("qt platform", f"{platform}, but no fonts were found; install a font package")
    return ok("qt platform", f"{platform}, {families} font families")


def draw_svg(path: Path) -> str | None:
    """Draw one SVG file; returns why it cannot be used, or ``None`` if it drew something."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if not path.is_file():
        return f"{path.name} is missing"
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return f"{path.name} is not a valid SVG drawing"
    blank = QImage(DRAWING_SIZE, DRAWING_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    blank.fill(Qt.GlobalColor.transparent)
    image = blank.copy()
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if image == blank:
        return f"{path.name} draws nothing"
    return None


def check_drawings(paths: Paths) -> Check:
    """Every illustration the library names, and every file in the folder, draws something."""
    from neuroguide.content.loader import load_content

    names = {path.name for path in paths.illustrations.glob("*.svg")}
    try:
        library = load_content(_builtin_only(paths)).library
        names |= {exercise.illustration for exercise in library.exercises.values()}
    except Exception:  # the routines check reports a broken library in its own line
        pass
    if not names:
        return fail("illustrations", f"no drawings found in {paths.illustrations}")
    problems = [p for p in (draw_svg(paths.illustrations / name) for name in sorted(names)) if p]
    if problems:
        return fail("illustrations", "; ".join(problems))
    return ok("illustrations", f"{len(names)} drawings render")


def check_icon(paths: Paths) -> Check:
    """The app icon (used by the window and the desktop files) draws something."""
    problem = draw_svg(paths.resources_dir / "icons" / "neuroguide.svg")
    return fail("app icon", problem) if problem else ok("app icon", "renders")


# ---------------------------------------------------------------------------- content


def _builtin_only(paths: Paths) -> Paths:
    """The same resources with a data folder that has no user routines (one that is absent)."""
    nowhere = Path(tempfile.gettempdir()) / "neuroguide-self-test-has-no-data"
    return Paths(data_dir=nowhere, config_dir=nowhere, resources_dir=paths.resources_dir)


def check_routines(paths: Paths) -> Check:
    """The exercise library and every built-in routine load without a problem and have a length."""
    from neuroguide.content.loader import load_content
    from neuroguide.core.problems import InvalidFileError
    from neuroguide.core.timeline import build_timeline, total_seconds

    try:
        content = load_content(_builtin_only(paths))
    except InvalidFileError as error:
        return fail("routines", "; ".join(str(problem) for problem in error.problems[:5]))
    except OSError as error:
        return fail("routines", f"the exercise library cannot be read ({error})")
    problems = [str(problem) for problem in content.catalog.problems]
    routines = content.catalog.ordered()
    problems += [f"{r.id} has no length" for r in routines if total_seconds(build_timeline(r)) <= 0]
    if not routines:
        problems.append(f"no built-in routines in {paths.builtin_routines}")
    if problems:
        return fail("routines", "; ".join(problems[:5]))
    exercises = len(content.library.exercises)
    return ok("routines", f"{len(routines)} built-in routines and {exercises} exercises are valid")


def check_tones(paths: Paths) -> Check:
    """The work, rest and tick sounds are readable WAV files."""
    from neuroguide.core.cues import Tone
    from neuroguide.speech.tones import tone_file

    problems = []
    for tone in Tone:
        path = tone_file(paths.resources_dir, tone)
        try:
            with wave.open(str(path), "rb") as sound:
                if sound.getnframes() == 0:
                    problems.append(f"{path.name} is empty")
        except (OSError, EOFError, wave.Error) as error:
            problems.append(f"{path.name} cannot be read ({error})")
    if problems:
        return fail("tones", "; ".join(problems))
    return ok("tones", f"{len(Tone)} sounds readable")


# ---------------------------------------------------------------------------- history


def check_history() -> Check:
    """Upgrade an empty in-memory history step by step, keeping a session across the upgrade."""
    from neuroguide.store.selfcheck import check_upgrade

    worked, line = check_upgrade()
    return ok("history", line) if worked else fail("history", line)


# ----------------------------------------------------------------------------- speech


def loudness(path: Path) -> tuple[float, float]:
    """Root-mean-square amplitude of a 16-bit WAV and its length in seconds."""
    with wave.open(str(path), "rb") as audio:
        if audio.getsampwidth() != 2:
            return 0.0, 0.0
        frames = audio.readframes(audio.getnframes())
        seconds = audio.getnframes() / max(1, audio.getframerate())
    samples = array.array("h", frames)
    if not samples:
        return 0.0, seconds
    return math.sqrt(sum(s * s for s in samples) / len(samples)), seconds


CommandFactory = Callable[[Sequence[str]], list[str]]


def check_speech(driver: str | None = None, command: CommandFactory | None = None) -> Check:
    """Start a speech worker the way the app does and render a cue to a WAV file.

    Args:
        driver: the pyttsx3 driver (default: the platform's).
        command: builds the worker's command line (default: the app's own).
    """
    from neuroguide.speech.oneshot import ask_worker
    from neuroguide.speech.protocol import worker_command

    with tempfile.TemporaryDirectory(prefix="neuroguide-self-test-") as folder:
        target = Path(folder) / "cue.wav"
        request = {"op": "render", "id": 1, "text": CUE_TEXT, "path": str(target)}
        answer = ask_worker([request], driver=driver, command=command or worker_command)
        missing = [
            m
            for m in answer.messages
            if m.get("event") == "unavailable" and m.get("reason") in SPEECH_MISSING
        ]
        if missing:
            return Check("speech", Status.WARN, answer.problem or "no speech engine")
        if answer.problem:
            return fail("speech", answer.problem)
        if not target.is_file():
            return fail("speech", "the engine wrote no sound file")
        level, seconds = loudness(target)
    if level < MIN_LOUDNESS:
        return fail("speech", f"the rendered cue is silent (loudness {level:.0f})")
    voice = next((m.get("voice") for m in answer.messages if m.get("event") == "ready"), "")
    return ok("speech", f"{seconds:.1f} s of speech rendered (voice {voice or 'default'})")


def check_natural_voice() -> Check:
    """Render the cue with the natural voice, where one is installed (a warning if it cannot:
    the app then speaks with espeak-ng)."""
    from neuroguide.speech import natural
    from neuroguide.speech.oneshot import ask_worker
    from neuroguide.speech.protocol import VoiceSettings

    voices = natural.installed()
    if not voices:
        return ok("natural voice", "none installed (or turned off): espeak-ng speaks")
    voice = voices[0]
    with tempfile.TemporaryDirectory(prefix="neuroguide-self-test-") as folder:
        target = Path(folder) / "cue.wav"
        request = {"op": "render", "id": 1, "text": CUE_TEXT, "path": str(target)}
        answer = ask_worker([request], voice=VoiceSettings(voice.id))
        why = next(
            (str(m.get("detail")) for m in answer.messages if m.get("event") == "unavailable"),
            answer.problem or "",
        )
        level, seconds = loudness(target) if target.is_file() else (0.0, 0.0)
    if why or level < MIN_LOUDNESS:
        why = why or f"the rendered cue is silent (loudness {level:.0f})"
        return Check("natural voice", Status.WARN, f"{why}; espeak-ng speaks instead")
    return ok("natural voice", f"{seconds:.1f} s of speech rendered ({voice.name})")


# -------------------------------------------------------------------------------- run


def run_checks(
    paths: Paths,
    out: TextIO,
    *,
    environ: MutableMapping[str, str] | None = None,
    speech: Callable[[], Check] | None = None,
) -> list[Check]:
    """Run every check in order, printing each line as soon as it is known.

    ``speech`` replaces the speech check (tests); ``environ`` is where the Qt platform is set.
    """
    env = os.environ if environ is None else environ
    steps: list[tuple[str, Callable[[], Check]]] = [
        ("qt platform", lambda: check_qt(env)),
        ("illustrations", lambda: check_drawings(paths)),
        ("app icon", lambda: check_icon(paths)),
        ("routines", lambda: check_routines(paths)),
        ("tones", lambda: check_tones(paths)),
        ("history", check_history),
        ("speech", speech or (lambda: check_speech())),
        ("natural voice", check_natural_voice),
    ]
    checks: list[Check] = []
    qt_ok = True
    for name, step in steps:
        if not qt_ok and name in ("illustrations", "app icon"):
            check = fail(name, "skipped: Qt did not start")
        else:
            try:
                check = step()
            except Exception as error:  # a self-test reports, it never shows a traceback
                check = fail(name, f"{type(error).__name__}: {error}")
        if name == "qt platform":
            qt_ok = check.status is not Status.FAIL
        checks.append(check)
        print(check.line(), file=out, flush=True)
    return checks


def run_self_test(paths: Paths, *, strict: bool = False, out: TextIO | None = None) -> int:
    """The ``self-test`` command: 0 if every check passed, 1 otherwise."""
    stream = out or sys.stdout
    checks = run_checks(paths, stream)
    failed = [c for c in checks if c.status is Status.FAIL or (strict and c.status is Status.WARN)]
    where = "a bundle" if getattr(sys, "frozen", False) else "Python"
    if failed:
        print(f"{len(failed)} of {len(checks)} checks failed ({where}).", file=stream)
        return 1
    print(
        f"All {len(checks)} checks passed ({where}, resources in {paths.resources_dir}).",
        file=stream,
    )
    return 0
