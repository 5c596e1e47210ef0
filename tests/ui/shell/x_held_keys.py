"""Real X key events (xdotool) against the real app: a held key or a chattering switch acts once.

Run by ``test_x_held_keys.py`` as ``xvfb-run -a python -m tests.ui.shell.x_held_keys DIR``
on Qt's xcb back end (not the offscreen one the other tests use): only the X server makes
auto-repeats the way a person holding a key does, as a release and a press at once, which
Qt reports with ``isAutoRepeat() == False`` when it is busy. The session runs on a fake clock
(it stands still), the key router on the real one. Prints one JSON line: what each hold did.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from neuroguide.app import Gui, build_gui, create_application
from neuroguide.core.clock import FakeClock, MonotonicClock
from neuroguide.core.events import SessionPaused, SessionResumed
from neuroguide.paths import Paths, resources_dir
from neuroguide.speech.speaker import RecordingSpeaker

HOLD_S = 3.0


def pump(seconds: float) -> None:
    """Let the app run (and take its keys) for ``seconds``."""
    app = QApplication.instance()
    assert app is not None
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def xdotool(script: str) -> None:
    """Run xdotool commands (``sleep`` included) while the app keeps running."""
    process = subprocess.Popen(["sh", "-c", script])
    while process.poll() is None:
        pump(0.02)
    if process.returncode != 0:
        raise SystemExit(f"xdotool failed: {script}")
    pump(0.7)  # the last release, and the next screen's first moment


def hold(key: str) -> None:
    """Hold ``key`` down for ``HOLD_S`` seconds, then let go."""
    xdotool(f"xdotool keydown {key}; sleep {HOLD_S}; xdotool keyup {key}")


class Toggles:
    """Counts pauses and resumes of the session on show."""

    def __init__(self) -> None:
        self.count = 0

    def watch(self, gui: Gui) -> None:
        controller = gui.flow.controller
        assert controller is not None
        controller.events_emitted.connect(self._count)

    def _count(self, events: object) -> None:
        for event in events:  # type: ignore[attr-defined]
            if isinstance(event, SessionPaused | SessionResumed):
                self.count += 1


def run(folder: Path) -> dict[str, object]:
    """Hold Space on each screen of a session, then a learned F9; chatter on the player; hold
    F9 in the keys list (a dialog)."""
    create_application()
    paths = Paths(data_dir=folder, config_dir=folder, resources_dir=resources_dir())
    gui = build_gui(paths, clock=FakeClock(), speaker=RecordingSpeaker(), show=False)
    assert gui is not None
    if gui.welcome is not None:  # a fresh folder: past the first-run welcome
        gui.welcome.finish()
    window = gui.window
    window.keys.clock = MonotonicClock()
    gui.flow.ctx.settings.update(suggested_routine="balance", checkins=True)
    gui.home.refresh()
    window.resize(1280, 720)
    window.show()
    window.activateWindow()
    window.raise_()
    pump(1.5)
    report: dict[str, object] = {"active": QApplication.activeWindow() is window}
    steps: list[list[str]] = []

    def held(key: str) -> None:
        before = window.current_screen
        hold(key)
        steps.append([key, before, window.current_screen])

    held("space")  # home: starts the suggested routine, on to its check-in
    held("space")  # the check-in: on to the safety check
    held("space")  # the safety check: the session starts
    toggles = Toggles()
    toggles.watch(gui)
    held("space")  # the player: pause, once
    report["space_toggles"] = toggles.count
    pump(0.5)
    xdotool("xdotool key --delay 60 space space space space space")  # a chattering switch
    report["chatter_toggles"] = toggles.count - 1
    gui.flow.ctx.settings.update(switch_key=int(Qt.Key.Key_F9))
    pump(0.5)
    before = toggles.count
    held("F9")
    report["f9_toggles"] = toggles.count - before
    controller = gui.flow.controller
    assert controller is not None
    controller.stop()
    pump(0.7)
    held("F9")  # the check-in after: on to the summary
    held("space")  # the summary: home
    xdotool("xdotool key F1")  # the keys list: a dialog, a window of its own
    dialog = gui.frame.keys_dialog
    report["keys_list_active"] = dialog is not None and dialog.isActiveWindow()
    held("F9")  # the learned switch in the dialog: its framed Close, once; home stays home
    report["keys_list_closed"] = dialog is not None and not (isValid(dialog) and dialog.isVisible())
    report["steps"] = steps
    window.close()
    return report


def main() -> None:
    """``python -m tests.ui.shell.x_held_keys FOLDER`` (under Xvfb, QT_QPA_PLATFORM=xcb)."""
    if os.environ.get("QT_QPA_PLATFORM") != "xcb":
        raise SystemExit("run this on Qt's xcb back end, under Xvfb")
    print(json.dumps(run(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()
