"""Routine lengths for the terminal's lists (``routines``, ``check``), as ``play`` would run
them for this person: the seated version and the wheelchair words their settings ask for,
what their history says they already know, and their voice's clip lengths."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date

from neuroguide.core.heard_length import heard_seconds
from neuroguide.core.library import Library, Routine, format_duration
from neuroguide.core.preparation import prepare_routine
from neuroguide.core.runner import get_ready_seconds
from neuroguide.core.speech_plan import ClipLength
from neuroguide.paths import Paths
from neuroguide.settings import Settings
from neuroguide.speech.heard import settings_lengths


@dataclass(frozen=True)
class Lengths:
    """Measures routines for one person: their settings, voice and history."""

    library: Library
    settings: Settings
    known: Collection[str]
    lengths: ClipLength
    gentle: int | None = None

    @classmethod
    def for_person(cls, paths: Paths, library: Library, settings: Settings) -> Lengths:
        """The lengths as this data folder's person will hear them."""
        from neuroguide.store.session_start import read_session_start  # SQLite on first use

        start = read_session_start(paths.history_db, settings, date.today())
        lengths = settings_lengths(paths, settings)
        return cls(library, settings, start.known, lengths, start.gentle_level)

    def seconds(self, routine: Routine) -> int:
        """``routine``'s length as ``play`` runs it (the seated version when the settings say
        seated only; the routine as written if it has none)."""
        prepared = prepare_routine(
            routine,
            self.library,
            seated_only=self.settings.seated_only,
            gentle_level=self.gentle,
            wheelchair=self.settings.wheelchair,
        ).routine
        runs = prepared if prepared is not None else routine
        minimum = get_ready_seconds(runs, self.settings.get_ready_seconds)
        return heard_seconds(runs, minimum=minimum, known=self.known, lengths=self.lengths)

    def text(self, routine: Routine) -> str:
        """``7 min 42 s``."""
        return format_duration(self.seconds(routine))

    def first_and_later(self, routine: Routine) -> str:
        """``7 min 50 s the first time, 6 min 12 s after``: for a physiotherapist's check of a
        new routine, whose person has not heard every step yet (one figure if both agree)."""
        # every step's exercise, and the library's (a seated version swaps some in)
        everything = {step.exercise.id for step in routine.steps} | set(self.library.exercises)
        first = format_duration(replace(self, known=()).seconds(routine))
        later = format_duration(replace(self, known=frozenset(everything)).seconds(routine))
        return first if first == later else f"{first} the first time, {later} after"
