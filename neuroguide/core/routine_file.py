"""Routine files (TOML): parsing, validation with located messages, and loading folders.

A bad file never stops the good ones from loading: each problem becomes a :class:`Problem`
that names the file and, where it can be found, the line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neuroguide.core.dose_check import DOSE_KEYS, check_dose, check_int
from neuroguide.core.handout_details import check_handout
from neuroguide.core.library import ID_PATTERN, Library, Routine, Step
from neuroguide.core.pictures import PictureCheck
from neuroguide.core.problems import (
    Locator,
    Problem,
    capped,
    closest,
    control_message,
    has_control,
    more_unknown,
    shown_hint,
    text_problem,
    unknown_keys,
)
from neuroguide.core.routine_extras import check_extras
from neuroguide.core.toml_source import parse_toml, read_limited

ROUTINE_KEYS = (
    "id",
    "name",
    "description",
    "seated_name",
    "seated_description",
    "get_ready",
    "schedule",
    "handout",
    "exercises",
    "steps",
)
STEP_KEYS = ("exercise", *DOSE_KEYS, "setup", "note")
MAX_STEPS = 100
MAX_NAME = 80


def parse_routine(
    data: bytes,
    origin: str,
    library: Library,
    *,
    builtin: bool = False,
    pictures: PictureCheck | None = None,
) -> tuple[Routine | None, list[Problem]]:
    """Validate one routine file's bytes; return the routine (or ``None``) and every problem."""
    table, text, problems = parse_toml(data, origin)
    if table is None:
        return None, problems
    locate = Locator(text)

    def report_top(message: str, key: str | None) -> None:
        problems.append(Problem(origin, locate.top(key) if key else 1, message))

    named, more = unknown_keys(table, ROUTINE_KEYS)
    for key in named:
        report_top(f"unknown key '{key}'{closest(key, ROUTINE_KEYS)}", key)
    if more:
        problems.append(Problem(origin, None, more_unknown(more)))
    routine_id = _check_text(table, "id", report_top, required=True)
    if routine_id is not None and not ID_PATTERN.fullmatch(routine_id):
        report_top(f"id '{routine_id}' may use only a-z, 0-9 and single hyphens", "id")
        routine_id = None
    name = _check_text(table, "name", report_top, required=True, longest=MAX_NAME, one_line=True)
    description = _check_text(table, "description", report_top, required=False) or ""
    seated_name = _check_text(
        table, "seated_name", report_top, required=False, longest=MAX_NAME, one_line=True
    )
    seated_description = _check_text(table, "seated_description", report_top, required=False)
    get_ready = table.get("get_ready")
    if get_ready is not None:
        problem = check_int(get_ready, "get_ready")
        if problem:
            report_top(problem, "get_ready")
    library, schedule, inline = check_extras(table, origin, locate, library, problems, pictures)
    details = check_handout(
        table, locate, lambda message, line: problems.append(Problem(origin, line, message))
    )
    steps = _check_steps(table, origin, locate, library, problems)
    if problems or routine_id is None or name is None or steps is None:
        return None, problems
    routine = Routine(
        id=routine_id,
        name=name,
        description=description,
        steps=steps,
        origin=origin,
        builtin=builtin,
        get_ready=get_ready,
        seated_name=seated_name or "",
        seated_description=seated_description or "",
        schedule=schedule,
        exercises=inline,
        handout=details,
    )
    return routine, problems


def _check_text(
    table: dict[str, Any],
    key: str,
    report: Any,
    *,
    required: bool,
    longest: int = 2000,
    one_line: bool = False,
) -> str | None:
    value = table.get(key)
    if value is None:
        if required:
            report(f"missing '{key}' (add a line such as {key} = \"...\")", None)
        return None
    if not isinstance(value, str) or not value.strip():
        report(f"'{key}' must be text in quotes and not empty", key)
        return None
    problem = text_problem(key, value, longest=longest, one_line=one_line)
    if problem is not None:  # the same rule as exercises'
        report(problem, key)
        return None
    return value.strip()


def _check_steps(
    table: dict[str, Any],
    origin: str,
    locate: Locator,
    library: Library,
    problems: list[Problem],
) -> tuple[Step, ...] | None:
    raw = table.get("steps")
    if raw is None:
        problems.append(Problem(origin, 1, "no steps: add at least one [[steps]] table"))
        return None
    if not isinstance(raw, list) or not all(isinstance(s, dict) for s in raw):
        problems.append(Problem(origin, locate.top("steps"), "'steps' must be [[steps]] tables"))
        return None
    if not raw:
        problems.append(Problem(origin, locate.top("steps"), "'steps' is empty"))
        return None
    if len(raw) > MAX_STEPS:
        message = f"{len(raw)} steps; a routine has at most {MAX_STEPS}"
        problems.append(Problem(origin, locate.table("steps", MAX_STEPS), message))
        return None
    steps: list[Step] = []
    for index, step_table in enumerate(raw):
        step = _check_step(step_table, index, origin, locate, library, problems)
        if step is not None:
            steps.append(step)
    return tuple(steps) if len(steps) == len(raw) else None


def _check_step(
    step: dict[str, Any],
    index: int,
    origin: str,
    locate: Locator,
    library: Library,
    problems: list[Problem],
) -> Step | None:
    count_before = len(problems)

    def report(message: str, key: str | None) -> None:
        line = locate.table("steps", index, key)
        problems.append(Problem(origin, line, f"step {index + 1}: {message}"))

    named, more = unknown_keys(step, STEP_KEYS)
    for key in named:
        report(f"unknown key '{key}'{shown_hint(problems, key, STEP_KEYS)}", key)
    if more:
        report(more_unknown(more), None)
    exercise_id = step.get("exercise")
    exercise = None
    if exercise_id is None:
        report("missing 'exercise' (an id from `neuroguide exercises`)", None)
    elif not isinstance(exercise_id, str):
        report("'exercise' must be an exercise id in quotes", "exercise")
    else:
        exercise = library.get(exercise_id)
        if exercise is None:
            hint = shown_hint(problems, exercise_id, sorted(library.exercises))
            report(f"unknown exercise '{exercise_id}'{hint}", "exercise")
    dose = check_dose(step, report)
    note = step.get("note", "")
    if not isinstance(note, str) or len(note) > 200:
        report("'note' must be text of at most 200 characters", "note")
    elif has_control(note, one_line=True):
        report(control_message("note", one_line=True), "note")
    setup = step.get("setup", 0)
    problem = check_int(setup, "setup")
    if problem:
        report(
            f"{problem} (the time to get ready for this step, such as strapping on a weight)",
            "setup",
        )
    if len(problems) > count_before or exercise is None or dose is None:
        return None
    return Step(exercise=exercise, dose=dose, note=note.strip(), setup=int(setup))


@dataclass
class RoutineCatalog:
    """Every routine that loaded, by id, and every problem found on the way."""

    routines: dict[str, Routine] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def ordered(self) -> list[Routine]:
        """Built-ins first in a stable order, then the user's own, by name."""
        return sorted(self.routines.values(), key=lambda r: (not r.builtin, r.name.lower()))


def load_folder(catalog: RoutineCatalog, folder: Path, library: Library, *, builtin: bool) -> None:
    """Load every ``*.toml`` in ``folder`` into ``catalog``; a missing folder is simply empty.

    User routines (``builtin=False``) replace built-ins of the same id; two files of the same
    kind with one id are a problem, and the second is not loaded.
    """
    if not folder.is_dir():
        return
    files = sorted(folder.glob("*.toml"))
    load_files(catalog, files, library, builtin=builtin, inside=folder)


def load_files(
    catalog: RoutineCatalog,
    paths: Iterable[Path],
    library: Library,
    *,
    builtin: bool,
    inside: Path | None = None,
) -> None:
    """Load the given routine files into ``catalog`` (see :func:`load_folder`).

    ``inside``: the folder they were found in; links out of it are not followed.
    """
    for path in paths:
        origin = str(path)
        data, problem = read_limited(path, origin, inside=inside)
        if data is None:
            catalog.problems.append(problem or Problem(origin, None, "cannot read"))
            continue
        routine, problems = parse_routine(data, origin, library, builtin=builtin)
        for shown in capped(problems):
            catalog.problems.append(
                shown if isinstance(shown, Problem) else Problem(origin, None, shown)
            )
        if routine is None:
            continue
        existing = catalog.routines.get(routine.id)
        if existing is not None and existing.builtin == builtin:
            other = Path(existing.origin).name
            message = f"id '{routine.id}' is already used by {other}; this file was not loaded"
            catalog.problems.append(Problem(origin, _id_line(data), message))
            continue
        catalog.routines[routine.id] = routine


def _id_line(data: bytes) -> int | None:
    """Line of the top-level ``id`` in an already-validated file."""
    return Locator(data.decode("utf-8")).top("id")
