"""Sharing a programme as one .neuroguide file and adding it elsewhere.

Hostile programme files get a message and change nothing."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

from neuroguide.content.loader import load_content
from neuroguide.content.programme import ProgrammeError, write_programme
from neuroguide.content.routines import RoutineFiles
from neuroguide.core.routine_file import parse_routine
from tests.programme.conftest import PNG, PROGRAMME, make_paths


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def shared(programme_file: Path, tmp_path: Path) -> Path:
    content = load_content(make_paths(tmp_path / "a"))
    routine, problems = parse_routine(
        programme_file.read_bytes(), str(programme_file), content.library
    )
    assert problems == [] and routine is not None
    target = tmp_path / "physio.neuroguide"
    write_programme(routine, target)
    return target


def test_a_shared_programme_imports_on_a_clean_data_folder(shared: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(shared) as archive:
        assert sorted(archive.namelist()) == ["pictures/sit-to-stand.png", "routine.toml"]
    paths = make_paths(tmp_path / "clean")
    files = RoutineFiles(paths, load_content(paths))
    programme = files.check_programme(shared)
    assert programme.describe()[:3] == [
        "My physio programme (3 steps)",
        "Three exercises from my physiotherapist.",
        "Schedule: 3 days a week, for 6 weeks",
    ]
    routine = files.add_programme(programme)
    picture = paths.user_routines / "pictures" / "physio-programme" / "sit-to-stand.png"
    assert picture.read_bytes() == PNG
    assert [s.exercise.name for s in routine.steps] == [
        "Ankle circles",
        "Sit to stand",
        "Tandem stance at the counter",
    ]
    assert routine.steps[1].exercise.illustration == str(picture)
    assert routine.schedule is not None and routine.schedule.per_week == 3
    # Loaded again from disk, as the app does at its next start:
    again = load_content(paths).catalog.routines["physio-programme"]
    assert again.steps == routine.steps and not again.builtin


def test_a_routine_of_the_same_id_is_never_replaced_without_asking(
    shared: Path, tmp_path: Path
) -> None:
    paths = make_paths(tmp_path / "b")
    files = RoutineFiles(paths, load_content(paths))
    files.add_programme(files.check_programme(shared))
    before = snapshot(paths.data_dir)
    with pytest.raises(FileExistsError):
        files.add_programme(files.check_programme(shared))
    assert snapshot(paths.data_dir) == before
    files.add_programme(files.check_programme(shared), replace_existing=True)


def hostile(tmp_path: Path, entries: dict[str, bytes], name: str = "bad.neuroguide") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        for entry, data in entries.items():
            archive.writestr(entry, data)
    return path


def good_routine() -> bytes:
    return PROGRAMME.replace('"pictures/sit.png"', '"pictures/sit.png"').encode()


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ({"routine.toml": b"id = 'x'"}, "missing 'name'"),
        ({"other.txt": b"hello"}, "no routine.toml inside"),
        (
            {"routine.toml": PROGRAMME.encode(), "../../escape.png": PNG},
            "'../../escape.png' does not belong in a programme",
        ),
        ({"routine.toml": PROGRAMME.encode(), "/etc/cron.d/x.png": PNG}, "does not belong"),
        ({"routine.toml": PROGRAMME.encode(), "pictures/sit.png": b"<html>"}, "is not a PNG image"),
        (
            {"routine.toml": PROGRAMME.encode(), "pictures/sit.png": PNG + b"\0" * 5_000_001},
            "larger than 5 MB",
        ),
        (
            {"routine.toml": PROGRAMME.encode()},
            "picture 'pictures/sit.png' is not in the programme",
        ),
        (
            {"routine.toml": PROGRAMME.encode(), "pictures/sit.png": PNG, "pictures/x.png": PNG},
            "'pictures/x.png' is not the picture of any exercise",
        ),
        (
            {"routine.toml": PROGRAMME.replace('"ankle-circles"', '"calf-stretch"', 1).encode()},
            "a built-in exercise has this id",
        ),
        ({"routine.toml": b"\xff\xfe"}, "not UTF-8"),
    ],
)
def test_hostile_programme_files_get_a_message_and_change_nothing(
    tmp_path: Path, entries: dict[str, bytes], expected: str
) -> None:
    paths = make_paths(tmp_path / "data")
    files = RoutineFiles(paths, load_content(paths))
    before = snapshot(tmp_path)
    with pytest.raises(ProgrammeError) as caught:
        files.check_programme(hostile(tmp_path, entries))
    assert expected in str(caught.value)
    assert "Traceback" not in str(caught.value)
    del before  # the bad file itself was made after the snapshot
    assert not (paths.data_dir / "routines").exists()
    assert not (tmp_path.parent / "escape.png").exists()


def test_not_a_zip_and_a_symbolic_link_inside_are_refused(tmp_path: Path) -> None:
    paths = make_paths(tmp_path / "data")
    files = RoutineFiles(paths, load_content(paths))
    junk = tmp_path / "junk.neuroguide"
    junk.write_bytes(os.urandom(2000))
    with pytest.raises(ProgrammeError, match="not a NeuroGuide programme"):
        files.check_programme(junk)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("routine.toml", PROGRAMME)
        link = zipfile.ZipInfo("pictures/sit.png")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    linked = tmp_path / "link.neuroguide"
    linked.write_bytes(buffer.getvalue())
    with pytest.raises(ProgrammeError, match="not an ordinary file"):
        files.check_programme(linked)
    assert not (paths.data_dir / "routines").exists()


def test_a_picture_that_claims_to_be_small_but_unpacks_huge_is_refused(tmp_path: Path) -> None:
    paths = make_paths(tmp_path / "data")
    files = RoutineFiles(paths, load_content(paths))
    path = hostile(tmp_path, {"routine.toml": PROGRAMME.encode()})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pictures/sit.png", PNG + b"\0" * 6_000_000)
    data = bytearray(path.read_bytes())
    # Make the central directory lie about the unpacked size (a classic zip bomb trick).
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("pictures/sit.png")
    index = data.rfind(b"PK\x01\x02")
    assert data[index + 46 : index + 46 + len(info.filename)] == info.filename.encode()
    data[index + 24 : index + 28] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(ProgrammeError):
        files.check_programme(path)
    assert not (paths.data_dir / "routines").exists()
