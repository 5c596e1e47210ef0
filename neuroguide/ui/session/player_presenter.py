"""Wires a SessionController to the PlayerView: buttons and keys in, words and colours out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from neuroguide.core.events import Event, PauseReason, SessionPaused
from neuroguide.core.library import format_duration
from neuroguide.core.session import SessionState
from neuroguide.core.timeline import Phase, PhaseKind
from neuroguide.present.phase_text import (
    phase_announcement,
    phase_word,
    reps_text,
    seconds_text,
    set_text,
    side_text,
    title_text,
    upcoming_text,
)
from neuroguide.ui.common.announce import announce
from neuroguide.ui.session.player_view import PlayerView
from neuroguide.ui.session.session_controller import SessionController
from neuroguide.ui.shell.theme import Theme

WAITING_TEXT = "Ready for the next exercise? Press Space or Next when you are."
PAUSED_TEXT = "Paused. Press Space or click the countdown to carry on."
SLEPT_TEXT = "Paused: the computer was asleep. Press Space to carry on when you are ready."


class PlayerPresenter(QObject):
    """Keeps the player view in step with the session.

    Signals:
        title_changed: the window title to show (``Calf stretch — 12 s``).
    """

    title_changed = Signal(str)

    def __init__(
        self,
        view: PlayerView,
        controller: SessionController,
        theme: Theme,
        illustrations: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.controller = controller
        self.theme = theme
        self._illustrations = illustrations
        self._shown_phase: int | None = None
        self._paused_for_question = False
        self._was_paused = False
        self._return_page = "run"
        self._connections: list[tuple[object, object]] = []
        self._connect(view.pause_button.clicked, controller.toggle_pause)
        self._connect(view.countdown_clicked, self.countdown_clicked)
        self._connect(view.back_button.clicked, controller.previous)
        self._connect(view.next_button.clicked, self.next)
        self._connect(view.add_button.clicked, controller.add_time)
        self._connect(view.done_button.clicked, controller.done)
        self._connect(view.stop_button.clicked, self.ask_stop)
        self._connect(view.unsteady_button.clicked, self.unsteady)
        self._connect(view.resume_button.clicked, self.resume_steady)
        self._connect(view.end_button.clicked, controller.stop)
        self._connect(view.keep_going_button.clicked, self.keep_going)
        self._connect(view.confirm_end_button.clicked, controller.stop)
        self._connect(controller.events_emitted, self.refresh)
        self._connect(controller.caption_changed, view.show_caption)
        view.show_page("run")
        view.show_caption("")

    def _connect(self, signal: object, slot: object) -> None:
        signal.connect(slot)  # type: ignore[attr-defined]
        self._connections.append((signal, slot))

    def detach(self) -> None:
        """Disconnect from the (reused) view; the session is over."""
        for signal, slot in self._connections:
            signal.disconnect(slot)  # type: ignore[attr-defined]
        self._connections = []
        self.controller.shutdown()

    # ----------------------------------------------------------------- actions

    def next(self) -> None:
        """Next part; on the last part this would end the session, so it asks first."""
        session = self.controller.session
        if (
            session.state is not SessionState.FINISHED
            and session.upcoming() is None
            and not self.controller.waiting
        ):
            self.ask_stop()
            return
        self.controller.next()

    def countdown_clicked(self) -> None:
        """A click on the countdown pauses or resumes."""
        if self.view.page == "run":
            self.controller.toggle_pause()

    def unsteady(self) -> None:
        """Pause at once and show the calm page."""
        self.controller.unsteady()
        self.view.show_page("unsteady")

    def resume_steady(self) -> None:
        """Leave the calm page and carry on."""
        self.view.show_page("run")
        self.controller.resume()

    def ask_stop(self) -> None:
        """Pause and ask, with two big buttons, whether to end the session."""
        if self.view.page == "confirm" or self.controller.state is SessionState.FINISHED:
            return
        self._return_page = self.view.page
        self._paused_for_question = self.controller.state is SessionState.RUNNING
        if self._paused_for_question:
            self.controller.pause()
        self.view.show_page("confirm")

    def keep_going(self) -> None:
        """Back to where the person was; resume if the question paused the session."""
        self.view.show_page(self._return_page)
        if self._paused_for_question:
            self._paused_for_question = False
            self.controller.resume()

    def handle_key(self, key: int) -> bool:
        """The player's keys; returns whether the key was used.

        Space is the next obvious thing on every page (pause or resume, resume when steady,
        keep going); switch keys arrive here already turned into Space, → or ← by the window.
        """
        page = self.view.page
        if page == "confirm":
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Escape):
                self.keep_going()
                return True
            return key in (Qt.Key.Key_Left, Qt.Key.Key_Right)  # nothing moves behind a question
        if page == "unsteady":
            if key == Qt.Key.Key_Space:
                self.resume_steady()
            elif key == Qt.Key.Key_Escape:
                self.ask_stop()
            else:
                return key in (Qt.Key.Key_Left, Qt.Key.Key_Right)
            return True
        actions = {
            Qt.Key.Key_Space: self.controller.toggle_pause,
            Qt.Key.Key_Right: self.next,
            Qt.Key.Key_Left: self.controller.previous,
            Qt.Key.Key_Plus: self.controller.add_time,
            Qt.Key.Key_Equal: self.controller.add_time,
            Qt.Key.Key_Escape: self.ask_stop,
            Qt.Key.Key_U: self.unsteady,
            Qt.Key.Key_H: self.view.toggle_how_to,
            Qt.Key.Key_D: self.controller.done,
            Qt.Key.Key_R: self.controller.repeat,
        }
        action = actions.get(Qt.Key(key))
        if action is None:
            return False
        if action == self.controller.add_time and not self.view.add_button.isEnabled():
            return True
        if action == self.controller.done and not self.view.done_button.isEnabled():
            return True
        action()
        return True

    # ----------------------------------------------------------------- showing

    def refresh(self, events: Sequence[Event] = ()) -> None:
        """Show the session as it is now."""
        session = self.controller.session
        if session.state is SessionState.FINISHED:
            return
        phase = session.phase
        self.view.show_phase(phase_word(phase), self.theme.phases[phase.kind])
        if phase.index != self._shown_phase:
            self._shown_phase = phase.index
            self._show_exercise(phase)
            announce(self.view.phase_label, phase_announcement(phase))
        remaining = session.remaining()
        length = session.phase_length() or 1.0
        if phase.kind is PhaseKind.REPS:
            count, _of, reps = reps_text(phase, session.visit_elapsed()).partition(" of ")
            text, detail = count, f"of {reps} reps"
        else:
            text, detail = seconds_text(remaining), "seconds" if remaining < 60 else "minutes"
        self.view.countdown.show_time(text, remaining / length, detail)
        total = sum(p.seconds for p in session.timeline) or 1
        left = session.time_left()
        self.view.show_progress(
            upcoming_text(session.upcoming()),
            1 - left / total,
            f"{format_duration(left)} left",
        )
        paused = session.state is SessionState.PAUSED
        if paused != self._was_paused:
            self._was_paused = paused
            words = self._paused_words(events) if paused else "Carrying on."
            announce(self.view.pause_button, words)
        self.view.set_paused(paused)
        self.view.paused_label.setText(self._paused_words(events))
        self.view.done_button.setEnabled(phase.kind in (PhaseKind.REPS, PhaseKind.TIMED))
        self.view.add_button.setEnabled(phase.kind is not PhaseKind.REPS)
        self.view.show_unsteady(phase.exercise.is_standing_balance)
        self.title_changed.emit(title_text(phase, remaining, paused=paused))

    def _paused_words(self, events: Sequence[Event]) -> str:
        if self.controller.waiting:
            return WAITING_TEXT
        slept = any(
            isinstance(e, SessionPaused) and e.reason is PauseReason.MACHINE_SLEEP for e in events
        )
        if slept or self.controller.session.pause_reason is PauseReason.MACHINE_SLEEP:
            return SLEPT_TEXT
        return PAUSED_TEXT

    def _show_exercise(self, phase: Phase) -> None:
        exercise = phase.exercise
        load = f"With {phase.step.dose.load}" if phase.step.dose.load else ""
        position = " · ".join(part for part in (side_text(phase), set_text(phase), load) if part)
        steps = "\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1))
        if exercise.wheelchair:  # it says itself that it is for a wheelchair
            steps += f"\n{exercise.wheelchair}"
        notes = [phase.step.note] if phase.step.note else []
        notes += [line for line in exercise.safety if line not in notes]
        safety = "Safety: " + " ".join(notes) if notes else ""
        drawing = self._illustrations / exercise.illustration if exercise.illustration else None
        self.view.show_exercise(
            exercise.name,
            position,
            drawing,
            steps,
            safety,
            balance=exercise.is_standing_balance,
        )
