"""A request padded with thanks, names, tags and repeats, or said after turning back from
someone else, is the request; pain said in a tag or named by its routine is still heard."""

from __future__ import annotations

import pytest

from local_runner.recogniser import default_recogniser
from local_runner.understanding.ood import ACTIONS
from local_runner.understanding.text import after_apology, without_padding
from skill.core import events as ev


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("i think i'll call it a day there thank you so much for your help dear",
         "i think i'll call it a day there"),
        ("righto back into it", "back into it"),
        ("aye that was canny that", "that was canny"),
        ("that's a bit grim that is", "that's a bit grim"),
        ("quit quit i said quit", "quit"),
        ("stop stop stop", "stop"),
        ("thank you", "thank you"),  # at least one word is left: thanks alone is not padding
        ("that's that", "that's that"),  # too short for a tag
        ("it is not that", "it is not that"),  # "that" is what is denied, not a tag
        ("you go first then me next i said next", "you go first then me next i said next"),
        ("okay i wonder if we might begin with the breathing", "begin with the breathing"),
        ("would it be possible to skip this one", "skip this one"),
        ("would it be possible to", "would it be possible to"),
    ],
)  # fmt: skip
def test_padding_is_taken_off(text: str, plain: str) -> None:
    assert without_padding(text) == plain


def test_what_follows_the_last_sorry_is_said_to_the_coach() -> None:
    assert after_apology("no put that down sorry um start the lower back one") == (
        "um start the lower back one"
    )
    for whole in ("sorry what was that", "oh sorry", "i'm so sorry", "he said sorry and moved on"):
        assert after_apology(whole) == whole


@pytest.mark.parametrize(
    ("text", "meant", "slots"),
    [
        ("i think i'll call it a day there thank you so much for your help dear", ev.STOP, {}),
        ("quit quit i said quit", ev.STOP, {}),
        ("righto back into it", ev.RESUME, {}),
        ("aye that was canny that", ev.FEELING, {"feeling": "better"}),
        ("no no put that down sorry um start the lower back one please", ev.START_ROUTINE,
         {"routine": "lower_back"}),
        ("how do you do this cat cow thing like", ev.EXPLAIN_EXERCISE, {"exercise": "cat_cow"}),
        ("back's seized right up mate after crutching all morning give us the spasm stuff",
         ev.START_ROUTINE, {"routine": "back_spasm"}),
        ("the backs of me thighs are like fencing wire mate sort them out will ya",
         ev.START_ROUTINE, {"routine": "hamstrings"}),
        ("it is feeling a bit more free now thank god", ev.FEELING, {"feeling": "better"}),
        ("the hugging your knees one how does that go again", ev.EXPLAIN_EXERCISE,
         {"exercise": "knee_to_chest"}),        ("i wonder if we might begin with something gentle for the lower part of my back",
         ev.START_ROUTINE, {"routine": "lower_back"}),
    ],
)  # fmt: skip
def test_a_padded_request_is_the_request(text: str, meant: str, slots: dict[str, str]) -> None:
    event = default_recogniser().parse(text)
    assert event.name == meant
    assert {k: event.slot(k) for k in slots} == slots


@pytest.mark.parametrize(
    "text", ["that's a bit grim that is", "that was grim", "ugh that's horrible"]
)
def test_discomfort_said_of_the_stretch_is_pain(text: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slot("feeling")) == (ev.FEELING, "worse")


@pytest.mark.parametrize(
    "text",
    [
        "hold the door for me",
        "oh sorry love stop that",
        "i'm sorry to hear that next time then",
        "the minister said sorry and then moved on to the next item",
        "he never says sorry he just skips the whole thing",
        "you go first then me next i said next",
        "sorry mum i'll start the dishes now",
        "any chance you could stop the car",
        "i wonder if you could pass the salt",
        # a greeting, a suggestion or "kindly" before a bare command is said to someone else
        "hello there next please",
        "hi there yes",
        "sorry for the wait next please",
        "perhaps we could stop for lunch",
        "would you kindly stop that",
    ],
)
def test_speech_to_others_is_not_made_an_action_by_the_second_reading(text: str) -> None:
    assert default_recogniser().parse(text).name not in ACTIONS


def test_canny_as_an_intensifier_is_not_better() -> None:
    assert default_recogniser().parse("canny tight that").slot("feeling") != "better"


def test_help_that_names_no_exercise_is_still_help() -> None:
    assert default_recogniser().parse("can you help me out here").name == ev.HELP


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("righto on we go", ev.NEXT),
        ("yeah back into it", ev.RESUME),
        ("okay no", ev.NO),  # an answer after an acknowledgement is read whole
        ("done what's next", ev.NEXT),  # so is a question
    ],
)
def test_an_acknowledgement_before_a_command_is_the_command(text: str, intent: str) -> None:
    assert default_recogniser().parse(text).name == intent


def test_pain_after_an_acknowledgement_and_a_command_is_still_heard() -> None:
    assert default_recogniser().parse("yeah next that hurts").name == ev.FEELING


def test_a_request_made_at_length_after_a_greeting_is_made_to_the_coach() -> None:
    text = "good morning dear i wonder if we might begin with something gentle for my sciatica"
    assert default_recogniser().parse(text).name == ev.START_ROUTINE
    assert default_recogniser().parse("hello coach next please").name == ev.NEXT
