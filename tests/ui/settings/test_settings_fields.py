"""The settings added for personalisation: defaults, ranges and choices, like the others."""

from __future__ import annotations

from pathlib import Path

import pytest

from neuroguide.settings import DEFAULTS, QUARTER_HOURS, load_settings, save_settings


def test_new_defaults_keep_reminders_off_and_doses_full() -> None:
    assert DEFAULTS.break_reminders is False and DEFAULTS.session_reminder is False
    assert DEFAULTS.start_gently is False and DEFAULTS.breaks_per_day == 6
    assert (DEFAULTS.break_from, DEFAULTS.break_until) == ("09:00", "18:00")
    assert len(QUARTER_HOURS) == 96 and QUARTER_HOURS[37] == "09:15"


def test_new_values_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    changed = DEFAULTS.changed(
        default_rest=30, break_reminders=True, break_from="08:30", snooze_minutes=20
    )
    save_settings(changed, path)
    assert load_settings(path) == (changed, [])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("default_rest = 601", "'default_rest' = 601 is outside 0 to 600"),
        ("breaks_per_day = 0", "'breaks_per_day' = 0 is outside 1 to 12"),
        ('session_time = "18:10"', "'session_time' = '18:10' is not one of"),
        ("snooze_minutes = 1", "'snooze_minutes' = 1 is outside 5 to 60"),
        ('start_gently = "yes"', "'start_gently' must be true or false"),
    ],
)
def test_bad_new_values_fall_back_with_a_message(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(line + "\n")
    settings, problems = load_settings(path)
    assert settings == DEFAULTS and len(problems) == 1 and message in problems[0]
