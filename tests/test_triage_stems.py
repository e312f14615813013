"""Red-flag terms are matched by stem; a stem must not reach everyday words that name no
symptom ("number" stems to "numb", "slippers" to "slipp" as "slipped" does), while the symptom
words themselves, and a real fall or leak said beside them, still raise the flag."""

from __future__ import annotations

import pytest

from skill.core.triage import Triage

TRIAGE = Triage.default()

NOT_SYMPTOMS = [
    "what number am i on",
    "backs of my legs are that tight i can't reach my slippers",
    "been walking the fells all day and my back is stiff",
    "i was up on the fell all day gathering sheep and my back's stiff",
    "pass me that tumbler of water",
    "that feller on the telly",
    "we were felling trees and my back aches",
    "my back is tinged with a bit of stiffness",
    "the collider experiment on the news",
    "i've got hives",
    "the roof leaks when it rains",
    "my back is a bit stiff it's chilly in here",
    "wet and chilly out today and my back is stiff",
]

SYMPTOMS = [
    ("my legs are numb", "nerve_symptoms"),
    ("my bum is numbing", "saddle_numbness"),
    ("my left side's gone all numb", "numbness"),
    ("my arm feels tingly", "numbness"),
    ("i slipped on the ice and my back hurts", "serious_injury"),
    ("i was slipping on the stairs and hurt my back", "serious_injury"),
    ("i fell on the fell side and hurt my back", "serious_injury"),
    ("i took a tumble down the stairs", "serious_injury"),
    ("i collided with a car on my bike", "serious_injury"),
    ("i'm hiv positive and my back hurts", "immune_risk"),
    ("i've been leaking a bit when i cough", "bladder_bowel"),
    ("i feel chilly and my back aches", "fever"),
    # What a review found the first exceptions had hidden: house words reached by stem ("tired"
    # is "tire", "new" is "news"), a fall said beside a fell, chills said other ways.
    ("i'm incontinent and tired all the time", "bladder_bowel"),
    ("new leaking since my back went", "bladder_bowel"),
    ("i've been leaking like a tap", "bladder_bowel"),
    ("fell walking the dog and hurt my back", "serious_injury"),
    ("i was out on the fell and took a tumble", "serious_injury"),
    ("i'm a bit chilly and my back aches", "fever"),
    ("my feet are getting number", "both_legs"),
]


@pytest.mark.parametrize("text", NOT_SYMPTOMS)
def test_words_a_stem_reaches_raise_no_flag(text: str) -> None:
    assert TRIAGE.assess(text).flags == ()


@pytest.mark.parametrize(("text", "flag"), SYMPTOMS)
def test_the_symptom_words_still_raise_their_flag(text: str, flag: str) -> None:
    assert flag in TRIAGE.assess(text).flags


def test_a_cry_with_sweet_is_still_a_cry_and_a_streak_said_the_same_is_no_lasting_pain() -> None:
    assert TRIAGE.assess("oh my back sweet jesus").pain
    assert "not_easing" not in TRIAGE.assess("i've done it all week at about the same time").flags
