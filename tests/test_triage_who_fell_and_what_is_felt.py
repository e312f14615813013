"""A fall is a red flag when a person falls, not when a towel slips off a foot or the knees fall
to one side in a stretch; and feeling denied of the legs ("i haven't been able to feel my legs")
is the loss of feeling, not a denial of a symptom."""

from __future__ import annotations

import pytest

from skill.core.triage import Triage

TRIAGE = Triage.default()

THINGS_FALLING = [
    "the towel keeps slipping off my foot",
    "my knees keep falling to one side is that ok",
    "my leg keeps falling over to the side",
    "the foam roller keeps slipping out from under me",
    "my glasses keep falling off",
    "the pillow fell off the couch",
    "the ball keeps slipping away",
    "my knees fall open in this one",
]

PEOPLE_FALLING = [
    "the mat slipped and i fell",
    "i fell over the ball and landed on my back",
    "the towel slipped off my foot and i fell off the chair",
    "after falling off the ladder my back is agony",
    "i keep falling over and my back hurts",
    "lost my balance and fell to the side and hurt my back",
    "went fell walking and had a fall",
    "i slipped on the ice and landed hard on my back",
]

FEELING_LOST = [
    ("i haven't been able to feel my legs since this morning", "both_legs"),
    ("i don't feel my feet", "both_legs"),
    ("i'm not feeling my legs at all", "both_legs"),
    ("i've not been able to feel my bum since yesterday", "saddle_numbness"),
]

FEELING_NOT_DENIED = [
    "i don't feel my legs are any looser",
    "i don't feel my hamstrings stretching",
    "i'm not feeling my best today",
    "i do not feel any numbness in my legs",
    "i don't feel my back is getting better",
]


@pytest.mark.parametrize("text", THINGS_FALLING)
def test_a_thing_or_a_leg_in_a_stretch_falling_is_no_fall(text: str) -> None:
    assert "serious_injury" not in TRIAGE.assess(text).flags


@pytest.mark.parametrize("text", PEOPLE_FALLING)
def test_a_person_said_to_fall_is_a_fall_whatever_else_fell(text: str) -> None:
    assessment = TRIAGE.assess(text)
    assert "serious_injury" in assessment.flags
    assert assessment.level == "emergency"


@pytest.mark.parametrize(("text", "flag"), FEELING_LOST)
def test_feeling_denied_of_the_legs_or_saddle_is_an_emergency(text: str, flag: str) -> None:
    assessment = TRIAGE.assess(text)
    assert flag in assessment.flags
    assert assessment.level == "emergency"


@pytest.mark.parametrize("text", FEELING_NOT_DENIED)
def test_a_feeling_or_a_numbness_denied_is_no_loss_of_feeling(text: str) -> None:
    assert TRIAGE.assess(text).level != "emergency"
