"""Pure helpers: phase words, progress, the error reporter, and the Qt binding itself."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from neuroguide.content.loader import Content
from neuroguide.core.events import SessionFinished
from neuroguide.core.records import Outcome, Summary
from neuroguide.core.timeline import PhaseKind, build_timeline
from neuroguide.present.phase_text import reps_text, seconds_text, set_text, side_text, title_text
from neuroguide.present.progress import RunProgress
from neuroguide.ui.shell import errors


def test_phase_words_for_a_per_side_hold(content: Content) -> None:
    timeline = build_timeline(content.catalog.routines["lower-leg-stretches"])
    hold = next(p for p in timeline if p.kind is PhaseKind.HOLD and p.set_number == 2)
    assert side_text(hold) == "Left leg"
    assert set_text(hold) == "Hold 2 of 3"
    assert title_text(hold, 11.2, paused=False) == "Calf stretch — 12 s"
    assert title_text(hold, 11.2, paused=True).endswith("(paused)")
    reps = next(p for p in timeline if p.kind is PhaseKind.REPS)
    assert reps_text(reps, 0.0) == "1 of 10" and reps_text(reps, 19.0) == "7 of 10"


def test_countdown_figures_round_up_and_show_minutes() -> None:
    assert seconds_text(11.2) == "12"
    assert seconds_text(0.0) == "0"
    assert seconds_text(75) == "1:15"


def test_run_progress_counts_today_and_this_week() -> None:
    today = date(2025, 3, 12)  # a Wednesday
    progress = RunProgress(today=lambda: today)
    summary = Summary("x", Outcome.FINISHED, 300, 240.0, 300.0, 4, 0, ())
    progress.handle([SessionFinished(at=0.0, summary=summary)])
    assert progress.minutes_today() == 4 and progress.minutes_this_week() == 4
    today = date(2025, 3, 16)  # Sunday, same week
    assert progress.minutes_today() == 0 and progress.minutes_this_week() == 4
    today = date(2025, 3, 17)  # next Monday
    assert progress.minutes_this_week() == 0


def test_an_unexpected_error_is_logged_and_shown_not_fatal(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    parent = QLabel()
    qtbot.addWidget(parent)
    reporter = errors.ErrorReporter(lambda: parent)
    previous = errors.install(reporter)
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
    assert "RuntimeError: boom" in capsys.readouterr().err
    assert reporter.box is not None and reporter.box.isVisible()
    assert "did not expect" in reporter.box.text()
    reporter.box.close()


def test_qt_calls_keep_none_alive(qtbot: QtBot) -> None:
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None on every void call."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 20


def test_summary_lines_name_the_limb_and_what_was_cut_short(content: Content) -> None:
    from neuroguide.core.clock import FakeClock
    from neuroguide.core.session import Session
    from neuroguide.present.phase_text import planned_parts, summary_lines

    clock = FakeClock()
    session = Session(content.catalog.routines["lower-leg-stretches"], clock)
    session.start()
    while session.phase.exercise.id != "calf-stretch" or not session.phase.kind.is_work:
        session.next()
    session.next()  # the first left-leg hold is cut short
    session.stop()
    assert session.summary is not None
    lines = summary_lines(session.summary, content.library.exercises)
    assert "Calf stretch, left leg: 0 of 1 hold done (skipped part)" in lines
    planned = planned_parts(session.timeline)
    lines = summary_lines(session.summary, content.library.exercises, planned)
    assert "Calf stretch, left leg: 0 of 3 holds done (skipped part)" in lines
    assert any(line.startswith("Leg swings, left leg:") for line in lines)
