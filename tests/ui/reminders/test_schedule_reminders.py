"""Reminders follow a routine's schedule, and "Start NeuroGuide when I log in" writes an XDG
autostart entry that starts quietly in the tray."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from neuroguide.autostart import autostart_file, desktop_entry, set_autostart, start_command
from neuroguide.core.reminders import Reminder, ReminderKind
from neuroguide.core.schedule import Schedule, schedule_kept
from tests.ui.conftest import GuiDriver


def test_a_kept_schedule_needs_no_reminder() -> None:
    three = Schedule(days_a_week=3)
    assert not schedule_kept(three, 0, 2)
    assert schedule_kept(three, 0, 3)  # the week's three are done
    assert schedule_kept(three, 1, 1)  # done today already
    breaks = Schedule(times_a_day=6, up_to=True)
    assert not schedule_kept(breaks, 5, 30)  # "up to": the week has no target to meet
    assert schedule_kept(breaks, 6, 30)


def test_the_service_skips_a_reminder_whose_routine_was_done_today(driver: GuiDriver) -> None:
    gui = driver.gui
    service = gui.reminders
    reminder = Reminder(ReminderKind.SESSION, service.wall_clock(), "walk-or-ride")
    assert not service.schedule_kept(reminder)
    driver.home.done_between = lambda first, last: {"walk-or-ride": 1}  # type: ignore[method-assign]
    assert service.schedule_kept(reminder)
    assert date.today()  # the count is by local day


def test_start_at_login_writes_and_removes_the_autostart_entry(
    driver: GuiDriver, tmp_path: Path
) -> None:
    gui = driver.gui
    entry = autostart_file()
    assert str(entry).startswith(os.environ["XDG_CONFIG_HOME"])
    driver.flow.ctx.settings.update(start_at_login=True)
    gui.reminders.settings_changed()
    text = entry.read_text()
    assert "Exec=" in text and "--tray" in text and "--data-dir" in text
    assert "Type=Application" in text
    driver.flow.ctx.settings.update(start_at_login=False)
    gui.reminders.settings_changed()
    assert not entry.exists()


def test_the_entry_quotes_paths_with_spaces(tmp_path: Path) -> None:
    text = desktop_entry(start_command(tmp_path / "my data"))
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert f'"{tmp_path / "my data"}"' in exec_line and exec_line.endswith("--tray")
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    assert set_autostart(True, tmp_path, environ) == ""
    assert (tmp_path / "cfg" / "autostart" / "neuroguide.desktop").is_file()
    assert set_autostart(False, tmp_path, environ) == ""
    assert not (tmp_path / "cfg" / "autostart" / "neuroguide.desktop").exists()
