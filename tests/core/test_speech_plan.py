"""The speech plan and the voice queue, on a fake clock with known clip lengths.

A small library of our own (the real one's spoken words are being written elsewhere): one
balance hold per side with switch words and spoken safety, one set of reps with its own
movement words and words for the end.
"""

from __future__ import annotations

import pytest

from neuroguide.core.cues import Cue, CuePriority, Tone
from neuroguide.core.library import Category, Dose, Exercise, Position, Routine, Step
from neuroguide.core.routine_file import RoutineCatalog
from neuroguide.core.speech_plan import dry_run, format_script, plan_speech
from neuroguide.core.timeline import PhaseKind, stretched_get_ready
from neuroguide.core.voice_queue import VoiceQueue
from neuroguide.present.phase_text import reps_text


def exercise(
    ident: str,
    name: str,
    steps: tuple[str, ...] = ("Stand by a wall.", "Lift one foot.", "Look at one spot."),
    **words: object,
) -> Exercise:
    return Exercise(
        id=ident,
        name=name,
        category=Category.BALANCE,
        position=Position.STANDING,
        needs=("wall",),
        support="A wall",
        side_word="leg",
        summary="",
        steps=steps,
        safety=("Hold the wall.",),
        source="test",
        illustration="",
        dose=Dose(hold=10),
        **words,  # type: ignore[arg-type]
    )


STAND = exercise(
    "one-leg",
    "One leg stand",
    spoken_safety="Keep your eyes on one spot and a hand near the wall",
    switch_words="Now stand on your {side} leg",
    key_step=1,
)
SIT = exercise(
    "sit-to-stand",
    "Sit to stand",
    ("Sit at the front of a chair.", "Stand up without your hands."),
    rep_words=("Stand up", "Sit down"),
    after_words="Rise slowly",
    spoken_safety="Keep breathing. Stop if it hurts.",
)
ROUTINE = Routine(
    id="mine",
    name="Mine",
    description="",
    steps=(
        Step(STAND, Dose(hold=20, sides=("left", "right"))),
        Step(SIT, Dose(reps=4, cadence=4)),
    ),
)


def length_by_words(text: str, tone: Tone | None) -> float:
    """Known clip lengths: 0.4 s a word, plus the tone."""
    return 0.4 * len(text.split()) + (0.3 if tone else 0.0)


def said(routine: Routine = ROUTINE, known: tuple[str, ...] = ()) -> list[str]:
    plan = plan_speech(routine, minimum=5, known=known, lengths=length_by_words)
    return [u.text for u, _ in dry_run(plan, length_by_words).said]


def test_the_get_ready_rule_keeps_the_minimum_and_stretches_to_the_words_plus_a_breath() -> None:
    assert stretched_get_ready(5, 0.0) == 5
    assert stretched_get_ready(5, 3.5) == 5
    assert stretched_get_ready(5, 9.2) == 11  # 9.2 s of words and a 1-s breath, rounded up
    assert stretched_get_ready(5, 9.2, breath=2.0) == 12


def test_each_get_ready_lasts_as_long_as_its_announcement_plus_a_breath() -> None:
    plan = plan_speech(ROUTINE, minimum=5, lengths=length_by_words)
    ready = [p for p in plan.session().timeline if p.kind is PhaseKind.GET_READY]
    assert [p.seconds > 5 for p in ready] == [True, True]  # both announcements outlast 5 s
    script = dry_run(plan, length_by_words)
    holds = [line.at for line in script.lines if line.kind == "say" and line.text == "Hold."]
    announced_until = max(
        line.at + line.seconds for line in script.lines if line.kind == "say" and line.at < holds[0]
    )
    assert announced_until + 1.0 <= holds[0] + 1e-6  # the words end, a breath, then "Hold"


def test_no_transition_is_dropped_cut_or_late_and_counts_start_on_their_second() -> None:
    plan = plan_speech(ROUTINE, minimum=5, lengths=length_by_words)
    script = dry_run(plan, length_by_words)
    spoken, transitions = script.spoken_share(urgent=True)
    assert spoken == transitions > 0
    assert not [u for u in script.dropped if u.urgent]
    for utterance, started in script.said:
        if utterance.cue.priority is CuePriority.COUNT:
            assert started - utterance.at < 0.12, utterance.text


def test_a_transition_cuts_an_older_clip_at_once_and_waits_for_nothing() -> None:
    queue = VoiceQueue()
    name = Cue("One leg stand. Stand by a wall.", CuePriority.NAME, 0.0, 0, 0)
    assert queue.offer(name, 0.0).start is not None
    hold = Cue("Hold.", CuePriority.TRANSITION, 5.0, 1, 0, Tone.WORK)
    decision = queue.offer(hold, 5.0)
    assert decision.cut is not None and decision.cut.text == "One leg stand."
    assert decision.start is not None and decision.start.text == "Hold."
    assert decision.start.tone is Tone.WORK
    assert queue.dropped == [], "a name's or safety line's sentences are never dropped"
    assert [u.text for u in queue.waiting] == ["Stand by a wall."], "said after the new cue"


def test_a_transition_drops_older_counts_notes_and_transitions_but_not_safety() -> None:
    queue = VoiceQueue()
    queue.offer(Cue("Halfway. Keep breathing.", CuePriority.INFO, 0.0, 1, 0), 0.0)
    queue.offer(Cue("Rest. Relax your shoulders.", CuePriority.TRANSITION, 0.5, 1, 0), 0.5)
    queue.offer(Cue("Keep your knees soft.", CuePriority.SAFETY, 0.5, 1, 0), 0.5)
    decision = queue.offer(Cue("Hold.", CuePriority.TRANSITION, 1.0, 2, 0), 1.0)
    assert decision.cut is not None and decision.cut.text == "Rest."
    assert [u.text for u in queue.dropped] == ["Relax your shoulders."]
    assert decision.start is not None and decision.start.text == "Hold."
    assert [u.text for u in queue.waiting] == ["Keep your knees soft."]


def test_a_count_never_cuts_and_is_dropped_rather_than_said_late() -> None:
    queue = VoiceQueue()
    queue.offer(Cue("Hold. Keep breathing.", CuePriority.SAFETY, 0.0, 1, 0), 0.0)
    three = Cue("3.", CuePriority.COUNT, 0.5, 1, 0, Tone.TICK)
    decision = queue.offer(three, 0.5)
    assert decision.cut is None and decision.start is None
    assert queue.finished(0.6) is not None  # "Keep breathing." goes on
    assert queue.finished(2.0) is None  # the counts are too late by now
    assert {u.text for u in queue.dropped} == {"3."}


def test_a_count_is_said_without_its_tick_since_the_number_is_the_tick() -> None:
    queue = VoiceQueue()
    decision = queue.offer(Cue("3.", CuePriority.COUNT, 0.0, 1, 0, Tone.TICK), 0.0)
    assert decision.start is not None and decision.start.tone is None


def test_the_first_time_every_step_is_said_and_after_that_the_key_step() -> None:
    first = " ".join(said())
    assert all(step in first for step in STAND.steps)
    known = " ".join(said(known=("one-leg", "sit-to-stand")))
    assert "Lift one foot." in known and "Stand by a wall." not in known


def test_safety_is_said_in_every_hold_and_set_and_the_after_words_at_the_end() -> None:
    words = said(known=("one-leg", "sit-to-stand"))
    assert words.count("Keep your eyes on one spot and a hand near the wall.") == 2
    assert words.count("Stop if it hurts.") == 1
    assert words.index("Rise slowly.") > words.index("4, stand up.")


def test_the_switch_names_the_new_side_and_what_changes() -> None:
    words = said(known=("one-leg", "sit-to-stand"))
    assert "Switch to your right leg." in words
    assert "Now stand on your right leg." in words


def test_reps_use_the_exercise_words_and_the_number_the_screen_shows() -> None:
    plan = plan_speech(ROUTINE, minimum=5, lengths=length_by_words)
    session = plan.session()
    reps = next(p for p in session.timeline if p.kind is PhaseKind.REPS)
    start = sum(p.seconds for p in session.timeline[: reps.index])
    script = dry_run(plan, length_by_words)
    numbered = [line for line in script.lines if line.kind == "show" and "stand up." in line.text]
    assert [line.text for line in numbered] == ["2, stand up.", "3, stand up.", "4, stand up."]
    for line in numbered:
        number = line.text.split(",")[0]
        assert reps_text(reps, line.at - start).startswith(f"{number} of 4")
    begin = next(line for line in script.lines if line.kind == "show" and line.text == "Begin.")
    assert reps_text(reps, begin.at - start).startswith("1 of 4")
    assert any(line.text == "Sit down." for line in script.lines)


@pytest.mark.parametrize("minimum", [0, 5, 10])
def test_every_built_in_routine_dry_runs_with_every_transition_on_time(
    catalog: RoutineCatalog, minimum: int
) -> None:
    for routine in catalog.routines.values():
        plan = plan_speech(routine, minimum=minimum)
        script = dry_run(plan)
        spoken, transitions = script.spoken_share(urgent=True)
        assert spoken == transitions, routine.id
        assert not [u for u in script.dropped if u.urgent], routine.id
        text = format_script(script)
        assert len(text) == len(script.lines)
        assert any("say" in row for row in text)
        ready = [p for p in plan.session().timeline if p.kind is PhaseKind.GET_READY]
        assert all(p.seconds >= minimum for p in ready)


def test_the_plan_lists_each_phrase_once_in_order_of_use() -> None:
    plan = plan_speech(ROUTINE, minimum=5, lengths=length_by_words)
    assert len(plan.phrases) == len(set(plan.phrases))
    assert plan.phrases[0] == ("One leg stand.", Tone.REST)
    assert ("Hold.", Tone.WORK) in plan.phrases


def test_a_switch_of_sides_lasts_until_its_words_end_and_then_counts_down() -> None:
    plan = plan_speech(ROUTINE, minimum=5, lengths=length_by_words)
    script = dry_run(plan, length_by_words)
    switch = next(p for p in plan.session().timeline if p.kind is PhaseKind.SWITCH_SIDES)
    assert switch.seconds > 5
    said = [u.text for u, _ in script.said]
    assert said.count("3.") == 3  # both holds' and the switch's countdowns, none dropped
    assert not script.dropped


def test_the_switch_rule_keeps_its_minimum_and_leaves_room_for_the_countdown() -> None:
    from neuroguide.core.timeline import stretched_switch

    assert stretched_switch(5, 0.0) == 5
    assert stretched_switch(5, 1.0) == 5
    assert stretched_switch(5, 3.3) == 7  # 3.3 s of words, half a breath, then 3, 2, 1
