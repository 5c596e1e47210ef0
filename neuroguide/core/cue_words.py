"""The phrases cues are made of: durations, sides, doses and sentences, in words a voice reads
well (never ``s`` or ``min``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from neuroguide.core.library import Category, Exercise, Position
from neuroguide.core.spoken_text import spoken
from neuroguide.core.timeline import Phase

FOOT_CHECK = (
    "Now take off your shoes and socks and look at both feet, the soles and between the toes. "
    "Look for blisters, red marks, cuts or sores: numb feet may not feel them."
)
"""Said at the end of every session on the feet or the pedals (walk, ride, water, standing
work): pressure on numb feet can hurt them unnoticed, and a daily look is how it is caught."""


def needs_foot_check(exercises: Iterable[Exercise]) -> bool:
    """A session with standing work or aerobic exercise (walk, ride, water) ends with the foot
    check; a session done sitting, with the feet at rest, does not."""
    return any(e.position is Position.STANDING or e.category is Category.AEROBIC for e in exercises)


TIMES = {1: "once", 2: "twice", 3: "three times", 4: "four times", 5: "five times"}


def spoken_duration(seconds: float) -> str:
    """``75`` -> ``1 minute 15 seconds``: words a voice reads well (never ``s`` or ``min``)."""
    whole = int(-(-seconds // 1))
    minutes, secs = divmod(whole, 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'' if minutes == 1 else 's'}")
    if secs or not minutes:
        parts.append(f"{secs} second{'' if secs == 1 else 's'}")
    return " ".join(parts)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_BARE_NUMBER = re.compile(r"\d+\.")


def sentences(text: str) -> list[str]:
    """``"Hold. Keep breathing."`` -> ``["Hold.", "Keep breathing."]``: the units the voice
    renders and plays, so a long instruction is cached and cut sentence by sentence."""
    parts: list[str] = []
    for part in (p.strip() for p in _SENTENCE_END.split(text)):
        if part and parts and _BARE_NUMBER.fullmatch(parts[-1]):
            parts[-1] = f"{parts[-1]} {part}"  # "1. Up." is one count: said whole or not at all
        elif part:
            parts.append(part)
    return parts


def as_sentence(words: str) -> str:
    """Words with a full stop if they end without one (spoken words from files vary), their
    short forms spelt out as they are said ("15 s" -> "15 seconds", see ``spoken_text``)."""
    words = spoken(words.strip())
    return words if not words or words[-1] in ".!?" else f"{words}."


def rep_words(exercise: Exercise) -> tuple[str, str]:
    """The exercise's own two movement words for a rep, or the generic "Up" / "And down"."""
    if exercise.rep_words:
        first, second = exercise.rep_words
        return as_sentence(first), as_sentence(second)
    return "Up.", "And down."


def side_noun(exercise: Exercise | None) -> str:
    """What one of ``exercise``'s sides is called: its own word ("leg", "arm") or "side"."""
    return (exercise.side_word if exercise is not None else "") or "side"


def side_words(phase: Phase) -> tuple[str, str] | None:
    """The side a phase works and what to call it (``("left", "leg")``, ``("right", "side")``);
    ``None`` for exercises done with both sides at once. The voice and the screen both say it
    from here (:func:`side_phrase`, ``present.phase_text.side_text``)."""
    if phase.side is None:
        return None
    return phase.side, side_noun(phase.exercise)


def side_phrase(phase: Phase) -> str:
    """``your left leg`` / ``your right side``; empty for exercises done with both sides."""
    words = side_words(phase)
    return f"your {words[0]} {words[1]}" if words else ""


def dose_phrase(phase: Phase) -> str:
    """``Hold for 15 seconds, three times on each leg.`` and the like."""
    dose = phase.step.dose
    each = f" on each {side_noun(phase.exercise)}" if dose.sides else ""
    if dose.hold is not None:
        times = f", {TIMES.get(dose.sets, f'{dose.sets} times')}" if dose.sets > 1 else ""
        return f"Hold for {spoken_duration(dose.hold)}{times}{each}."
    if dose.reps is not None:
        noun = "repetition" if dose.reps == 1 else "repetitions"
        sets = f", {dose.sets} sets" if dose.sets > 1 else ""
        return f"{dose.reps} slow {noun}{sets}{each}."
    return f"Keep going for {spoken_duration(dose.work_seconds)}{each}."


def breathing_line(phase: Phase) -> str:
    """The exercise's own reminder to breathe, if its safety notes have one."""
    return next((line for line in phase.exercise.safety if "breath" in line.lower()), "")
