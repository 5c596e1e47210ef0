"""Fixtures for the speech tests: routines written inline, fake workers and fake players."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from neuroguide.content.loader import Content
from neuroguide.core.library import Routine
from tests.core.conftest import make_routine as make_library_routine

HERE = Path(__file__).resolve().parent

CALF = """
id = "calf"
name = "Calf"
[[steps]]
exercise = "calf-stretch"
hold = 15
sets = 2
sides = ["left", "right"]
rest = 10
"""


def make_routine(content: Content, text: str) -> Routine:
    """Parse a routine written in a test against the real library; fail loudly if invalid."""
    return make_library_routine(content.library, text)


@pytest.fixture
def calf(content: Content) -> Routine:
    return make_routine(content, CALF)


def fake_worker_command(mode: str, log: Path) -> list[str]:
    """Runs tests/speech/fake_worker.py, which speaks the protocol and misbehaves on request."""
    return [sys.executable, str(HERE / "fake_worker.py"), mode, str(log)]


@pytest.fixture
def fake_aplay(tmp_path: Path) -> Path:
    """A folder to put first on PATH, holding an ``aplay`` written by the test."""
    folder = tmp_path / "bin"
    folder.mkdir()
    return folder


def write_aplay(folder: Path, body: str) -> None:
    """Write a fake ``aplay`` shell script into ``folder``."""
    script = folder / "aplay"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
