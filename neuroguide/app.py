"""Composition root: the only place that knows the concrete classes and wires them together."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

# The Qt-free parts are imported here, before PySide6 (which the functions below import):
# PySide6's import hook reads the source of every module imported after it.
from neuroguide.content import Content, load_content
from neuroguide.core.clock import Clock, MonotonicClock
from neuroguide.core.problems import InvalidFileError
from neuroguide.paths import Paths
from neuroguide.present.metrics import Metrics
from neuroguide.present.progress import ProgressSource, RunProgress
from neuroguide.settings import Settings, load_settings
from neuroguide.settings_store import SettingsStore
from neuroguide.speech.factory import create_speaker
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.speaker import Speaker
from neuroguide.store.checks import ProgressChecks
from neuroguide.store.database import HistoryError
from neuroguide.store.lock import InstanceLock
from neuroguide.store.progress import HistoryProgress
from neuroguide.store.session_history import RecordingHistory, open_for_recording

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from neuroguide.ui.history.controller import HistoryController
    from neuroguide.ui.session.flow import SessionFlow
    from neuroguide.ui.settings.personalisation import Personalisation
    from neuroguide.ui.shell.main_window import MainWindow

DEFAULT_SIZE = (1280, 800)


@dataclass
class Gui:
    """What :func:`build_gui` made: the window, the session flow and the history (if any)."""

    window: MainWindow
    flow: SessionFlow
    history: RecordingHistory | None
    personal: Personalisation
    """The settings screen, the editor and the reminders."""
    history_screen: HistoryController | None
    """The History screen, when there is a history."""

    @property
    def speaker(self) -> Speaker:
        """The speaker in use (the settings screen may swap it)."""
        return self.flow.speaker


def create_application() -> QApplication:
    """The QApplication, named for the desktop (task bar, .desktop file, settings)."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from neuroguide import APP_ID
    from neuroguide.ui.shell.theme import FUSION_SET

    app = QApplication.instance()
    if app is None:
        # Fusion from the start, chosen by name: asking for or setting the style from Python
        # makes PySide build QStyle's enums, ~6 ms before the first paint (decision 0006).
        app = QApplication([*sys.argv[:1], "-style", "Fusion", *sys.argv[1:]])
        app.setProperty(FUSION_SET, True)
    assert isinstance(app, QApplication)
    app.setApplicationName("NeuroGuide")
    app.setApplicationDisplayName("NeuroGuide")
    QGuiApplication.setDesktopFileName(APP_ID)
    return app


def build_gui(
    paths: Paths,
    *,
    large: bool = False,
    clock: Clock | None = None,
    speaker: Speaker | None = None,
    show: bool = True,
) -> Gui | None:
    """Load content, settings and history, build the window and show it.

    Everything is built in order, each part given what it needs: the settings, the content,
    the history, the voice, the window, the session flow and the screens around it. Returns
    ``None`` (after saying why) if the built-in content is damaged. Tests and the screenshot
    script pass a fake clock and a recording speaker; the real app passes neither.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from neuroguide.ui.checks.install import install_checks
    from neuroguide.ui.history.controller import HistoryController
    from neuroguide.ui.session.flow import SessionFlow
    from neuroguide.ui.settings.personalisation import Personalisation
    from neuroguide.ui.shell.main_window import MainWindow
    from neuroguide.ui.shell.theme import apply_look, resolve_theme

    settings, messages = load_settings(paths.settings_file)
    for message in messages:
        print(f"neuroguide: {message}", file=sys.stderr)
    content = _load_content(paths)
    if content is None:
        return None
    clock = clock or MonotonicClock()
    history, history_notes = _open_history(paths, content)
    store = SettingsStore(settings, paths.settings_file)
    metrics = Metrics(large=settings.large_buttons or large, text_scale=settings.text_scale)
    application = QApplication.instance()
    if isinstance(application, QApplication):  # style first: restyling built widgets is slow
        apply_look(application, resolve_theme(settings.theme), metrics)
    window = MainWindow(metrics)
    window.setWindowIcon(QIcon(str(paths.resources_dir / "icons" / "neuroguide.svg")))
    if speaker is None:
        speaker = _start_voice(settings, clock, window, paths)
    flow = SessionFlow(
        window,
        content,
        store,
        clock=clock,
        speaker=speaker,
        progress=_progress(history),
        history=history,
        illustrations=paths.illustrations,
        large_forced=large,
    )
    _configure_keys(window, flow)
    history_screen = None
    if history is not None:
        history_screen = HistoryController(flow, history, paths.reports_dir)
        window.closing.connect(history.close)  # after the flow stopped (and recorded) a session
        _listen_for_later_starts(window, paths)
    personal = Personalisation(flow, paths)
    install_checks(flow, ProgressChecks(history.connection) if history is not None else None, paths)
    flow.update_history_button()
    if not flow.restore_geometry():
        window.resize(*_default_size(window))
    if messages:
        QTimer.singleShot(0, lambda: _tell(window, "Some settings were reset", messages))
    for title, text in history_notes:
        QTimer.singleShot(0, lambda title=title, text=text: _inform(window, title, text))
    if show:
        window.show()
    return Gui(window, flow, history, personal, history_screen)


def _configure_keys(window: MainWindow, flow: SessionFlow) -> None:
    """Bounce timing on the session's clock; the switch key and delay from the settings."""
    from neuroguide.ui.shell.keys import SwitchSettings

    def switch() -> SwitchSettings:
        settings = flow.store.settings
        return SwitchSettings(settings.switch_key, settings.switch_delay_ms)

    window.keys.configure(clock=flow.clock, settings=switch)


def _load_content(paths: Paths) -> Content | None:
    """The exercise library and the routines; ``None`` (and say why) if the library is damaged."""

    try:
        return load_content(paths)
    except InvalidFileError as error:
        _explain_damaged_library(error)
        return None


def _open_history(
    paths: Paths, content: Content
) -> tuple[RecordingHistory | None, list[tuple[str, str]]]:
    """The history for recording, or ``None``; with what to tell the person about it."""

    try:
        history = open_for_recording(
            paths.data_dir, paths.history_db, paths.backups, content.catalog.routines
        )
    except HistoryError as error:
        message = f"{error} Your sessions will not be saved in the history this time."
        print(f"neuroguide: {message}", file=sys.stderr)
        return None, [("History is not available", message)]
    notes = []
    if history.messages:
        text = "\n\n".join(history.messages)
        print(f"neuroguide: {text}", file=sys.stderr)
        notes.append(("Your history file", text))
    return history, notes


def _progress(history: RecordingHistory | None) -> ProgressSource:
    """Today's and this week's minutes: from the history, or counted in this run without one."""

    return HistoryProgress(history.connection) if history is not None else RunProgress()


def _start_voice(settings: Settings, clock: Clock, window: MainWindow, paths: Paths) -> Speaker:
    """The real voice; its worker warms up in the background. Problems show on the window."""

    def tell(message: str) -> None:  # from the speaker's thread: the signal crosses safely
        print(f"neuroguide: {message}", file=sys.stderr)
        window.notice_requested.emit(message)

    voice = VoiceSettings(settings.voice_id, settings.voice_rate, settings.voice_volume)
    return create_speaker(
        settings.voice,
        voice,
        clock,
        on_problem=tell,
        phrase_cache=paths.phrase_cache,
        sounds=paths.resources_dir / "sounds",
    )


def _explain_damaged_library(error: InvalidFileError) -> None:
    from PySide6.QtWidgets import QMessageBox

    lines = "\n".join(str(problem) for problem in error.problems[:10])
    print(f"neuroguide: the built-in exercise library is damaged:\n{lines}", file=sys.stderr)
    QMessageBox.critical(
        None,
        "NeuroGuide cannot start",
        "The exercise library that comes with NeuroGuide is damaged, so NeuroGuide cannot "
        "start. Reinstalling NeuroGuide repairs it.\n\n" + lines,
    )


def _listen_for_later_starts(window: MainWindow, paths: Paths) -> None:
    """While this instance holds the history, a later start brings this window forward."""
    from neuroguide.ui.shell.single_instance import ShowServer, socket_path

    path = socket_path(paths.data_dir)
    if path is None:
        return
    try:
        server = ShowServer(path, window)
    except OSError as error:
        print(f"neuroguide: a second start cannot reach this window ({error})", file=sys.stderr)
        return

    def come_forward() -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()

    server.show_requested.connect(come_forward)
    window.closing.connect(server.close)


def _already_running(paths: Paths) -> bool:
    """True if another NeuroGuide holds this data folder and brought its window forward."""
    probe = InstanceLock(paths.data_dir)
    try:
        if probe.acquire():
            return False
    except OSError:
        return False
    finally:
        probe.release()
    from neuroguide.ui.shell.single_instance import (
        ask_to_show,  # only now: it loads the socket module
    )

    return ask_to_show(paths.data_dir)


def _default_size(window: MainWindow) -> tuple[int, int]:
    screen = window.screen()
    if screen is None:
        return DEFAULT_SIZE
    available = screen.availableGeometry()
    return (
        min(DEFAULT_SIZE[0], available.width()),
        min(DEFAULT_SIZE[1], available.height()),
    )


def _inform(window: MainWindow, title: str, text: str) -> None:
    # open(), not exec(): a message must never block the app (or a test) behind a modal loop.
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=window)
    box.open()


def _tell(window: MainWindow, title: str, lines: list[str]) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(window)
    box.setWindowTitle(title)
    box.setText("Some settings could not be read, so their defaults are used:")
    box.setInformativeText("\n".join(lines))
    box.open()


def run_gui(paths: Paths, *, large: bool = False) -> int:
    """Start the Qt application and return its exit status."""
    if _already_running(paths):
        print(f"NeuroGuide is already open for {paths.data_dir}; its window was brought forward.")
        return 0
    app = create_application()
    gui = build_gui(paths, large=large)
    if gui is None:
        return 1
    from neuroguide.ui.shell.errors import ErrorReporter, install

    previous = install(ErrorReporter(lambda: gui.window))
    try:
        return int(app.exec())
    finally:
        sys.excepthook = previous
        gui.speaker.close()
