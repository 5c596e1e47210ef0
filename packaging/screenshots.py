"""Grab the screenshots in packaging/screenshots/ (used by the AppStream metadata and reviews).

Run under Xvfb so the real window system and fonts are used:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python packaging/screenshots.py

(``QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py`` works as well.)
Time is driven by a fake clock, so every shot shows a known moment of a session. Every mode
a person can choose is shot at 1366x768, the most common laptop screen: normal, large
buttons, 200 % text, high contrast, and all three at once. Names end in the mode
(``player-hold-large-text200.png``); the normal mode has no ending.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from neuroguide.app import Gui, build_gui, create_application
from neuroguide.core.clock import FakeClock
from neuroguide.core.seated import seated_version
from neuroguide.core.timeline import PhaseKind
from neuroguide.paths import Paths, resources_dir
from neuroguide.settings import Settings, save_settings
from neuroguide.speech.speaker import RecordingSpeaker

OUT = Path(os.environ.get("NEUROGUIDE_SHOTS", Path(__file__).resolve().parent / "screenshots"))
"""Where the shots go (``NEUROGUIDE_SHOTS`` names another folder, to look without committing)."""
SIZE = (1366, 768)
MODES = {
    "": (False, 100, "light"),
    "-large": (True, 100, "light"),
    "-text200": (False, 200, "light"),
    "-contrast": (False, 100, "high-contrast"),
    "-large-text200-contrast": (True, 200, "high-contrast"),
}
"""File-name ending: (large buttons, text size, colours)."""


def _open(large: bool, text_scale: int, theme: str, clock: FakeClock) -> Gui:
    folder = Path(tempfile.mkdtemp(prefix="neuroguide-shots-"))
    settings = Settings(text_scale=text_scale, theme=theme, large_buttons=large)
    save_settings(settings, folder / "settings.toml")
    # A silent speaker: what the voice says shows in the captions either way, and a machine
    # without a sound card would otherwise show "the sound player failed" on every shot.
    gui = build_gui(Paths(folder, folder, resources_dir()), clock=clock, speaker=RecordingSpeaker())
    assert gui is not None
    gui.window.keys.bounce.delay_ms = 0  # the script presses nothing twice by accident
    gui.window.resize(*SIZE)
    return gui


def _earlier_sessions(gui: Gui, days: int = 4) -> None:
    """A few finished sessions on the days before, so History shows more than today's."""
    from datetime import datetime, timedelta

    from neuroguide.core.records import ItemRecord, ItemStatus
    from neuroguide.store import writes
    from neuroguide.store.history import connection_of
    from neuroguide.store.models import CheckIn, Moment, Stamp

    assert gui.history is not None
    connection = connection_of(gui.history)
    for day in range(1, days + 1):
        stamp = Stamp.of(datetime.now().astimezone() - timedelta(days=day, hours=2))
        session = writes.begin_session(
            connection, "lower-leg-stretches", "Calf and hamstring stretches", stamp, 360_000
        )
        for number in range(1, 13):
            record = ItemRecord(
                number,
                0,
                "calf-stretch",
                "left" if number % 2 else "right",
                (number + 1) // 2,
                30,
                0,
                30,
                None,
                None,
                ItemStatus.COMPLETED,
            )
            writes.add_item(connection, session, number, record, stamp)
        writes.finish_session(connection, session, stamp, "finished", 360_000, 360_000)
        for checkin in (
            CheckIn(Moment.BEFORE, pain=5, numbness=4, tingling=3, balance=6),
            CheckIn(Moment.AFTER, pain=3, numbness=4, tingling=2, balance=7),
        ):
            writes.save_checkin(connection, session, checkin, stamp)


def _run_until(gui: Gui, clock: FakeClock, wanted: Callable[[], bool], limit: int = 3600) -> None:
    for _ in range(limit):
        if wanted():
            return
        clock.advance(1)
        controller = gui.flow.controller
        if controller is None:
            return
        controller.tick()
    raise RuntimeError("the session never reached the wanted moment")


def _advance(gui: Gui, clock: FakeClock, seconds: int) -> None:
    # One second at a time: a longer gap would look like the machine slept.
    for _ in range(seconds):
        clock.advance(1)
        if gui.flow.controller is not None:
            gui.flow.controller.tick()


def _phase_is(gui: Gui, kind: PhaseKind) -> Callable[[], bool]:
    def check() -> bool:
        controller = gui.flow.controller
        return controller is not None and controller.session.phase.kind is kind

    return check


def _save(widget: QWidget, name: str) -> None:
    app = create_application()
    for _ in range(4):
        app.processEvents()
    path = OUT / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path)


def _screen(gui: Gui) -> QWidget:
    return gui.window.screen_widget(gui.window.current_screen)


def shoot(suffix: str) -> None:
    """The first-run welcome, home, check-ins, safety (and its question), the player in its
    phases and its stop question, summary (and what was done), history (list, its choices
    where they are kept apart, one session), the seated offer (and its wheelchair question)
    and keys."""
    large, text_scale, theme = MODES[suffix]
    clock = FakeClock()
    gui = _open(large, text_scale, theme, clock)
    flow, window = gui.flow, gui.window
    if gui.welcome is not None:  # a fresh folder: the first-run welcome comes first
        _save(window, f"welcome{suffix}")
        gui.welcome.finish()
    _save(window, f"home{suffix}")
    gui.frame.show_keys()
    assert gui.frame.keys_dialog is not None
    _save(gui.frame.keys_dialog, f"keys{suffix}")
    gui.frame.keys_dialog.close()
    flow.start_routine("lower-leg-stretches")
    before = _screen(gui)
    before.scales["pain"].button(3).click()  # type: ignore[attr-defined]
    before.note.setText("Calves felt tight this morning")  # type: ignore[attr-defined]
    _save(window, f"checkin-before{suffix}")
    before.save_button.click()  # type: ignore[attr-defined]
    _save(window, f"safety{suffix}")
    flow.safety.off_button.click()  # "skip this check from now on" asks first
    _save(window, f"safety-question{suffix}")
    flow.safety.keep_button.click()
    flow.safety.ready_button.click()
    _advance(gui, clock, 1)
    _save(window, f"player-get-ready{suffix}")
    _run_until(gui, clock, _phase_is(gui, PhaseKind.REPS))
    _advance(gui, clock, 7)
    _save(window, f"player-reps{suffix}")
    _run_until(gui, clock, _phase_is(gui, PhaseKind.HOLD))
    _advance(gui, clock, 4)
    _save(window, f"player-hold{suffix}")
    assert flow.controller is not None
    flow.controller.toggle_pause()
    _save(window, f"player-paused{suffix}")
    flow.controller.toggle_pause()
    flow.player.toggle_how_to()
    _save(window, f"player-how-to{suffix}")
    flow.player.toggle_how_to()
    _run_until(gui, clock, _phase_is(gui, PhaseKind.SWITCH_SIDES))
    _advance(gui, clock, 1)
    _save(window, f"player-switch-sides{suffix}")
    flow.player.unsteady_button.click()
    _save(window, f"player-unsteady{suffix}")
    flow.player.resume_button.click()
    flow.player.show_page("confirm")  # "End this session?", as Esc asks it
    _save(window, f"player-stop-question{suffix}")
    flow.player.show_page("run")
    _run_until(gui, clock, lambda: window.current_screen == "checkin-after")
    after = _screen(gui)
    after.scales["pain"].button(2).click()  # type: ignore[attr-defined]
    _save(window, f"checkin-after{suffix}")
    after.save_button.click()  # type: ignore[attr-defined]
    _save(window, f"summary{suffix}")
    summary = flow.summary_view
    summary.done_button.click()  # "What you did", in parts at the largest sizes
    _save(window, f"summary-done{suffix}")
    if summary.parts > 1:
        summary.show_part(summary.parts - 1)
        _save(window, f"summary-done-last{suffix}")
    summary.home_button.click()
    _earlier_sessions(gui)
    window.show_screen("history")
    assert gui.history_screen is not None
    review = gui.history_screen.review
    gui.history_screen.refresh()
    _save(window, f"history{suffix}")
    if review.fewer_controls:  # the presets, filter, charts and reports behind "More choices"
        review.toggle_choices()
        _save(window, f"history-choices{suffix}")
        review.toggle_choices()
    review.list.setCurrentIndex(review.model.index(0))
    review.open_detail()
    _save(window, f"history-detail{suffix}")
    review.close_detail()
    window.show_screen("home")
    content = gui.ctx.content
    routine = content.catalog.routines["stretch-break"]
    offer = flow.steps.seated_offer
    offer.show_version(seated_version(routine, content.library))
    window.show_screen("seated-offer")
    _save(window, f"seated-offer{suffix}")
    offer.ask_wheelchair()  # what the first offer asks first
    _save(window, f"seated-offer-wheelchair{suffix}")
    window.close()


CHECK_MODES = {
    "": (False, 100, "light"),
    "-large": (True, 100, "light"),
    "-text200": (False, 200, "light"),
    "-contrast": (False, 100, "high-contrast"),
    "-large-text200-contrast": (True, 200, "high-contrast"),
}
"""The five modes the progress checks are shot in (the last one all at once)."""


def shoot_checks(suffix: str) -> None:
    """Each progress check's running page while it explains and while it is timed."""
    from neuroguide.core.check_steps import StepKind
    from neuroguide.ui.checks.install import ChecksInstall

    large, text_scale, theme = CHECK_MODES[suffix]
    clock = FakeClock()
    gui = _open(large, text_scale, theme, clock)
    window = gui.window
    install = window.findChild(ChecksInstall)
    assert install is not None
    for check, kind, extra in (
        ("chair-stand", StepKind.TIMED, 7),
        ("balance-4-stage", StepKind.STANCE, 4),
        ("sit-to-stand-5", StepKind.STOPWATCH, 8),
    ):
        install.start_check(check)
        install.controller.begin()
        controller = install.controller
        clock.advance(1)
        controller.tick()
        _save(window, f"check-{check}-explains{suffix}")
        for _ in range(600):
            run = controller.run
            if run is None or not controller.running or run.step.kind is kind:
                break
            clock.advance(0.5)
            controller.tick()
        for _ in range(extra * 2):
            clock.advance(0.5)
            controller.tick()
        _save(window, f"check-{check}-running{suffix}")
        controller.unsteady()
        gui.home.go_home()
    window.close()


def main() -> int:
    """Write every screenshot; returns the exit status."""
    create_application()
    OUT.mkdir(parents=True, exist_ok=True)
    wanted = sys.argv[1:]
    for suffix in wanted or list(MODES):
        if suffix in MODES or suffix == "normal":
            shoot("" if suffix == "normal" else suffix)
    for suffix in wanted or list(CHECK_MODES):
        if suffix in CHECK_MODES or suffix in ("normal", "checks"):
            shoot_checks("" if suffix in ("normal", "checks") else suffix)
    return 0


if __name__ == "__main__":
    sys.exit(main())
