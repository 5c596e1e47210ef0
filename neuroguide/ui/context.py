"""What every feature of the window is given: one small context, not the session flow.

``app.build_gui`` builds one :class:`AppContext` and hands it to each feature (home, session,
history, checks, settings, editor, reminders) with, where a feature needs them, the
:class:`Home` and :class:`Sessions` protocols. Features never import one another: an
import-linter contract in ``pyproject.toml`` keeps them independent (decision 0015).

A part follows the settings it uses through ``settings.subscribe``; sizes and colours through
:meth:`AppContext.follow_look`, so a text size changed anywhere reaches every screen built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from neuroguide.settings_store import SettingsStore

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from neuroguide.content.loader import Content
    from neuroguide.core.clock import Clock
    from neuroguide.core.library import Routine
    from neuroguide.core.records import Summary
    from neuroguide.paths import Paths
    from neuroguide.present.metrics import Metrics
    from neuroguide.present.progress import ProgressSource
    from neuroguide.speech.speaker import Speaker
    from neuroguide.ui.shell.look import Look
    from neuroguide.ui.shell.main_window import MainWindow


class VoiceHolder:
    """The voice in use. The settings screen swaps it (voice off and on again); every other
    part asks the holder each time it speaks, so nobody keeps a stale speaker.

    Given ``start`` instead of a speaker, the holder starts the voice the first time it is
    asked for (or :meth:`warm` is called): the app warms it once the window has painted, so the
    speech modules and the worker do not delay the home screen.
    """

    def __init__(
        self, speaker: Speaker | None = None, *, start: Callable[[], Speaker] | None = None
    ) -> None:
        if speaker is None and start is None:
            raise ValueError("a VoiceHolder needs a speaker or a way to start one")
        self._speaker = speaker
        self._start = start

    @property
    def speaker(self) -> Speaker:
        """The speaker in use now (started here if it was not yet)."""
        if self._speaker is None:
            assert self._start is not None
            self._speaker = self._start()
        return self._speaker

    @property
    def started(self) -> bool:
        """Whether the voice has been started (it is, once the window has painted)."""
        return self._speaker is not None

    def __call__(self) -> Speaker:
        """The speaker in use now (the holder is a ``Callable[[], Speaker]``)."""
        return self.speaker

    def warm(self) -> None:
        """Start the voice now if it was not started yet (its worker warms up meanwhile)."""
        _ = self.speaker

    def swap(self, speaker: Speaker) -> Speaker:
        """Use ``speaker`` from now on; returns the one it replaces (the caller owns it)."""
        old = self.speaker
        self._speaker = speaker
        return old

    def close(self) -> None:
        """Close the speaker in use, if one was ever started."""
        if self._speaker is not None:
            self._speaker.close()


class Sessions(Protocol):
    """What a feature may ask of the session flow (``ui/session/flow.SessionFlow``)."""

    @property
    def running(self) -> bool:
        """Whether a session is being prepared or run (then nothing else starts)."""
        ...

    def start_routine(self, routine_id: str) -> None:
        """Begin a routine's session steps."""
        ...

    def leave(self) -> bool:
        """Leave a session being prepared or shown; ``True`` if there was one."""
        ...

    def describe_gentle(self) -> str:
        """One line on the gentle start (for the settings screen)."""
        ...

    def lengths(self) -> Callable[[Routine], int]:
        """A measure of routines: each one's length as a session of it would run now (the
        home cards'). The history is read once for all of them."""
        ...

    def on_ended(self, listener: Callable[[Summary], None]) -> None:
        """Call ``listener`` with the summary when a session ends."""
        ...

    def on_left(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` when the session's steps are left (the home screen follows)."""
        ...


class Home(Protocol):
    """What a feature may ask of the home screen (``ui/home/controller.HomeController``)."""

    def go_home(self) -> None:
        """Back to the home screen, with fresh figures."""
        ...

    def refresh(self) -> None:
        """Fill the home screen again (routines changed, a session ended)."""
        ...

    def add_button(self, button: QWidget) -> None:
        """Put a feature's button beside History (the progress checks')."""
        ...

    def suggested(self) -> Routine | None:
        """The routine the big Start begins."""
        ...

    def done_between(self, first: date, last: date) -> dict[str, int]:
        """Counted sessions per routine from ``first`` to ``last`` (empty without a history)."""
        ...

    def done_this_week(self) -> dict[str, int]:
        """Counted sessions per routine since Monday."""
        ...


@dataclass(frozen=True)
class AppContext:
    """The shared parts of the running window, made once by ``app.build_gui``."""

    window: MainWindow
    settings: SettingsStore
    """The settings in force; ``update`` saves them, ``subscribe`` follows them."""
    content: Content
    clock: Clock
    voice: VoiceHolder
    look: Look
    """Theme, sizes and the large-button mode of the whole window."""
    paths: Paths
    progress: ProgressSource
    """Today's and this week's minutes (the history's, or this run's)."""

    @property
    def metrics(self) -> Metrics:
        """Sizes for the current mode and text size."""
        return self.look.metrics

    def follow_look(self, listener: Callable[[Metrics], None]) -> None:
        """Call ``listener`` with the new sizes whenever the text size, theme or mode change."""
        self.look.subscribe(listener)
