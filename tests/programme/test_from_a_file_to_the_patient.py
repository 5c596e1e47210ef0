"""Issue 26 item 4: from a physiotherapist's routine file to the patient in one command.

`export --handout` and `export --programme` take a routine file's path as well as an id (its
pictures found beside it); `import FILE.toml` adds the routine with its pictures, or says in
one line what to do.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from tests.programme.conftest import PNG


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_export_handout_takes_a_routine_file_with_its_pictures(
    programme_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "h.pdf"
    data = ["--data-dir", str(tmp_path / "data")]
    status, out, err = run([*data, "export", "--handout", str(programme_file), str(target)], capsys)
    assert status == 0, err
    assert out.startswith(f"Wrote {target}: My physio programme")
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Sit to stand" in text and "Tandem stance" in text


def test_export_programme_takes_a_routine_file_and_packs_its_pictures(
    programme_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "physio.neuroguide"
    data = ["--data-dir", str(tmp_path / "data")]
    status, _out, err = run(
        [*data, "export", "--programme", str(programme_file), str(shared)], capsys
    )
    assert status == 0, err
    with zipfile.ZipFile(shared) as archive:
        assert archive.read("pictures/sit-to-stand.png") == PNG


def test_import_adds_a_routine_file_with_its_pictures(
    programme_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    status, out, err = run([*data, "import", str(programme_file)], capsys)
    assert status == 0, err
    assert "My physio programme (3 steps)" in out and "Added 'physio-programme'" in out
    pictures = list((tmp_path / "data").rglob("*.png"))
    assert [p.read_bytes() for p in pictures] == [PNG]
    status, out, err = run([*data, "routines"], capsys)
    assert "physio-programme" in out and err == ""
    status, out, err = run([*data, "play", "--dry-run", "physio-programme"], capsys)
    assert status == 0 and "Sit to stand" in out


def test_import_of_a_routine_file_with_a_mistake_says_the_line_and_what_to_do(
    programme_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    programme_file.write_text(programme_file.read_text().replace("reps = 10\n", "repz = 10\n", 1))
    data = ["--data-dir", str(tmp_path / "data")]
    status, _out, err = run([*data, "import", str(programme_file)], capsys)
    lines = err.strip().splitlines()
    assert status == 1 and "repz" in err and "Traceback" not in err
    assert lines[-1].startswith("Nothing was added. Fix the lines named")
    assert not (tmp_path / "data" / "routines").exists() or not any(
        (tmp_path / "data" / "routines").iterdir()
    )


def test_import_of_something_else_says_what_import_takes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "notes.txt"
    odd.write_text("hello")
    status, _out, err = run(["--data-dir", str(tmp_path / "data"), "import", str(odd)], capsys)
    assert status == 1
    assert err.strip().splitlines()[-1].startswith("Nothing was added. `neuroguide import` takes")


def test_export_of_an_unknown_routine_says_a_file_path_works_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = run(
        ["--data-dir", str(tmp_path), "export", "--handout", "mrs-patel", str(tmp_path / "h.pdf")],
        capsys,
    )
    assert status == 2 and "give a routine file's path" in err
