"""What blind set 47 (Welsh Valleys, Newfoundland, Peckham, Singlish, Appalachian, Black
Country) taught: question tags that refuse nothing, an exercise named by the posture it is done
in, dialect negatives, and an emergency said as legs that cannot be lifted."""

from __future__ import annotations

import pytest

from local_runner.recogniser import default_recogniser
from local_runner.understanding.ood import ACTIONS
from local_runner.understanding.routine_requests import refuses
from local_runner.understanding.text import normalise
from skill.core import events as ev
from skill.core.triage import Triage


@pytest.mark.parametrize(
    "text",
    ["eh my lower back very pain one leh got stretch for that or not",
     "my back is so stiff have you got a stretch for that or not"],
)  # fmt: skip
def test_a_closing_or_not_asks_and_refuses_nothing(text: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slot("routine")) == (ev.START_ROUTINE, "lower_back")


@pytest.mark.parametrize(
    "text", ["my back hurts but i'd rather not", "not the lower back one", "no not now"]
)
def test_a_refusal_is_still_a_refusal(text: str) -> None:
    assert refuses(text)


@pytest.mark.parametrize(
    ("text", "exercise"),
    [("can i do that twist sat in my chair by here", "seated_twist"),
     ("how do i do the twist sitting in a chair", "seated_twist"),
     ("how do i do the hamstring one sittin in a chair", "seated_hamstring_stretch"),
     ("how do ya do the twist where ya lie down and drop the knees over", "lying_twist"),
     ("is it alright to lift both my legs up off the floor", "leg_lifts")],
)  # fmt: skip
def test_an_exercise_named_by_how_it_is_done_is_that_exercise(text: str, exercise: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slot("exercise")) == (ev.EXPLAIN_EXERCISE, exercise)


@pytest.mark.parametrize(
    ("text", "level"), [("i ay get pins and needles in baith legs", "emergency"),
                        ("it ay hurts at night", "urgent")]
)  # fmt: skip
def test_scots_ay_is_always_not_aint(text: str, level: str) -> None:
    assert Triage.default().assess(text).level == level


@pytest.mark.parametrize(
    ("text", "intent"),
    [("we ay got one o them big exercise balls", ev.NO_EQUIPMENT),
     ("i ay got a towel", ev.NO_EQUIPMENT),
     ("ok can already i done liao", ev.STOP),
     ("i'm finished already", ev.STOP)],
)  # fmt: skip
def test_dialect_negatives_and_closings_are_read(text: str, intent: str) -> None:
    assert default_recogniser().parse(text).name == intent


@pytest.mark.parametrize("text", ["is it done already", "are we done already"])
def test_asking_whether_something_is_done_ends_nothing(text: str) -> None:
    assert default_recogniser().parse(text).name not in (ev.STOP, ev.CANCEL)


@pytest.mark.parametrize(
    "text",
    ["i can't lift both my legs", "i cannot lift my legs", "ah cannit lift me legs"],
)  # fmt: skip
def test_legs_that_cannot_be_lifted_are_weakness_in_both_legs(text: str) -> None:
    assert Triage.default().assess(text).level == "emergency"
    assert default_recogniser().parse(text).name == ev.RED_FLAG


def test_one_leg_that_cannot_be_lifted_is_still_urgent() -> None:
    assert Triage.default().assess("i can't lift my left leg").level == "urgent"


@pytest.mark.parametrize(
    "text", ["i can't lift my legs that high on this one", "i can barely lift my knee to my chest"]
)
def test_how_far_a_stretch_goes_is_no_emergency(text: str) -> None:
    assert Triage.default().assess(text).level != "emergency"


def test_telling_someone_to_stop_pestering_ends_nothing() -> None:
    assert default_recogniser().parse("stop pressing me bruv i'm coming").name not in ACTIONS


@pytest.mark.parametrize(
    ("text", "exercise"),
    [("how dus thoo dee that yan wi the knee pulled up tiv yer chest", "knee_to_chest"),
     ("how dat cat an cow ting go again", "cat_cow"),
     ("is it owt good touchin me toes or should ah leave that be", "toe_touches")],
)  # fmt: skip
def test_northern_and_caribbean_exercise_questions_are_read(text: str, exercise: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slot("exercise")) == (ev.EXPLAIN_EXERCISE, exercise)


def test_ah_ay_got_is_i_have_not_got() -> None:
    text = "ah ay got one o' them big bouncy exercise balls"
    assert default_recogniser().parse(text).name == ev.NO_EQUIPMENT


@pytest.mark.parametrize(
    "text", ["me leg's gone aw pins an needles", "me foot feel like pins an needles"]
)
def test_pins_an_needles_said_short_is_a_nerve_sign(text: str) -> None:
    assert Triage.default().assess(text).flags


@pytest.mark.parametrize(
    ("text", "standard"),
    [("i had an mri last week", "i had an mri last week"), ("an hour ago", "an hour ago"),
     ("cat an cow", "cat and cow")],
)  # fmt: skip
def test_an_before_a_consonant_is_and_but_not_before_letters(text: str, standard: str) -> None:
    assert normalise(text) == standard


def test_carrying_things_is_not_carrying_on() -> None:
    assert default_recogniser().parse("i'm off to the cash and carry for stock").name not in ACTIONS
