"""A pause said with its reason is a pause; a pause phrase said to someone else, or running on
into its own object, is not."""

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
    ],
)
def test_a_pause_phrase_said_to_someone_else_is_not_a_pause(text: str) -> None:
    assert default_recogniser().parse(text).name != ev.PAUSE
