"""Norm lookup at every age and sex boundary, and the comparison sentences."""

from __future__ import annotations

import itertools

import pytest

from neuroguide.core.check_norms import (
    CHAIR_STAND_BELOW_AVERAGE,
    Standing,
    age_in,
    chair_stand_cutoff,
    compare,
    norm_line,
    real_change,
)
from neuroguide.core.checks import (
    CheckId,
    Sex,
    balance_result,
    chair_stand_result,
    sit_to_stand_result,
    stopped_unsteady,
)

# (age, men cut-off, women cut-off), written out by hand from the published table so a slip
# in the data table cannot also slip into the test.
BOUNDARIES = [
    (59, None, None),
    (60, 14, 12),
    (64, 14, 12),
    (65, 12, 11),
    (69, 12, 11),
    (70, 12, 10),
    (74, 12, 10),
    (75, 11, 10),
    (79, 11, 10),
    (80, 10, 9),
    (84, 10, 9),
    (85, 8, 8),
    (89, 8, 8),
    (90, 7, 4),
    (94, 7, 4),
    (95, None, None),
]


@pytest.mark.parametrize(("age", "men", "women"), BOUNDARIES)
def test_chair_stand_cutoff_at_every_boundary(age: int, men: int | None, women: int | None) -> None:
    assert chair_stand_cutoff(age, Sex.MALE) == men
    assert chair_stand_cutoff(age, Sex.FEMALE) == women


@pytest.mark.parametrize(("age", "men", "women"), [b for b in BOUNDARIES if b[1] is not None])
def test_a_score_at_the_cutoff_is_average_and_one_below_is_below(
    age: int, men: int, women: int
) -> None:
    for sex, cutoff in ((Sex.MALE, men), (Sex.FEMALE, women)):
        assert compare(chair_stand_result(cutoff), age, sex).standing is Standing.AT_OR_ABOVE
        below = compare(chair_stand_result(cutoff - 1), age, sex)
        assert below.standing is Standing.BELOW
        assert below.line == cutoff


def test_the_table_has_no_gaps_or_overlaps() -> None:
    for (_, last, _, _), (first, _, _, _) in itertools.pairwise(CHAIR_STAND_BELOW_AVERAGE):
        assert first == last + 1


def test_without_age_or_sex_the_chair_stand_has_no_comparison() -> None:
    result = chair_stand_result(12)
    for age, sex in ((None, Sex.FEMALE), (70, None), (None, None)):
        comparison = compare(result, age, sex)
        assert comparison.standing is Standing.NO_NORM
        assert "year of birth or sex is not set" in comparison.text
        assert comparison.line is None
    assert norm_line(CheckId.CHAIR_STAND, None, Sex.MALE) is None


def test_outside_the_published_ages_the_text_says_so() -> None:
    comparison = compare(chair_stand_result(12), 55, Sex.MALE)
    assert comparison.standing is Standing.NO_NORM
    assert "60 to 94" in comparison.text


def test_age_is_the_year_of_the_check_minus_the_year_of_birth() -> None:
    assert age_in(2026, 1956) == 70
    assert age_in(2026, None) is None


def test_balance_compares_with_heel_to_toe() -> None:
    held = balance_result([10, 10, 10, 3.2])
    assert compare(held, None, None).standing is Standing.AT_OR_ABOVE
    lost = balance_result([10, 10, 9.9])
    assert compare(lost, None, None).standing is Standing.BELOW
    assert "higher risk of falling" in compare(lost, None, None).text


def test_sit_to_stand_compares_with_thirteen_point_six_seconds() -> None:
    assert compare(sit_to_stand_result(13.5), None, None).standing is Standing.AT_OR_ABOVE
    assert compare(sit_to_stand_result(13.6), None, None).standing is Standing.BELOW
    arms = compare(sit_to_stand_result(None, arms_used=True), None, None)
    assert arms.standing is Standing.BELOW
    assert "arms" in arms.text


def test_a_check_stopped_for_safety_is_never_compared() -> None:
    comparison = compare(stopped_unsteady(CheckId.CHAIR_STAND), 70, Sex.FEMALE)
    assert comparison.standing is Standing.NO_NORM
    assert "unsteady" in comparison.text


def test_real_change_is_two_and_a_half_stands_and_only_for_the_chair_stand() -> None:
    assert real_change(CheckId.CHAIR_STAND, 10, 13)
    assert real_change(CheckId.CHAIR_STAND, 12.5, 10)
    assert not real_change(CheckId.CHAIR_STAND, 10, 12)
    assert not real_change(CheckId.SIT_TO_STAND, 20, 10)
