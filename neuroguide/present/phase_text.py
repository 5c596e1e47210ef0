"""The words the player shows for a phase: pure functions, so they are easy to test."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from neuroguide.core.cue_words import side_noun, side_words
from neuroguide.core.library import Exercise, format_duration
from neuroguide.core.records import ItemStatus, Outcome, Summary
from neuroguide.core.timeline import Phase, PhaseKind

PHASE_WORDS = {
    PhaseKind.GET_READY: "GET READY",
    PhaseKind.HOLD: "HOLD",
    PhaseKind.REPS: "REPS",
    PhaseKind.TIMED: "KEEP GOING",
    PhaseKind.REST: "REST",
    PhaseKind.SWITCH_SIDES: "SWITCH SIDES",
}


def phase_word(phase: Phase) -> str:
    """The phase in capital words (shown beside its colour, never instead of it)."""
    return PHASE_WORDS[phase.kind]


def phase_announcement(phase: Phase) -> str:
    """What a screen reader says when a phase begins: ``Hold. Calf stretch, left leg``."""
    side = side_text(phase)
    name = phase.exercise.name + (f", {side.lower()}" if side else "")
    return f"{phase_word(phase).capitalize()}. {name}"


def side_text(phase: Phase) -> str:
    """``Left leg``, ``Right side``, or "" for exercises done with both sides at once."""
    words = side_words(phase)
    return f"{words[0].capitalize()} {words[1]}" if words else ""


def set_text(phase: Phase) -> str:
    """``Set 2 of 3`` (``Hold 2 of 3`` for holds); "" when there is only one."""
    if phase.sets <= 1:
        return ""
    noun = "Hold" if phase.step.dose.hold is not None else "Set"
    return f"{noun} {phase.set_number} of {phase.sets}"


def seconds_text(remaining: float) -> str:
    """The countdown figure: whole seconds rounded up, minutes and seconds from a minute on."""
    whole = max(0, math.ceil(remaining - 1e-9))
    if whole >= 60:
        minutes, seconds = divmod(whole, 60)
        return f"{minutes}:{seconds:02d}"
    return str(whole)


def reps_text(phase: Phase, elapsed: float) -> str:
    """``7 of 12``: the rep in progress, paced by the cadence."""
    reps = phase.reps or 0
    current = min(reps, int(elapsed // phase.cadence) + 1)
    return f"{current} of {reps}"


def title_text(phase: Phase, remaining: float, *, paused: bool) -> str:
    """The window title, also shown in the task bar: ``Calf stretch — 12 s``."""
    left = format_duration(remaining)
    state = " (paused)" if paused else ""
    return f"{phase.exercise.name} — {left}{state}"


def upcoming_text(phase: Phase | None) -> str:
    """``Next: Calf stretch, right leg`` or the end of the routine."""
    if phase is None:
        return "Next: the end of this routine"
    side = side_text(phase)
    return f"Next: {phase.exercise.name}" + (f", {side.lower()}" if side else "")


def planned_parts(timeline: Sequence[Phase]) -> dict[tuple[int, str | None], int]:
    """How many holds or sets each step plans on each side (work phases of the timeline)."""
    planned: dict[tuple[int, str | None], int] = {}
    for phase in timeline:
        if phase.kind.is_work:
            key = (phase.step_index, phase.side)
            planned[key] = planned.get(key, 0) + 1
    return planned


def summary_lines(
    summary: Summary,
    exercises: Mapping[str, Exercise],
    planned: Mapping[tuple[int, str | None], int] | None = None,
) -> list[str]:
    """One line per exercise and side: how many of its holds or sets were done.

    With ``planned`` (see :func:`planned_parts`) a step stopped after its first set reads
    ``1 of 2 sets done``, not ``1 of 1``.
    """
    lines: list[str] = []
    groups: dict[tuple[int, str | None], list[ItemStatus]] = {}
    ids: dict[tuple[int, str | None], str] = {}
    latest: dict[int, tuple[tuple[int, str | None], ItemStatus]] = {}
    nouns: dict[tuple[int, str | None], str] = {}
    for record in summary.records:
        key = (record.step_index, record.side)
        ids[key] = record.exercise_id
        latest[record.phase_index] = (key, record.status)
        nouns[key] = "sets" if record.reps_planned is not None else "holds"
    for key, status in latest.values():
        groups.setdefault(key, []).append(status)
    for key, statuses in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1] or "")):
        exercise = exercises.get(ids[key])
        name = exercise.name if exercise else ids[key]
        side = f", {key[1]} {side_noun(exercise)}" if key[1] else ""
        done = sum(s is ItemStatus.COMPLETED for s in statuses)
        total = max(len(statuses), (planned or {}).get(key, 0))
        noun = nouns[key]
        if noun == "holds" and exercise is not None and exercise.dose.hold is None:
            noun = ""  # a timed block ("keep going for 30 seconds"), neither hold nor set
        if total == 1 and noun:
            noun = noun[:-1]
        word = "completed" if done == total else "skipped part"
        counted = f"{done} of {total} {noun}".rstrip()
        lines.append(f"{name}{side}: {counted} done ({word})")
    return lines


def summary_heading(summary: Summary) -> str:
    """The summary screen's heading: true to what was done (nothing done is not "all done")."""
    if summary.completed == 0:
        return "Stopped early. Nothing was done this time, and that is fine."
    if summary.outcome is Outcome.FINISHED and summary.skipped == 0:
        return "All done. Well done!"
    if summary.outcome is Outcome.FINISHED:
        return "Finished, with some parts skipped. Well done!"
    return "Session stopped. Every bit counts."


def summary_figures(summary: Summary, planned_text: str, active_text: str, took_text: str) -> str:
    """``Took … of the … planned; active for ….`` (the session's whole length, as heard,
    against its plan) and the parts done and skipped, in words."""
    done = summary.completed
    skipped = summary.skipped
    parts = f"{done} part{'s' if done != 1 else ''} done"
    if skipped:
        parts += f", {skipped} skipped"
    return (
        f"Took {took_text} of the {planned_text} planned; active for {active_text}.\n"
        f"{parts.capitalize()}."
    )
