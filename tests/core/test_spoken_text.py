"""Short forms a person writes are said as meant (issue 24, item 5)."""

from __future__ import annotations

import pytest

from neuroguide.core.cue_words import as_sentence
from neuroguide.core.spoken_text import spoken


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Hold 15 s", "Hold 15 seconds"),
        ("Hold 1 s", "Hold 1 second"),
        ("Do 10-12 reps", "Do 10 to 12 reps"),
        ("Rest 30–60 sec between sets", "Rest 30 to 60 seconds between sets"),
        ("3x a day", "3 times a day"),
        ("2 x 10", "2 times 10"),
        ("Walk at 4 km/h for 20 min", "Walk at 4 kilometres an hour for 20 minutes"),
        ("Lift 5 lbs", "Lift 5 pounds"),
        ("Hold 1 min", "Hold 1 minute"),
        ("Aim for 50% effort", "Aim for 50 percent effort"),
        ("Sit-to-stand, slowly", "Sit-to-stand, slowly"),
        ("Keep a 5-second pause", "Keep a 5-second pause"),
        ("Stand tall", "Stand tall"),
    ],
)
def test_short_forms_are_spelt_out(written: str, said: str) -> None:
    assert spoken(written) == said


def test_steps_notes_and_safety_lines_are_said_as_meant() -> None:
    assert as_sentence("Hold 15 s, 3x") == "Hold 15 seconds, 3 times."
