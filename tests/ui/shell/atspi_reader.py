"""Reads NeuroGuide's window as a screen reader does (pyatspi, as Orca uses), for
tests/ui/shell/test_screen_reader.py.

Runs under the SYSTEM python3 (Debian's python3-pyatspi), not the project's virtual
environment: ``python3 atspi_reader.py`` prints one JSON object: the labels of the first-run welcome
(name, description, and what AT-SPI's Text interface gives), then, after pressing its Start,
the names on the home screen; after pressing "Start Stretch break" through AT-SPI's action
interface, the names on the player; on the way, the progress checks' year-of-birth field
written and read back through the Text interface.
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


def showing(node: object) -> bool:
    return node.getState().contains(pyatspi.STATE_SHOWING)  # type: ignore[attr-defined]


def text_of(node: object) -> str | None:
    """The node's text through AT-SPI's Text interface (``None``: it offers none)."""
    try:
        text = node.queryText()  # type: ignore[attr-defined]
    except NotImplementedError:
        return None
    return str(text.getText(0, -1))


def find_showing(app: object, name: str, seconds: float) -> object | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        node = pyatspi.findDescendant(app, lambda n: n.name == name and showing(n))
        if node is not None:
            return node
        time.sleep(0.5)
    return None


def labels(app: object) -> list[dict[str, object]]:
    """Every label on show: its name, description and what its Text interface gives."""
    found = pyatspi.findAllDescendants(app, lambda n: n.getRoleName() == "label" and showing(n))
    return [{"name": n.name, "description": n.description, "text": text_of(n)} for n in found]


def main() -> None:
    app = find_app(60)
    report: dict[str, object] = {}
    # A first start: the welcome is on show; a screen reader reads it, then presses Start.
    start = find_showing(app, "Start", 60)
    report["welcome"] = labels(app)
    if start is not None:
        start.queryAction().doAction(0)  # what a screen reader user's "activate" does
    report["home"] = wait_for(app, "Start Stretch break", 60)
    report["home_showing"] = find_showing(app, "Start Stretch break", 20) is not None
    # A text field (the progress checks' year of birth) offers the Text interface: written
    # and read back.
    checks = find_showing(app, "Progress checks", 20)
    if checks is not None:
        checks.queryAction().doAction(0)
        year = find_showing(app, "Year of birth", 20)  # the view is built on first use
        if year is not None:
            year.queryEditableText().setTextContents("1955")
            time.sleep(0.5)
            report["year"] = text_of(year)
        back = find_showing(app, "Home", 20)
        if back is not None:
            back.queryAction().doAction(0)
    start = find_showing(app, "Start Stretch break", 20)
    if start is not None:
        start.queryAction().doAction(0)
    report["player"] = wait_for(app, "Arm circles", 30)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
