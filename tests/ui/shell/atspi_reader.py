"""Reads NeuroGuide's window as a screen reader does (pyatspi, as Orca uses), for
tests/ui/shell/test_screen_reader.py.

Runs under the SYSTEM python3 (Debian's python3-pyatspi), not the project's virtual
environment: ``python3 atspi_reader.py`` prints one JSON object: the names on the home screen,
then, after pressing "Start Stretch break" through AT-SPI's action interface, the names on
the player.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]


def find_app(seconds: float) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and "neuroguide" in (app.name or "").lower():
                return app
        time.sleep(0.5)
    sys.exit("no NeuroGuide on the accessibility bus")


def names(app: object) -> list[str]:
    return [node.name for node in pyatspi.findAllDescendants(app, lambda _n: True) if node.name]


def wait_for(app: object, wanted: str, seconds: float) -> list[str]:
    deadline = time.monotonic() + seconds
    found = names(app)
    while not any(wanted in name for name in found) and time.monotonic() < deadline:
        time.sleep(0.5)
        found = names(app)
    return found


def main() -> None:
    app = find_app(60)
    home = wait_for(app, "Start Stretch break", 60)
    start = pyatspi.findDescendant(app, lambda node: node.name == "Start Stretch break")
    if start is not None:
        start.queryAction().doAction(0)  # what a screen reader user's "activate" does
    player = wait_for(app, "Arm circles", 30)
    print(json.dumps({"home": home, "player": player}))


if __name__ == "__main__":
    main()
