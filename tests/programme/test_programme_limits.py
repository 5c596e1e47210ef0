"""One limit on what a whole programme unpacks to and on its pictures' pixels, checked before
anything is written; a replaced routine is replaced whatever its file is called."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.content.loader import load_content
from tests.programme.conftest import PNG, _png, make_paths

PICTURE = PNG + b"\0" * 4_900_000  # a valid PNG with 4.9 MB of trailing bytes; zips to ~5 KB


def exercises_with_pictures(count: int) -> str:
    parts = ['id = "big"\nname = "Big"\n']
    for number in range(count):
        parts.append(
            f'[[exercises]]\nid = "own-{number}"\nname = "Own {number}"\ncategory = "strength"\n'
            f'position = "seated"\nsteps = ["Lift.", "Lower."]\n'
            f'picture = "pictures/own-{number}.png"\n'
        )
    for number in range(count):
        parts.append(f'[[steps]]\nexercise = "own-{number}"\nreps = 10\n')
    return "".join(parts)


def programme(tmp_path: Path, pictures: dict[str, bytes], text: str) -> Path:
    path = tmp_path / "big.neuroguide"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("routine.toml", text)
        for name, data in pictures.items():
            archive.writestr(name, data)
    return path


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.mark.parametrize("command", ["import", "check"])
def test_a_programme_that_unpacks_past_the_limit_is_refused_before_anything_is_written(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    count = 7  # 7 x 4.9 MB = 34 MB of pictures in a file of a few KB
    pictures = {f"pictures/own-{n}.png": PICTURE for n in range(count)}
    path = programme(tmp_path, pictures, exercises_with_pictures(count))
    assert path.stat().st_size < 200_000
    data = tmp_path / "data"
    status, said = _run(["--data-dir", str(data), command, str(path)], capsys)
    assert status == 1
    assert "unpack to" in said and "at most 25 MB" in said
    assert not (data / "routines").exists()


def test_pictures_of_too_many_pixels_are_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = bytearray(_png())
    huge[16:24] = struct.pack(">II", 20_000, 20_000)  # declares 400 million pixels
    path = programme(tmp_path, {"pictures/own-0.png": bytes(huge)}, exercises_with_pictures(1))
    data = tmp_path / "data"
    status, said = _run(["--data-dir", str(data), "import", str(path)], capsys)
    assert status == 1 and "million pixels" in said
    assert not (data / "routines").exists()


def test_import_replace_replaces_a_routine_whose_file_name_differs_from_its_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = make_paths(tmp_path / "data")
    paths.user_routines.mkdir(parents=True)
    old = paths.user_routines / "my-old-name.toml"
    old.write_text('id = "big"\nname = "Old one"\n[[steps]]\nexercise = "walk"\nduration = 60\n')
    path = programme(tmp_path, {"pictures/own-0.png": PNG}, exercises_with_pictures(1))
    status, said = _run(
        ["--data-dir", str(paths.data_dir), "import", "--replace", str(path)], capsys
    )
    assert status == 0, said
    routine = load_content(paths).catalog.routines["big"]
    assert routine.name == "Big"
    assert [p.name for p in paths.user_routines.glob("*.toml")] == ["my-old-name.toml"]
