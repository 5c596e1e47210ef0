"""A screen reader hears what changes by itself or by a press: over a real AT-SPI bus (as in
test_screen_reader.py) a pyatspi listener hears the phase, the pause, the resume and the stop
question announced (Qt 6.8's announcement events)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.shell.test_screen_reader import (
    missing,
    run_reader,
)


@pytest.mark.timeout(240)
@pytest.mark.skipif(missing() is not None, reason=f"screen reader check: {missing()}")
def test_a_screen_reader_hears_the_phase_pause_resume_and_stop_question(tmp_path: Path) -> None:
    report = run_reader(tmp_path, "atspi_listener.py")
    heard = report["heard"]
    assert report["missing"] == [], report
    assert any(text.startswith("Get ready") for text in heard), heard
    assert any(text.startswith("Paused") for text in heard), heard
    assert "Carrying on." in heard, heard
    assert any("End this session?" in text for text in heard), heard
