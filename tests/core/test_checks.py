"""Check results: only valid ones can be built; bad input gets one clear sentence."""

from __future__ import annotations

import pytest

from neuroguide.core.check_reminder import check_suggested, next_check_due, suggestion_text
from neuroguide.core.checks import (
    CheckId,
    CheckInputError,
    CheckOutcome,
    balance_result,
    chair_stand_result,
    check_by_id,
    parse_count,
    parse_seconds,
    sit_to_stand_result,
    stopped_unsteady,
)


@pytest.mark.parametrize("count", [-1, 41, 100])
def test_a_count_outside_0_to_40_is_refused(count: int) -> None:
    with pytest.raises(CheckInputError, match="0 to 40; nothing was saved"):
        chair_stand_result(count)


@pytest.mark.parametrize("count", [0, 40])
def test_counts_at_the_ends_of_the_range_are_accepted(count: int) -> None:
    assert chair_stand_result(count).count == count


def test_needing_the_arms_scores_zero() -> None:
    result = chair_stand_result(9, arms_used=True)
    assert result.count == 0
    assert result.support_used
    assert result.value() == 0


@pytest.mark.parametrize("text", ["", "twelve", "12.5", "41", "-3"])
def test_typed_counts_that_are_not_0_to_40_get_a_message(text: str) -> None:
    with pytest.raises(CheckInputError, match="nothing was saved"):
        parse_count(text)


def test_a_typed_count_with_spaces_is_read() -> None:
    assert parse_count(" 14\n") == 14


@pytest.mark.parametrize("held", [[-0.1], [10.1], [10, 10, 10, 10, 1]])
def test_balance_times_outside_0_to_10_seconds_or_too_many_are_refused(
    held: list[float],
) -> None:
    with pytest.raises(CheckInputError, match="nothing was saved"):
        balance_result(held)


def test_balance_stops_at_the_first_stance_not_held() -> None:
    with pytest.raises(CheckInputError, match="Position 2 was not held"):
        balance_result([10, 4, 10])
    result = balance_result([10, 10, 6.04])
    assert result.stances == (10, 10, 6.0)
    assert result.stances_held == 2 == result.last_held
    assert not result.support_used  # a stance that needed support is simply not held


def test_sit_to_stand_needs_a_time_unless_the_arms_were_used() -> None:
    with pytest.raises(CheckInputError):
        sit_to_stand_result(None)
    with pytest.raises(CheckInputError):
        sit_to_stand_result(0)
    assert sit_to_stand_result(None, arms_used=True).value() is None
    assert sit_to_stand_result(11.04).seconds == 11.0


def test_parse_seconds_names_what_is_wanted() -> None:
    assert parse_seconds("7,5", what="the time held", low=0, high=10) == 7.5
    with pytest.raises(CheckInputError, match="The time held must be from 0 to 10"):
        parse_seconds("11", what="the time held", low=0, high=10)
    with pytest.raises(CheckInputError, match="as a number of seconds"):
        parse_seconds("abc", what="the time held", low=0, high=10)


def test_a_check_stopped_for_safety_has_no_score() -> None:
    result = stopped_unsteady(CheckId.BALANCE)
    assert result.outcome is CheckOutcome.UNSTEADY
    assert result.value() is None


def test_check_ids() -> None:
    assert check_by_id("chair-stand") is CheckId.CHAIR_STAND
    assert check_by_id("balance-4-stage") is CheckId.BALANCE
    assert check_by_id("sit-to-stand-5") is CheckId.SIT_TO_STAND
    assert check_by_id("stretch-break") is None


def test_a_check_is_suggested_every_four_weeks_but_never_mid_session() -> None:
    from datetime import date

    last = date(2026, 1, 1)
    assert next_check_due(last, date(2026, 1, 5)) == date(2026, 1, 29)
    assert not check_suggested(last, date(2026, 1, 28), in_session=False)
    assert check_suggested(last, date(2026, 1, 29), in_session=False)
    assert not check_suggested(last, date(2026, 3, 1), in_session=True)
    assert check_suggested(None, date(2026, 1, 1), in_session=False)
    assert "4 weeks ago" in suggestion_text(last, date(2026, 1, 29))
    assert "2026-01-29" in suggestion_text(last, date(2026, 1, 10))
