"""Own exercises: ``[[exercises]]`` in ``<data dir>/exercises/*.toml`` or inline in a routine.

They have the library's fields, but only ``id``, ``name``, ``category``, ``position`` and
``steps`` are required; the rest get plain defaults. Every field has a limit and every problem
a ``FILE:LINE`` message, like routine files. An id that a built-in exercise uses is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neuroguide.core.dose_check import check_dose, unknown_dose_keys
from neuroguide.core.library import NEEDS, Category, Dose, Exercise, Position
from neuroguide.core.pictures import FIGURES, PictureCheck, file_pictures
from neuroguide.core.problems import (
    Locator,
    Problem,
    closest,
    control_message,
    has_control,
    more_unknown,
    shown_hint,
    unknown_keys,
)
from neuroguide.core.toml_source import parse_toml, read_limited

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("id", "name", "category", "position", "steps")
TEXT_LIMITS = {
    "id": 40,
    "name": 80,
    "support": 200,
    "side_word": 20,
    "summary": 300,
    "source": 200,
    "picture": 200,
    "spoken_safety": 200,
    "after_words": 200,
    "switch_words": 200,
    "wheelchair": 300,
}
MULTI_LINE = frozenset({"summary", "source"})
"""Own-exercise texts that may run over lines; every other one is one plain line."""
LIST_LIMITS = {"steps": (1, 12, 300), "safety": (0, 8, 200), "needs": (0, len(NEEDS), 20)}
OWN_KEYS: tuple[str, ...] = (
    *REQUIRED,
    *("needs", "support", "side_word", "summary", "safety", "dose", "source", "picture"),
    *("rep_words", "key_step", "spoken_safety", "after_words", "switch_words", "wheelchair"),
)
MAX_OWN_EXERCISES = 100
DEFAULT_DOSE = Dose(reps=10)
OWN_SOURCE = "own"
DEFAULT_SAFETY = "Stop if anything hurts, and keep breathing."
"""Said and printed for an own exercise that gives no safety words of its own."""


def parse_own_exercises(
    raw: Any,
    origin: str,
    locate: Locator,
    builtin_ids: Iterable[str],
    pictures: PictureCheck,
    problems: list[Problem],
) -> list[Exercise]:
    """Check the ``[[exercises]]`` list of one file; report every problem, return the good ones."""
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        problems.append(Problem(origin, None, "'exercises' must be [[exercises]] tables"))
        return []
    if len(raw) > MAX_OWN_EXERCISES:
        message = f"{len(raw)} exercises; a file holds at most {MAX_OWN_EXERCISES}"
        problems.append(Problem(origin, locate.table("exercises", MAX_OWN_EXERCISES), message))
        return []
    builtin = set(builtin_ids)
    found: dict[str, Exercise] = {}
    for index, item in enumerate(raw):
        exercise = _own_exercise(item, index, origin, locate, pictures, problems)
        if exercise is None:
            continue
        line = locate.table("exercises", index, "id")
        if exercise.id in builtin:
            message = (
                f"exercise '{exercise.id}': a built-in exercise has this id; "
                "give yours another id (see `neuroguide exercises`)"
            )
            problems.append(Problem(origin, line, message))
            continue
        if exercise.id in found:
            problems.append(Problem(origin, line, f"duplicate exercise id '{exercise.id}'"))
            continue
        found[exercise.id] = exercise
    return list(found.values())


def _own_exercise(
    item: dict[str, Any],
    index: int,
    origin: str,
    locate: Locator,
    pictures: PictureCheck,
    problems: list[Problem],
) -> Exercise | None:
    before = len(problems)
    given = item.get("id")
    label = given if isinstance(given, str) else str(index + 1)

    def report(message: str, key: str | None) -> None:
        line = locate.table("exercises", index, key)
        problems.append(Problem(origin, line, f"exercise '{label[:40]}': {message}"))

    named, more = unknown_keys(item, OWN_KEYS)
    for key in named:
        hint = " (use 'picture')" if key == "illustration" else shown_hint(problems, key, OWN_KEYS)
        report(f"unknown key '{key}'{hint}", key)
    if more:
        report(more_unknown(more), None)
    for key in REQUIRED:
        if key not in item:
            report(f"missing '{key}'", None)
    for key in ("category", "position"):
        if key in item and not isinstance(item[key], str):
            report(f"'{key}' must be text in quotes", key)
    text = {key: _text(item, key, report) for key in TEXT_LIMITS}
    lists = {key: _text_list(item, key, report) for key in LIST_LIMITS}
    if len(problems) > before:
        return None
    exercise_id = text["id"]
    if not ID_PATTERN.fullmatch(exercise_id):
        report("id may use only a-z, 0-9 and single hyphens", "id")
    if not text["name"].strip():
        report("'name' must not be empty", "name")
    categories = [c.value for c in Category]
    if item["category"] not in categories:
        report(f"category must be one of {', '.join(categories)}", "category")
    positions = [p.value for p in Position]
    if item["position"] not in positions:
        report(f"position must be one of {', '.join(positions)}", "position")
    for need in lists["needs"]:
        if need not in NEEDS:
            report(f"unknown need '{need}'{closest(need, NEEDS)}; use {', '.join(NEEDS)}", "needs")
    rep_words = _rep_words(item.get("rep_words"), report)
    key_step = item.get("key_step", 0)
    steps_count = max(1, len(lists["steps"]))
    if (
        isinstance(key_step, bool)
        or not isinstance(key_step, int)
        or not 0 <= key_step < steps_count
    ):
        report("'key_step' must be the number of one of the steps, counting from 0", "key_step")
    dose: Dose | None = DEFAULT_DOSE
    if "dose" in item:
        if isinstance(item["dose"], dict):
            unknown_dose_keys(item["dose"], report)
            dose = check_dose(item["dose"], lambda message, _key: report(message, "dose"))
        else:
            report("'dose' must be a table such as { hold = 15, sets = 3 }", "dose")
    illustration = _default_figure(item, lists["needs"])
    if text["picture"]:
        found, problem = pictures(text["picture"])
        if problem:
            report(problem, "picture")
        illustration = found or ""
    if len(problems) > before or dose is None:
        return None
    return Exercise(
        id=exercise_id,
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
        rep_words=rep_words,
        spoken_safety=text["spoken_safety"],
        after_words=text["after_words"],
        key_step=key_step if isinstance(key_step, int) else 0,
        switch_words=text["switch_words"],
        wheelchair=text["wheelchair"],
        picture=text["picture"],
        own=True,
    )


def _default_figure(item: Mapping[str, Any], needs: list[str]) -> str:
    """Without a picture, the shipped figure that fits the position."""
    if item.get("position") == "seated":
        return FIGURES["seated"]
    return FIGURES["wall"] if "wall" in needs else FIGURES["standing"]


def _text(item: Mapping[str, Any], key: str, report: Any) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        report(f"'{key}' must be text in quotes", key)
        return ""
    if len(value) > TEXT_LIMITS[key]:
        report(f"'{key}' is {len(value)} characters long; the most is {TEXT_LIMITS[key]}", key)
        return ""
    one_line = key not in MULTI_LINE
    if has_control(value, one_line=one_line):  # the same plain-text rule as routines
        report(control_message(key, one_line=one_line), key)
        return ""
    return value.strip()


def _text_list(item: Mapping[str, Any], key: str, report: Any) -> list[str]:
    low, high, longest = LIST_LIMITS[key]
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        report(f'\'{key}\' must be a list of text, such as ["...", "..."]', key)
        return []
    if not low <= len(value) <= high:
        report(f"'{key}' has {len(value)} entries; give from {low} to {high}", key)
        return []
    for entry in value:
        if len(entry) > longest:
            report(f"an entry of '{key}' is {len(entry)} characters; the most is {longest}", key)
            return []
        if has_control(entry, one_line=True):
            report(control_message(key, one_line=True), key)
            return []
    return [entry.strip() for entry in value]


def _rep_words(value: Any, report: Any) -> tuple[str, str] | None:
    if value is None:
        return None
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(
            isinstance(word, str)
            and word.strip()
            and len(word) <= 40
            and not has_control(word, one_line=True)
            for word in value
        )
    ):
        return (value[0].strip(), value[1].strip())
    report(
        '\'rep_words\' must be two short pieces of text, such as ["Stand up", "Sit down"]',
        "rep_words",
    )
    return None


@dataclass
class OwnExercises:
    """The person's exercise files: every exercise that loaded, and every problem."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def parse_exercise_file(
    data: bytes, origin: str, builtin_ids: Iterable[str], pictures: PictureCheck
) -> tuple[list[Exercise], list[Problem]]:
    """Check one exercise file's bytes: only ``[[exercises]]`` tables are allowed in it."""
    table, text, problems = parse_toml(data, origin)
    if table is None:
        return [], problems
    locate = Locator(text)
    for key in table:
        if key != "exercises":
            line = locate.top(key)
            message = f"unknown key '{key}'; an exercise file holds only [[exercises]] tables"
            problems.append(Problem(origin, line, message))
    raw = table.get("exercises")
    if raw is None:
        problems.append(Problem(origin, 1, "no [[exercises]] tables"))
        return [], problems
    exercises = parse_own_exercises(raw, origin, locate, builtin_ids, pictures, problems)
    return exercises, problems


def load_exercise_files(
    paths: Iterable[Path], builtin_ids: Iterable[str], *, inside: Path | None = None
) -> OwnExercises:
    """Load exercise files; a bad file is reported and skipped, the others still load.

    Files are read as routine files are (:func:`read_limited`: only ordinary files up to
    1 MB; with ``inside``, no link that leads out of that folder).
    """
    builtin = set(builtin_ids)
    own = OwnExercises()
    for path in paths:
        origin = str(path)
        data, problem = read_limited(path, origin, inside=inside)
        if data is None:
            own.problems.append(problem or Problem(origin, None, "cannot read"))
            continue
        exercises, problems = parse_exercise_file(data, origin, builtin, file_pictures(path.parent))
        own.problems.extend(problems)
        if problems:
            continue
        for exercise in exercises:
            if exercise.id in own.exercises:
                message = f"exercise id '{exercise.id}' is already used in another exercise file"
                own.problems.append(Problem(origin, None, message))
                continue
            own.exercises[exercise.id] = exercise
    return own


def load_exercise_folder(folder: Path, builtin_ids: Iterable[str]) -> OwnExercises:
    """Every ``*.toml`` in ``folder`` (a missing folder is simply empty)."""
    if not folder.is_dir():
        return OwnExercises()
    return load_exercise_files(sorted(folder.glob("*.toml")), builtin_ids, inside=folder)
