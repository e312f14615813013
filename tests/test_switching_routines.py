"""Another routine asked for mid-step is asked about first: a misheard sentence never
abandons the routine the user is doing."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.events import Event
from skill.core.modes import Mode
from skill.core.parsing import StateError
from skill.core.reply import Timed
from skill.core.state import CoachState
from tests.alexa_direct import DirectSkill, directives
from tests.conftest import AlexaConversation, fixed_clock, intent_request, launch_request, speech
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


def test_only_a_yes_starts_the_routine_asked_for() -> None:
    state, reply = COACH.handle(asked_to_switch(), Event(ev.YES))
    assert state.session.routine_id == "hamstrings" and state.session.step_index == 0
    assert reply.spoken_text().startswith("Let's begin the hamstring routine")


def test_the_same_request_again_asks_again_and_another_is_asked_about() -> None:
    # "my hamstrings are tight" twice is two mishearings, not a yes.
    state, reply = COACH.handle(asked_to_switch(), HAMSTRINGS)
    assert state.session.mode == Mode.CONFIRM_SWITCH
    assert (state.session.routine_id, state.session.step_index) == ("lower_back", 1)
    state, reply = COACH.handle(state, Event(ev.START_ROUTINE, {"routine": "sciatica"}))
    assert "start the sciatica routine?" in reply.spoken_text()
    assert state.session.mode == Mode.CONFIRM_SWITCH and state.session.routine_id == "lower_back"


def test_naming_the_routine_under_way_stays_in_it_and_keeps_the_place() -> None:
    # "no, the lower back one" answers the question; it does not restart the routine.
    event = Event(ev.START_ROUTINE, {"routine": "lower_back"})
    state, reply = COACH.handle(asked_to_switch(), event)
    assert (state.session.mode, state.session.step_index) == (Mode.ROUTINE, 1)
    assert reply.spoken_text().startswith("Okay, staying with the lower back routine.")


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


def test_no_after_a_pause_goes_back_to_the_pause() -> None:
    paused, _ = COACH.handle(in_hold(), Event(ev.PAUSE))
    state, reply = COACH.handle(asked_to_switch(paused), Event(ev.NO))
    assert state.session.mode == Mode.PAUSED and not any(
        isinstance(s, Timed) for s in reply.segments
    )
    assert "say resume" in reply.spoken_text().lower()
    state, _ = COACH.handle(state, Event(ev.RESUME))
    assert (state.session.mode, state.session.step_index) == (Mode.ROUTINE, 1)


def test_a_routine_named_when_a_gentler_exercise_is_offered_is_asked_about_too() -> None:
    offered, _ = COACH.handle(in_hold(), Event(ev.FEELING, {"feeling": "worse"}))
    assert offered.session.mode == Mode.OFFER_GENTLER
    state = asked_to_switch(offered)
    state, reply = COACH.handle(state, Event(ev.NO))
    assert state.session.mode == Mode.OFFER_GENTLER and state.session.pending_exercise
    assert "Say yes to try" in reply.spoken_text()


def test_a_feeling_or_a_pause_said_while_asked_is_answered_as_itself() -> None:
    state, reply = COACH.handle(asked_to_switch(), Event(ev.FEELING, {"feeling": "worse"}))
    assert state.profile.avoided_exercises and "gentler" in reply.spoken_text()
    state, reply = COACH.handle(asked_to_switch(), Event(ev.PAUSE))
    assert state.session.mode == Mode.PAUSED


def test_a_stored_question_without_its_routine_is_not_trusted() -> None:
    with pytest.raises(StateError):
        CoachState.from_dicts(None, {"mode": "confirm_switch", "offered_routine": "hamstrings"})
    with pytest.raises(StateError):
        CoachState.from_dicts(None, {"mode": "routine", "routine_id": "x", "asked_in": "nowhere"})
    asked = asked_to_switch()
    again = CoachState.from_dicts(None, asdict(asked.session))
    assert (again.session.asked_in, again.session.offered_routine) == ("routine", "hamstrings")


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


def test_a_screen_shows_the_step_without_its_countdown_while_asked() -> None:
    skill = DirectSkill(screen=True)
    skill.send(launch_request())
    skill.send(intent_request("StartRoutineIntent", routine=("lower back", "lower_back")))
    held = directives(skill.send(intent_request("AMAZON.NextIntent")))[0]["datasources"]["coach"]
    assert held["holdSeconds"] == 30
    asked = skill.send(intent_request("StartRoutineIntent", routine=("hamstrings", "hamstrings")))
    shown = directives(asked)[0]["datasources"]["coach"]
    assert shown["exercise"] == "childs_pose" and shown["holdSeconds"] == 0


def test_the_local_runners_minutes_hold_for_a_routine_switched_to() -> None:
    from local_runner.session import LocalSession
    from skill.stores.memory import MemoryStore

    session = LocalSession(coach=COACH, store=MemoryStore(), minutes=8)
    session.start()
    session.say("start the hamstring routine")
    assert "leave it" in session.say("start the lower back routine").spoken_text()
    started = session.say("yes").spoken_text()
    assert "Exercise one of three: cat cow" in started  # the full routine has five
