"""Adapts a core Session to Qt: a timer wakes it, every batch of events goes out to listeners.

The timer is never the time base: it only calls ``session.tick()``, which reads the injected
clock. It is single-shot and re-armed just after the next moment something can change, as the
session itself computes it (``Session.seconds_to_next_event``: the next whole second of the
countdown or the next mark, at most a second away), so a machine sleep is noticed by the
session's jump check. Speech goes through the same ``VoiceGuide`` the terminal player uses,
which silences the voice when the person pauses, skips, goes back or stops. Tests call
:meth:`tick` directly after advancing a ``FakeClock``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from neuroguide.core.clock import Clock
from neuroguide.core.cues import Cue, CueWriter
from neuroguide.core.events import Event, PauseReason, SessionFinished, StepFinished
from neuroguide.core.library import Routine
from neuroguide.core.listeners import SessionListener
from neuroguide.core.session import ADD_SECONDS, Session, SessionState
from neuroguide.speech.guide import VoiceGuide
from neuroguide.speech.speaker import Speaker
from neuroguide.speech.tones import TonePlayer

WAKE_MARGIN_MS = 1
"""Wake this long after a boundary so the session sees it as passed."""


class SessionController(QObject):
    """Runs one session: controls in, events out to listeners, captions and the speaker.

    Signals:
        events_emitted: a batch of events (list) was handled; the player refreshes from it.
        caption_changed: the caption line's text (the latest cue, or "" when captions are off).
        finished: the session ended; carries its Summary.
    """

    events_emitted = Signal(object)
    caption_changed = Signal(str)
    finished = Signal(object)

    def __init__(
        self,
        routine: Routine,
        clock: Clock,
        *,
        speaker: Speaker,
        cue_writer: CueWriter | None = None,
        tones: TonePlayer | None = None,
        listeners: Sequence[SessionListener] = (),
        get_ready_seconds: int = 5,
        auto_advance: bool = True,
        captions: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        ready = max(get_ready_seconds, routine.get_ready or 0)
        self.session = Session(routine, clock, get_ready=ready)
        self.auto_advance = auto_advance
        self.captions = captions
        self.caption = ""
        self.waiting = False
        """Paused at the end of a step until Space or Next (when auto-advance is off)."""
        self._tones = tones
        writer = cue_writer if cue_writer is not None else CueWriter(self.session.timeline)
        self._voice = VoiceGuide(speaker, writer, on_cue=self._on_cue)
        self._listeners: list[SessionListener] = [*listeners, self._voice]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)

    # ----------------------------------------------------------------- queries

    @property
    def state(self) -> SessionState:
        """The session's state."""
        return self.session.state

    @property
    def timer_interval(self) -> int:
        """Milliseconds until the next wake-up, or -1 when the timer is stopped."""
        return self._timer.interval() if self._timer.isActive() else -1

    # ----------------------------------------------------------------- controls

    @Slot()
    def start(self) -> None:
        """Begin the session."""
        self._handle(self.session.start())

    @Slot()
    def tick(self) -> None:
        """Let the session catch up with the clock (the timer's only job)."""
        self._handle(self.session.tick())

    @Slot()
    def toggle_pause(self) -> None:
        """Space: start, pause or resume (and go on after a step when waiting)."""
        if self.session.state is SessionState.RUNNING:
            self.pause()
        elif self.session.state is SessionState.PAUSED:
            self.resume()
        elif self.session.state is SessionState.READY:
            self.start()

    @Slot()
    def pause(self) -> None:
        """Pause at once."""
        self._handle(self.session.pause(PauseReason.USER))

    @Slot()
    def resume(self) -> None:
        """Carry on from where the session paused."""
        self.waiting = False
        self._handle(self.session.resume())

    @Slot()
    def unsteady(self) -> None:
        """ "Stop, I feel unsteady": pause at once and say the safety words."""
        self.waiting = False
        self._handle(self.session.pause(PauseReason.UNSTEADY))

    @Slot()
    def next(self) -> None:
        """Skip to the next part; while waiting after a step, simply go on."""
        if self.waiting:
            self.resume()
            return
        self._handle(self.session.next())

    @Slot()
    def done(self) -> None:
        """Finish a set of reps or a timed block early, as done."""
        self._handle(self.session.done())

    @Slot()
    def previous(self) -> None:
        """Start this part again, or go back to the one before."""
        self.waiting = False
        self._handle(self.session.previous())

    @Slot()
    def restart_step(self) -> None:
        """Go back to the start of the current exercise."""
        self.waiting = False
        self._handle(self.session.restart_step())

    @Slot()
    def add_time(self) -> None:
        """Fifteen more seconds in this part."""
        self._handle(self.session.add_time(ADD_SECONDS))

    @Slot()
    def stop(self) -> None:
        """End the session now (the summary follows)."""
        self.waiting = False
        self._handle(self.session.stop())

    def shutdown(self) -> None:
        """Stop the timer and any tone; the window is closing or the player is leaving."""
        self._timer.stop()
        if self._tones is not None:
            self._tones.stop()

    # ---------------------------------------------------------------- internals

    def _handle(self, events: list[Event]) -> None:
        if (
            not self.auto_advance
            and self.session.state is SessionState.RUNNING
            and any(isinstance(e, StepFinished) for e in events)
        ):
            # Wait for a press before the next exercise; the engine itself knows nothing of it.
            events = events + self.session.pause(PauseReason.USER)
            self.waiting = True
        if events:
            for listener in self._listeners:
                listener.handle(events)
            self.events_emitted.emit(events)
        self._arm()
        finished = [e for e in events if isinstance(e, SessionFinished)]
        if finished:
            self.finished.emit(finished[-1].summary)

    def _on_cue(self, cue: Cue) -> None:
        if self._tones is not None and cue.tone is not None:
            self._tones.play(cue.tone)
        text = cue.text if self.captions else ""
        if text != self.caption:
            self.caption = text
            self.caption_changed.emit(text)

    def _arm(self) -> None:
        wait = self.session.seconds_to_next_event()
        if wait is None:
            self._timer.stop()
            return
        self._timer.start(math.ceil(wait * 1000) + WAKE_MARGIN_MS)
