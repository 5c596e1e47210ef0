"""Composition root: the only place that knows the concrete classes and wires them together."""

from __future__ import annotations

import sys

from neuroguide.paths import Paths


def run_gui(paths: Paths, *, large: bool = False) -> int:
    """Start the Qt application and return its exit status."""
    from PySide6.QtWidgets import QApplication, QLabel

    from neuroguide.content import load_content
    from neuroguide.core.problems import InvalidFileError

    app = QApplication.instance() or QApplication(sys.argv)
    try:
        content = load_content(paths)
    except InvalidFileError as error:
        print(f"neuroguide: {error}", file=sys.stderr)
        return 1
    names = "\n".join(r.name for r in content.catalog.ordered())
    label = QLabel(names)
    label.setWindowTitle("NeuroGuide")
    label.show()
    return int(app.exec())
