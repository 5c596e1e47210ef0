"""Listens to NeuroGuide as a screen reader does, for tests/ui/shell/test_screen_reader_hears.py.

Runs under the SYSTEM python3 (Debian's python3-pyatspi), like ``atspi_reader.py``: registers
for AT-SPI announcements, then through AT-SPI's action interface passes the first-run welcome,
starts the suggested routine,
skips the check-in, confirms the safety check, pauses, resumes and asks to stop. Prints one
JSON object: every announcement heard, in order.
"""

from __future__ import annotations

import json
import threading
import time

import pyatspi  # type: ignore[import-not-found]
from atspi_reader import find_app, wait_for  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

heard: list[str] = []
missing: list[str] = []


def on_announcement(event: object) -> None:
    heard.append(str(event.any_data))  # type: ignore[attr-defined]


def press(app: object, name: str, seconds: float = 20) -> None:
    """Activate the button called ``name`` (or any of "a|b") once it is on show."""
    names = name.split("|")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        node = pyatspi.findDescendant(
            app, lambda n: n.name in names and n.getState().contains(pyatspi.STATE_SHOWING)
        )
        if node is not None:
            node.queryAction().doAction(0)
            time.sleep(1.5)
            return
        time.sleep(0.5)
    missing.append(name)


def walk(app: object) -> None:
    try:
        for name in ("Start", "Start Stretch break", "Skip the check-in", "I am ready, start"):
            press(app, name, 10)
        time.sleep(2)
        # The pause button is renamed Resume while paused (a reader may still know it as Pause).
        for name in ("Pause", "Resume|Pause", "Stop the session"):
            press(app, name)
        time.sleep(2)
    finally:
        GLib.idle_add(pyatspi.Registry.stop)


def main() -> None:
    app = find_app(60)
    wait_for(app, "Start Stretch break", 60)
    pyatspi.Registry.registerEventListener(on_announcement, "object:announcement")
    threading.Thread(target=walk, args=(app,), daemon=True).start()
    pyatspi.Registry.start()
    print(json.dumps({"heard": heard, "missing": missing}))


if __name__ == "__main__":
    main()
