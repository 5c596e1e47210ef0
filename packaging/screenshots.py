"""Grab the screenshots in packaging/screenshots/ (used by the AppStream metadata).

Run under Xvfb so the real window system and fonts are used:

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python packaging/screenshots.py

(``QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py`` works as well.)
Time is driven by a fake clock, so every shot shows a known moment of a session.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from neuroguide.app import Gui, build_gui, create_application
from neuroguide.core.clock import FakeClock
from neuroguide.core.timeline import PhaseKind
from neuroguide.paths import Paths, resources_dir
from neuroguide.settings import Settings, save_settings

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = (1280, 800)


def _open(large: bool, text_scale: int, clock: FakeClock) -> Gui:
    folder = Path(tempfile.mkdtemp(prefix="neuroguide-shots-"))
    save_settings(Settings(text_scale=text_scale, theme="light"), folder / "settings.toml")
    gui = build_gui(Paths(folder, folder, resources_dir()), large=large, clock=clock)
    assert gui is not None
    gui.flow.store.update(checkins=False)  # the check-in screens have their own shots
    gui.window.resize(*SIZE)
    return gui


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


def _save(gui: Gui, name: str) -> None:
    app = create_application()
    for _ in range(3):
        app.processEvents()
    path = OUT / f"{name}.png"
    if not gui.window.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")
    print(path)


def shoot(large: bool, text_scale: int = 100) -> None:
    """Home, the player in four phases, and the summary, in one mode."""
    suffix = ("-large" if large else "") + (f"-text{text_scale}" if text_scale != 100 else "")
    clock = FakeClock()
    gui = _open(large, text_scale, clock)
    flow = gui.flow
    _save(gui, f"home{suffix}")
    if text_scale != 100:
        flow.start_routine("lower-leg-stretches")
        flow.safety.confirmed.emit()
        _run_until(gui, clock, _phase_is(gui, PhaseKind.HOLD))
        _advance(gui, clock, 3)
        _save(gui, f"player-hold{suffix}")
        gui.window.close()
        return
    flow.start_routine("lower-leg-stretches")
    _save(gui, f"safety{suffix}")
    flow.safety.confirmed.emit()
    _run_until(gui, clock, _phase_is(gui, PhaseKind.REPS))
    _advance(gui, clock, 7)
    _save(gui, f"player-reps{suffix}")
    _run_until(gui, clock, _phase_is(gui, PhaseKind.HOLD))
    _advance(gui, clock, 4)
    _save(gui, f"player-hold{suffix}")
    _run_until(gui, clock, _phase_is(gui, PhaseKind.REST))
    _advance(gui, clock, 2)
    _save(gui, f"player-rest{suffix}")
    _run_until(gui, clock, _phase_is(gui, PhaseKind.SWITCH_SIDES))
    _advance(gui, clock, 1)
    _save(gui, f"player-switch-sides{suffix}")
    flow.player.unsteady_button.click()
    _save(gui, f"player-unsteady{suffix}")
    flow.player.resume_button.click()
    _run_until(gui, clock, lambda: flow.controller is None)
    _save(gui, f"summary{suffix}")
    gui.window.close()


def main() -> int:
    """Write every screenshot; returns the exit status."""
    create_application()
    OUT.mkdir(parents=True, exist_ok=True)
    shoot(large=False)
    shoot(large=True)
    shoot(large=False, text_scale=200)
    return 0


if __name__ == "__main__":
    sys.exit(main())
