"""The app keeps a settings file it cannot read before it writes a new one, and says where."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from neuroguide.app import build_gui
from neuroguide.core.clock import FakeClock
from neuroguide.paths import resolve_paths

BROKEN = b"\xef\xbb\xbftext_scale = 150\nvoice = false\nvoice = true\n"


def test_a_broken_settings_file_survives_the_first_change(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = resolve_paths(str(tmp_path / "data"), {})
    paths.data_dir.mkdir()
    paths.settings_file.write_bytes(BROKEN)
    gui = build_gui(paths, clock=FakeClock(), show=False)
    assert gui is not None
    qtbot.addWidget(gui.window)
    gui.flow.ctx.settings.update(text_scale=125)  # the first write, as a click on a setting does
    kept = list(paths.data_dir.glob("settings.damaged-*.toml"))
    assert len(kept) == 1 and kept[0].read_bytes() == BROKEN
    assert b"text_scale = 125" in paths.settings_file.read_bytes()
    said = capsys.readouterr().err
    assert f"it was kept as {kept[0].name}" in said and "byte-order mark" in said
