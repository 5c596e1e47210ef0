"""Shared fixtures for the history tests: real routines and a wall clock that only tests move."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from neuroguide.content.loader import Content, load_content
from neuroguide.core.library import Routine
from neuroguide.paths import resolve_paths
from tests.helpers.clocks import FakeWallClock


@pytest.fixture(scope="session")
def content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    return load_content(resolve_paths(str(tmp_path_factory.mktemp("content")), {}))


@pytest.fixture
def stretch_break(content: Content) -> Routine:
    return content.catalog.routines["stretch-break"]


@pytest.fixture
def wall() -> FakeWallClock:
    return FakeWallClock(datetime(2024, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=2))))


@pytest.fixture
def history_path(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "data" / "history.sqlite3"
