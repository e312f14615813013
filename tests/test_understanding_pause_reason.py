"""A pause said with its reason is a pause; a pause phrase said to someone else, or running on
into its own object, is not. A stop said with a reason the coach does not follow pauses."""

from __future__ import annotations

import pytest

from local_runner.recogniser import default_recogniser
from skill.core import events as ev


@pytest.mark.parametrize(
    "text",
    [
        "hang on a sec the kettle's boiling",
        "oh sorry just a moment i've dropped my glasses under the settee",
        "wait for me abeg somebody dey knock",
        "stop i'm going to get the door",
        "stop it's not working for me",
    ],
)
def test_a_pause_with_its_reason_is_a_pause(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.PAUSE


@pytest.mark.parametrize(
    "text",
    [
        "hold on i'll put you on speaker",  # to the caller
        "hold on let me grab a pen what's the number",  # a question
        "hold on to the rail going down the stairs",  # "hold on to": one command
        "hold your horses i'm coming",  # a reply to someone calling
        "hold on to the rail grandma",
        "stop kicking the table",  # the stop goes on into its object
        "stop that right now or there's no ipad",
        "stop shouting i'm on the phone",
    ],
)
def test_a_pause_phrase_said_to_someone_else_is_not_a_pause(text: str) -> None:
    assert default_recogniser().parse(text).name != ev.PAUSE


@pytest.mark.parametrize(
    "text",
    [
        "wait sumting pull in muh back",  # Bajan: "something pulled in my back"
        "hold on nuffin helps it's killing me",
        "just a sec something twinged in my hip",
    ],
)
def test_a_pause_whose_reason_is_pain_is_heard_as_pain(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG)
