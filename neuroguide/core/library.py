"""The exercise library and routines as immutable values.

Loading and validation live in :mod:`neuroguide.core.routine_file` and
:mod:`neuroguide.core.exercise_file`; this module only says what a valid thing looks like, so
the engine, the GUI and the history can rely on it without re-checking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from neuroguide.core.schedule import Schedule


class Category(StrEnum):
    """What kind of exercise it is; the GUI groups and the cues phrase by it."""

    WARM_UP = "warm-up"
    FLEXIBILITY = "flexibility"
    BALANCE = "balance"
    STRENGTH = "strength"
    AEROBIC = "aerobic"


class Position(StrEnum):
    """How the exercise is done; ``EITHER`` means it works standing or from a chair."""

    STANDING = "standing"
    SEATED = "seated"
    EITHER = "either"


SIDES = ("left", "right")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""What an exercise's or a routine's id may be: a-z, 0-9 and single hyphens."""
NEEDS = ("wall", "chair", "weights", "band", "bike", "pool")

# Plain-word labels for what an exercise needs, shown on routine cards.
NEED_LABELS = {
    "wall": "a wall or sturdy counter",
    "chair": "a sturdy chair",
    "weights": "light weights",
    "band": "a resistance band",
    "bike": "an exercise bike",
    "pool": "a pool",
}


@dataclass(frozen=True)
class Dose:
    """How much of an exercise: exactly one of ``hold``, ``reps`` or ``duration`` is set.

    ``sets`` counts holds or sets per side; ``rest`` is the pause between them in seconds.
    """

    hold: int | None = None
    reps: int | None = None
    duration: int | None = None
    sets: int = 1
    sides: tuple[str, ...] = ()
    rest: int = 0
    cadence: int | None = None
    load: str = ""
    """What to hold or wear for it ("1 kg ankle weight"): shown, said once, printed."""

    @property
    def work_seconds(self) -> int:
        """Seconds of one hold, one paced set or one timed block."""
        if self.hold is not None:
            return self.hold
        if self.reps is not None:
            return self.reps * (self.cadence or DEFAULT_CADENCE)
        assert self.duration is not None
        return self.duration

    def describe(self) -> str:
        """A short human description, e.g. ``15 s hold × 3, each side``."""
        if self.hold is not None:
            text = f"{self.hold} s hold"
        elif self.reps is not None:
            text = f"{self.reps} reps"
        else:
            text = format_duration(self.work_seconds)
        if self.sets > 1:
            text += f" × {self.sets}"
        if self.sides:
            text += ", each side"
        return text


DEFAULT_CADENCE = 3


@dataclass(frozen=True)
class Source:
    """Where an exercise's facts and doses come from."""

    id: str
    title: str
    publisher: str = ""


@dataclass(frozen=True)
class Exercise:
    """One exercise of the library, with everything the player shows and the voice says."""

    id: str
    name: str
    category: Category
    position: Position
    needs: tuple[str, ...]
    support: str
    side_word: str
    summary: str
    steps: tuple[str, ...]
    safety: tuple[str, ...]
    source: str
    illustration: str
    dose: Dose
    seated_alternative: str | None = None
    rep_words: tuple[str, str] | None = None
    """What the voice says on each rep: the movement, then the way back ("Stand up",
    "Sit down"). ``None``: the generic "Up" / "And down"."""
    spoken_safety: str = ""
    """The one safety line said aloud in every hold or set (gaze and support, breathing,
    "stop if it hurts"); empty when there is none."""
    after_words: str = ""
    """Said when the exercise ends, e.g. "Rise slowly." after bending forward."""
    key_step: int = 0
    """Index into ``steps`` of the instruction that matters most (the short announcement)."""
    switch_words: str = ""
    """Said at a side switch to name what changes ("Now the right leg goes back"); may hold
    ``{side}``, replaced by the new side."""
    wheelchair: str = ""
    """How to do a seated exercise from a wheelchair (brakes, footrests, staying back)."""
    halfway_words: str = ""
    """Said at halfway instead of the breathing line, when something changes there ("Now
    circle backward")."""
    picture: str = ""
    """An own exercise's ``picture`` as written in its file (a figure name or a relative path);
    ``illustration`` then holds the figure's file or the image's absolute path."""
    own: bool = False
    """Defined by the person (``<data dir>/exercises`` or inline in a routine), not shipped."""

    @property
    def is_standing_balance(self) -> bool:
        """Standing balance work is what needs the safety check and the "unsteady" control."""
        return self.position is Position.STANDING and (
            self.category is Category.BALANCE or "wall" in self.needs
        )


@dataclass(frozen=True)
class Step:
    """One exercise within a routine, with the dose this routine gives it."""

    exercise: Exercise
    dose: Dose
    note: str = ""
    setup: int = 0
    """Seconds before the step starts, at the least (to strap on a weight): its get-ready is
    this long when the setting's or the words' would be shorter."""
    wheelchair: bool = False
    """Say the exercise's wheelchair words as this step is announced (set for a wheelchair
    user on the first step of each exercise: :mod:`neuroguide.core.wheelchair`)."""


@dataclass(frozen=True)
class HandoutDetails:
    """Who a printed handout is for and who gave it (a routine file's ``[handout]`` table);
    each is optional and printed only when given."""

    patient: str = ""
    giver: str = ""
    """The physiotherapist's name (``from`` in the file)."""
    contact: str = ""
    """How to reach them: a telephone number, a clinic."""

    def __bool__(self) -> bool:
        return bool(self.patient or self.giver or self.contact)


@dataclass(frozen=True)
class Routine:
    """A named sequence of steps; ``origin`` is the file it came from (for messages)."""

    id: str
    name: str
    description: str
    steps: tuple[Step, ...]
    origin: str = ""
    builtin: bool = True
    get_ready: int | None = None
    seated_name: str = ""
    """The name of the seated version when "<name> (seated)" would be untrue (a balance
    routine whose seated version trains no balance); empty for the default."""
    seated_description: str = ""
    """The seated version's description, when the routine's own does not fit it."""
    schedule: Schedule | None = None
    """How often the routine is meant to be done (``[schedule]``), if it says."""
    exercises: tuple[Exercise, ...] = ()
    """Own exercises written inline in the routine's file (``[[exercises]]``)."""
    handout: HandoutDetails = field(default_factory=HandoutDetails)
    """The patient's and the physiotherapist's names for the printed handout."""

    @property
    def position(self) -> str:
        """``standing``, ``seated`` or ``mixed``: can the whole routine be done from a chair?"""
        positions = {step.exercise.position for step in self.steps} - {Position.EITHER}
        if Position.STANDING not in positions:
            return "seated"
        if Position.SEATED not in positions:
            return "standing"
        return "mixed"

    @property
    def needs(self) -> tuple[str, ...]:
        """Everything the routine needs, in library order, each once."""
        found = {need for step in self.steps for need in step.exercise.needs}
        return tuple(need for need in NEEDS if need in found)

    @property
    def has_standing_balance(self) -> bool:
        """Whether the pre-session safety check applies."""
        return any(step.exercise.is_standing_balance for step in self.steps)


@dataclass(frozen=True)
class Library:
    """All exercises by id, and the sources they cite."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)

    def get(self, exercise_id: str) -> Exercise | None:
        """Return the exercise or ``None``."""
        return self.exercises.get(exercise_id)


def format_duration(seconds: float) -> str:
    """``75`` -> ``1 min 15 s``; ``1200`` -> ``20 min``; ``36000`` -> ``10 h``; rounded up."""
    whole = int(-(-seconds // 1))
    hours, rest = divmod(whole, 3600)
    if hours:
        minutes = rest // 60
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    minutes, secs = divmod(whole, 60)
    if minutes and secs:
        return f"{minutes} min {secs} s"
    if minutes:
        return f"{minutes} min"
    return f"{secs} s"
