"""Another routine asked for mid-step is asked about first: a misheard sentence never
abandons the routine the user is doing."""

from __future__ import annotations

import pytest

from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.events import Event
from skill.core.modes import Mode
from skill.core.reply import Timed
from skill.core.state import CoachState
from tests.conftest import AlexaConversation, fixed_clock, speech
from tests.test_floor_safety import in_hold

COACH = Coach(clock=fixed_clock)
HAMSTRINGS = Event(ev.START_ROUTINE, {"routine": "hamstrings"}, {"routine": "hamstrings"})


def asked_to_switch(state: CoachState | None = None) -> CoachState:
    state, _ = COACH.handle(state or in_hold(), HAMSTRINGS)
    assert state.session.mode == Mode.CONFIRM_SWITCH
    return state


def test_another_routine_mid_hold_stops_the_step_and_asks_before_leaving() -> None:
    before = in_hold()
    state, reply = COACH.handle(before, HAMSTRINGS)
    assert reply.spoken_text() == (
        "I've stopped the lower back routine for a moment. "
        "Do you want to leave it and start the hamstring routine?"
    )
    assert not reply.aside and not any(isinstance(s, Timed) for s in reply.segments)
    assert reply.expects == (ev.YES, ev.NO)
    assert (state.session.routine_id, state.session.step_index) == ("lower_back", 1)


def test_yes_or_asking_again_starts_the_routine_asked_for() -> None:
    for answer in (Event(ev.YES), HAMSTRINGS):
        state, reply = COACH.handle(asked_to_switch(), answer)
        assert state.session.routine_id == "hamstrings" and state.session.step_index == 0
        assert reply.spoken_text().startswith("Let's begin the hamstring routine")


@pytest.mark.parametrize("answer", [ev.NO, ev.RESUME, ev.NEXT])
def test_no_gives_the_same_step_again(answer: str) -> None:
    state, reply = COACH.handle(asked_to_switch(), Event(answer))
    assert state.session.mode == Mode.ROUTINE
    assert (state.session.routine_id, state.session.step_index) == ("lower_back", 1)
    said = reply.spoken_text()
    assert said.startswith("Okay, staying with the lower back routine. Exercise two of five")
    assert any(isinstance(s, Timed) for s in reply.segments)  # the hold is counted again


def test_the_same_routine_asks_whether_to_start_it_again() -> None:
    state, reply = COACH.handle(in_hold(), Event(ev.START_ROUTINE, {"routine": "lower_back"}))
    assert "We're in the lower back routine now" in reply.spoken_text()
    state, reply = COACH.handle(state, Event(ev.YES))
    assert state.session.step_index == 0 and state.session.mode == Mode.ROUTINE


def test_pain_said_while_asked_is_heard_and_stop_keeps_the_place() -> None:
    state, reply = COACH.handle(asked_to_switch(), Event(ev.FALLBACK, text="ow that's sharp"))
    assert state.session.mode == Mode.PAIN_CHECK and reply.spoken_text().startswith("Stop there")
    state, reply = COACH.handle(asked_to_switch(), Event(ev.STOP))
    assert "Next time, I can pick up from child's pose" in reply.spoken_text()


def test_anything_else_asks_the_question_again() -> None:
    state, reply = COACH.handle(asked_to_switch(), Event(ev.PREVIOUS))
    assert state.session.mode == Mode.CONFIRM_SWITCH
    assert "Do you want to leave it and start the hamstring routine?" in reply.spoken_text()


def test_outside_a_step_a_routine_starts_at_once() -> None:
    state, _ = COACH.handle(CoachState(), HAMSTRINGS)
    assert state.session.routine_id == "hamstrings" and state.session.mode == Mode.ROUTINE


def test_alexa_asks_too_and_yes_switches(alexa: AlexaConversation) -> None:
    alexa.launch()
    alexa.intent("StartRoutineIntent", routine=("lower back", "lower_back"))
    asked = alexa.intent("StartRoutineIntent", routine=("hamstrings", "hamstrings"))
    assert "Do you want to leave it and start the hamstring routine?" in speech(asked)
    assert asked["response"]["shouldEndSession"] is False
    assert "Let's begin the hamstring routine" in speech(alexa.intent("AMAZON.YesIntent"))
