"""What blind set 49 (Scouse, Nigerian in London, King Country shearer, South Boston, Glaswegian,
Cajun) taught: a feeling said by denying both better and worse, or one of them, is no change;
an engine or a car started is no routine started over; and two leftovers of earlier sets: a time
said of what was done ("from pullin them nets all week") is not how long the pain has lasted,
and Jamaican "it a bun mi" is pain."""

from __future__ import annotations

import pytest

from local_runner.recogniser import default_recogniser
from skill.core import events as ev
from skill.core.triage import Triage


@pytest.mark.parametrize(
    "text",
    ["it ain't no better ain't no worse neither", "it ain't better it ain't worse",
     "it isn't better", "ain't no different"],
)  # fmt: skip
def test_better_or_worse_denied_is_the_same(text: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots.get("feeling")) == (ev.FEELING, "same")


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("it's not better it's worse", "worse"),
        ("better no worse", "worse"),
        ("it's not worse no wait it is worse", "worse"),
        ("never better", "better"),
    ],
)
def test_the_feeling_said_beside_a_denied_one_stands(text: str, feeling: str) -> None:
    assert default_recogniser().parse(text).slots.get("feeling") == feeling


@pytest.mark.parametrize(
    "text", ["start the outboard and let's go", "start up the chainsaw", "stop the van here"]
)
def test_a_machine_started_or_stopped_is_no_action(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.FALLBACK


def test_a_routine_started_is_still_started() -> None:
    assert default_recogniser().parse("start the breathing one").name == ev.START_ROUTINE


@pytest.mark.parametrize(
    "text",
    ["my lower back's kinda tight from sitting gaming all night nothing else",
     "mais my low back stiff as a board from pullin them nets all week"],
)  # fmt: skip
def test_a_time_said_of_what_was_done_is_no_night_or_lasting_pain(text: str) -> None:
    assert Triage.default().assess(text).level == "selfcare"


def test_pain_lying_awake_all_night_is_still_night_pain() -> None:
    text = "my back hurts from lying awake all night"
    assert "night_or_rest_pain" in Triage.default().assess(text).flags


@pytest.mark.parametrize("text", ["eeh it a bun mi", "mi back a bun mi"])
def test_jamaican_burning_is_pain(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG)


def test_a_bun_asked_for_is_no_pain() -> None:
    assert default_recogniser().parse("can i have a bun me love").name == ev.FALLBACK
