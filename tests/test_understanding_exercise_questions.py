"""A question about an exercise asked "with a sore back" is a question about the exercise; pain
said anywhere else in it is still pain, and mid-routine the coach still stops for it."""

from __future__ import annotations

import pytest

from local_runner.recogniser import default_recogniser
from local_runner.session import LocalSession
from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.modes import Mode
from skill.stores.memory import MemoryStore
from tests.conftest import fixed_clock


@pytest.mark.parametrize(
    ("text", "exercise"),
    [
        ("is it bad to touch my toes with a sore back", "toe_touches"),
        ("is it okay to do the cat cow with my sore back", "cat_cow"),
        ("should i be doing sit ups with a sore back", "sit_ups"),
        # A worry about what the exercise might do, said last.
        ("can i do leg raises with both the legs or it will strain the back", "leg_lifts"),
        ("is it alright for me to do sit ups or will they make it worse", "sit_ups"),
        ("can i do leg raises or will they make me back worse", "leg_lifts"),
        ("is it okay if i do some sit ups or is that gonna make it worse", "sit_ups"),
    ],
)
def test_an_exercise_question_with_a_sore_back_as_its_condition_is_that_question(
    text: str, exercise: str
) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slot("exercise")) == (ev.EXPLAIN_EXERCISE, exercise)


@pytest.mark.parametrize(
    "text",
    [
        "is it normal to feel a sharp pain in the cat cow",  # pain in the stretch
        "should i do sit ups with a sore back it's killing me",  # pain beside the condition
        "i did the cat cow with a sore back and now it hurts",  # not a question
        "can i do leg raises it hurts or will it strain my back",  # pain before the worry
        "i did the leg raises and it will strain my back",  # not a question
        "is it bad that my foot goes numb in the cat cow",  # a symptom, not a worry
        "can i do the cat cow or will it hurt because it hurts now",  # pain after the worry
        "could i do the cat cow or might it hurt my back is absolutely killing me",
    ],
)
def test_pain_outside_the_condition_is_still_pain(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG)


def test_mid_hold_the_coach_still_stops_for_the_sore_back_it_hears() -> None:
    session = LocalSession(coach=Coach(clock=fixed_clock), store=MemoryStore())
    session.start()
    session.say("start the lower back routine")
    session.say("next")
    reply = session.say("is it bad to touch my toes with a sore back")
    assert reply.spoken_text().startswith("Stop there")
    assert session.state.session.mode == Mode.PAIN_CHECK


def test_a_sharp_one_in_the_small_of_my_back_is_pain_not_a_request_for_a_routine() -> None:
    said = "hang about that's a sharp one in the small of my back"
    assert default_recogniser().parse(said).name == ev.FEELING
    asked = default_recogniser().parse("give me a gentle one for my back")
    assert (asked.name, asked.slot("routine")) == (ev.START_ROUTINE, "lower_back")
