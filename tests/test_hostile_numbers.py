"""Whole numbers far past Python's 4,300-digit limit, in every base TOML allows (decimal,
0x, 0o, 0b), in every numeric field a person can write: routine steps, schedules, own
exercises, every whole-number setting, and inside a .neuroguide file. Each is one located
message; nothing crashes and nothing else stops working."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.core.dose_check import DOSE_KEYS
from neuroguide.settings import DEFAULTS, RANGES, load_settings

HUGE = {
    "decimal": "9" * 5000,
    "hex": "0x" + "f" * 4000,  # 4,817 decimal digits
    "octal": "0o" + "7" * 5000,  # 4,516 decimal digits
    "binary": "0b" + "1" * 15000,  # 4,516 decimal digits
}
BASES = pytest.mark.parametrize("number", HUGE.values(), ids=HUGE.keys())
SAID = "numbers here have at most 12 digits"

STEP = 'id = "mine"\nname = "Mine"\n[[steps]]\nexercise = "walk"\n{key} = {number}\n'
SCHEDULE = STEP.format(key="duration", number=60) + "[schedule]\n{key} = {number}\n"
OWN = (
    '[[exercises]]\nid = "heel-walk"\nname = "Heel walk"\ncategory = "balance"\n'
    'position = "standing"\nsteps = ["Walk on your heels.", "Turn round."]\n{line}\n'
)


def _check(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / "r.toml"
    path.write_text(text)
    status = main(["--data-dir", str(tmp_path / "data"), "check", str(path)])
    captured = capsys.readouterr()
    assert status == 1
    said = captured.out + captured.err
    assert SAID in said and len(said) < 400, said[:400]
    return said


@BASES
@pytest.mark.parametrize("key", [*DOSE_KEYS, "setup"])
def test_a_huge_number_in_a_routine_step_is_one_located_line(
    tmp_path: Path, key: str, number: str, capsys: pytest.CaptureFixture[str]
) -> None:
    said = _check(tmp_path, STEP.format(key=key, number=number), capsys)
    assert "r.toml:5:" in said


@BASES
def test_a_huge_number_in_a_routines_get_ready_is_one_located_line(
    tmp_path: Path, number: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = f"get_ready = {number}\n" + STEP.format(key="duration", number=60)
    said = _check(tmp_path, text, capsys)
    assert "r.toml:1:" in said


@BASES
@pytest.mark.parametrize("key", ["days_a_week", "times_a_day", "weeks"])
def test_a_huge_number_in_a_schedule_is_one_located_line(
    tmp_path: Path, key: str, number: str, capsys: pytest.CaptureFixture[str]
) -> None:
    said = _check(tmp_path, SCHEDULE.format(key=key, number=number), capsys)
    assert "r.toml:7:" in said


@BASES
@pytest.mark.parametrize(
    "line", ["key_step = {n}", *(f"dose = {{{{ {key} = {{n}} }}}}" for key in DOSE_KEYS)]
)
def test_a_huge_number_in_an_own_exercise_is_one_located_line(
    tmp_path: Path, line: str, number: str, capsys: pytest.CaptureFixture[str]
) -> None:
    said = _check(tmp_path, OWN.format(line=line.format(n=number)), capsys)
    assert "r.toml:7:" in said


@BASES
@pytest.mark.parametrize("key", sorted(RANGES))
def test_a_huge_number_in_any_whole_number_setting_falls_back_with_one_line(
    tmp_path: Path, key: str, number: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f"voice = false\n{key} = {number}\n")
    settings, messages = load_settings(path)
    assert settings == DEFAULTS
    [message] = messages
    assert "line 2" in message and SAID in message and len(message) < 400


@BASES
def test_a_huge_number_inside_a_programme_file_is_refused_before_anything_is_added(
    tmp_path: Path, number: str, capsys: pytest.CaptureFixture[str]
) -> None:
    programme = tmp_path / "shared.neuroguide"
    with zipfile.ZipFile(programme, "w") as archive:
        archive.writestr("routine.toml", STEP.format(key="duration", number=number))
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(programme)]) == 1
    said = capsys.readouterr().err
    assert SAID in said and "Nothing was added." in said and len(said) < 600
    assert not (data / "routines").exists() or list((data / "routines").iterdir()) == []


@BASES
def test_one_huge_number_in_the_routines_folder_stops_nothing_else(
    tmp_path: Path, number: str, capsys: pytest.CaptureFixture[str]
) -> None:
    routines = tmp_path / "data" / "routines"
    routines.mkdir(parents=True)
    (routines / "bad.toml").write_text(STEP.format(key="duration", number=number))
    (routines / "good.toml").write_text(
        STEP.format(key="duration", number=60).replace("mine", "good")
    )
    assert main(["--data-dir", str(tmp_path / "data"), "routines"]) == 0
    captured = capsys.readouterr()
    assert "good" in captured.out and SAID in captured.err
