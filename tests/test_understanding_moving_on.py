"""Skip and next both move on to the next exercise: a sentence the classifier splits between
them is as sure as the two together."""

from __future__ import annotations

import pytest

from local_runner.recogniser import default_recogniser
from local_runner.understanding.classified import sureness
from skill.core import events as ev


def test_a_moving_on_intent_is_as_sure_as_skip_and_next_together() -> None:
    probabilities = {ev.NEXT: 0.6, ev.SKIP: 0.3, ev.NO: 0.1}
    assert sureness(ev.NEXT, probabilities) == pytest.approx(0.9)
    assert sureness(ev.SKIP, probabilities) == pytest.approx(0.9)
    assert sureness(ev.NO, probabilities) == pytest.approx(0.1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("leave this exercise and go to the next one", ev.NEXT),
        ("jump over this exercise and go to the next", ev.SKIP),
        ("i can't get into that position just move on", ev.NEXT),
    ],
)
def test_a_sentence_split_between_skip_and_next_moves_on(text: str, expected: str) -> None:
    assert default_recogniser().parse(text).name == expected
