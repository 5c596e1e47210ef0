"""Adapts the session runner to Qt: a timer wakes it, signals tell the screen.

The timer is never the time base: it only calls ``runner.tick()``, which reads the injected
clock. It is single-shot and re-armed just after the next moment something can change, as the
session itself computes it (``Session.seconds_to_next_event``: the next whole second of the
countdown or the next mark, at most a second away), so a machine sleep is noticed by the
session's jump check. The runner (:mod:`neuroguide.core.runner`, shared with
``neuroguide play``) hands every batch to the voice, then the screen, then the history, and
keeps one failing listener from stopping the others or the clock. Tests call :meth:`tick`
directly after advancing a ``FakeClock``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from neuroguide.core.clock import Clock
from neuroguide.core.cues import ClipSeconds, Cue, CueWriter
from neuroguide.core.events import Event
from neuroguide.core.library import Routine
from neuroguide.core.runner import ErrorReport, Listener, SessionRunner, finished_summary
from neuroguide.core.session import Session, SessionState
from neuroguide.core.voice_queue import Utterance, caption_from
from neuroguide.speech.guide import VoiceGuide
from neuroguide.speech.speaker import Speaker
from neuroguide.speech.tones import TonePlayer

WAKE_MARGIN_MS = 1
"""Wake this long after a boundary so the session sees it as passed."""


class _Screen:
    """The screen as a listener: re-emits each batch as a Qt signal, in the runner's order."""

    def __init__(self, emit: Callable[[object], None]) -> None:
        self._emit = emit

    def handle(self, events: Sequence[Event]) -> None:
        self._emit(list(events))


class SessionController(QObject):
    """Runs one session: controls in, events out to listeners, captions and the speaker.

    Signals:
        events_emitted: a batch of events (list) was handled; the player refreshes from it.
        caption_changed: the caption line's text (the latest cue, or "" when captions are off).
        finished: the session ended; carries its Summary.
    """

    events_emitted = Signal(object)
    caption_changed = Signal(str)
    _sentence_started = Signal(object)  # from the speaker's thread to this one
    finished = Signal(object)

    def __init__(
        self,
        routine: Routine,
        clock: Clock,
        *,
        speaker: Speaker,
        cue_writer: CueWriter | None = None,
        tones: TonePlayer | None = None,
        listeners: Sequence[Listener] = (),
        get_ready_seconds: int = 5,
        auto_advance: bool = True,
        captions: bool = True,
        on_error: ErrorReport | None = None,
        ready_by_step: Mapping[int, int] | None = None,
        switch_by_step: Mapping[int, int] | None = None,
        ready_again_by_step: Mapping[int, int] | None = None,
        known: Collection[str] = (),
        lengths: ClipSeconds | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.captions = captions
        self.caption = ""
        self._tones = tones
        self.runner = SessionRunner.for_routine(
            routine,
            clock,
            get_ready_minimum=get_ready_seconds,
            listeners=listeners,
            on_error=on_error,
            auto_advance=auto_advance,
            ready_by_step=ready_by_step,
            switch_by_step=switch_by_step,
            ready_again_by_step=ready_again_by_step,
        )
        writer = cue_writer or CueWriter(self.session.timeline, known, lengths)
        self._clock = clock
        self._voice = VoiceGuide(
            speaker, writer, on_cue=self._on_cue, on_need_time=self._lengthen_soon
        )
        self._caption_cue: Cue | None = None
        self._sentence_started.connect(self._on_sentence)
        if hasattr(speaker, "on_sentence"):  # the caption follows the sentence being said
            speaker.on_sentence = self._sentence_started.emit
        self.runner.add_listener(Listener("voice", self._voice))
        self.runner.add_listener(Listener("screen", _Screen(self.events_emitted.emit)))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)

    # ----------------------------------------------------------------- queries

    @property
    def session(self) -> Session:
        """The session the runner advances."""
        return self.runner.session

    @property
    def waiting(self) -> bool:
        """Paused at the end of an exercise until Space or Next (auto-advance off)."""
        return self.runner.waiting

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
        self._after(self.runner.start())

    @Slot()
    def tick(self) -> None:
        """Let the session catch up with the clock (the timer's only job)."""
        self._after(self.runner.tick())

    @Slot()
    def toggle_pause(self) -> None:
        """Space: start, pause or resume (and go on after a step when waiting)."""
        self._after(self.runner.toggle_pause())

    @Slot()
    def pause(self) -> None:
        """Pause at once."""
        self._after(self.runner.pause())

    @Slot()
    def repeat(self) -> None:
        """R: say every step of the current exercise again, now (the session runs on)."""
        if self.session.state is not SessionState.FINISHED:
            self._voice.repeat(self.session.phase, self._clock.now())

    @Slot()
    def resume(self) -> None:
        """Carry on from where the session paused."""
        self._after(self.runner.resume())

    @Slot()
    def unsteady(self) -> None:
        """ "Stop, I feel unsteady": pause at once and say the safety words."""
        self._after(self.runner.unsteady())

    @Slot()
    def next(self) -> None:
        """Skip to the next part; while waiting after a step, simply go on."""
        self._after(self.runner.next())

    @Slot()
    def done(self) -> None:
        """Finish a set of reps or a timed block early, as done."""
        self._after(self.runner.done())

    @Slot()
    def previous(self) -> None:
        """Start this part again, or go back to the one before."""
        self._after(self.runner.previous())

    @Slot()
    def restart_step(self) -> None:
        """Go back to the start of the current exercise."""
        self._after(self.runner.restart_step())

    @Slot()
    def add_time(self) -> None:
        """Fifteen more seconds in this part."""
        self._after(self.runner.add_time())

    @Slot()
    def stop(self) -> None:
        """End the session now (the summary follows)."""
        self._after(self.runner.stop())

    def shutdown(self) -> None:
        """Stop the timer and any tone; the window is closing or the player is leaving."""
        self._timer.stop()
        if self._tones is not None:
            self._tones.stop()

    # ---------------------------------------------------------------- internals

    def _lengthen_soon(self, seconds: int) -> None:
        """The steps asked for with R need a longer rest: add the time once the events being
        handled are (the voice asks while the session publishes)."""
        QTimer.singleShot(0, self, lambda: self._after(self.runner.add_time(seconds)))

    def _after(self, events: list[Event]) -> None:
        """Re-arm the timer (whatever the listeners did), then say so if the session ended."""
        self._arm()
        summary = finished_summary(events)
        if summary is not None:
            self.finished.emit(summary)

    def _on_cue(self, cue: Cue) -> None:
        if self._tones is not None and cue.tone is not None:
            self._tones.play(cue.tone)
        self._caption_cue = cue
        self._set_caption(cue.text if self.captions else "")

    def _on_sentence(self, said: Utterance) -> None:
        """The voice started a sentence of the cue shown: show it and what follows it."""
        if not self.captions or said.cue is not self._caption_cue:
            return
        self._set_caption(caption_from(said))

    def _set_caption(self, text: str) -> None:
        if text != self.caption:
            self.caption = text
            self.caption_changed.emit(text)

    def _arm(self) -> None:
        wait = self.session.seconds_to_next_event()
        if wait is None:
            self._timer.stop()
            return
        self._timer.start(math.ceil(wait * 1000) + WAKE_MARGIN_MS)
