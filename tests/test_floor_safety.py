"""Safety on the floor, through the core, the Alexa endpoint and the local session alike."""

from __future__ import annotations

import pytest

from local_runner.session import LocalSession
from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.events import Event
from skill.core.modes import Mode
from skill.core.state import CoachState
from skill.stores.memory import MemoryStore
from tests.conftest import AlexaConversation, fixed_clock, speech

COACH = Coach(clock=fixed_clock)
EMERGENCY_STATEMENTS = [
    "numbness in my groin",
    "both my legs are weak",
    "I've got chest pain",
    "I wet myself",
    "I fell",
]


def in_hold(routine: str = "lower_back") -> CoachState:
    state, _ = COACH.handle(CoachState(), Event(ev.START_ROUTINE, {"routine": routine}))
    state, _ = COACH.handle(state, Event(ev.NEXT))  # child's pose: a hold
    return state


def local() -> LocalSession:
    session = LocalSession(coach=Coach(clock=fixed_clock), store=MemoryStore())
    session.start()
    session.say("start the lower back routine")
    session.say("next")
    return session


@pytest.mark.parametrize("said", EMERGENCY_STATEMENTS)
def test_emergency_said_as_a_statement_mid_hold_ends_the_routine_locally(said: str) -> None:
    session = local()
    reply = session.say(said)
    assert "call nine one one" in reply.spoken_text()
    assert not reply.expect_reply and session.ended
    assert session.state.profile.resume is None  # it stays stopped: nothing to pick up


@pytest.mark.parametrize("said", EMERGENCY_STATEMENTS)
def test_emergency_said_as_a_statement_mid_routine_ends_it_on_alexa(
    alexa: AlexaConversation, said: str
) -> None:
    alexa.launch()
    alexa.intent("StartRoutineIntent", routine=("lower back", "lower_back"))
    # However Alexa's NLU files it, the words reach triage first.
    payload = alexa.intent("RedFlagIntent", symptom=said)
    assert "call nine one one" in speech(payload)
    assert payload["response"]["shouldEndSession"] is True


def test_that_hurts_mid_hold_stops_at_once_and_asks_where() -> None:
    for event in (
        Event(ev.FEELING, {"feeling": "worse"}, {"feeling": "hurts"}),  # Alexa: "that hurts"
        Event(ev.FEELING, {"feeling": "worse"}, text="ouch that hurts"),  # typed or heard
        Event(ev.FALLBACK, text="ow that's sharp"),  # not understood, but it hurts
    ):
        state, reply = COACH.handle(in_hold(), event)
        said = reply.spoken_text()
        assert said.startswith("Stop there")
        assert "is the pain spreading, or does anything feel numb or weak" in said
        assert state.session.mode == Mode.PAIN_CHECK and not reply.aside


def test_pain_follow_up_decides_worse_or_doctor() -> None:
    state, _ = COACH.handle(in_hold(), Event(ev.FALLBACK, text="ouch"))
    calm, reply = COACH.handle(state, Event(ev.FALLBACK, text="just in my lower back"))
    assert "childs_pose" in calm.profile.avoided_exercises  # left out for two weeks
    assert "bring back child's pose" in reply.spoken_text()
    spreading, reply = COACH.handle(state, Event(ev.YES))
    assert spreading.session.mode == Mode.CARRY_ON_CHECK
    assert "book an appointment" in reply.spoken_text()
    nerve, reply = COACH.handle(state, Event(ev.FALLBACK, text="it's shooting down my leg"))
    assert nerve.session.mode == Mode.CARRY_ON_CHECK


def test_doctor_level_never_moves_on_by_itself() -> None:
    state, reply = COACH.handle(in_hold(), Event(ev.FALLBACK, text="my leg went numb"))
    assert state.session.mode == Mode.CARRY_ON_CHECK and reply.wait_seconds == 0
    for _ in range(3):
        state, reply = COACH.handle(state, Event(ev.AUTO_ADVANCE))
        assert state.session.mode == Mode.CARRY_ON_CHECK and "Exercise" not in reply.spoken_text()
    gently, reply = COACH.handle(state, Event(ev.RESUME))
    assert "Exercise three of five" in reply.spoken_text() and gently.session.mode == Mode.ROUTINE
    stopped, reply = COACH.handle(state, Event(ev.NO))
    assert not reply.expect_reply and stopped.session.mode == Mode.MENU


def test_worse_leaves_an_exercise_out_for_two_weeks_and_bring_back_undoes_it() -> None:
    state, reply = COACH.handle(in_hold(), Event(ev.FEELING, {"feeling": "worse"}))
    assert state.profile.avoided_exercises == {"childs_pose": "2026-12-05"}
    assert "for the next two weeks" in reply.spoken_text()
    state, reply = COACH.handle(state, Event(ev.BRING_BACK, {"exercise": "childs_pose"}))
    assert state.profile.avoided_exercises == {}
    assert "child's pose is back in your routines" in reply.spoken_text()


def test_an_exercise_left_out_comes_back_after_two_weeks() -> None:
    state, _ = COACH.handle(in_hold(), Event(ev.FEELING, {"feeling": "worse"}))
    later = Coach(clock=lambda: fixed_clock().replace(month=12, day=6))
    state, _ = later.handle(state, Event(ev.LAUNCH))  # a new session, three weeks on
    state, reply = later.handle(state, Event(ev.START_ROUTINE, {"routine": "lower_back"}))
    state, reply = later.handle(state, Event(ev.NEXT))
    assert "Exercise two of five: child's pose" in reply.spoken_text()


def test_worse_on_the_only_exercise_does_not_end_with_well_done() -> None:
    state, _ = COACH.handle(CoachState(), Event(ev.START_ROUTINE, {"routine": "breathing"}))
    state, reply = COACH.handle(state, Event(ev.FEELING, {"feeling": "worse"}))
    said = reply.spoken_text()
    assert "Well done" not in said and "go easy for the rest of the day" in said
    assert said.count("I'm leaving out relaxation breathing") == 1


def test_screen_mid_routine_returns_to_it_after_an_all_clear_or_carry_on() -> None:
    state, _ = COACH.handle(in_hold(), Event(ev.RED_FLAG))
    assert state.session.mode == Mode.SCREEN
    resumed, reply = COACH.handle(state, Event(ev.RESUME))
    assert resumed.session.mode == Mode.ROUTINE and "child's pose" in reply.spoken_text()
    for _ in range(COACH.triage.screen_length):
        state, reply = COACH.handle(state, Event(ev.NO))
    assert state.session.mode == Mode.ROUTINE
    assert "Let's go back to where we were" in reply.spoken_text()


def test_screen_stops_at_the_first_yes() -> None:
    state, _ = COACH.handle(CoachState(), Event(ev.RED_FLAG))
    state, reply = COACH.handle(state, Event(ev.YES))
    assert "emergency" in reply.spoken_text() and not reply.expect_reply


def test_ordinary_back_pain_outside_a_routine_offers_the_routine_that_suits_it() -> None:
    state, reply = COACH.handle(
        CoachState(), Event(ev.RED_FLAG, {"symptom": "my back keeps seizing up, help me loosen it"})
    )
    assert state.session.mode == Mode.OFFER_ROUTINE
    assert reply.spoken_text().endswith("The back spasm routine may help with that. Would you like to start it now?")
    state, reply = COACH.handle(state, Event(ev.YES))
    assert state.session.routine_id == "back_spasm" and "Let's begin the back spasm routine" in reply.spoken_text()


def test_how_long_is_left_is_an_aside_that_changes_nothing() -> None:
    before = in_hold()
    after, reply = COACH.handle(
        before, Event(ev.STATUS, {"remaining": "18", "side": "left"}, text="how long is left")
    )
    assert reply.aside and after.session == before.session
    # Mid-hold the answer is short, so the next count is not held up.
    assert reply.spoken_text() == "Child's pose, left side. About eighteen seconds to go."
    _, between = COACH.handle(before, Event(ev.STATUS))
    assert between.aside and between.spoken_text() == (
        "This is exercise two of five, child's pose. After this comes pelvic tilt."
    )  # no "say next" in an aside


def test_an_answer_mid_routine_always_has_a_way_on_hands_free() -> None:
    state, reply = COACH.handle(in_hold(), Event(ev.NO_EQUIPMENT, {"equipment": "stability_ball"}))
    assert state.session.mode == Mode.ROUTINE and reply.wait_seconds > 0
    assert reply.spoken_text().startswith("Okay, you don't have a stability ball.")


def test_a_routine_asked_for_with_a_doctor_level_reason_is_offered_after_the_advice() -> None:
    asked = Event(
        ev.START_ROUTINE,
        {"routine": "back_spasm"},
        text="my back locks up every few days can we do the spasm routine",
    )
    state, reply = COACH.handle(CoachState(), asked)
    said = reply.spoken_text()
    assert "should be checked by a doctor" in said and "back spasm routine" in said
    assert (state.session.mode, state.session.offered_routine) == (Mode.OFFER_ROUTINE, "back_spasm")
    assert state.session.routine_id is None  # nothing starts before the user says yes
    assert not said.startswith("Please stop this exercise")  # no exercise is going on


def test_worse_said_outside_a_routine_with_a_warning_sign_gets_that_signs_advice() -> None:
    # Alexa may file "my back's gone into spasm again, third time this month" as a feeling;
    # with no exercise to rate, "worse" describes the back, and its sign is answered.
    said = "my back's gone into spasm again third time this month"
    event = Event(ev.FEELING, {"feeling": "worse"}, {"feeling": said}, text=said)
    _, reply = COACH.handle(CoachState(), event)
    assert "triage_doctor" in reply.events
    # Mid-routine too: recurring spasms are more than a rating of the exercise.
    _, rated = COACH.handle(in_hold(), event)
    assert "triage_doctor" in rated.events


def test_a_feeling_that_says_how_long_it_has_lasted_mid_routine_gets_the_doctors_advice() -> None:
    for said in ("spasms every few days for a month now", "ouch it's hurt for three weeks now"):
        event = Event(ev.FEELING, {"feeling": "worse"}, text=said)
        _, reply = COACH.handle(in_hold(), event)
        assert "should be checked by a doctor or physiotherapist" in reply.spoken_text(), said


def test_worse_said_as_a_rating_mid_routine_stays_a_rating() -> None:
    event = Event(ev.FEELING, {"feeling": "worse"}, text="that made it worse")
    _, reply = COACH.handle(in_hold(), event)
    said = reply.spoken_text()
    assert "doctor" not in said and "leave it out for the next two weeks" in said
