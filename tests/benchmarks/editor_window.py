"""The app's real window on a data folder, opened at the routine editor, for benchmarks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from neuroguide.app import build_gui
from neuroguide.core.clock import FakeClock
from neuroguide.paths import Paths, resources_dir
from neuroguide.speech.speaker import RecordingSpeaker
from neuroguide.ui.editor.screen import EditorScreen


def open_editor(data_dir: Path) -> tuple[EditorScreen, Callable[[], None]]:
    """The editor of a window built as the app builds it (shown, 1366 x 768, silent), and a
    function that closes the window."""
    from PySide6.QtWidgets import QApplication

    data_dir.mkdir(parents=True, exist_ok=True)
    paths = Paths(data_dir=data_dir, config_dir=data_dir, resources_dir=resources_dir())
    gui = build_gui(paths, clock=FakeClock(), speaker=RecordingSpeaker(), show=False)
    assert gui is not None
    gui.window.resize(1366, 768)
    gui.window.show()
    gui.home.view.editor_button.click()
    QApplication.processEvents()
    editor = gui.editor.screen

    def close() -> None:
        gui.window.close()
        QApplication.processEvents()

    return editor, close
