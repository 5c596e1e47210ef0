"""One limit on what a whole programme unpacks to and on its pictures' pixels, checked before
anything is written; a replaced routine is replaced whatever its file is called."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.content.loader import load_content
from tests.programme.conftest import PNG, _png, exercises_with_pictures, make_paths

PICTURE = PNG + b"\0" * 4_900_000  # a valid PNG with 4.9 MB of trailing bytes; zips to ~5 KB


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


SVG = "<svg xmlns='http://www.w3.org/2000/svg' {size}><circle r='5'/></svg>"


@pytest.mark.parametrize("command", ["import", "check"])
@pytest.mark.parametrize(
    "size",
    [
        "width='100000' height='100000'",  # 10,000 million pixels declared
        "viewBox='0 0 20000 20000'",  # the same through its viewBox alone
        "width='300in' height='300in'",  # 27,000 x 27,000 pixels in inches
        "width='100%' height='100%' viewBox='0,0,9000,9000'",
    ],
)
def test_an_svg_declaring_a_huge_size_counts_its_pixels_and_is_refused_before_writing(
    tmp_path: Path, command: str, size: str, capsys: pytest.CaptureFixture[str]
) -> None:
    svg = SVG.format(size=size).encode()
    path = programme(tmp_path, {"pictures/own-0.svg": svg}, exercises_with_pictures(1, ".svg"))
    data = tmp_path / "data"
    status, said = _run(["--data-dir", str(data), command, str(path)], capsys)
    assert status == 1
    problem = said.strip().splitlines()[0]  # one line; `import` adds what it takes after it
    assert "million pixels" in problem and "own-0.svg" in problem, said
    assert not (data / "routines").exists()


@pytest.mark.parametrize(
    ("size", "why"),
    [
        ("", "does not say how large it is"),  # Qt would measure what it draws: any size
        ("width='5000'", "does not say how large it is"),
        (
            "width='&w;' height='&w;'",  # Qt expands the entity: 90,000 x 90,000
            "entity",
        ),
    ],
)
def test_an_svg_whose_size_cannot_be_read_without_drawing_it_is_refused(
    tmp_path: Path, size: str, why: str, capsys: pytest.CaptureFixture[str]
) -> None:
    svg = SVG.format(size=size)
    if "&w;" in size:
        svg = "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY w '90000'>]>" + svg
    path = programme(
        tmp_path, {"pictures/own-0.svg": svg.encode()}, exercises_with_pictures(1, ".svg")
    )
    data = tmp_path / "data"
    status, said = _run(["--data-dir", str(data), "import", str(path)], capsys)
    assert status == 1
    problem = said.strip().splitlines()[0]
    assert why in problem and "own-0.svg" in problem, said
    assert not (data / "routines").exists()


def test_an_svg_of_an_ordinary_size_is_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    svg = SVG.format(size="width='1200' height='900' viewBox='0 0 120 90'").encode()
    path = programme(tmp_path, {"pictures/own-0.svg": svg}, exercises_with_pictures(1, ".svg"))
    data = tmp_path / "data"
    status, said = _run(["--data-dir", str(data), "import", str(path)], capsys)
    assert status == 0, said
    assert (data / "routines" / "pictures" / "big" / "own-0.svg").read_bytes() == svg


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


def test_a_programme_an_import_would_refuse_is_not_shared(
    programme_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = SVG.format(size="width='100000' height='100000'")
    (programme_file.parent / "pictures" / "sit.svg").write_text(huge)
    programme_file.write_text(programme_file.read_text().replace("sit.png", "sit.svg"))
    shared = tmp_path / "physio.neuroguide"
    data = ["--data-dir", str(tmp_path / "data")]
    status, said = _run([*data, "export", "--programme", str(programme_file), str(shared)], capsys)
    assert status == 1
    assert "million pixels" in said and "Sit to stand" in said and "Traceback" not in said
    assert not shared.exists()
