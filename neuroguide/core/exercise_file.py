"""The exercise library file (``resources/exercises.toml``): strict loading and validation."""

from __future__ import annotations

from typing import Any

from neuroguide.core.dose_check import check_dose, unknown_dose_keys
from neuroguide.core.library import NEEDS, Category, Exercise, Library, Position, Source
from neuroguide.core.problems import (
    InvalidFileError,
    Locator,
    Problem,
    closest,
    more_unknown,
    unknown_keys,
)
from neuroguide.core.routine_file import ID_PATTERN
from neuroguide.core.toml_source import parse_toml

EXERCISE_KEYS = (
    "id",
    "name",
    "category",
    "position",
    "needs",
    "support",
    "side_word",
    "summary",
    "steps",
    "safety",
    "seated_alternative",
    "source",
    "illustration",
    "dose",
    "rep_words",
    "spoken_safety",
    "after_words",
    "key_step",
    "switch_words",
    "wheelchair",
    "halfway_words",
)
OPTIONAL_KEYS = (
    "seated_alternative",
    "rep_words",
    "spoken_safety",
    "after_words",
    "key_step",
    "switch_words",
    "wheelchair",
    "halfway_words",
)
OPTIONAL_TEXT_KEYS = ("spoken_safety", "after_words", "switch_words", "wheelchair", "halfway_words")


def load_library(data: bytes, origin: str) -> Library:
    """Parse the library; raise :class:`InvalidFileError` listing every problem if any."""
    table, text, problems = parse_toml(data, origin)
    if table is None:
        raise InvalidFileError(problems)
    locate = Locator(text)
    sources = _sources(table, origin, problems)
    exercises: dict[str, Exercise] = {}
    raw = table.get("exercises")
    if not isinstance(raw, list) or not raw:
        problems.append(Problem(origin, None, "no [[exercises]] tables"))
        raw = []
    for index, item in enumerate(raw):
        exercise = _exercise(item, index, origin, locate, sources, problems)
        if exercise is None:
            continue
        if exercise.id in exercises:
            line = locate.table("exercises", index, "id")
            problems.append(Problem(origin, line, f"duplicate exercise id '{exercise.id}'"))
        exercises[exercise.id] = exercise
    for index, exercise in enumerate(exercises.values()):
        alternative = exercise.seated_alternative
        if alternative is None:
            continue
        target = exercises.get(alternative)
        if target is None or target.position is Position.STANDING:
            line = locate.table("exercises", index, "seated_alternative")
            message = f"'{exercise.id}': '{alternative}' is not a seated exercise"
            problems.append(Problem(origin, line, message))
    if problems:
        raise InvalidFileError(problems)
    return Library(exercises=exercises, sources=sources)


def _sources(table: dict[str, Any], origin: str, problems: list[Problem]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    raw = table.get("sources", {})
    if not isinstance(raw, dict):
        problems.append(Problem(origin, None, "'sources' must be a table"))
        return sources
    for key, value in raw.items():
        if not isinstance(value, dict) or not isinstance(value.get("title"), str):
            problems.append(Problem(origin, None, f"source '{key}' needs a title"))
            continue
        sources[key] = Source(id=key, title=value["title"], publisher=value.get("publisher", ""))
    return sources


def _exercise(
    item: Any,
    index: int,
    origin: str,
    locate: Locator,
    sources: dict[str, Source],
    problems: list[Problem],
) -> Exercise | None:
    before = len(problems)

    def report(message: str, key: str | None) -> None:
        name = item.get("id", index + 1) if isinstance(item, dict) else index + 1
        line = locate.table("exercises", index, key)
        problems.append(Problem(origin, line, f"exercise '{name}': {message}"))

    if not isinstance(item, dict):
        report("must be a table", None)
        return None
    named, more = unknown_keys(item, EXERCISE_KEYS)
    for key in named:
        report(f"unknown key '{key}'{closest(key, EXERCISE_KEYS)}", key)
    if more:
        report(more_unknown(more), None)
    for key in EXERCISE_KEYS:
        if key not in item and key not in OPTIONAL_KEYS:
            report(f"missing '{key}'", None)
    if len(problems) > before:
        return None
    text_keys = ("id", "name", "support", "side_word", "summary", "source", "illustration")
    for key in text_keys:
        if not isinstance(item[key], str):
            report(f"'{key}' must be text", key)
    for key in ("steps", "safety", "needs"):
        value = item[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            report(f"'{key}' must be a list of text", key)
    for key in OPTIONAL_TEXT_KEYS:
        if not isinstance(item.get(key, ""), str):
            report(f"'{key}' must be text", key)
    rep_words = item.get("rep_words")
    if rep_words is not None and not (
        isinstance(rep_words, list)
        and len(rep_words) == 2
        and all(isinstance(word, str) and word for word in rep_words)
    ):
        report(
            '\'rep_words\' must be two pieces of text, such as ["Stand up", "Sit down"]',
            "rep_words",
        )
    key_step = item.get("key_step", 0)
    if not (
        isinstance(key_step, int)
        and not isinstance(key_step, bool)
        and 0 <= key_step < max(1, len(item["steps"]))
    ):
        report("'key_step' must be the number of one of the steps, counting from 0", "key_step")
    if len(problems) > before:
        return None
    if not ID_PATTERN.fullmatch(item["id"]):
        report("id may use only a-z, 0-9 and single hyphens", "id")
    if item["category"] not in {c.value for c in Category}:
        report(f"unknown category '{item['category']}'", "category")
    if item["position"] not in {p.value for p in Position}:
        report(f"unknown position '{item['position']}'", "position")
    for need in item["needs"]:
        if need not in NEEDS:
            report(f"unknown need '{need}'{closest(need, NEEDS)}", "needs")
    if item["source"] not in sources:
        report(f"unknown source '{item['source']}'", "source")
    if not item["steps"]:
        report("needs at least one step", "steps")
    dose_table = item["dose"]
    if isinstance(dose_table, dict):
        unknown_dose_keys(dose_table, report)
    dose = check_dose(dose_table, report) if isinstance(dose_table, dict) else None
    if dose is None and not isinstance(dose_table, dict):
        report("'dose' must be a table such as { hold = 15, sets = 3 }", "dose")
    if len(problems) > before or dose is None:
        return None
    return Exercise(
        id=item["id"],
        name=item["name"],
        category=Category(item["category"]),
        position=Position(item["position"]),
        needs=tuple(item["needs"]),
        support=item["support"],
        side_word=item["side_word"],
        summary=item["summary"],
        steps=tuple(item["steps"]),
        safety=tuple(item["safety"]),
        source=item["source"],
        illustration=item["illustration"],
        dose=dose,
        seated_alternative=item.get("seated_alternative"),
        rep_words=(rep_words[0], rep_words[1]) if rep_words else None,
        spoken_safety=item.get("spoken_safety", ""),
        after_words=item.get("after_words", ""),
        key_step=key_step,
        switch_words=item.get("switch_words", ""),
        wheelchair=item.get("wheelchair", ""),
        halfway_words=item.get("halfway_words", ""),
    )
