"""Composition root: the only place that knows the concrete classes and wires them together."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

# What every start needs and Qt does not: imported with this module, before PySide, whose
# import hook reads the source of each module imported after it (docs/decisions/0006).
# Qt and everything built on it is imported inside the functions below.
from neuroguide.core.clock import Clock, MonotonicClock
from neuroguide.home_cache import content_stamp, read_home_cache, write_home_cache
from neuroguide.paths import Paths
from neuroguide.present.metrics import Metrics
from neuroguide.present.progress import RunProgress
from neuroguide.settings import load_settings
from neuroguide.settings_store import SettingsStore
from neuroguide.speech.speaker import NullSpeaker, Speaker
from neuroguide.store.lock import InstanceLock
from neuroguide.ui.shell.errors import ErrorReporter, install

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from neuroguide.content import Content
    from neuroguide.core.listeners import SessionListener
    from neuroguide.core.problems import InvalidFileError
    from neuroguide.ui.session.flow import SessionFlow
    from neuroguide.ui.shell.main_window import MainWindow

DEFAULT_SIZE = (1280, 800)
FIRST_PAINT_CARDS = 3
"""Routine cards built before the first paint: one row at the widest. Those further down are
below the fold of a laptop screen and follow right after the paint (decision 0006)."""


@dataclass
class Gui:
    """What :func:`build_gui` made: the window and the session flow (which owns the speaker)."""

    window: MainWindow
    flow: SessionFlow

    @property
    def speaker(self) -> Speaker:
        """The speaker in use (the real one may arrive just after the first paint)."""
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
    listeners: Sequence[SessionListener] = (),
    show: bool = True,
    quick_start: bool = False,
) -> Gui | None:
    """Load content and settings, build the window and show it; ``None`` if content is broken.

    Tests and the screenshot script pass a fake clock; the real app passes nothing. With
    ``quick_start`` (the real app) the history and the screens not shown yet are set up right
    after the home screen's first paint instead of before it.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from neuroguide.ui.session.flow import SessionFlow
    from neuroguide.ui.shell.main_window import MainWindow, after_first_paint
    from neuroguide.ui.shell.theme import apply_look, resolve_theme

    settings, messages = load_settings(paths.settings_file)
    for message in messages:
        print(f"neuroguide: {message}", file=sys.stderr)
    start = _start_content(paths, seated_only=settings.seated_only, quick_start=quick_start)
    if start is None:
        return None
    store = SettingsStore(settings, paths.settings_file)
    # The real speaker unless one is passed in (tests); the history engineer adds
    # the recorder to ``listeners`` and a database-backed ProgressSource.
    real_voice = speaker is None

    def start_voice() -> Speaker:
        """The real voice; its worker warms up in the background."""
        from neuroguide.speech.factory import create_speaker
        from neuroguide.speech.protocol import VoiceSettings

        voice = VoiceSettings(settings.voice_id, settings.voice_rate, settings.voice_volume)
        made = create_speaker(
            settings.voice,
            voice,
            clock or MonotonicClock(),
            phrase_cache=paths.phrase_cache,
            sounds=paths.resources_dir / "sounds",
        )
        _report_voice_problems(made, window)
        return made

    if speaker is None:
        # Silent until install_history_parts starts the real voice (with quick_start: right
        # after the first paint, before anybody can start a session).
        speaker = NullSpeaker()
    progress = RunProgress(settings.weekly_goal_minutes)
    metrics = Metrics(large=settings.large_buttons or large, text_scale=settings.text_scale)
    application = QApplication.instance()
    if isinstance(application, QApplication):  # style first: restyling built widgets is slow
        apply_look(application, resolve_theme(settings.theme), metrics)
    window = MainWindow(
        metrics,
        keys_after_first_paint=quick_start,
    )
    flow = SessionFlow(
        window,
        start.content,
        store,
        clock=clock or MonotonicClock(),
        speaker=speaker,
        progress=progress,
        listeners=listeners,
        illustrations=paths.illustrations,
        large_forced=large,
        cached_home=start.cached_home,
        first_paint_cards=FIRST_PAINT_CARDS if quick_start else None,
    )

    def install_history_parts() -> None:
        from neuroguide.ui.history.install import install_history

        if not _content_arrived(flow):
            window.close()
            QApplication.exit(1)
            return
        flow.refresh_home()  # every routine card now, not just the first row
        _set_icon(window, paths)
        if start.stamp is not None:
            _keep_home_screen(flow, paths, start)
        if real_voice:
            flow.speaker = start_voice()
        if install_history(flow, paths) is not None:  # recorder, check-ins, review, progress
            _listen_for_later_starts(window, paths)
        from neuroguide.ui.settings.install import install_personalisation

        install_personalisation(flow, paths)  # settings, editor, seated/gentle, reminders
        flow.refresh_home()
        flow.prepare_screens()

    if quick_start:
        # Paint the home screen first; the history and the other screens follow at once
        # (the header title is watched: it paints on every pass, see after_first_paint).
        after_first_paint(window.header_title, install_history_parts)
    else:
        install_history_parts()
    if not flow.restore_geometry():
        window.resize(*_default_size(window))
    if messages:
        QTimer.singleShot(0, lambda: _tell(window, "Some settings were reset", messages))
    if show:
        window.show()
    return Gui(window, flow)


@dataclass(frozen=True)
class _StartContent:
    """The content for the window: loaded, or a loader while the cached home screen shows."""

    content: Content | Callable[[], Content]
    cached_home: dict[str, Any] | None = None
    stamp: list[Any] | None = None


def _start_content(paths: Paths, *, seated_only: bool, quick_start: bool) -> _StartContent | None:
    """Load the content now, unless a quick start finds the home screen cached for it."""
    stamp = cached = None
    if quick_start:
        stamp = content_stamp(paths, seated_only=seated_only)
        cached = read_home_cache(paths.home_cache, stamp)
    if cached is not None:

        def load() -> Content:
            from neuroguide.content import load_content

            return load_content(paths)

        return _StartContent(load, cached, stamp)
    from neuroguide.content import load_content
    from neuroguide.core.problems import InvalidFileError

    try:
        return _StartContent(load_content(paths), None, stamp)
    except InvalidFileError as error:
        _explain_damaged_library(error)
        return None


def _content_arrived(flow: SessionFlow) -> bool:
    """Load content the cached home screen stood in for; ``False`` (and say why) if broken."""
    from neuroguide.core.problems import InvalidFileError

    try:
        flow.content  # noqa: B018 (loading it is the point)
    except InvalidFileError as error:
        _explain_damaged_library(error)
        return False
    return True


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


def _keep_home_screen(flow: SessionFlow, paths: Paths, start: _StartContent) -> None:
    """Cache the home screen's words for the next start, if they changed."""
    words = flow.home_words().to_cache()
    if start.stamp is not None and words != start.cached_home:
        write_home_cache(paths.home_cache, start.stamp, words)


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


def _report_voice_problems(speaker: Speaker, window: MainWindow) -> None:
    """Say once, on the window, why the voice is off (the speaker reports from its thread)."""

    def tell(message: str) -> None:
        print(f"neuroguide: {message}", file=sys.stderr)
        window.notice_requested.emit(message)

    if hasattr(speaker, "on_problem"):
        speaker.on_problem = tell
        problem = getattr(speaker, "problem", None)
        if problem:
            tell(problem)


def _default_size(window: MainWindow) -> tuple[int, int]:
    screen = window.screen()
    if screen is None:
        return DEFAULT_SIZE
    available = screen.availableGeometry()
    return (
        min(DEFAULT_SIZE[0], available.width()),
        min(DEFAULT_SIZE[1], available.height()),
    )


def _set_icon(window: MainWindow, paths: Paths) -> None:
    """The window's icon: after the first paint, as it loads the SVG plugin (about 3 ms)."""
    from PySide6.QtGui import QIcon

    window.setWindowIcon(QIcon(str(paths.resources_dir / "icons" / "neuroguide.svg")))


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
    gui = build_gui(paths, large=large, quick_start=True)
    if gui is None:
        return 1
    previous = install(ErrorReporter(lambda: gui.window))
    try:
        return int(app.exec())
    finally:
        sys.excepthook = previous
        gui.speaker.close()
