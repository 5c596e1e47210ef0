"""Reminders in the running app: a timer asks the core scheduler, then a window (and tray) shows it.

The scheduling rules live in :mod:`neuroguide.core.reminders`; this module only wakes up (at
most a minute apart, so a sleep or a clock change is noticed soon), reads the wall clock and
shows what the scheduler says is due. No reminder appears while a session runs.
"""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from neuroguide.core.clock import local_now
from neuroguide.core.library import format_duration
from neuroguide.core.reminders import (
    Reminder,
    ReminderKind,
    ReminderPlan,
    ReminderScheduler,
    WallClock,
    break_times,
    parse_time,
)
from neuroguide.core.schedule import schedule_kept
from neuroguide.core.timeline import build_timeline, total_seconds
from neuroguide.settings import Settings

if TYPE_CHECKING:
    from neuroguide.ui.context import AppContext, Home, Sessions
    from neuroguide.ui.reminders.window import ReminderWindow

LONGEST_WAIT_MS = 60_000
REMINDER_KEYS = frozenset(
    {
        "break_reminders",
        "breaks_per_day",
        "break_from",
        "break_until",
        "break_routine",
        "session_reminder",
        "session_time",
        "snooze_minutes",
        "suggested_routine",
        "start_at_login",
    }
)
"""The settings the reminders follow (the store tells the service when one changes)."""


def plan_from(settings: Settings) -> ReminderPlan:
    """The reminder plan the settings ask for."""
    return ReminderPlan(
        breaks=settings.break_reminders,
        breaks_per_day=settings.breaks_per_day,
        break_from=parse_time(settings.break_from, time(9)),
        break_until=parse_time(settings.break_until, time(18)),
        break_routine=settings.break_routine,
        session=settings.session_reminder,
        session_time=parse_time(settings.session_time, time(18)),
        session_routine=settings.suggested_routine,
        snooze_minutes=settings.snooze_minutes,
    )


def tray_available() -> bool:
    """Whether the desktop shows tray icons."""
    from PySide6.QtWidgets import QSystemTrayIcon

    return bool(QSystemTrayIcon.isSystemTrayAvailable())


class ReminderService(QObject):
    """Shows reminders while NeuroGuide runs.

    Signals:
        reminded: a reminder was shown; carries the core Reminder.
    """

    reminded = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        home: Home,
        sessions: Sessions,
        *,
        wall_clock: WallClock = local_now,
        tray: bool | None = None,
        icon: Path | None = None,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(ctx.window)
        self.data_dir = data_dir
        """The data folder the log-in entry starts NeuroGuide for (``None``: no entry)."""
        self.ctx = ctx
        self.home = home
        self.sessions = sessions
        self.wall_clock = wall_clock
        self.scheduler = ReminderScheduler(plan_from(ctx.settings.settings), wall_clock())
        self.tray_available = tray_available() if tray is None else tray
        self.current: Reminder | None = None
        self.tray_icon: Any = None
        self._icon = icon
        self._window: ReminderWindow | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        ctx.settings.subscribe(self.settings_changed, REMINDER_KEYS)
        sessions.on_ended(lambda _summary: self.refresh_tray())
        self._update_tray()
        self._arm()

    @property
    def window(self) -> ReminderWindow:
        """The reminder window (built the first time a reminder shows)."""
        if self._window is None:
            from neuroguide.ui.reminders.window import ReminderWindow  # built when first due

            window = self._window = ReminderWindow(self.ctx.metrics, self.ctx.window)
            window.start_requested.connect(self.start)
            window.snooze_requested.connect(self.snooze)
            window.dismissed.connect(self.dismiss)
        return self._window

    def settings_changed(self) -> None:
        """Take up new reminder settings from now on."""
        self.scheduler.set_plan(plan_from(self.ctx.settings.settings), self.wall_clock())
        self._apply_autostart()
        self._update_tray()
        self._arm()

    def check(self) -> None:
        """Show the reminder that is due now, if any (the timer calls this)."""
        busy = self.sessions.running
        reminder = self.scheduler.poll(self.wall_clock(), busy=busy)
        if reminder is not None and not self.schedule_kept(reminder):
            self.show(reminder)
        self._arm()

    def schedule_kept(self, reminder: Reminder) -> bool:
        """Whether the reminder's routine has had all its schedule asks (no need to remind)."""
        routine = self._routine(reminder)
        schedule = getattr(routine, "schedule", None)
        if routine is None or schedule is None:
            return False
        today = self.wall_clock().date()
        done_today = self.home.done_between(today, today).get(routine.id, 0)
        done_week = self.home.done_this_week().get(routine.id, 0)
        return schedule_kept(schedule, done_today, done_week)

    def show(self, reminder: Reminder) -> None:
        """Show ``reminder`` in the window (and as a tray message)."""
        self.current = reminder
        routine = self._routine(reminder)
        if routine is None:
            return
        length = format_duration(total_seconds(build_timeline(routine)))
        if reminder.kind is ReminderKind.BREAK:
            title = "Time for a stretch break"
            text = f"{routine.name} takes {length}. Stand up or stay seated, as you prefer."
        else:
            title = "Time for your exercises"
            text = f"Your daily session: {routine.name}, {length}."
        self.window.set_metrics(self.ctx.metrics)
        self.window.show_reminder(title, text, routine.name, self.scheduler.plan.snooze_minutes)
        if self.tray_icon is not None:
            self.tray_icon.showMessage(title, f"{text} Click to start.")
        self.reminded.emit(reminder)

    def start(self) -> None:
        """Bring NeuroGuide forward and start the reminder's routine."""
        reminder, self.current = self.current, None
        self._hide()
        self.bring_forward()
        if reminder is None or self.sessions.running:
            return
        routine = self._routine(reminder)
        if routine is not None:
            self.sessions.start_routine(routine.id)

    def bring_forward(self) -> None:
        """Show the main window in front (it may have been minimised)."""
        from neuroguide.ui.reminders.window import bring_to_front

        window = self.ctx.window
        if window.isMinimized():
            window.showNormal()
        else:
            window.show()
        bring_to_front(window)

    def snooze(self) -> None:
        """Show the reminder again after the snooze time."""
        if self.current is not None:
            self.scheduler.snooze(self.current, self.wall_clock())
        self.current = None
        self._hide()
        self._arm()

    def dismiss(self) -> None:
        """Hide the reminder until the next one."""
        self.current = None
        self._hide()

    def describe(self) -> str:
        """Where reminders appear and when the next is due, for the settings screen."""
        plan = self.scheduler.plan
        where = (
            "Reminders appear as a NeuroGuide window and in the system tray, while NeuroGuide "
            "is open (it may be minimised)."
            if self.tray_available
            else "This desktop has no system tray, so reminders appear as a NeuroGuide window "
            "while NeuroGuide is open (it may be minimised)."
        )
        if not plan.active:
            return where
        times = ", ".join(moment.strftime("%H:%M") for moment in break_times(plan))
        parts = [where]
        if plan.breaks:
            parts.append(f"Stretch breaks at {times}.")
        if plan.session:
            parts.append(f"Daily session at {plan.session_time.strftime('%H:%M')}.")
        return " ".join(parts)

    def _routine(self, reminder: Reminder) -> Any:
        routines = self.ctx.content.catalog.routines
        return routines.get(reminder.routine_id) or self.home.suggested()

    def _hide(self) -> None:
        if self._window is not None and self._window.isVisible():
            self._window.blockSignals(True)
            self._window.hide()
            self._window.blockSignals(False)

    def _arm(self) -> None:
        now = self.wall_clock()
        due = self.scheduler.next_due(now)
        if due is None:
            self.timer.stop()
            return
        wait = max(0, min(LONGEST_WAIT_MS, int((due - now).total_seconds() * 1000) + 500))
        self.timer.start(wait)

    def _update_tray(self) -> None:
        wanted = self.tray_available and (
            self.scheduler.plan.active or self.ctx.settings.settings.start_at_login
        )
        if not wanted:
            if self.tray_icon is not None:
                self.tray_icon.hide()
                self.tray_icon.deleteLater()
                self.tray_icon = None
            return
        if self.tray_icon is None:
            self.tray_icon = self._make_tray()
        self.refresh_tray()

    def _apply_autostart(self) -> None:
        """Write or remove the log-in entry when the setting and the file disagree."""
        from neuroguide.autostart import is_on, set_autostart

        wanted = self.ctx.settings.settings.start_at_login
        if wanted != is_on() and self.data_dir is not None:
            problem = set_autostart(wanted, self.data_dir)
            if problem:
                import sys

                print(f"neuroguide: {problem}", file=sys.stderr)

    def refresh_tray(self) -> None:
        """Put the day's progress on the tray icon's tooltip."""
        if self.tray_icon is None:
            return
        progress = self.ctx.progress
        goal = self.ctx.settings.settings.weekly_goal_minutes
        self.tray_icon.setToolTip(
            f"NeuroGuide: {round(progress.minutes_today())} min active today, "
            f"{round(progress.minutes_this_week())} of {goal} min this week"
        )

    def _make_tray(self) -> Any:
        from PySide6.QtGui import QAction, QIcon
        from PySide6.QtWidgets import QMenu, QSystemTrayIcon

        icon = QIcon(str(self._icon)) if self._icon is not None else self.ctx.window.windowIcon()
        tray = QSystemTrayIcon(icon, self)
        menu = QMenu()
        show = QAction("Open NeuroGuide", menu)
        show.triggered.connect(self.bring_forward)
        later = QAction("Snooze the reminder", menu)
        later.triggered.connect(self.snooze)
        menu.addAction(show)
        menu.addAction(later)
        tray.setContextMenu(menu)
        self._menu = menu
        tray.messageClicked.connect(self.start)
        tray.activated.connect(lambda _reason: self.bring_forward())
        tray.show()
        return tray
