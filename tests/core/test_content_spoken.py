"""Every built-in routine, run through the voice's dry-run, says the safety words each strength
and balance step needs: the support and gaze line for balance, breathing and "stop" for strength.

The dry-run (``neuroguide.core.speech_plan``) comes with the voice work; until it is on the
branch these tests are skipped, and from then on they run.
"""

from __future__ import annotations

import pytest

from neuroguide.core.library import Category, Library, Routine
from neuroguide.core.routine_file import RoutineCatalog
from neuroguide.core.seated import seated_version

speech_plan = pytest.importorskip("neuroguide.core.speech_plan")


def routines_to_check(catalog: RoutineCatalog, library: Library) -> list[Routine]:
    found: list[Routine] = []
    for routine in catalog.ordered():
        found.append(routine)
        version = seated_version(routine, library).routine
        if version is not None and version is not routine:
            found.append(version)
    return found


def test_every_strength_and_balance_step_hears_its_safety_line(
    catalog: RoutineCatalog, library: Library
) -> None:
    checked = 0
    for routine in routines_to_check(catalog, library):
        plan = speech_plan.plan_speech(routine, minimum=5)
        script = speech_plan.dry_run(plan)
        said: dict[int, str] = {}
        for utterance, _at in script.said:
            index = utterance.cue.step_index
            if index is not None:
                said[index] = f"{said.get(index, '')} {utterance.text}".lower()
        for index, step in enumerate(routine.steps):
            category = step.exercise.category
            if category not in (Category.STRENGTH, Category.BALANCE):
                continue
            checked += 1
            words = said.get(index, "")
            where = (routine.name, step.exercise.id)
            if category is Category.BALANCE:
                assert "wall" in words and ("eyes" in words or "spot" in words), where
            else:
                assert "breath" in words and "stop" in words, where
    assert checked >= 10
