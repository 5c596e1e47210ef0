"""The session engine: a state machine over a routine's timeline, driven by an injected clock.

Remaining time always derives from a monotonic deadline, never from counting ticks, so a late
or missed wake-up changes nothing but when an event is reported. Each phase boundary is
computed from the previous deadline, so no lateness accumulates over a session.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum

from neuroguide.core.clock import Clock
from neuroguide.core.events import (
    Event,
    PauseReason,
    PhaseStarted,
    SecondsLeft,
    SessionFinished,
    SessionPaused,
    SessionResumed,
    SessionStarted,
    SetDone,
    SideSwitched,
    StepFinished,
    TimeAdded,
)
from neuroguide.core.library import Routine
from neuroguide.core.marks import Mark, marks_for
from neuroguide.core.records import (
    ItemRecord,
    Outcome,
    Summary,
    record_for,
    step_skipped,
    summarize,
)
from neuroguide.core.timeline import (
    DEFAULT_SWITCH,
    Phase,
    PhaseKind,
    build_timeline,
    previous_work_target,
)

JUMP_THRESHOLD = 5.0
"""Seconds between two wake-ups beyond which the machine is taken to have slept."""
RESTART_GRACE = 2.0
"""Within this many seconds of a work phase, "back" goes to the one before instead."""
ADD_SECONDS = 15
_EPS = 1e-9


class SessionState(StrEnum):
    """Where a session is in its life."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class Session:
    """Runs a routine against a clock; every control returns the events it caused."""

    def __init__(
        self,
        routine: Routine,
        clock: Clock,
        *,
        get_ready: int | None = None,
        switch_seconds: int = DEFAULT_SWITCH,
        jump_threshold: float = JUMP_THRESHOLD,
        ready_by_step: Mapping[int, int] | None = None,
        switch_by_step: Mapping[int, int] | None = None,
        ready_again_by_step: Mapping[int, int] | None = None,
    ) -> None:
        self.routine = routine
        self._ready_again = dict(ready_again_by_step or {})
        """A get-ready visited again (Back) lasts as long as its shorter words need."""
        self._visited: set[int] = set()
        self.timeline = build_timeline(
            routine,
            get_ready=get_ready,
            switch_seconds=switch_seconds,
            ready_by_step=ready_by_step,
            switch_by_step=switch_by_step,
        )
        if not self.timeline:
            raise ValueError(f"routine '{routine.id}' has no phases")
        self._clock = clock
        self._jump_threshold = jump_threshold
        self.state = SessionState.READY
        self.pause_reason: PauseReason | None = None
        self.records: list[ItemRecord] = []
        self.visit_log: list[tuple[int, float]] = []
        self.summary: Summary | None = None
        self.finished_at: float | None = None
        self._index = 0
        self._visit_total = float(self.timeline[0].seconds)
        self._visit_added = 0
        self._elapsed_base = 0.0
        self._stretch_start = 0.0
        self._deadline = 0.0
        self._marks: list[Mark] = []
        self._fired: set[str] = set()
        self._shown_seconds: int | None = None
        self._last_wake = 0.0

    # ----------------------------------------------------------------- queries

    @property
    def phase(self) -> Phase:
        """The current phase (the first one before the start, the last one after the end)."""
        return self.timeline[self._index]

    @property
    def index(self) -> int:
        """Position of the current phase in :attr:`timeline`."""
        return self._index

    def remaining(self) -> float:
        """Seconds left in the current phase, from the deadline while running."""
        if self.state is SessionState.RUNNING:
            return max(0.0, self._deadline - self._clock.now())
        if self.state is SessionState.FINISHED:
            return 0.0
        return self._visit_total - self._elapsed_base

    def phase_length(self) -> float:
        """Length of the current phase visit, including any time added."""
        return self._visit_total

    def visit_elapsed(self) -> float:
        """Active seconds spent in the current phase visit."""
        return self._elapsed_at(self._clock.now())

    def time_left(self) -> float:
        """Seconds left in the whole routine if nothing is skipped."""
        if self.state is SessionState.FINISHED:
            return 0.0
        later = sum(phase.seconds for phase in self.timeline[self._index + 1 :])
        return self.remaining() + later

    def upcoming(self) -> Phase | None:
        """The next work phase of a different exercise or side: "what comes next"."""
        current = self.phase
        for phase in self.timeline[self._index + 1 :]:
            if phase.kind.is_work and (phase.step_index, phase.side) != (
                current.step_index,
                current.side,
            ):
                return phase
        return None

    def seconds_to_next_event(self) -> float | None:
        """How long a driver may sleep: to the countdown's next whole second or the next mark.

        ``None`` when nothing will happen without a control (not running).
        """
        if self.state is not SessionState.RUNNING:
            return None
        now = self._clock.now()
        remaining = self._deadline - now
        wait = remaining - math.floor(remaining)
        if wait <= _EPS:
            wait = min(1.0, remaining) if remaining > _EPS else 0.0
        for mark in self._marks:
            due = self._deadline - mark.remaining - now
            if mark.key not in self._fired and due > _EPS:
                wait = min(wait, due)
        return max(0.0, wait)

    def seconds_to_next_mark(self) -> float | None:
        """How long until the next mark or the phase's end: the next moment anything but the
        countdown's whole seconds happens. A driver that shows no countdown (the speech plan,
        on a fake clock) waits this long; ``None`` when not running."""
        if self.state is not SessionState.RUNNING:
            return None
        now = self._clock.now()
        wait = self._deadline - now
        for mark in self._marks:
            due = self._deadline - mark.remaining - now
            if mark.key not in self._fired and due > _EPS:
                wait = min(wait, due)
        return max(0.0, wait)

    def active_seconds(self) -> float:
        """Active seconds recorded so far, plus the work phase in progress."""
        done = sum(record.actual_seconds for record in self.records)
        if self.state is not SessionState.FINISHED and self.phase.kind.is_work:
            done += self.visit_elapsed()
        return done

    # ---------------------------------------------------------------- controls

    def start(self) -> list[Event]:
        """Begin the first phase now."""
        if self.state is not SessionState.READY:
            return []
        now = self._clock.now()
        self.state = SessionState.RUNNING
        self._last_wake = now
        total = sum(phase.seconds for phase in self.timeline)
        work = sum(phase.seconds for phase in self.timeline if phase.kind.is_work)
        events: list[Event] = [
            SessionStarted(
                at=now,
                routine_id=self.routine.id,
                total_seconds=total,
                routine_name=self.routine.name,
                work_seconds=work,
                steps=self.routine.steps,
            )
        ]
        events += self._begin(0, now)
        events += self._advance(now)
        return events

    def tick(self) -> list[Event]:
        """Advance to the clock's now and return every event that became due."""
        return self._catch_up()

    def pause(self, reason: PauseReason = PauseReason.USER) -> list[Event]:
        """Pause now; the remaining time is kept exactly."""
        events = self._catch_up()
        if self.state is SessionState.RUNNING:
            events += self._pause_at(self._clock.now(), reason)
        elif self.state is SessionState.PAUSED and reason is PauseReason.UNSTEADY:
            self.pause_reason = reason
            events.append(SessionPaused(at=self._clock.now(), reason=reason))
        return events

    def resume(self) -> list[Event]:
        """Run again from where the session paused, with a new deadline."""
        if self.state is not SessionState.PAUSED:
            return self._catch_up()
        now = self._clock.now()
        self.state = SessionState.RUNNING
        self.pause_reason = None
        self._last_wake = now
        self._stretch_start = now
        self._deadline = now + (self._visit_total - self._elapsed_base)
        events: list[Event] = [SessionResumed(at=now)]
        events += self._advance(now)
        return events

    def toggle_pause(self) -> list[Event]:
        """Start, pause or resume: what the Space key does."""
        if self.state is SessionState.READY:
            return self.start()
        if self.state is SessionState.PAUSED:
            return self.resume()
        return self.pause()

    def next(self) -> list[Event]:
        """Skip the rest of the current phase (a work phase is recorded as skipped)."""
        return self._leave(completed=False)

    def done(self) -> list[Event]:
        """Finish a paced set or a timed block early as completed; elsewhere the same as next."""
        return self._leave(completed=self.phase.kind in (PhaseKind.REPS, PhaseKind.TIMED))

    def previous(self) -> list[Event]:
        """Restart the current work phase, or go back to the one before it."""
        events = self._catch_up()
        if not self._active():
            return events
        now = self._clock.now()
        current = self.phase
        if current.kind.is_work and self._elapsed_at(now) > RESTART_GRACE:
            target = self._index
        else:
            target = previous_work_target(self.timeline, self._index)
        return events + self._jump(target, now)

    def restart_step(self) -> list[Event]:
        """Go back to the start of the current step (its get-ready phase)."""
        events = self._catch_up()
        if not self._active():
            return events
        step = self.phase.step_index
        target = next(p.index for p in self.timeline if p.step_index == step)
        return events + self._jump(target, self._clock.now())

    def add_time(self, seconds: int = ADD_SECONDS) -> list[Event]:
        """Lengthen the current phase; paced reps keep their count, so they are left alone."""
        events = self._catch_up()
        if not self._active() or self.phase.kind is PhaseKind.REPS or seconds <= 0:
            return events
        now = self._clock.now()
        self._visit_total += seconds
        self._visit_added += seconds
        if self.state is SessionState.RUNNING:
            self._deadline += seconds
        events.append(TimeAdded(at=now, phase=self.phase, seconds=seconds))
        if self.state is SessionState.RUNNING:
            events += self._advance(now)
        return events

    def stop(self) -> list[Event]:
        """End the session now; the item in progress is recorded as skipped."""
        events = self._catch_up()
        if self.state is SessionState.FINISHED:
            return events
        now = self._clock.now()
        if self.state is not SessionState.READY:
            events += self._end_visit(now, completed=False)
        return events + self._finish(now, Outcome.STOPPED)

    # ---------------------------------------------------------------- internals

    def _active(self) -> bool:
        return self.state in (SessionState.RUNNING, SessionState.PAUSED)

    def _catch_up(self) -> list[Event]:
        now = self._clock.now()
        if self.state is not SessionState.RUNNING:
            self._last_wake = now
            return []
        gap = now - self._last_wake
        if gap > self._jump_threshold:
            # The machine slept or froze: nothing after the last wake-up counts as exercise.
            events = self._advance(self._last_wake)
            if self.state is SessionState.RUNNING:
                events += self._pause_at(self._last_wake, PauseReason.MACHINE_SLEEP, gap)
            self._last_wake = now
            return events
        self._last_wake = now
        return self._advance(now)

    def _advance(self, until: float) -> list[Event]:
        events: list[Event] = []
        while self.state is SessionState.RUNNING:
            events += self._fire_marks(min(until, self._deadline))
            if until < self._deadline:
                break
            end = self._deadline
            events += self._end_visit(end, completed=True)
            events += self._forward(self._index + 1, end)
        if self.state is SessionState.RUNNING:
            events += self._seconds_left(until)
        return events

    def _fire_marks(self, until: float) -> list[Event]:
        events: list[Event] = []
        for mark in self._marks:
            due = self._deadline - mark.remaining
            if mark.key not in self._fired and due <= until + _EPS:
                self._fired.add(mark.key)
                events.append(mark.make(due))
        return events

    def _seconds_left(self, now: float) -> list[Event]:
        shown = math.ceil(self._deadline - now - _EPS)
        if shown == self._shown_seconds:
            return []
        self._shown_seconds = shown
        at = max(self._deadline - shown, self._stretch_start)
        return [SecondsLeft(at=at, phase=self.phase, seconds=shown)]

    def _elapsed_at(self, now: float) -> float:
        if self.state is SessionState.RUNNING:
            return self._elapsed_base + (now - self._stretch_start)
        return self._elapsed_base

    def _pause_at(self, at: float, reason: PauseReason, slept: float = 0.0) -> list[Event]:
        self._elapsed_base += at - self._stretch_start
        self.state = SessionState.PAUSED
        self.pause_reason = reason
        return [SessionPaused(at=at, reason=reason, slept_seconds=slept)]

    def _begin(self, index: int, at: float) -> list[Event]:
        previous_side = self.phase.side
        self._index = index
        phase = self.timeline[index]
        self._visit_total = float(phase.seconds)
        if index in self._visited and phase.kind is PhaseKind.GET_READY:
            self._visit_total = float(self._ready_again.get(phase.step_index, phase.seconds))
        self._visited.add(index)
        self._visit_added = 0
        self._elapsed_base = 0.0
        self._stretch_start = at
        self._deadline = at + self._visit_total
        self._marks = marks_for(phase, self._visit_total)
        self._fired = set()
        self._shown_seconds = None
        events: list[Event] = [PhaseStarted(at=at, phase=phase, seconds=self._visit_total)]
        if phase.kind is PhaseKind.SWITCH_SIDES:
            events.append(
                SideSwitched(at=at, phase=phase, from_side=previous_side, to_side=phase.side)
            )
        return events

    def _end_visit(self, at: float, *, completed: bool) -> list[Event]:
        phase = self.phase
        elapsed = min(self._elapsed_at(at), self._visit_total)
        self.visit_log.append((phase.index, elapsed))
        if not phase.kind.is_work:
            return []
        record = record_for(phase, elapsed, self._visit_added, completed=completed)
        self.records.append(record)
        return [SetDone(at=at, record=record)]

    def _forward(self, index: int, at: float) -> list[Event]:
        old_step = self.phase.step_index
        events: list[Event] = []
        if index >= len(self.timeline) or self.timeline[index].step_index != old_step:
            skipped = step_skipped(self.timeline, self.records, old_step)
            events.append(StepFinished(at=at, step_index=old_step, skipped=skipped))
        if index >= len(self.timeline):
            return events + self._finish(at, Outcome.FINISHED)
        return events + self._begin(index, at)

    def _leave(self, *, completed: bool) -> list[Event]:
        events = self._catch_up()
        if not self._active():
            return events
        now = self._clock.now()
        events += self._end_visit(now, completed=completed)
        events += self._forward(self._index + 1, now)
        if self.state is SessionState.RUNNING:
            events += self._advance(now)
        return events

    def _jump(self, target: int, now: float) -> list[Event]:
        events = self._end_visit(now, completed=False)
        events += self._begin(target, now)
        if self.state is SessionState.RUNNING:
            events += self._advance(now)
        return events

    def _finish(self, at: float, outcome: Outcome) -> list[Event]:
        self.state = SessionState.FINISHED
        self.finished_at = at
        work = sum(p.seconds for p in self.timeline if p.kind.is_work)
        spent = sum(elapsed for _, elapsed in self.visit_log)
        self.summary = summarize(self.routine.id, outcome, work, spent, self.records)
        return [SessionFinished(at=at, summary=self.summary)]
