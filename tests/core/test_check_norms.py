"""Norm lookup at every age and sex boundary, and the comparison sentences."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date

import pytest

from neuroguide.core import check_norms
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
    EndReason,
    Sex,
    balance_result,
    chair_stand_result,
    not_completed,
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
    assert "higher risk of falls" in compare(lost, None, None).text


def test_an_old_balance_row_with_support_is_not_compared() -> None:
    old = replace(balance_result([10, 10, 10, 4]), support_used=True)
    assert compare(old, None, None).standing is Standing.NO_NORM


def test_sit_to_stand_compares_with_the_13_6_second_cut_off_and_the_age_norms() -> None:
    # Deshpande et al. 2013: more than 13.6 s predicted mobility disability.
    assert compare(sit_to_stand_result(13.6), None, None).standing is Standing.AT_OR_ABOVE
    assert compare(sit_to_stand_result(13.7), None, None).standing is Standing.BELOW
    arms = compare(sit_to_stand_result(None, arms_used=True), None, None)
    assert arms.standing is Standing.BELOW
    assert "arms" in arms.text
    # Bohannon 2006: slower than average above 11.4 s (60-69), 12.6 s (70-79), 14.8 s (80-89).
    assert "slower than the average of 11.4 s" in compare(sit_to_stand_result(11.5), 65, None).text
    assert "within the average of 12.6 s" in compare(sit_to_stand_result(12.6), 79, None).text
    assert "14.8" in compare(sit_to_stand_result(14.0), 80, None).text
    assert "Bohannon" not in compare(sit_to_stand_result(14.0), 59, None).text


def test_a_check_stopped_for_safety_is_never_compared() -> None:
    comparison = compare(stopped_unsteady(CheckId.CHAIR_STAND), 70, Sex.FEMALE)
    assert comparison.standing is Standing.NO_NORM
    assert "unsteady" in comparison.text


def test_a_sit_to_stand_not_completed_is_never_a_time() -> None:
    result = not_completed(CheckId.SIT_TO_STAND, EndReason.NO_MARK)
    assert result.value() is None and result.seconds is None
    comparison = compare(result, 70, Sex.FEMALE)
    assert comparison.standing is Standing.NO_NORM
    assert "Not completed" in comparison.text


def test_real_change_uses_the_published_detectable_change_of_each_check() -> None:
    assert real_change(CheckId.CHAIR_STAND, 10, 13)  # 2.5 stands, Ho-Henriksson et al. 2024
    assert real_change(CheckId.CHAIR_STAND, 12.5, 10)
    assert not real_change(CheckId.CHAIR_STAND, 10, 12)
    assert real_change(CheckId.SIT_TO_STAND, 14.0, 11.5)  # 2.5 s, Goldberg et al. 2012
    assert not real_change(CheckId.SIT_TO_STAND, 14.0, 11.6)
    assert not real_change(CheckId.BALANCE, 1, 4)  # no published figure


# Each figure of check_norms.py, typed here by hand from the paper it cites, so a slip in the
# data cannot also slip into the test.
PAPERS: dict[str, tuple[str, int, object]] = {
    # CDC STEADI (2017) 30-Second Chair Stand, below-average scores (from Rikli & Jones 1999).
    "CHAIR_STAND_BELOW_AVERAGE": (
        "Centers for Disease Control",
        2017,
        (
            (60, 64, 14, 12),
            (65, 69, 12, 11),
            (70, 74, 12, 10),
            (75, 79, 11, 10),
            (80, 84, 10, 9),
            (85, 89, 8, 8),
            (90, 94, 7, 4),
        ),
    ),
    # Ho-Henriksson et al. 2024, Eur J Physiother: MDC 2.5 stands between two self-tests.
    "CHAIR_STAND_REAL_CHANGE": ("Ho-Henriksson", 2024, 2.5),
    "HOME_TEST_RELIABILITY": (
        "Ho-Henriksson",
        2024,
        {
            "self_vs_self_icc": 0.97,
            "self_vs_self_mdc": 2.5,
            "self_vs_physio_icc": 0.81,
            "self_vs_physio_sem": 2.29,
            "self_vs_physio_mdc": 6.4,
        },
    ),
    # Deshpande et al. 2013, Arch Phys Med Rehabil 94:994-7: > 13.6 s.
    "SIT_TO_STAND_SLOW": ("Deshpande", 2013, 13.6),
    # Bohannon 2006, Percept Mot Skills: 11.4 s (60-69), 12.6 s (70-79), 14.8 s (80-89).
    "SIT_TO_STAND_AGE_NORMS": ("Bohannon", 2006, ((60, 69, 11.4), (70, 79, 12.6), (80, 89, 14.8))),
    # Goldberg et al. 2012, Aging Clin Exp Res: MDC 2.5 s.
    "SIT_TO_STAND_REAL_CHANGE": ("Goldberg", 2012, 2.5),
    # CDC STEADI (2017) 4-Stage Balance Test: the tandem (heel-to-toe) stance, position 3.
    "BALANCE_KEY_STANCE": ("Centers for Disease Control", 2017, 3),
}


@pytest.mark.parametrize("name", sorted(PAPERS))
def test_every_figure_matches_the_table_of_the_paper_it_cites(name: str) -> None:
    author, year, table = PAPERS[name]
    assert getattr(check_norms, name) == table, name
    cited = check_norms.FIGURE_SOURCES[name]
    assert any(author in s.authors and s.year == year for s in cited), (name, cited)


def test_every_figure_of_the_module_is_checked_here() -> None:
    prefixes = ("CHAIR", "SIT", "BAL", "HOME")
    figures = {
        name
        for name in dir(check_norms)
        if name.isupper() and name.startswith(prefixes) and not name.endswith("_WORDS")
    }
    assert figures == set(PAPERS) == set(check_norms.FIGURE_SOURCES)


def all_sources() -> list[check_norms.Source]:
    found = [s for sources in check_norms.FIGURE_SOURCES.values() for s in sources]
    found += [s for sources in check_norms.CHECK_SOURCES.values() for s in sources]
    return found


@pytest.mark.parametrize("source", all_sources(), ids=lambda s: s.short())
def test_every_source_names_authors_year_journal_and_population(
    source: check_norms.Source,
) -> None:
    assert re.search(r"[A-Z][a-z]+", source.authors), source
    assert 1990 <= source.year <= 2026, source
    assert source.journal and source.population and source.title, source
    assert str(source.year) in source.cite() and source.authors in source.cite()


@pytest.mark.parametrize("check", list(CheckId))
def test_each_check_cites_every_source_of_its_figures(check: CheckId) -> None:
    lines = check_norms.citations(check)
    assert lines and all(re.search(r"\(\d{4}\)", line) for line in lines)
    assert check_norms.SOURCES[check]


def test_the_home_testing_claim_says_what_the_study_found() -> None:
    words = check_norms.HOME_TEST_WORDS
    for figure in ("0.97", "2.5 stands", "0.81", "2.29", "6.4 stands", "knee osteoarthritis"):
        assert figure in words
    assert "neurological" in words and "excluded" in words


def test_each_result_in_words() -> None:
    from neuroguide.core.check_progress import ProgressPoint, change_text, describe

    assert describe(balance_result([3.5])) == (
        "no position held without support (position 1, feet together: feet moved or held on "
        "at 3.5 s)"
    )
    assert describe(balance_result([10, 10, 10, 10])).startswith(
        "last held without support: position 4 of 4, one foot"
    )
    older = replace(balance_result([10, 10, 10, 4]), support_used=True)
    assert "support used" in describe(older)
    assert describe(not_completed(CheckId.SIT_TO_STAND, EndReason.STOPPED)) == (
        "not completed (stopped after Go)"
    )
    assert "no mark" in describe(not_completed(CheckId.SIT_TO_STAND, EndReason.NO_MARK))
    assert describe(sit_to_stand_result(None, arms_used=True)) == "not completed (arms needed)"
    faster = ProgressPoint(date(2026, 3, 1), sit_to_stand_result(11.0), "", compare(
        sit_to_stand_result(11.0), None, None), None, -2.6, True)  # fmt: skip
    assert change_text(faster) == "-2.6 s, a real change"
    steadier = ProgressPoint(date(2026, 3, 1), balance_result([10, 4]), "", compare(
        balance_result([10, 4]), None, None), None, 1.0, False)  # fmt: skip
    assert change_text(steadier) == "+1 position"
