"""Issue 26, item 1: the wheelchair words and the foot check are said, not only shown.

A wheelchair user following by ear hears how to do each seated exercise from the chair
(brakes, footrests) the first time it comes in a session; every session on the feet or the
pedals ends with the foot check; arm circles say when to change direction.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from neuroguide.cli.parser import main
from neuroguide.core.cue_words import FOOT_CHECK
from neuroguide.core.library import Library
from neuroguide.core.routine_file import RoutineCatalog
from neuroguide.core.speech_plan import dry_run, plan_speech
from neuroguide.core.wheelchair import for_wheelchair


def dry_run_lines(
    tmp_path: Path, routine: str, capsys: pytest.CaptureFixture[str], settings: str = ""
) -> list[str]:
    (tmp_path / "settings.toml").write_text(settings, encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "play", "--dry-run", routine]) == 0
    return capsys.readouterr().out.splitlines()


def test_a_wheelchair_user_hears_the_brakes_and_footrest_words_of_each_seated_exercise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], library: Library
) -> None:
    lines = dry_run_lines(tmp_path, "seated", capsys, "seated_only = true\nwheelchair = true\n")
    said = " ".join(line.split("  say   ", 1)[1] for line in lines if "  say   " in line)
    seated = {e.id for e in library.exercises.values() if e.wheelchair}
    heard = 0
    for exercise in library.exercises.values():
        if exercise.id in seated and exercise.name in said:
            first = exercise.wheelchair.split(". ")[0]
            assert first in said, exercise.id
            heard += 1
    assert heard >= 8
    assert said.lower().count("brakes") >= 8 and "footrest" in said.lower()


def test_without_the_setting_the_wheelchair_words_stay_on_screen_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = dry_run_lines(tmp_path, "seated", capsys, "seated_only = true\n")
    assert not any("brakes" in line for line in lines if "  say   " in line)


def test_the_wheelchair_words_are_said_once_per_exercise_in_a_session(
    catalog: RoutineCatalog,
) -> None:
    routine = for_wheelchair(catalog.routines["seated"])
    script = dry_run(plan_speech(routine, minimum=5))
    said = [u.text for u, _ in script.said]
    arm_circles = routine.steps[0].exercise.wheelchair.split(". ")[-1]
    assert arm_circles == "Lift your arms clear of the armrests and the wheels."
    assert said.count(arm_circles) == 1


@pytest.mark.parametrize("routine", ["walk-or-ride", "ride", "stretch-break", "balance"])
def test_a_session_on_the_feet_or_the_pedals_ends_with_the_foot_check(
    routine: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = dry_run_lines(tmp_path, routine, capsys)
    last_said = [line.split("  say   ", 1)[1] for line in lines if "  say   " in line][-2:]
    assert " ".join(text.rsplit("  (", 1)[0] for text in last_said) == FOOT_CHECK


def test_a_seated_routine_does_not_end_with_the_foot_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = dry_run_lines(tmp_path, "strength-arms", capsys)
    assert not any("shoes and socks" in line for line in lines)


def test_arm_circles_say_when_to_circle_backward(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = dry_run_lines(tmp_path, "strength-arms", capsys)
    assert any("say   Halfway. Now circle backward." in line for line in lines)
