"""The sources' one rule of order: warm up with dynamic movement before any static stretch.

Every built-in routine keeps it (a content test holds them to it); a person's routine that
does not is still valid, so ``neuroguide check`` says so as a note, not as a problem.
"""

from __future__ import annotations

from neuroguide.core.library import Category, Routine


def warm_up_note(routine: Routine) -> str:
    """Why ``routine`` should start with a warm-up, or "" when it does (or needs none)."""
    for step in routine.steps:
        category = step.exercise.category
        if category in (Category.WARM_UP, Category.AEROBIC):
            return ""  # warmed up first (or a walk or ride, which starts at an easy pace)
        if category is Category.FLEXIBILITY and step.dose.hold is not None:
            return (
                f"'{step.exercise.name}' is a held stretch with no warm-up before it; the "
                "sources ask for a few minutes of moving first (add arm circles or leg swings "
                "at the start)"
            )
    return ""
