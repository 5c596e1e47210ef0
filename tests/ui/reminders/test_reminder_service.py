"""Reminders in the running app, on a fake wall clock: shown, started, snoozed, held back."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtWidgets import QApplication

from neuroguide.core.reminders import ReminderKind
from neuroguide.ui.reminders.service import ReminderService, plan_from
from tests.helpers.clocks import FakeWallClock
from tests.ui.conftest import GuiDriver

ZONE = timezone(timedelta(hours=1))


def service_at(driver: GuiDriver, clock: FakeWallClock, **settings: object) -> ReminderService:
    driver.flow.ctx.settings.update(**settings)
    return ReminderService(driver.flow.ctx, driver.home, driver.flow, wall_clock=clock, tray=False)


def test_a_break_reminder_opens_its_routine_with_one_press(driver: GuiDriver) -> None:
    clock = FakeWallClock(datetime(2024, 5, 6, 8, 59, tzinfo=ZONE))
    service = service_at(driver, clock, break_reminders=True)
    assert service.timer.isActive() and service.timer.interval() <= 60_000
    service.check()
    assert service._window is None, "nothing due yet"
    clock.advance(minutes=1)
    shown: list[object] = []
    service.reminded.connect(shown.append)
    service.check()
    window = service.window
    assert window.isVisible() and "stretch break" in window.title.text()
    assert window.start_button.text() == "Start Stretch break"
    assert shown and shown[0].kind is ReminderKind.BREAK  # type: ignore[attr-defined]
    window.start_button.click()
    assert not window.isVisible()
    assert driver.flow.routine is not None and driver.flow.routine.id == "stretch-break"


def test_snooze_brings_the_reminder_back_later(driver: GuiDriver) -> None:
    clock = FakeWallClock(datetime(2024, 5, 6, 17, 59, tzinfo=ZONE))
    service = service_at(driver, clock, session_reminder=True, session_time="18:00")
    clock.advance(minutes=1)
    service.check()
    assert service.window.isVisible() and "exercises" in service.window.title.text()
    assert service.window.snooze_button.text() == "Later (10 min)"
    service.window.snooze_button.click()
    assert not service.window.isVisible()
    clock.advance(minutes=9)
    service.check()
    assert not service.window.isVisible()
    clock.advance(minutes=1)
    service.check()
    assert service.window.isVisible()
    service.window.dismiss_button.click()
    assert not service.window.isVisible() and service.current is None


def test_no_reminder_while_a_session_runs(driver: GuiDriver) -> None:
    clock = FakeWallClock(datetime(2024, 5, 6, 8, 59, tzinfo=ZONE))
    service = service_at(driver, clock, break_reminders=True)
    driver.flow.start_routine("seated")
    assert driver.flow.controller is not None
    clock.advance(minutes=2)
    service.check()
    assert service._window is None


def test_new_settings_apply_at_once_and_off_stops_the_timer(driver: GuiDriver) -> None:
    clock = FakeWallClock(datetime(2024, 5, 6, 12, 0, tzinfo=ZONE))
    service = service_at(driver, clock)
    assert not service.timer.isActive()
    assert "no system tray" in service.describe()
    driver.flow.ctx.settings.update(break_reminders=True, breaks_per_day=3)
    service.settings_changed()
    assert service.timer.isActive()
    assert "09:00, 13:30, 18:00" in service.describe()
    driver.flow.ctx.settings.update(session_reminder=True, break_reminders=False)
    service.settings_changed()
    assert "Daily session at 18:00" in service.describe()
    driver.flow.ctx.settings.update(session_reminder=False)
    service.settings_changed()
    assert not service.timer.isActive()


def test_the_plan_follows_the_settings(driver: GuiDriver) -> None:
    settings = driver.flow.ctx.settings.update(
        break_reminders=True, break_from="08:15", suggested_routine="balance", snooze_minutes=20
    )
    plan = plan_from(settings)
    assert plan.breaks and plan.break_from.hour == 8 and plan.break_from.minute == 15
    assert plan.session_routine == "balance" and plan.snooze_minutes == 20


def test_the_app_reminds_through_its_settings_screen(driver: GuiDriver) -> None:
    gui = driver.gui
    gui.settings._voices = lambda: ([], None)
    driver.home.view.settings_button.click()
    screen = gui.settings.screen
    screen.toggles["break_reminders"].click()
    assert gui.reminders.scheduler.plan.breaks
    assert "NeuroGuide window" in screen.reminder_where.text()
    screen.steppers["break_from"].plus.click()
    assert gui.reminders.scheduler.plan.break_from.minute == 15


def test_keys_on_the_reminder_window(driver: GuiDriver) -> None:
    clock = FakeWallClock(datetime(2024, 5, 6, 8, 59, tzinfo=ZONE))
    service = service_at(driver, clock, break_reminders=True)
    clock.advance(minutes=1)
    service.check()
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClick(service.window, Qt.Key.Key_Escape)
    assert not service.window.isVisible()
    service.show(service.scheduler.poll(clock()) or _reminder(service, clock))
    QTest.keyClick(service.window, Qt.Key.Key_A)
    assert service.window.isVisible()
    QTest.keyClick(service.window, Qt.Key.Key_Space)
    QApplication.processEvents()
    assert driver.flow.routine is not None


def _reminder(service: ReminderService, clock: FakeWallClock):  # type: ignore[no-untyped-def]
    from neuroguide.core.reminders import Reminder

    return Reminder(ReminderKind.BREAK, clock(), service.scheduler.plan.break_routine)
