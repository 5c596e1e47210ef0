"""The published cut-offs each check is compared with, kept as data, and the comparison.

Every figure names the paper it comes from (:data:`FIGURE_SOURCES`, with authors, year,
journal and the population studied; docs/progress-checks.md); the sentences are ours. Age is
taken as the calendar year of the check minus the year of birth, since only the year is
asked; at a boundary this may place someone a year older than they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from neuroguide.core.checks import (
    STANCE_SECONDS,
    CheckId,
    CheckOutcome,
    CheckResult,
    EndReason,
    Sex,
)


@dataclass(frozen=True)
class Source:
    """A paper or form a figure comes from: who, when, where, and whom it studied."""

    authors: str
    year: int
    title: str
    journal: str
    population: str

    def cite(self) -> str:
        """One line: authors (year). Title. Journal. Population."""
        return (
            f"{self.authors} ({self.year}). {self.title}. {self.journal}. "
            f"Studied: {self.population}."
        )

    def short(self) -> str:
        """Authors and year, for a line under a figure."""
        return f"{self.authors} {self.year}"


CDC_CHAIR_STAND = Source(
    "Centers for Disease Control and Prevention (CDC), STEADI",
    2017,
    "Assessment: 30-Second Chair Stand (below-average scores table)",
    "STEADI clinical tools, CDC, Atlanta",
    "older adults aged 60 to 94; the table is from Rikli and Jones 1999",
)
RIKLI_JONES_1999 = Source(
    "Rikli R.E., Jones C.J.",
    1999,
    "Functional fitness normative scores for community-residing older adults, ages 60-94",
    "Journal of Aging and Physical Activity 7:162-181",
    "about 7,000 community-residing adults aged 60 to 94 in the United States",
)
HO_HENRIKSSON_2024 = Source(
    "Ho-Henriksson C.-M. et al.",
    2024,
    "Self-assessment using 30-second chair stand test for patients with knee "
    "osteoarthritis: an intra- and inter-rater reliability study",
    "European Journal of Physiotherapy, doi 10.1080/21679169.2024.2337419",
    "114 adults with knee osteoarthritis in Swedish primary care; people with neurological "
    "disorders affecting balance or gait were excluded",
)
CDC_BALANCE = Source(
    "Centers for Disease Control and Prevention (CDC), STEADI",
    2017,
    "Assessment: The 4-Stage Balance Test",
    "STEADI clinical tools, CDC, Atlanta",
    "older adults aged 65 and over seen in primary care",
)
GURALNIK_2000 = Source(
    "Guralnik J.M., Ferrucci L., Pieper C.F. et al.",
    2000,
    "Lower extremity function and subsequent disability: consistency across studies, "
    "predictive models, and value of gait speed alone compared with the Short Physical "
    "Performance Battery",
    "Journal of Gerontology: Medical Sciences 55A(4):M221-M231",
    "community-dwelling older adults in pooled United States cohort studies",
)
DESHPANDE_2013 = Source(
    "Deshpande N., Metter E.J., Guralnik J., Bandinelli S., Ferrucci L.",
    2013,
    "Predicting 3-year incident mobility disability in middle-aged and older adults using "
    "physical performance tests",
    "Archives of Physical Medicine and Rehabilitation 94:994-997",
    "622 community-living adults aged 50 to 85 without mobility disability (InCHIANTI, Italy)",
)
BOHANNON_2006 = Source(
    "Bohannon R.W.",
    2006,
    "Reference values for the five-repetition sit-to-stand test: a descriptive "
    "meta-analysis of data from elders",
    "Perceptual and Motor Skills 103:215-222",
    "older adults in the published studies pooled by the meta-analysis, aged 60 to 89",
)
GOLDBERG_2012 = Source(
    "Goldberg A., Chavis M., Watkins J., Wilson T.",
    2012,
    "The five-times-sit-to-stand test: validity, reliability and detectable change in "
    "older females",
    "Aging Clinical and Experimental Research 24:339-344",
    "29 community-dwelling women, mean age 73.6",
)

CHAIR_STAND_BELOW_AVERAGE: tuple[tuple[int, int, int, int], ...] = (
    # (first age, last age, men score below, women score below)
    (60, 64, 14, 12),
    (65, 69, 12, 11),
    (70, 74, 12, 10),
    (75, 79, 11, 10),
    (80, 84, 10, 9),
    (85, 89, 8, 8),
    (90, 94, 7, 4),
)
"""30-second chair stand: a score below these is below average for the age and sex
(:data:`CDC_CHAIR_STAND`, from :data:`RIKLI_JONES_1999`)."""

CHAIR_STAND_REAL_CHANGE = 2.5
"""Stands: the smallest change bigger than measurement error when the same person tests
themselves twice at home (minimal detectable change, :data:`HO_HENRIKSSON_2024`)."""

HOME_TEST_RELIABILITY = {
    "self_vs_self_icc": 0.97,
    "self_vs_self_mdc": 2.5,
    "self_vs_physio_icc": 0.81,
    "self_vs_physio_sem": 2.29,
    "self_vs_physio_mdc": 6.4,
}
"""What :data:`HO_HENRIKSSON_2024` found for the 30-second chair stand done at home: the same
person twice (ICC, MDC in stands) and the person against a physiotherapist (ICC, SEM, MDC)."""

SIT_TO_STAND_SLOW = 13.6
"""Five times sit to stand: more than this many seconds predicted mobility disability three
years later (:data:`DESHPANDE_2013`; the chair-stand timing of :data:`GURALNIK_2000`). A
cut-off for disability, not an age norm."""

SIT_TO_STAND_AGE_NORMS: tuple[tuple[int, int, float], ...] = (
    # (first age, last age, slower than average above these seconds)
    (60, 69, 11.4),
    (70, 79, 12.6),
    (80, 89, 14.8),
)
"""Five times sit to stand: worse than average for the age group above these times
(:data:`BOHANNON_2006`)."""

SIT_TO_STAND_REAL_CHANGE = 2.5
"""Seconds: the minimal detectable change of the five times sit to stand
(:data:`GOLDBERG_2012`)."""

BALANCE_KEY_STANCE = 3
"""The heel-to-toe position; not holding it for 10 seconds goes with a higher risk of falling
(:data:`CDC_BALANCE`)."""

FIGURE_SOURCES: dict[str, tuple[Source, ...]] = {
    "CHAIR_STAND_BELOW_AVERAGE": (CDC_CHAIR_STAND, RIKLI_JONES_1999),
    "CHAIR_STAND_REAL_CHANGE": (HO_HENRIKSSON_2024,),
    "HOME_TEST_RELIABILITY": (HO_HENRIKSSON_2024,),
    "SIT_TO_STAND_SLOW": (DESHPANDE_2013, GURALNIK_2000),
    "SIT_TO_STAND_AGE_NORMS": (BOHANNON_2006,),
    "SIT_TO_STAND_REAL_CHANGE": (GOLDBERG_2012,),
    "BALANCE_KEY_STANCE": (CDC_BALANCE,),
}
"""Every figure above and the papers it cites (a test checks each against its table)."""

CHECK_SOURCES: dict[CheckId, tuple[Source, ...]] = {
    CheckId.CHAIR_STAND: (CDC_CHAIR_STAND, RIKLI_JONES_1999, HO_HENRIKSSON_2024),
    CheckId.BALANCE: (CDC_BALANCE,),
    CheckId.SIT_TO_STAND: (DESHPANDE_2013, GURALNIK_2000, BOHANNON_2006, GOLDBERG_2012),
}
"""The sources of each check's figures, in the order they are named."""

SOURCES: dict[CheckId, str] = {
    check: "; ".join(source.short() for source in sources)
    for check, sources in CHECK_SOURCES.items()
}
"""Each check's sources by authors and year, for a line under a chart or a CSV cell."""


def citations(check: CheckId) -> list[str]:
    """Each source of ``check``'s figures in full: authors, year, title, journal, population."""
    return [source.cite() for source in CHECK_SOURCES[check]]


HOME_TEST_WORDS = (
    "Done at home: in people with knee osteoarthritis (Ho-Henriksson et al. 2024; people with "
    "neurological disorders affecting balance or gait were excluded, so not people like our "
    "users), the same person testing themselves twice agreed closely (ICC 0.97; a change of "
    "2.5 stands or more is real), but a self-test and a physiotherapist's test agreed less "
    "(ICC 0.81, SEM 2.29 stands; a difference under 6.4 stands between them may be "
    "measurement error). Compare home results with home results."
)
"""The home-testing claim, as the study found it."""

FALLS_WORDS = "A below-average score means a higher risk of falls."
"""The CDC's words on a below-average chair stand (and a position not held)."""


class Standing(StrEnum):
    """How a result compares with its norm."""

    AT_OR_ABOVE = "at-or-above"
    BELOW = "below"
    NO_NORM = "no-norm"


@dataclass(frozen=True)
class Comparison:
    """A result against its norm, with one sentence to show.

    ``line`` is the value drawn as the norm's line on the chart (``None`` without a norm).
    """

    standing: Standing
    text: str
    line: float | None = None


NOT_COMPLETED_WORDS: dict[str, str] = {
    EndReason.NO_MARK: "Not completed: no mark came within the time limit, so there is no time.",
    EndReason.STOPPED: "Not completed: stopped after Go, so there is no time.",
    "": "Not completed, so there is no score.",
}
"""What a check without its result says instead of a comparison."""


def age_in(year: int, birth_year: int | None) -> int | None:
    """The age used for the norms in ``year``; ``None`` without a year of birth."""
    if birth_year is None:
        return None
    return year - birth_year


def chair_stand_cutoff(age: int, sex: Sex) -> int | None:
    """The score below which a chair stand is below average, or ``None`` outside 60 to 94."""
    for first, last, men, women in CHAIR_STAND_BELOW_AVERAGE:
        if first <= age <= last:
            return men if sex is Sex.MALE else women
    return None


def norm_line(check: CheckId, age: int | None, sex: Sex | None) -> float | None:
    """The value to draw as the norm's line for this person, if there is one."""
    if check is CheckId.BALANCE:
        return float(BALANCE_KEY_STANCE)
    if check is CheckId.SIT_TO_STAND:
        return SIT_TO_STAND_SLOW
    if age is None or sex is None:
        return None
    cutoff = chair_stand_cutoff(age, sex)
    return None if cutoff is None else float(cutoff)


def compare(result: CheckResult, age: int | None, sex: Sex | None) -> Comparison:
    """How ``result`` stands against the norm for ``age`` and ``sex`` (either may be missing)."""
    if result.outcome is CheckOutcome.UNSTEADY:
        return Comparison(Standing.NO_NORM, "Stopped because you felt unsteady; no score.")
    if not result.scored:
        return Comparison(Standing.NO_NORM, NOT_COMPLETED_WORDS[result.reason or ""])
    if result.check is CheckId.CHAIR_STAND:
        return _chair_stand(result, age, sex)
    if result.check is CheckId.BALANCE:
        return _balance(result)
    return _sit_to_stand(result, age)


def _chair_stand(result: CheckResult, age: int | None, sex: Sex | None) -> Comparison:
    if age is None or sex is None:
        return Comparison(
            Standing.NO_NORM,
            "Not compared: the average depends on age and sex, and your year of birth or sex "
            "is not set.",
        )
    cutoff = chair_stand_cutoff(age, sex)
    if cutoff is None:
        return Comparison(
            Standing.NO_NORM, f"There is no published average for age {age} (only 60 to 94)."
        )
    group = "men" if sex is Sex.MALE else "women"
    count = result.count or 0
    if count < cutoff:
        text = (
            f"Below average for {group} aged {age} (below average means under {cutoff}). "
            f"{FALLS_WORDS}"
        )
        return Comparison(Standing.BELOW, text, float(cutoff))
    text = f"Average or better for {group} aged {age} (below average means under {cutoff})."
    return Comparison(Standing.AT_OR_ABOVE, text, float(cutoff))


def _balance(result: CheckResult) -> Comparison:
    line = float(BALANCE_KEY_STANCE)
    if result.support_used:
        return Comparison(
            Standing.NO_NORM,
            "Not compared: recorded before the app followed the protocol, support was used at "
            "some point and it is not known in which position.",
        )
    if result.stances_held >= BALANCE_KEY_STANCE:
        return Comparison(
            Standing.AT_OR_ABOVE,
            f"Heel to toe held for {STANCE_SECONDS} seconds without moving the feet or holding on.",
            line,
        )
    return Comparison(
        Standing.BELOW,
        f"Heel to toe not held for {STANCE_SECONDS} seconds without support: this means a "
        "higher risk of falls. Worth talking over with your physiotherapist or doctor.",
        line,
    )


def sit_to_stand_average(age: int) -> float | None:
    """Seconds above which a sit to stand is slower than average for ``age`` (60 to 89)."""
    for first, last, seconds in SIT_TO_STAND_AGE_NORMS:
        if first <= age <= last:
            return seconds
    return None


def _sit_to_stand(result: CheckResult, age: int | None) -> Comparison:
    if result.seconds is None:
        return Comparison(
            Standing.BELOW,
            "You needed your arms, so the check ended there (no time).",
            SIT_TO_STAND_SLOW,
        )
    seconds = result.seconds
    if seconds > SIT_TO_STAND_SLOW:
        text = (
            f"{seconds:.1f} seconds: more than {SIT_TO_STAND_SLOW} s went with difficulty "
            "getting about three years later (Deshpande et al. 2013)."
        )
        standing = Standing.BELOW
    else:
        text = (
            f"{seconds:.1f} seconds: within the {SIT_TO_STAND_SLOW}-second mark for "
            "difficulty getting about (Deshpande et al. 2013)."
        )
        standing = Standing.AT_OR_ABOVE
    average = None if age is None else sit_to_stand_average(age)
    if age is not None and average is not None:
        than = "slower than" if seconds > average else "within"
        text += f" For age {age}: {than} the average of {average} s (Bohannon 2006)."
    return Comparison(standing, text, SIT_TO_STAND_SLOW)


def real_change(check: CheckId, before: float, after: float) -> bool:
    """True when the change between two results is bigger than measurement error.

    Chair stand: 2.5 stands (Ho-Henriksson et al. 2024); five times sit to stand: 2.5 s
    (Goldberg et al. 2012). The balance test has no published figure and never says so.
    """
    if check is CheckId.CHAIR_STAND:
        return abs(after - before) >= CHAIR_STAND_REAL_CHANGE
    if check is CheckId.SIT_TO_STAND:
        return abs(after - before) >= SIT_TO_STAND_REAL_CHANGE
    return False
