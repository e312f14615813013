"""A fall is a red flag when a person falls, not when a towel slips off a foot or the knees fall
to one side in a stretch (those words are set aside; any other fall in the sentence counts);
feeling denied of the legs ("i haven't been able to feel my legs") is the loss of feeling; pain
that wakes is night pain; a span of the pain itself is kept."""

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
    # What a review found the first version lost: a fall onto or off furniture, a thing and a
    # person falling in one sentence, a thing falling on the user.
    "fell off the chair this morning and my back is killing me",
    "fell on the floor in the bathroom",
    "me fell off the chair and hurt mi back",
    "the ball slipped out from under me and i hit the floor my back hurts",
    "the bath mat slipped from under me and now my back hurts",
    "my phone fell out of my pocket when i came off the ladder and hurt my back",
    "my back's been bad since the fall the pillow keeps slipping off",
    "keep falling to one side when i walk",
    "a box fell on me at work",
    # And what a second review found: a thing said right before the user's own fall.
    "i was carrying a box fell down the stairs and hurt my back",
    "my slipper slipped on the stairs and i hurt my back",
    "the shelf fell on my back",
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
    "i don't feel my legs burning anymore",
    "i don't feel my legs in this stretch",
    "i don't feel my bum in this one",
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


@pytest.mark.parametrize(
    "text",
    ["i'm waking up every night because of my back", "i wake up every night with it",
     "after a night of pain i can barely move", "i keep waking up stiff in the night",
     "i'm exhausted from getting up all night with the back pain"],
)  # fmt: skip
def test_pain_that_wakes_or_comes_at_night_is_night_pain(text: str) -> None:
    assert "night_or_rest_pain" in TRIAGE.assess(text).flags


@pytest.mark.parametrize(
    "text",
    ["aching from trying to get comfortable all night", "i get no relief from anything all night",
     "aching from working all week and it's not easing",
     "the pain stopped me from doing anything all week"],
)  # fmt: skip
def test_a_span_of_the_pain_itself_is_kept(text: str) -> None:
    assert TRIAGE.assess(text).level in ("urgent", "doctor") and TRIAGE.assess(text).flags
