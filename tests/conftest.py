"""Shared fixtures: headless Qt by default, a fake clock, and the real bundled content."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite speaks with espeak-ng, whose clips and timings it was written against, whether or
# not a natural voice is installed; tests/speech/test_natural_voice.py turns it on itself.
os.environ.setdefault("NEUROGUIDE_NATURAL_VOICE", "0")

from pathlib import Path

import pytest

from neuroguide.content.loader import Content, load_content
from neuroguide.core.clock import FakeClock
from neuroguide.paths import Paths, resources_dir

pytest_plugins = ["tests.sqlite_leaks"]  # an unclosed SQLite connection fails on every Python


@pytest.fixture
def fake_clock() -> FakeClock:
    """A clock that moves only when the test advances it."""
    return FakeClock()


@pytest.fixture
def app_paths(tmp_path: Path) -> Paths:
    """Data and settings in a fresh temporary folder; resources from the checkout."""
    return Paths(data_dir=tmp_path, config_dir=tmp_path, resources_dir=resources_dir())


@pytest.fixture(scope="session")
def content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    """The real exercise library and built-in routines (no user routines)."""
    empty = tmp_path_factory.mktemp("empty-data")
    return load_content(Paths(empty, empty, resources_dir()))


@pytest.fixture(autouse=True)
def _private_config_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the log-in entry ("Start NeuroGuide when I log in") out of the real ~/.config."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config-home")))
