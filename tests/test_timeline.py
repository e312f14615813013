"""Timelines the voice can keep: every cue has time to be said, and the body time to move."""

from __future__ import annotations

import re

import pytest

from skill.alexa.ssml import to_ssml
from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.coach.delivery import HANDS_FREE_WAIT, MOVE_WAIT
from skill.core.coach.plan import gentler_for
from skill.core.content import default_library
from skill.core.events import Event
from skill.core.modes import Mode
from skill.core.reply import Pause, Reply, Say, Timed, speech_seconds
from skill.core.state import CoachState
from skill.core.steps import MOVED_SETTLE_SECONDS, Dose, side_groups
from tests.conftest import fixed_clock

LIBRARY = default_library()
COACH = Coach(clock=fixed_clock)
ANSWERS = {
    Mode.SCREEN: Event(ev.NO),
    Mode.ASK_SIDE: Event(ev.SIDE, {"side": "left"}),
    Mode.ASK_RECENT: Event(ev.YES),
}


def hands_free(routine_id: str) -> list[Reply]:
    state, reply = COACH.handle(CoachState(), Event(ev.START_ROUTINE, {"routine": routine_id}))
    replies = [reply]
    while state.session.mode != Mode.MENU:
        state, reply = COACH.handle(state, ANSWERS.get(state.session.mode, Event(ev.AUTO_ADVANCE)))
        replies.append(reply)
    return replies


def all_timed() -> list[Timed]:
    timed = []
    for exercise in LIBRARY.exercises.values():
        if exercise.is_avoided:
            continue
        for gentle in (False, True) if exercise.gentle_rep_cues else (False,):
            for group in side_groups(Dose(exercise, exercise.reps, 30, gentle=gentle)):
                timed += [s for s in group if isinstance(s, Timed)]
    return timed


def test_no_cue_is_due_before_the_previous_one_can_be_said() -> None:
    for segment in all_timed():
        for cue, following in zip(segment.cues, segment.cues[1:], strict=False):
            assert following.at >= cue.at + speech_seconds(cue.text) - 1e-9, (cue, following)


def test_repetitions_leave_time_to_move_after_each_cue_on_alexa_too() -> None:
    exercise = LIBRARY.exercise("slump_glide")
    ssml = to_ssml(Reply(tuple(side_groups(Dose(exercise, 8, 30))[0])))
    counted = ssml.split("Follow my count.")[1]
    breaks = [int(ms) for ms in re.findall(r'<break time="(\d+)ms"/>', counted)]
    assert len(breaks) >= 2 * 8 - 1
    assert min(breaks) >= 2000  # each glide gets its two seconds of movement


def test_breathing_is_counted_with_the_breath_in_five_hold_one_out_three() -> None:
    exercise = LIBRARY.exercise("relaxation_breathing")
    (timed,) = [s for s in side_groups(Dose(exercise, 2, 30))[0] if isinstance(s, Timed)]
    said = [(cue.at, cue.text) for cue in timed.cues]
    assert said[:9] == [
        (0.0, "Breathe in."), (1.0, "Two."), (2.0, "Three."), (3.0, "Four."), (4.0, "Five."),
        (5.0, "Hold."), (6.0, "And out."), (7.0, "Two."), (8.0, "Three."),
    ]  # fmt: skip
    assert said[9] == (9.0, "Breathe in.")  # no rep number colliding with the count
    assert timed.seconds == 18.0


@pytest.mark.parametrize("routine_id", sorted(LIBRARY.routines))
def test_counting_starts_only_after_a_moment_to_settle(routine_id: str) -> None:
    for reply in hands_free(routine_id):
        segments = reply.segments
        for index, segment in enumerate(segments):
            if isinstance(segment, Timed):
                lead_in, settle = segments[index - 1], segments[index - 2]
                assert isinstance(lead_in, Say) and isinstance(settle, Pause)
                assert settle.seconds >= 3


def test_a_change_of_position_is_cued_and_gets_a_longer_settle_and_wait() -> None:
    replies = hands_free("lower_back")
    kneel_to_back = next(r for r in replies if "pelvic tilt" in r.spoken_text())
    assert "sit to one side, then roll onto your back" in kneel_to_back.spoken_text()
    pauses = [s.seconds for s in kneel_to_back.segments if isinstance(s, Pause)]
    assert pauses[0] == MOVED_SETTLE_SECONDS
    before = replies[replies.index(kneel_to_back) - 1]  # child's pose, before lying down
    assert before.wait_seconds == HANDS_FREE_WAIT + MOVE_WAIT
    assert "To get up, roll onto your side" in replies[-1].spoken_text()  # and up at the end


@pytest.mark.parametrize("routine_id", sorted(LIBRARY.routines))
def test_no_routine_needs_equipment_without_an_alternative(routine_id: str) -> None:
    routine = LIBRARY.routine(routine_id)
    for step in routine.steps:
        exercise = step.exercise
        if not exercise.equipment or step.optional or exercise.without:
            continue
        nothing = CoachState()
        nothing.profile.missing_equipment = list(exercise.equipment)
        gentler = gentler_for(COACH.ctx, exercise, nothing, routine)
        assert gentler is not None and not gentler.equipment, (routine_id, exercise.id)


def test_back_spasm_starts_with_breathing_on_the_floor_and_fetches_nothing() -> None:
    routine = LIBRARY.routine("back_spasm")
    assert routine.steps[0].exercise.id == "relaxation_breathing"
    assert {s.exercise.position for s in routine.steps} == {"lying"}
    assert all(not s.exercise.equipment or s.optional or s.exercise.without for s in routine.steps)
