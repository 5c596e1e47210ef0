"""The window's history under faults: a lock held by another program mid-session, and exports
that must be owner-only whatever the umask."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from neuroguide.paths import Paths
from neuroguide.store import pending
from neuroguide.store.history import History
from neuroguide.ui.common import file_chooser
from tests.helpers.keys import press_key
from tests.ui.conftest import GuiDriver


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pending, "RETRY_EVERY", 0.0)
    monkeypatch.setattr(pending, "RETRY_WAIT_MS", 1)


@pytest.fixture
def other_program(app_paths: Paths) -> Iterator[sqlite3.Connection]:
    other = sqlite3.connect(app_paths.history_db, isolation_level=None, timeout=0)
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def _boxes(driver: GuiDriver) -> list[str]:
    return [box.text() for box in driver.window.findChildren(QMessageBox) if box.isVisible()]


def _to_player(qtbot: QtBot, driver: GuiDriver) -> None:
    driver.flow.start_routine("seated")
    for _ in range(5):
        if driver.window.current_screen == "player":
            return
        press_key(driver.window, Qt.Key.Key_Space)
    assert driver.window.current_screen == "player"


def test_a_history_locked_mid_session_keeps_the_session_running_and_every_hold(
    qtbot: QtBot, driver: GuiDriver, app_paths: Paths, other_program: sqlite3.Connection
) -> None:
    _to_player(qtbot, driver)
    controller = driver.flow.controller
    assert controller is not None
    session = controller.session
    while len(session.records) < 1:
        driver.advance(1)
    other_program.execute("BEGIN EXCLUSIVE")
    before = session.active_seconds()
    driver.advance(40)  # time goes on and holds end while nothing can be written
    assert session.active_seconds() > before + 20
    assert len(session.records) >= 2
    history = driver.gui.history
    assert history is not None and history.unsaved > 0
    told = driver.window.notice_details
    assert driver.window.notice.isVisible()
    assert "in use by another program" in told and "carries on" in told

    other_program.execute("COMMIT")
    driver.run_to_end()
    assert history.unsaved == 0
    driver.window.close()
    reopened = History.open(app_paths.history_db)
    [row] = reopened.sessions()
    assert (row.outcome, row.completed) == ("finished", len(session.records))
    reopened.close()


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_the_window_exports_owner_only_files(
    driver: GuiDriver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    target = tmp_path / f"history.{kind}"
    monkeypatch.setattr(file_chooser, "save_file_name", lambda *_args: str(target))
    screen = driver.gui.history_screen
    assert screen is not None
    previous = os.umask(0o022)  # the usual umask: new files readable by everyone
    try:
        screen._export(kind)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not list(tmp_path.glob("*.part"))
    assert any("saved to" in text for text in _boxes(driver))


def test_what_waits_after_a_session_is_written_once_the_file_is_free_while_idle(
    qtbot: QtBot,
    driver: GuiDriver,
    app_paths: Paths,
    other_program: sqlite3.Connection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pending, "FINAL_WAIT_MS", 50)
    _to_player(qtbot, driver)
    other_program.execute("BEGIN EXCLUSIVE")
    driver.run_to_end()  # the whole session while another program holds the file
    history, screen = driver.gui.history, driver.gui.history_screen
    assert history is not None and screen is not None and history.unsaved > 0
    assert "not saved yet" in driver.window.notice_details

    other_program.execute("COMMIT")
    screen._retry.setInterval(20)  # nobody touches the app: the retry timer writes them
    qtbot.waitUntil(lambda: history.unsaved == 0, timeout=5000)
    assert "can be saved again" in driver.window.notice_details
    driver.window.close()
    reopened = History.open(app_paths.history_db)
    [row] = reopened.sessions()
    assert row.outcome == "finished" and row.completed > 0
    reopened.close()


def test_save_report_into_the_reports_folder_is_owner_only(driver: GuiDriver) -> None:
    screen = driver.gui.history_screen
    assert screen is not None
    previous = os.umask(0o022)
    try:
        screen._save_report()
    finally:
        os.umask(previous)
    [report] = list(screen.reports_dir.glob("*.pdf"))
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert not list(screen.reports_dir.glob("*.part"))
    dialog = screen.saved_dialog
    if dialog is not None:
        dialog.close()
