"""The one writer: whole or nothing, 0600, never onto our own files, pipes, devices or
folders, and every failure a sentence."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from neuroguide.core.numbers import digit_count, long_number, long_number_sentence
from neuroguide.core.private_files import (
    OwnFiles,
    WriteRefusedError,
    check_target,
    make_private_dir,
    private_output,
    write_private,
    write_reason,
)


def test_write_private_writes_whole_and_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "new" / "file.txt"
    write_private(target, b"hello")
    write_private(target, lambda out: out.write(b"again"))
    assert target.read_bytes() == b"again"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in target.parent.iterdir()) == ["file.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), private_output(target):
        raise RuntimeError("the writer broke")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.txt"]


def test_own_files_and_folders_are_refused_by_what_they_are(tmp_path: Path) -> None:
    own = OwnFiles(
        files=((tmp_path / "history.sqlite3", "your history"),),
        folders=((tmp_path / "backups", "a backup of your history"),),
    )
    with pytest.raises(WriteRefusedError, match="your history"):
        check_target(tmp_path / "history.sqlite3", own)
    with pytest.raises(WriteRefusedError, match="a backup"):
        check_target(tmp_path / "backups" / "deep" / "x.csv", own)
    check_target(tmp_path / "elsewhere.csv", own)  # not ours: fine


def test_folders_sockets_and_too_long_names_are_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteRefusedError, match="folder"):
        check_target(tmp_path)
    with pytest.raises(OSError, match="too long"):
        check_target(tmp_path / ("x" * 300))
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere" / "x.csv")
    check_target(dangling)  # the write itself will say what is wrong


def test_a_file_where_a_folder_should_be_is_said(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OSError):
        make_private_dir(tmp_path / "file")


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EDQUOT, "the disk is full"),
        (errno.EFBIG, "larger than this disk"),
        (errno.ENAMETOOLONG, "too long"),
        (errno.EACCES, "Permission denied"),
    ],
)
def test_write_reasons_are_words(number: int, words: str) -> None:
    assert words in write_reason(OSError(number, os.strerror(number)))


def test_a_number_is_measured_without_its_text() -> None:
    assert digit_count(-12345) == 5
    assert digit_count(16**4000 - 1) == 4817
    assert long_number("a = 1\nb = " + "1" * 1001) == (
        2,
        "a number with 1,001 digits; numbers here have at most 12 digits",
    )
    assert long_number('a = "0x' + "f" * 2000 + '"') is None  # text in quotes is text
    assert "in hexadecimal" in long_number_sentence("0x" + "f" * 2000)
    assert "characters;" in long_number_sentence("1e" + "9" * 2000)


def test_pipes_devices_databases_and_loops(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(WriteRefusedError, match="named pipe"):
        check_target(tmp_path / "pipe")
    (tmp_path / "null").symlink_to(os.devnull)
    with pytest.raises(WriteRefusedError, match="device"):
        check_target(tmp_path / "null")
    (tmp_path / "db").write_bytes(b"SQLite format 3\x00" + bytes(100))
    with pytest.raises(WriteRefusedError, match="database"):
        check_target(tmp_path / "db")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    check_target(tmp_path / "loop")  # the write itself says what is wrong


def test_problems_are_the_first_twenty_and_a_count() -> None:
    from neuroguide.core.problems import capped, shown, unknown_keys

    assert capped(list(range(21))) == list(range(21))
    assert capped(list(range(30)))[-1] == "10 more problems like these; fix the ones above first"
    assert unknown_keys(["a", "x", "b"], {"a", "b"}) == (["x"], 0)
    assert shown("a" * 130) == "a" * 120 + "… (10 more characters)"
