"""Routine files from a careless world: pipes, links, devices, huge numbers, odd names.

Each ends in one located line and the good files still load; nothing hangs, nothing crashes.
The commands run as a person runs them (a real process with a UTF-8 terminal encoding), since
a name that is not UTF-8 only fails when it is printed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from neuroguide.content.loader import Content
from neuroguide.paths import Paths

GOOD = 'id = "mine"\nname = "Mine"\n[[steps]]\nexercise = "walk"\nduration = 60\n'
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files and links")


def neuroguide(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}
    command = [sys.executable, "-m", "neuroguide", "--data-dir", str(data_dir), *args]
    return subprocess.run(
        command, env=environ, input=stdin, capture_output=True, text=True, timeout=60, cwd=data_dir
    )


@pytest.fixture
def routines(tmp_path: Path) -> Path:
    folder = tmp_path / "routines"
    folder.mkdir()
    (folder / "mine.toml").write_text(GOOD)
    return folder


@posix_only
@pytest.mark.timeout(30)
def test_a_named_pipe_is_refused_without_waiting(routines: Path, tmp_path: Path) -> None:
    os.mkfifo(routines / "pipe.toml")
    result = neuroguide(tmp_path, "routines")
    assert result.returncode == 0
    assert "mine" in result.stdout
    assert "pipe.toml: this is a named pipe, not a file" in result.stderr


@posix_only
@pytest.mark.timeout(30)
def test_a_link_out_of_the_folder_is_not_followed(routines: Path, tmp_path: Path) -> None:
    (routines / "zero.toml").symlink_to("/dev/zero")
    outside = tmp_path / "elsewhere.toml"
    outside.write_text(GOOD.replace("mine", "other"))
    (routines / "out.toml").symlink_to(outside)
    inside = routines / "shared"
    inside.mkdir()
    (inside / "x.toml").write_text(GOOD.replace("mine", "linked"))
    (routines / "linked.toml").symlink_to(inside / "x.toml")
    result = neuroguide(tmp_path, "routines")
    assert result.returncode == 0
    assert "zero.toml: a link to /dev/zero, outside its folder, was not followed" in result.stderr
    assert "out.toml: a link to" in result.stderr
    assert "linked" in result.stdout and "other" not in result.stdout


@posix_only
@pytest.mark.timeout(30)
def test_links_in_a_loop_or_to_nowhere_are_one_line_each(routines: Path, tmp_path: Path) -> None:
    (routines / "loop.toml").symlink_to("loop.toml")
    (routines / "a.toml").symlink_to("b.toml")
    (routines / "b.toml").symlink_to("a.toml")
    (routines / "dangling.toml").symlink_to("nowhere.toml")
    result = neuroguide(tmp_path, "routines")
    assert result.returncode == 0 and "mine" in result.stdout
    problems = result.stderr.splitlines()
    assert len(problems) == 4, result.stderr
    assert "loop.toml: cannot read: Too many levels of symbolic links" in result.stderr
    assert "dangling.toml: cannot read: No such file or directory" in result.stderr


@posix_only
@pytest.mark.timeout(30)
def test_a_device_named_on_the_command_line_is_refused(tmp_path: Path) -> None:
    result = neuroguide(tmp_path, "check", "/dev/zero")
    assert result.returncode == 1
    assert (
        result.stdout.strip()
        == "/dev/zero: this is a device, not a file; only plain text files are read"
    )


def test_read_limited_stops_at_its_limit_even_when_the_file_grows(tmp_path: Path) -> None:
    from neuroguide.core.toml_source import read_limited

    path = tmp_path / "big.toml"
    path.write_bytes(b"#" * 101)
    data, problem = read_limited(path, "big.toml", limit=100)
    assert data is None and str(problem) == "big.toml: the file is 101 bytes; the most is 100 bytes"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("9" * 5000, "r.toml:5: a number with 5,000 digits; numbers here have at most 12 digits"),
        ("9" * 20, "r.toml:5: step 1: 'duration' is a number with 20 digits; the most is"),
        ("-" + "9" * 20, "r.toml:5: step 1: 'duration' is a number with 20 digits; it must be"),
    ],
)
def test_a_huge_whole_number_is_a_located_message(
    tmp_path: Path, value: str, expected: str
) -> None:
    path = tmp_path / "r.toml"
    path.write_text(GOOD.replace("duration = 60", f"duration = {value}"))
    result = neuroguide(tmp_path, "check", "r.toml")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(expected)
    assert len(result.stdout) < 200 and result.stderr == ""


def test_a_byte_order_mark_gets_a_hint(tmp_path: Path) -> None:
    (tmp_path / "bom.toml").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    result = neuroguide(tmp_path, "check", "bom.toml")
    assert result.returncode == 1
    assert result.stdout.strip() == (
        "bom.toml:1: the file was saved with a byte-order mark (BOM); "
        "save it as plain UTF-8 without one"
    )


@posix_only
@pytest.mark.parametrize(
    ("name", "shown"),
    [(b"bad\xffname.toml", "bad\\xffname.toml"), (b"two\nlines.toml", "two\\nlines.toml")],
)
def test_odd_file_names_are_printed_on_one_line(
    routines: Path, tmp_path: Path, name: bytes, shown: str
) -> None:
    path = os.path.join(os.fsencode(routines), name)
    with open(path, "wb") as file:
        file.write(b"id = [\n")
    listed = neuroguide(tmp_path, "routines")
    assert listed.returncode == 0 and "mine" in listed.stdout
    assert f"{shown}:2: not valid TOML" in listed.stderr.replace(":1:", ":2:")
    checked = neuroguide(tmp_path, "check", os.fsdecode(path))
    assert checked.returncode == 1 and checked.stderr == ""
    assert len(checked.stdout.splitlines()) == 1 and shown in checked.stdout
    played = neuroguide(tmp_path, "play", os.fsdecode(path), "--no-voice")
    assert played.returncode == 1 and len(played.stderr.splitlines()) == 1
    assert shown in played.stderr


def test_terminal_codes_in_names_and_keys_are_never_printed_raw(tmp_path: Path) -> None:
    (tmp_path / "esc.toml").write_text(
        GOOD.replace('"Mine"', '"\\u001b[2JMine"') + '"\\u001b[31mred" = 1\n'
    )
    (tmp_path / "nl.toml").write_text(GOOD.replace('"Mine"', '"Mine\\nfake row"'))
    result = neuroguide(tmp_path, "check", "esc.toml", "nl.toml")
    assert result.returncode == 1
    assert "\x1b" not in result.stdout
    assert "esc.toml:2: 'name' holds a line break or a control code" in result.stdout
    assert "unknown key '\\x1b[31mred'" in result.stdout
    assert "nl.toml:2: 'name' holds a line break or a control code" in result.stdout
    assert len(result.stdout.splitlines()) == 3


@pytest.mark.timeout(60)  # a guard against the old quadratic check (112 s), not a speed target
def test_ten_thousand_unknown_keys_are_checked_at_once_and_summarised(tmp_path: Path) -> None:
    keys = "".join(f"unknown_{i} = {i}\n" for i in range(10_000))
    (tmp_path / "many.toml").write_text(GOOD.replace("[[steps]]", keys + "[[steps]]"))
    result = neuroguide(tmp_path, "check", "many.toml")
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert lines[0] == "many.toml:3: unknown key 'unknown_0'"
    assert lines[-1] == "many.toml: 9,980 more problems like these; fix the ones above first"
    assert len(lines) == 21


@posix_only
@pytest.mark.timeout(30)
def test_importing_a_named_pipe_in_the_window_is_refused_without_waiting(
    app_paths: Paths, content: Content, tmp_path: Path
) -> None:
    from neuroguide.content.routines import RoutineFiles

    pipe = tmp_path / "shared.toml"
    os.mkfifo(pipe)
    result = RoutineFiles(app_paths, content).import_file(pipe)
    assert result.routine is None
    assert result.messages == [
        f"{pipe}: this is a named pipe, not a file; only plain text files are read"
    ]
