"""What sealed blind set 52 (Philadelphia, Bajan, Aberdeen Doric, Manglish, Cape Flats Kaaps,
Norfolk) taught: Afrikaans legs, feet and back ("bene", "voet", "my rug") and their numbness
("lam", "dood"); a foot that keeps flopping is foot drop, knees flopping in a twist are not;
spasms that do not go away whatever is done; a Bajan "uh is sixty two" is an age; Doric
"stairt", "wint", "efter"; Caribbean past told in the bare verb; a worry that an exercise will
"mess my back up worse" is a question, not a report."""

from __future__ import annotations

import pytest

from local_runner.recogniser import default_recogniser
from skill.core import events as ev
from skill.core.triage import Triage


@pytest.mark.parametrize(
    ("text", "level", "flag"),
    [("both my bene went weak and numb bru i can't hardly stand", "emergency", "both_legs"),
     ("my right foot keeps flopping when i walk and my back is sore", "urgent", "one_leg_weaker"),
     ("uh is sixty two and out of nowhere my back got a terrible pain", "urgent", "age_severe"),
     ("the spasms in my rug don't go away even when i do all the stretches", "doctor",
      "recurring_spasms")],
)  # fmt: skip
def test_the_sealed_sets_red_flags_are_heard(text: str, level: str, flag: str) -> None:
    answer = Triage.default().assess(text)
    assert (answer.level, flag in answer.flags) == (level, True)


@pytest.mark.parametrize(
    "text", ["my knees keep flopping to the side", "my knee is flopping over in the twist"]
)
def test_knees_flopping_in_a_twist_are_no_weakness(text: str) -> None:
    assert "one_leg_weaker" not in Triage.default().assess(text).flags


@pytest.mark.parametrize("text", ["my bene is gaan lam bru", "my voet is dood now"])
def test_afrikaans_numbness_mid_stretch_is_heard(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG)


def test_a_rug_lain_on_is_a_carpet() -> None:
    assert Triage.default().assess("lying on my rug").recognised is False
    assert default_recogniser().parse("lying on my rug").name == ev.FALLBACK


@pytest.mark.parametrize(
    ("text", "name", "slot"),
    [("a'm that stressed efter the shift offshore jist wint tae dee some breathin",
      ev.START_ROUTINE, "breathing"),
     ("foo div ye dee the knee tae chest een", ev.EXPLAIN_EXERCISE, "knee_to_chest"),
     ("stairt it a ower again fae the beginnin", ev.START_OVER, None),
     ("i'm done yo", ev.STOP, None),
     ("cheese on bread dat ease muh back nuff", ev.FEELING, "better"),
     ("sit ups can do or not", ev.EXPLAIN_EXERCISE, "sit_ups")],
)  # fmt: skip
def test_dialect_requests_are_read(text: str, name: str, slot: str | None) -> None:
    event = default_recogniser().parse(text)
    assert event.name == name
    assert slot is None or slot in event.slots.values()


@pytest.mark.parametrize(
    ("text", "name"), [("will it help me", ev.HELP), ("can that help my back", ev.START_ROUTINE)]
)
def test_help_asked_of_is_no_past_help(text: str, name: str) -> None:
    assert default_recogniser().parse(text).name == name


@pytest.mark.parametrize(
    "text",
    ["can i do toe touches or is that gonna mess my back up worse",
     "is it okay to do sit ups or will it screw my back up"],
)  # fmt: skip
def test_a_worry_about_an_exercise_is_a_question(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.EXPLAIN_EXERCISE


def test_workshop_talk_of_a_cover_put_back_on_is_no_command() -> None:
    text = "stretch that belt before you put the cover back on"
    assert default_recogniser().parse(text).name == ev.FALLBACK


# What the review of sets 51 and 52's changes found.


@pytest.mark.parametrize(
    "text",
    ["my legs keep flopping to the side in the twist", "i flopped down on the floor",
     "my knees keep flopping to the side", "the cushion keeps flopping off my hip"],
)  # fmt: skip
def test_flopping_said_of_a_stretch_is_no_weakness(text: str) -> None:
    assert "one_leg_weaker" not in Triage.default().assess(text).flags


@pytest.mark.parametrize(
    "text", ["my knee flops out when i walk", "my knees are flopping and i keep tripping"]
)
def test_a_knee_that_flops_as_one_walks_is_still_weakness(text: str) -> None:
    assert "one_leg_weaker" in Triage.default().assess(text).flags


@pytest.mark.parametrize(
    "text", ["wait till it ease off my back's locked", "my back's killing me hope it ease off soon"]
)
def test_relief_hoped_for_is_no_relief(text: str) -> None:
    event = default_recogniser().parse(text)
    assert event.name in (ev.FEELING, ev.RED_FLAG) and event.slots.get("feeling") != "better"


def test_a_hesitation_before_a_score_is_no_age() -> None:
    assert (
        "age_severe" not in Triage.default().assess("it's a new pain and the score uh is 7").flags
    )


@pytest.mark.parametrize("text", ["oo my back", "cheese on bread muh back"])
def test_a_cry_before_the_back_is_pain(text: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots.get("feeling")) == (ev.FEELING, "worse")


@pytest.mark.parametrize("text", ["i love my rug", "i'm hoovering my rug"])
def test_a_rug_talked_of_is_a_carpet(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.FALLBACK


@pytest.mark.parametrize("text", ["sige na po", "oo sige"])
def test_tagalog_go_ahead_is_yes(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.YES


@pytest.mark.parametrize(
    "text", ["my back feels worse after that one", "mi back feel worse after that one"]
)
def test_worse_after_that_one_is_the_feeling(text: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots.get("feeling")) == (ev.FEELING, "worse")
