"""The home-screen cache: its stamp follows the content files, and a bad file is no cache."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from neuroguide.home_cache import content_stamp, read_home_cache, write_home_cache
from neuroguide.paths import Paths, resources_dir

HOME = {"routines": [], "problem_files": 0}


def _paths(tmp_path: Path) -> Paths:
    return Paths(tmp_path, tmp_path, resources_dir(), cache_dir=tmp_path / "cache")


def test_the_stamp_follows_the_users_routine_files(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    before = content_stamp(paths, seated_only=False)
    assert content_stamp(paths, seated_only=False) == before
    assert content_stamp(paths, seated_only=True) != before
    paths.user_routines.mkdir()
    empty_folder = content_stamp(paths, seated_only=False)
    assert empty_folder != before
    mine = paths.user_routines / "mine.toml"
    mine.write_text('id = "mine"\n')
    added = content_stamp(paths, seated_only=False)
    assert added != empty_folder
    (paths.user_routines / "notes.txt").write_text("not a routine")
    assert content_stamp(paths, seated_only=False) == added
    os.utime(mine, ns=(1_000_000_000, 1_000_000_000))
    assert content_stamp(paths, seated_only=False) != added


def test_a_cache_is_read_back_only_with_its_own_stamp(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    stamp = content_stamp(paths, seated_only=False)
    write_home_cache(paths.home_cache, stamp, HOME)
    assert read_home_cache(paths.home_cache, stamp) == HOME
    assert read_home_cache(paths.home_cache, content_stamp(paths, seated_only=True)) is None
    assert stat.S_IMODE(paths.home_cache.stat().st_mode) == 0o600
    assert not paths.home_cache.with_name("home-screen.toml.new").exists()


def test_a_missing_or_damaged_cache_is_no_cache(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    stamp = content_stamp(paths, seated_only=False)
    assert read_home_cache(paths.home_cache, stamp) is None
    paths.home_cache.parent.mkdir()
    damaged = (b"", b"\xff\xfe not toml", b"[1, 2]", b'{"stamp": 1}', b"{" * 5000)
    for damage in (*damaged, b"a = " + b"[" * 5000, b"stamp = 1\nhome = 2", b'home = "x"'):
        paths.home_cache.write_bytes(damage)
        assert read_home_cache(paths.home_cache, stamp) is None


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    write_home_cache(blocked / "home-screen.toml", [], HOME)  # no exception, nothing written
    assert blocked.read_text() == ""
