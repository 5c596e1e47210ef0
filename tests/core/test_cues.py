"""The words of a session and their moments, from the real engine driven by a fake clock."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from neuroguide.core.clock import FakeClock
from neuroguide.core.cue_words import FOOT_CHECK
from neuroguide.core.cues import (
    Cue,
    CuePriority,
    CueWriter,
    Tone,
    dose_phrase,
    join,
    spoken_duration,
)
from neuroguide.core.events import PauseReason
from neuroguide.core.library import Library, Routine
from neuroguide.core.routine_file import RoutineCatalog
from neuroguide.core.session import Session, SessionState
from tests.core.conftest import CALF, make_routine

REACH = """
id = "reach"
name = "Reach"
[[steps]]
exercise = "overhead-reach"
hold = 30
sets = 2
rest = 10
"""
RAISES = """
id = "raises"
name = "Raises"
[[steps]]
exercise = "calf-raise"
reps = 6
cadence = 2
"""
WALK = """
id = "walk"
name = "Walk"
[[steps]]
exercise = "walk"
duration = 1200
"""

Timed = list[tuple[float, Cue]]


def play(
    session: Session, clock: FakeClock, writer: CueWriter, step: float = 0.25
) -> tuple[Timed, float]:
    """Run a session to its end, ticking every ``step`` seconds; cues with their offsets."""
    start = clock.now()
    cues = [(0.0, cue) for cue in writer.cues_for(session.start())]
    while session.state is not SessionState.FINISHED:
        clock.advance(step)
        cues += [(cue.at - start, cue) for cue in writer.cues_for(session.tick())]
    return cues, start


def spoken(
    routine: Routine, clock: FakeClock, known: tuple[str, ...] = (), **options: int
) -> Timed:
    session = Session(routine, clock, **options)
    cues, _ = play(session, clock, CueWriter(session.timeline, known))
    return cues


def texts(cues: Timed) -> list[str]:
    return [cue.text for _, cue in cues]


def at(cues: Timed, offset: float) -> str:
    """The text due at ``offset`` seconds into the session."""
    found = [cue.text for when, cue in cues if abs(when - offset) < 1e-6]
    assert len(found) == 1, (offset, found)
    return found[0]


def test_before_a_per_side_exercise_the_voice_gives_name_side_dose_instruction_and_safety(
    library: Library, clock: FakeClock
) -> None:
    cues = spoken(make_routine(library, CALF), clock, known=("calf-stretch",))
    first = cues[0][1]
    assert first.text == (
        "Calf stretch. Start with your left leg. Hold for 15 seconds, three times on each leg. "
        "Stand facing a wall and put both hands on it at chest height."
    )
    assert first.priority is CuePriority.NAME
    assert first.step_index == 0 and first.phase_index == 0
    # the exercise's safety line is said as each hold starts (a hold has the time for it)
    safety = library.exercises["calf-stretch"].spoken_safety
    assert safety and at(cues, 5).endswith(safety)


def test_the_first_time_an_exercise_is_met_every_step_is_said_and_only_then(
    library: Library, clock: FakeClock
) -> None:
    calf = library.exercises["calf-stretch"]
    cues = spoken(make_routine(library, CALF), clock)
    first = cues[0][1].text
    assert all(step in first for step in calf.steps)
    again = make_routine(library, CALF.replace('id = "calf"', 'id = "calf2"'))
    twice = Session(again, clock)
    writer = CueWriter(twice.timeline)
    writer.cues_for(twice.start())  # the first announcement marks it as explained
    assert writer.announcement(twice.timeline[0]).count(".") < first.count(".")


def test_a_routine_note_is_said_instead_of_the_first_safety_line(
    library: Library, catalog: RoutineCatalog, clock: FakeClock
) -> None:
    routine = make_routine(
        library,
        'id = "r"\nname = "Wall"\n[[steps]]\nexercise = "arm-circles"\nduration = 30\n'
        '[[steps]]\nexercise = "calf-raise"\nreps = 12\n'
        'note = "Keep a hand on the wall and your eyes on one spot."\n',
    )
    cues = spoken(routine, clock)
    announcement = next(text for text in texts(cues) if "Calf raise." in text)
    calf_raise = library.exercises["calf-raise"]
    # reps: the note, then the spoken safety line before the set (no time for it in the reps)
    assert announcement.endswith(
        f"Keep a hand on the wall and your eyes on one spot. {calf_raise.spoken_safety}"
    )
    assert calf_raise.safety[0] not in announcement
    assert announcement.startswith("And relax. Next exercise: Calf raise.")


def test_a_hold_has_halfway_five_seconds_three_two_one_and_relax_at_their_moments(
    library: Library, clock: FakeClock
) -> None:
    cues = spoken(make_routine(library, CALF), clock)
    # get ready 5 s, then the first 15-second hold, with the exercise's spoken safety line.
    safety = library.exercises["calf-stretch"].spoken_safety
    assert at(cues, 5) == f"Hold, 1 of 3. {safety}"
    assert at(cues, 12.5) == "Halfway."
    assert at(cues, 15) == "5 seconds."
    assert [at(cues, t) for t in (17, 18, 19)] == ["3.", "2.", "1."]
    assert at(cues, 20) == "And relax. Rest for 10 seconds — next, hold 2 of 3."


def test_the_breathing_reminder_comes_only_in_the_first_hold_of_each_side(
    library: Library, clock: FakeClock
) -> None:
    # An exercise without a spoken safety line falls back on the breathing line of its notes.
    calf = replace(library.exercises["calf-stretch"], spoken_safety="")
    library = replace(library, exercises={**library.exercises, "calf-stretch": calf})
    cues = spoken(make_routine(library, CALF), clock)
    # A 15-second hold has no time for it at halfway, so it comes as the hold starts.
    holds = [text for text in texts(cues) if "Hold, " in text]
    breathe = "Breathe slowly and evenly while you hold."
    assert [breathe in text for text in holds] == [True, False, False, True, False, False]
    halfway = [text for text in texts(cues) if text.startswith("Halfway")]
    assert halfway == ["Halfway."] * 6
    longer = spoken(make_routine(library, CALF.replace("hold = 15", "hold = 20")), clock)
    halfway = [text for text in texts(longer) if text.startswith("Halfway")]
    assert halfway[0] == f"Halfway. {breathe}" and halfway[1] == "Halfway."


def test_after_the_last_hold_of_a_side_the_voice_says_switch_to_the_other_leg(
    library: Library, clock: FakeClock
) -> None:
    cues = spoken(make_routine(library, CALF), clock)
    switches = [(when, text) for when, text in zip([w for w, _ in cues], texts(cues), strict=True)]
    found = [(when, text) for when, text in switches if "Switch" in text]
    # 5 get ready + 3 holds of 15 + 2 rests of 10 = 70 s
    assert found == [(70.0, "And relax. Switch to your right leg. Now your right leg goes back.")]


def test_without_a_switch_phase_the_first_hold_of_the_new_side_still_says_switch(
    library: Library, clock: FakeClock
) -> None:
    cues = spoken(make_routine(library, CALF), clock, switch_seconds=0)
    assert at(cues, 70).startswith(
        "And relax. Switch to your right leg. Now your right leg goes back. Hold, 1 of 3."
    )


def test_an_exercise_done_with_both_sides_never_hears_switch_or_a_side(
    library: Library, clock: FakeClock
) -> None:
    words = " ".join(texts(spoken(make_routine(library, REACH), clock)))
    assert "witch" not in words
    assert "left" not in words and "right" not in words
    assert "Hold for 30 seconds, twice." in words
    assert "Rest for 10 seconds — next, hold 2 of 2." in words


def test_reps_are_counted_as_each_rep_starts_with_the_movement_words(
    library: Library, clock: FakeClock
) -> None:
    cues = spoken(make_routine(library, RAISES), clock)
    # get ready 5 s, then 6 reps of 2 s: the number and "up" at the start, "down" half-way;
    # "Begin" starts the first rep.
    # The calf raise's own words: "Rise onto your toes" / "Lower slowly".
    assert at(cues, 5) == "Begin."
    assert at(cues, 6) == "Lower slowly."
    assert at(cues, 7) == "2, rise onto your toes."
    assert at(cues, 15) == "6, rise onto your toes."
    assert at(cues, 17).startswith("And relax. All done.")
    counts = [cue for _, cue in cues if cue.text in ("Lower slowly.", "2, rise onto your toes.")]
    assert {cue.priority for cue in counts} == {CuePriority.COUNT}


def test_a_long_walk_hears_the_time_every_five_minutes_halfway_and_the_last_minute(
    library: Library, clock: FakeClock
) -> None:
    cues = spoken(make_routine(library, WALK), clock)
    safety = library.exercises["walk"].spoken_safety
    assert at(cues, 5) == f"Start now, for 20 minutes. {safety}"
    assert at(cues, 305) == "5 minutes done, 15 minutes to go."
    halfway = at(cues, 605)
    assert halfway.startswith("Halfway.") and halfway.endswith("10 minutes done, 10 minutes to go.")
    assert at(cues, 905) == "15 minutes done, 5 minutes to go."
    assert at(cues, 1145) == "Last minute."
    assert at(cues, 1205).startswith("And relax. All done. You were active for 20 minutes.")


def test_with_no_get_ready_phase_the_exercise_is_announced_as_its_first_hold_starts(
    library: Library, clock: FakeClock
) -> None:
    cues = spoken(make_routine(library, CALF), clock, get_ready=0)
    assert at(cues, 0).startswith("Calf stretch. Start with your left leg.")
    safety = library.exercises["calf-stretch"].spoken_safety
    assert at(cues, 0).endswith(f"Hold, 1 of 3. {safety}")


def test_the_end_is_warm_and_says_the_active_time(library: Library, clock: FakeClock) -> None:
    cues = spoken(make_routine(library, REACH), clock)
    assert texts(cues)[-1] == (
        "And relax. All done. You were active for 1 minute. Well done, see you next time. "
        + FOOT_CHECK  # the overhead reach is done standing
    )


def test_a_stopped_session_says_how_long_the_person_was_active(
    library: Library, clock: FakeClock
) -> None:
    session = Session(make_routine(library, REACH), clock)
    writer = CueWriter(session.timeline)
    writer.cues_for(session.start())
    for _ in range(15):
        clock.advance(1)
        writer.cues_for(session.tick())
    (cue,) = writer.cues_for(session.stop())
    assert cue.text == (
        f"Session stopped. You were active for 10 seconds. Every bit counts. {FOOT_CHECK}"
    )
    assert cue.priority is CuePriority.NAME


@pytest.mark.parametrize(
    ("reason", "expected", "priority"),
    [
        (PauseReason.USER, "Paused.", CuePriority.NAME),
        (PauseReason.UNSTEADY, "Paused. Hold on to something steady", CuePriority.SAFETY),
    ],
)
def test_pauses_are_said_and_unsteadiness_comes_first(
    library: Library, clock: FakeClock, reason: PauseReason, expected: str, priority: CuePriority
) -> None:
    session = Session(make_routine(library, REACH), clock)
    writer = CueWriter(session.timeline)
    writer.cues_for(session.start())
    (cue,) = writer.cues_for(session.pause(reason))
    assert cue.text.startswith(expected) and cue.priority is priority
    assert writer.cues_for(session.resume())[0].text == "Carrying on."


def test_a_sleeping_machine_is_explained(library: Library, clock: FakeClock) -> None:
    session = Session(make_routine(library, REACH), clock)
    writer = CueWriter(session.timeline)
    writer.cues_for(session.start())
    clock.advance(600)
    words = texts([(0.0, cue) for cue in writer.cues_for(session.tick())])
    assert any("computer was asleep" in text for text in words)


def test_added_time_is_said(library: Library, clock: FakeClock) -> None:
    session = Session(make_routine(library, REACH), clock)
    writer = CueWriter(session.timeline)
    writer.cues_for(session.start())
    clock.advance(6)
    writer.cues_for(session.tick())
    assert [c.text for c in writer.cues_for(session.add_time(15))] == ["15 seconds more."]


def test_cues_of_one_moment_become_one_utterance_with_the_highest_priority_and_tone() -> None:
    count = Cue("3.", CuePriority.COUNT, 5.0, 1, 0, Tone.TICK)
    name = Cue("Calf stretch.", CuePriority.NAME, 5.0, 2, 1, Tone.WORK)
    joined = join(count, name)
    assert joined == Cue("3. Calf stretch.", CuePriority.NAME, 5.0, 2, 1, Tone.WORK)


def test_work_rest_and_counts_carry_distinct_tones(library: Library, clock: FakeClock) -> None:
    cues = spoken(make_routine(library, CALF), clock)
    assert cues[0][1].tone is Tone.REST  # get ready
    assert next(c for _, c in cues if c.text.startswith("Hold")).tone is Tone.WORK
    assert next(c for _, c in cues if c.text == "3.").tone is Tone.TICK
    assert next(c for _, c in cues if "Rest for" in c.text).tone is Tone.REST


def test_without_a_timeline_a_rest_says_only_its_length(library: Library, clock: FakeClock) -> None:
    session = Session(make_routine(library, REACH), clock)
    cues, _ = play(session, clock, CueWriter())
    assert "And relax. Rest for 10 seconds." in texts(cues)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(1, "1 second"), (45, "45 seconds"), (60, "1 minute"), (75, "1 minute 15 seconds"),
     (1200, "20 minutes"), (0, "0 seconds"), (14.2, "15 seconds")],
)  # fmt: skip
def test_durations_are_spoken_in_full_words(seconds: float, words: str) -> None:
    assert spoken_duration(seconds) == words


def test_dose_phrases_name_sets_and_sides_only_when_there_are_any(
    library: Library, clock: FakeClock
) -> None:
    def phrase(text: str) -> str:
        return dose_phrase(Session(make_routine(library, text), clock).timeline[0])

    assert phrase(CALF) == "Hold for 15 seconds, three times on each leg."
    assert phrase(RAISES) == "6 slow repetitions."
    assert phrase(WALK) == "Keep going for 20 minutes."


def test_every_built_in_routine_speaks_clear_true_sentences(
    catalog: RoutineCatalog, clock: FakeClock
) -> None:
    for routine in catalog.ordered():
        per_side = any(step.dose.sides for step in routine.steps)
        words = texts(spoken(routine, clock))
        assert words, routine.id
        for text in words:
            assert text.strip() and text[-1] in ".!", (routine.id, text)
            assert not re.search(r"\d (s|min)\b", text), (routine.id, text)
        assert per_side == any("Switch to your" in text for text in words), routine.id
