"""The one place an ``[[exercises]]`` table becomes an :class:`Exercise`.

The shipped library (``resources/exercises.toml``), the person's exercise files, exercises
written inline in a routine (and so in a programme file) and the editor's "New exercise" form
all come through :func:`read_exercises`, so they obey one set of rules and say the same thing
about the same mistake. What differs between a shipped and an own exercise is data, in
:class:`Rules`: which keys it may and must have, where its picture and its source come from.
Decision record: docs/decisions/0030-one-exercise-parser.md.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from neuroguide.core.dose_check import check_dose, unknown_dose_keys
from neuroguide.core.library import ID_PATTERN, NEEDS, Category, Dose, Exercise, Position
from neuroguide.core.pictures import FIGURES, PictureCheck
from neuroguide.core.problems import (
    Locator,
    Problem,
    closest,
    control_message,
    has_control,
    more_unknown,
    shown_hint,
    text_problem,
    unknown_keys,
)

Report = Callable[[str, str | None], None]
"""Called with a message and the key it concerns (for the line), or ``None``."""

TEXT_LIMITS = {
    "id": 40,
    "name": 80,
    "support": 200,
    "side_word": 20,
    "summary": 300,
    "source": 200,
    "picture": 200,
    "illustration": 200,
    "seated_alternative": 40,
    "spoken_safety": 200,
    "after_words": 200,
    "switch_words": 200,
    "halfway_words": 200,
    "wheelchair": 300,
}
"""The most characters of each text field, shipped or own."""
MULTI_LINE = frozenset({"summary", "source"})
"""Texts that may run over lines; every other one is one plain line."""
LIST_LIMITS = {"steps": (1, 12, 300), "safety": (0, 8, 200), "needs": (0, len(NEEDS), 20)}
"""(fewest entries, most entries, most characters of one entry)."""
REP_WORDS_LONGEST = 40
MAX_EXERCISES = 100
"""Exercises in one file (the library, an exercise file or a routine)."""
DEFAULT_DOSE = Dose(reps=10)
OWN_SOURCE = "own"
DEFAULT_SAFETY = "Stop if anything hurts, and keep breathing."
"""Said and printed for an exercise that gives no safety words of its own."""

REQUIRED = ("id", "name", "category", "position", "steps")
_SPOKEN = ("rep_words", "key_step", "spoken_safety", "after_words", "switch_words", "wheelchair")
OWN_KEYS: tuple[str, ...] = (
    *REQUIRED,
    *("needs", "support", "side_word", "summary", "safety", "dose", "source", "picture"),
    *_SPOKEN,
)
SHIPPED_KEYS: tuple[str, ...] = (
    *REQUIRED,
    *("needs", "support", "side_word", "summary", "safety", "dose", "source", "illustration"),
    *_SPOKEN,
    *("seated_alternative", "halfway_words"),
)
SHIPPED_REQUIRED: tuple[str, ...] = (
    *REQUIRED,
    *("needs", "support", "side_word", "summary", "safety", "dose", "source", "illustration"),
)


@dataclass(frozen=True)
class Rules:
    """What differs between a shipped exercise and one the person wrote.

    ``sources``: the ids a shipped exercise's ``source`` must name (``None``: free text, as an
    own exercise's is). ``pictures``: how an own exercise's ``picture`` is found (``None``: a
    shipped exercise names its drawing in ``illustration``).
    """

    keys: tuple[str, ...]
    required: tuple[str, ...]
    own: bool
    sources: Collection[str] | None = None
    pictures: PictureCheck | None = None

    @classmethod
    def shipped(cls, sources: Collection[str]) -> Rules:
        """The library's rules: every field given, sources named by id."""
        return cls(SHIPPED_KEYS, SHIPPED_REQUIRED, own=False, sources=sources)

    @classmethod
    def for_own(cls, pictures: PictureCheck) -> Rules:
        """An own exercise's rules: five fields needed, the rest get plain defaults."""
        return cls(OWN_KEYS, REQUIRED, own=True, pictures=pictures)


def read_exercises(
    raw: Any,
    origin: str,
    locate: Locator,
    rules: Rules,
    problems: list[Problem],
    builtin_ids: Iterable[str] = (),
) -> list[Exercise]:
    """Check an ``[[exercises]]`` list; report every problem, return the good exercises.

    ``builtin_ids``: ids an own exercise may not take (the shipped exercises').
    """
    if not isinstance(raw, list):
        problems.append(Problem(origin, locate.top("exercises"), _NOT_TABLES))
        return []
    if len(raw) > MAX_EXERCISES:
        message = f"{len(raw)} exercises; a file holds at most {MAX_EXERCISES}"
        problems.append(Problem(origin, locate.table("exercises", MAX_EXERCISES), message))
        return []
    builtin = set(builtin_ids)
    found: dict[str, Exercise] = {}
    for index, item in enumerate(raw):
        exercise = read_exercise(item, _Spot(origin, locate, index, problems), rules)
        if exercise is None:
            continue
        if exercise.id in builtin:
            message = (
                f"exercise '{exercise.id}': a built-in exercise has this id; "
                "give yours another id (see `neuroguide exercises`)"
            )
            problems.append(Problem(origin, locate.table("exercises", index, "id"), message))
        elif exercise.id in found:
            line = locate.table("exercises", index, "id")
            problems.append(Problem(origin, line, f"duplicate exercise id '{exercise.id}'"))
        else:
            found[exercise.id] = exercise
    return list(found.values())


_NOT_TABLES = "'exercises' must be [[exercises]] tables"


@dataclass
class _Spot:
    """Where one table stands: its problems name the file, the line and the exercise."""

    origin: str
    locate: Locator
    index: int
    problems: list[Problem]
    label: str = ""

    def report(self, message: str, key: str | None) -> None:
        line = self.locate.table("exercises", self.index, key)
        self.problems.append(Problem(self.origin, line, f"exercise '{self.label}': {message}"))


def read_exercise(item: Any, spot: _Spot, rules: Rules) -> Exercise | None:
    """One table as an exercise, or ``None`` after reporting every problem found in it.

    Checked in field groups: the keys, the texts and lists, then (only when those are sound)
    the choices, the spoken words, the dose and the picture.
    """
    given = item.get("id") if isinstance(item, dict) else None
    spot.label = given[:40] if isinstance(given, str) else str(spot.index + 1)
    if not isinstance(item, dict):
        spot.report("must be a table ([[exercises]])", None)
        return None
    before = len(spot.problems)
    _check_keys(item, spot, rules)
    text = {key: _text(item, key, spot.report) for key in TEXT_LIMITS if key in rules.keys}
    lists = {key: _text_list(item, key, spot.report) for key in LIST_LIMITS}
    if len(spot.problems) > before:
        return None
    _check_choices(item, text, lists["needs"], spot.report, rules)
    rep_words, key_step = _spoken_words(item, len(lists["steps"]), spot.report)
    dose = _dose(item, spot.report)
    illustration = _illustration(item, text, lists["needs"], spot.report, rules)
    if len(spot.problems) > before or dose is None:
        return None
    return Exercise(
        id=text["id"],
        name=" ".join(text["name"].split()),
        category=Category(item["category"]),
        position=Position(item["position"]),
        needs=tuple(lists["needs"]),
        support=text["support"],
        side_word=text["side_word"],
        summary=text["summary"],
        steps=tuple(lists["steps"]),
        safety=tuple(lists["safety"]) or (text["spoken_safety"] or DEFAULT_SAFETY,),
        source=text["source"] or OWN_SOURCE,
        illustration=illustration,
        dose=dose,
        seated_alternative=text.get("seated_alternative") or None,
        rep_words=rep_words,
        spoken_safety=text["spoken_safety"],
        after_words=text["after_words"],
        key_step=key_step,
        switch_words=text["switch_words"],
        wheelchair=text["wheelchair"],
        halfway_words=text.get("halfway_words", ""),
        picture=text.get("picture", ""),
        own=rules.own,
    )


def _check_keys(item: Mapping[str, Any], spot: _Spot, rules: Rules) -> None:
    """Unknown keys (with a "did you mean"), missing ones, and choices that are not text."""
    named, more = unknown_keys(item, rules.keys)
    for key in named:
        if key == "illustration" and rules.own:
            hint = " (use 'picture')"
        else:
            hint = shown_hint(spot.problems, key, rules.keys)
        spot.report(f"unknown key '{key}'{hint}", key)
    if more:
        spot.report(more_unknown(more), None)
    for key in rules.required:
        if key not in item:
            spot.report(f"missing '{key}'", None)
    for key in ("category", "position"):
        if key in item and not isinstance(item[key], str):
            spot.report(f"'{key}' must be text in quotes", key)


def _check_choices(
    item: Mapping[str, Any], text: dict[str, str], needs: list[str], report: Report, rules: Rules
) -> None:
    """The id's form, a name, and values that must be one of a known few."""
    if not ID_PATTERN.fullmatch(text["id"]):
        report("id may use only a-z, 0-9 and single hyphens", "id")
    if not text["name"].strip():
        report("'name' must not be empty", "name")
    for key, kinds in (("category", Category), ("position", Position)):
        choices = [kind.value for kind in kinds]
        if item[key] not in choices:
            wanted = f"{key} must be one of {', '.join(choices)}"
            report(f"unknown {key} '{item[key][:40]}'; the {wanted}", key)
    for need in needs:
        if need not in NEEDS:
            report(f"unknown need '{need}'{closest(need, NEEDS)}; use {', '.join(NEEDS)}", "needs")
    if rules.sources is not None and text["source"] not in rules.sources:
        report(f"unknown source '{text['source']}'", "source")


def _spoken_words(
    item: Mapping[str, Any], steps: int, report: Report
) -> tuple[tuple[str, str] | None, int]:
    """``rep_words`` and ``key_step``: what the voice says on each rep, and which step."""
    rep_words = _rep_words(item.get("rep_words"), report)
    key_step = item.get("key_step", 0)
    if isinstance(key_step, bool) or not isinstance(key_step, int):
        key_step = -1
    if not 0 <= key_step < max(1, steps):
        report("'key_step' must be the number of one of the steps, counting from 0", "key_step")
        key_step = 0
    return rep_words, key_step


def _dose(item: Mapping[str, Any], report: Report) -> Dose | None:
    """The exercise's default dose (an own exercise without one: ten reps)."""
    if "dose" not in item:
        return DEFAULT_DOSE
    if not isinstance(item["dose"], dict):
        report("'dose' must be a table such as { hold = 15, sets = 3 }", "dose")
        return None
    unknown_dose_keys(item["dose"], report)
    return check_dose(item["dose"], lambda message, _key: report(message, "dose"))


def _illustration(
    item: Mapping[str, Any], text: dict[str, str], needs: list[str], report: Report, rules: Rules
) -> str:
    """The drawing shown: a shipped exercise names it; an own one's picture is checked, and
    without one it gets the shipped figure that fits its position."""
    if rules.pictures is None:
        return text["illustration"]
    if text["picture"]:
        found, problem = rules.pictures(text["picture"])
        if problem:
            report(problem, "picture")
        return found or ""
    if item.get("position") == "seated":
        return FIGURES["seated"]
    return FIGURES["wall"] if "wall" in needs else FIGURES["standing"]


def _text(item: Mapping[str, Any], key: str, report: Report) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        report(f"'{key}' must be text in quotes", key)
        return ""
    problem = text_problem(key, value, longest=TEXT_LIMITS[key], one_line=key not in MULTI_LINE)
    if problem is not None:  # the same rule as routines'
        report(problem, key)
        return ""
    return value.strip()


def _text_list(item: Mapping[str, Any], key: str, report: Report) -> list[str]:
    low, high, longest = LIST_LIMITS[key]
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        report(f'\'{key}\' must be a list of text, such as ["...", "..."]', key)
        return []
    if not low <= len(value) <= high:
        why = "an exercise needs at least one step: " if key == "steps" and not value else ""
        report(f"{why}'{key}' has {len(value)} entries; give from {low} to {high}", key)
        return []
    for entry in value:
        if len(entry) > longest:
            report(f"an entry of '{key}' is {len(entry)} characters; the most is {longest}", key)
            return []
        if has_control(entry, one_line=True):
            report(control_message(key, one_line=True), key)
            return []
    return [entry.strip() for entry in value]


def _rep_words(value: Any, report: Report) -> tuple[str, str] | None:
    if value is None:
        return None
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(
            isinstance(word, str)
            and word.strip()
            and len(word) <= REP_WORDS_LONGEST
            and not has_control(word, one_line=True)
            for word in value
        )
    ):
        return (value[0].strip(), value[1].strip())
    report(
        f"'rep_words' must be two pieces of text of at most {REP_WORDS_LONGEST} characters "
        'each, such as ["Stand up", "Sit down"]',
        "rep_words",
    )
    return None
