"""Composition root: the only place that knows the concrete classes and wires them together."""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

# The Qt-free parts are imported here, before PySide6 (which the functions below import):
# PySide6's import hook reads the source of every module imported after it.
from neuroguide.content.loader import Content, load_content
from neuroguide.core.clock import Clock, MonotonicClock
from neuroguide.core.problems import InvalidFileError
from neuroguide.paths import Paths
from neuroguide.present.metrics import Metrics
from neuroguide.present.progress import ProgressSource, RunProgress
from neuroguide.settings import Settings, load_settings
from neuroguide.settings_store import SettingsStore
from neuroguide.speech.protocol import VoiceSettings
from neuroguide.speech.speaker import Speaker
from neuroguide.store.database import HistoryError
from neuroguide.store.history import History
from neuroguide.store.lock import InstanceLock
from neuroguide.store.progress import HistoryProgress
from neuroguide.store.session_history import open_for_recording

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from neuroguide.ui.checks.install import ChecksInstall
    from neuroguide.ui.context import AppContext
    from neuroguide.ui.editor.feature import EditorFeature
    from neuroguide.ui.history.controller import HistoryController
    from neuroguide.ui.home.controller import HomeController
    from neuroguide.ui.reminders.service import ReminderService
    from neuroguide.ui.session.flow import SessionFlow
    from neuroguide.ui.settings.feature import SettingsFeature
    from neuroguide.ui.settings.welcome import Welcome
    from neuroguide.ui.shell.frame import WindowFrame
    from neuroguide.ui.shell.main_window import MainWindow
    from neuroguide.ui.shell.single_instance import ShowServer

DEFAULT_SIZE = (1280, 800)


@dataclass
class Gui:
    """What :func:`build_gui` made: the context, and each feature built on it."""

    window: MainWindow
    ctx: AppContext
    flow: SessionFlow
    """The session flow (what starts a routine; the features see it as ``Sessions``)."""
    home: HomeController
    history: History | None
    history_screen: HistoryController | None
    """The History screen, when there is a history."""
    settings: SettingsFeature
    editor: EditorFeature
    reminders: ReminderService
    checks: ChecksInstall
    frame: WindowFrame
    """The Keys list and the window's remembered place."""
    welcome: Welcome | None = None
    """The first-run welcome, on a first start only (decision 0026)."""

    @property
    def speaker(self) -> Speaker:
        """The speaker in use (the settings screen may swap it)."""
        return self.ctx.voice.speaker


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
        from neuroguide.display import platform_failure_guard, qt_arguments

        with platform_failure_guard():  # no usable display: one line and exit 1, not an abort
            app = QApplication(qt_arguments(sys.argv))
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
    the window (so the history and the voice can show their problems on it), the history, the
    voice, the session flow and the screens around it. Returns
    ``None`` (after saying why) if the built-in content is damaged. Tests and the screenshot
    script pass a fake clock and a recording speaker; the real app passes neither.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from neuroguide.ui.checks.install import install_checks
    from neuroguide.ui.context import AppContext, VoiceHolder
    from neuroguide.ui.editor.feature import EditorFeature
    from neuroguide.ui.history.controller import HistoryController
    from neuroguide.ui.home.controller import HomeController
    from neuroguide.ui.reminders.service import ReminderService
    from neuroguide.ui.session.flow import SessionFlow
    from neuroguide.ui.settings.feature import SettingsFeature
    from neuroguide.ui.shell.frame import WindowFrame
    from neuroguide.ui.shell.look import Look
    from neuroguide.ui.shell.main_window import MainWindow, after_first_paint
    from neuroguide.ui.shell.theme import apply_look, resolve_theme

    settings, messages = load_settings(paths.settings_file, keep_aside=True)  # we write it
    for message in messages:
        print(f"neuroguide: {message}", file=sys.stderr)
    content = _load_content(paths)
    if content is None:
        return None
    clock = clock or MonotonicClock()
    metrics = Metrics(large=settings.large_buttons or large, text_scale=settings.text_scale)
    application = QApplication.instance()
    if isinstance(application, QApplication):  # style first: restyling built widgets is slow
        apply_look(application, resolve_theme(settings.theme), metrics)
    window = MainWindow(metrics)
    window.setWindowIcon(QIcon(str(paths.resources_dir / "icons" / "neuroguide.svg")))
    # A settings file that cannot be written is said in the window, not only on stderr.
    store = SettingsStore(settings, paths.settings_file, on_problem=window.notice_requested.emit)
    history, history_notes = _open_history(paths, window)
    if speaker is None:  # the real voice starts once the window has painted (see below)
        voice = VoiceHolder(start=lambda: _start_voice(settings, clock, window, paths))
        after_first_paint(window, voice.warm)
    else:
        voice = VoiceHolder(speaker)
    ctx = AppContext(
        window=window,
        settings=store,
        content=content,
        clock=clock,
        voice=voice,
        look=Look(window, store, large_forced=large),
        paths=paths,
        progress=_progress(history),
    )
    flow = SessionFlow(ctx, history)
    home = HomeController(ctx, flow, history)
    frame = WindowFrame(window, store, lambda: ctx.metrics, lambda: not flow.running)
    _configure_keys(window, ctx)
    history_screen = None
    server = None
    if history is not None:
        history_screen = HistoryController(ctx, home, history, paths.reports_dir, paths.own_files())
        window.closing.connect(history.close)  # after the flow stopped (and recorded) a session
        server = _listen_for_later_starts(window, paths)
    reminders = ReminderService(
        ctx,
        home,
        flow,
        icon=paths.resources_dir / "icons" / "neuroguide.svg",
        data_dir=paths.data_dir,
    )
    settings_feature = SettingsFeature(ctx, home, flow, describe_reminders=reminders.describe)
    editor = EditorFeature(ctx, home)
    home.view.settings_requested.connect(settings_feature.show)
    home.view.editor_requested.connect(editor.show)
    if server is not None:  # a file opened while running goes to this window's import page
        server.open_requested.connect(lambda file: _open_in_editor(editor, file))
    checks = install_checks(
        ctx, home, flow, history.progress_checks if history is not None else None, paths
    )
    home.update_history_button()
    welcome = _welcome(ctx, home, history)
    if not frame.restore_geometry():
        window.resize(*_default_size(window))
    if messages:
        QTimer.singleShot(0, lambda: _tell(window, "Some settings were reset", messages))
    for title, text in history_notes:
        QTimer.singleShot(0, lambda title=title, text=text: _inform(window, title, text))
    if show:
        window.show()
    return Gui(
        window,
        ctx,
        flow,
        home,
        history,
        history_screen,
        settings_feature,
        editor,
        reminders,
        checks,
        frame,
        welcome,
    )


def _welcome(ctx: AppContext, home: HomeController, history: History | None) -> Welcome | None:
    """On a first start (no session in the history, the welcome never passed), the welcome
    is the first screen; it is read aloud once the window has painted (decision 0026).

    Without a history (it could not be opened) the window already says why; no welcome is
    put on top. Its module is imported only here, so later starts do not pay for it.
    """
    if ctx.settings.settings.welcome_seen or history is None or history.day_range() is not None:
        return None
    from neuroguide.ui.settings.welcome import Welcome
    from neuroguide.ui.shell.main_window import after_first_paint

    welcome = Welcome(ctx, home)
    welcome.show()
    after_first_paint(ctx.window, welcome.say)
    return welcome


def _configure_keys(window: MainWindow, ctx: AppContext) -> None:
    """Bounce timing on the session's clock; the switch key and delay from the settings."""
    from neuroguide.ui.shell.keys import SwitchSettings

    def switch() -> SwitchSettings:
        settings = ctx.settings.settings
        return SwitchSettings(settings.switch_key, settings.switch_delay_ms)

    window.keys.configure(clock=ctx.clock, settings=switch)
    _configure_scanning(window, ctx)


def _configure_scanning(window: MainWindow, ctx: AppContext) -> None:
    """Scanning as the settings say; S saves its new state; the voice names each choice."""
    from neuroguide.core.cues import Cue, CuePriority

    def speak(text: str) -> None:
        ctx.voice.speaker.say(Cue(text, CuePriority.NAME, at=ctx.clock.now()))

    window.scanner.speak = speak
    window.scanning_changed.connect(lambda on: ctx.settings.update(scanning=on))

    def follow() -> None:
        settings = ctx.settings.settings
        window.set_scanning(settings.scanning, settings.scan_seconds)

    ctx.settings.subscribe(follow, keys=("scanning", "scan_seconds"))
    follow()


def _load_content(paths: Paths) -> Content | None:
    """The exercise library and the routines; ``None`` (and say why) if the library is damaged."""

    try:
        return load_content(paths)
    except InvalidFileError as error:
        _explain_damaged_library(error)
        return None


def _open_history(paths: Paths, window: MainWindow) -> tuple[History | None, list[tuple[str, str]]]:
    """The history for recording, or ``None``; with what to tell the person about it.

    When writing stops mid-session (a full disk, a lock held by another program), resumes,
    or gives up at the end, the person is told once under the window's header.
    """

    def tell(message: str) -> None:
        print(f"neuroguide: {message}", file=sys.stderr)
        window.notice_requested.emit(message)

    try:
        history = open_for_recording(paths.data_dir, paths.history_db, paths.backups, tell=tell)
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


def _progress(history: History | None) -> ProgressSource:
    """Today's and this week's minutes: from the history, or counted in this run without one."""

    return HistoryProgress(history) if history is not None else RunProgress()


def _voice_problems(window: MainWindow) -> Callable[[str], None]:
    """What the voice calls with a problem: printed, and said in the window while it exists.

    The speaker's threads call it (the signal crosses to the window's thread safely); one
    that comes after the window was deleted (at quit) is only printed, not a traceback.
    """

    def tell(message: str) -> None:
        print(f"neuroguide: {message}", file=sys.stderr)
        # "Signal source has been deleted": the window is gone, the message is printed.
        with contextlib.suppress(RuntimeError):
            window.notice_requested.emit(message)

    return tell


def _start_voice(settings: Settings, clock: Clock, window: MainWindow, paths: Paths) -> Speaker:
    """The real voice; its worker warms up in the background. Problems show on the window."""
    from neuroguide.speech.factory import create_speaker

    tell = _voice_problems(window)
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


def _listen_for_later_starts(window: MainWindow, paths: Paths) -> ShowServer | None:
    """While this instance holds the history, a later start brings this window forward."""
    from neuroguide.ui.shell.single_instance import ShowServer, socket_path

    path = socket_path(paths.data_dir)
    if path is None:
        return None
    try:
        server = ShowServer(path, window)
    except OSError as error:
        print(f"neuroguide: a second start cannot reach this window ({error})", file=sys.stderr)
        return None

    def come_forward() -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()

    server.show_requested.connect(come_forward)
    window.closing.connect(server.close)
    return server


def _open_in_editor(editor: EditorFeature, file: Path) -> None:
    editor.show()
    editor.screen.import_path(file)


def _already_running(paths: Paths, programme: Path | None = None) -> bool:
    """True if another NeuroGuide holds this data folder and brought its window forward.

    ``programme`` (a file opened with the app) is handed to that window's import page.
    """
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

    return ask_to_show(paths.data_dir, file=programme)


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


def open_programme(gui: Gui, path: Path) -> bool:
    """Show a shared programme in the editor's import page (or why it cannot be added)."""
    gui.editor.show()
    return gui.editor.screen.import_path(path)


def _start_quietly(app: Any, gui: Gui) -> None:
    """No window for a log-in start: the tray icon (or a minimised window without a tray)."""
    from neuroguide.ui.reminders.service import tray_available

    app.setQuitOnLastWindowClosed(False)
    if tray_available():
        reminders = gui.reminders
        reminders.settings_changed()  # the icon, even with no reminder set
        if reminders.tray_icon is not None and reminders.tray_icon.contextMenu() is not None:
            reminders.tray_icon.contextMenu().addAction("Quit NeuroGuide", app.quit)
    else:
        gui.window.showMinimized()


def run_gui(
    paths: Paths, *, large: bool = False, tray: bool = False, programme: Path | None = None
) -> int:
    """Start the Qt application and return its exit status.

    ``tray`` (the log-in start) shows no window when the desktop has a tray, and a minimised
    one when it has not: reminders then come without the person opening the app. ``programme``
    (a ``.neuroguide`` file opened with the app) is checked and shown in the editor.
    """
    app = create_application()  # first: without a usable display it ends here, data untouched
    from neuroguide.display import close_on_interrupt

    close_on_interrupt(app)  # Ctrl+C in the terminal closes the window like its close button
    if _already_running(paths, programme):
        if programme is not None:
            print(f"NeuroGuide is already open; {programme} was handed to its window.")
            return 0
        if tray:
            return 0  # already running: a log-in start has nothing to bring forward
        print(f"NeuroGuide is already open for {paths.data_dir}; its window was brought forward.")
        return 0
    gui = build_gui(paths, large=large, show=not tray)
    if gui is None:
        return 1
    if tray:
        _start_quietly(app, gui)
    if programme is not None:
        open_programme(gui, programme)
    from neuroguide.ui.shell.errors import ErrorReporter, install

    previous = install(ErrorReporter(lambda: gui.window))
    try:
        return int(app.exec())
    finally:
        sys.excepthook = previous
        gui.ctx.voice.close()
