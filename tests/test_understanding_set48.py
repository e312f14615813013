"""What sealed blind set 48 (Geordie, Trinidadian, Cork, Texan, Polish in Dublin, Jamaican in
Birmingham) taught: an emergency said in Geordie, pain below the knee that has lasted, pain
that runs down a leg (no routine being run), softened requests, and other speech to machines
and to people elsewhere."""

from __future__ import annotations

import pytest

from local_runner.recogniser import default_recogniser
from local_runner.understanding.ood import ACTIONS
from skill.core import events as ev
from skill.core.triage import Triage


def test_geordie_numbness_round_the_privates_is_an_emergency() -> None:
    text = "me back's been bad and noo ah cannit feel owt doon below roond me privates"
    assert Triage.default().assess(text).level == "emergency"


@pytest.mark.parametrize(
    "text",
    ["there's a pain down below me knee on the one side that's been there a month",
     "there's a pain below my knee"],
)  # fmt: skip
def test_pain_below_the_knee_is_a_nerve_sign(text: str) -> None:
    result = Triage.default().assess(text)
    assert result.level == "doctor" and "nerve_symptoms" in result.flags


def test_having_been_somewhere_is_no_lasting_pain() -> None:
    assert "not_easing" not in Triage.default().assess("i've been there twice this week").flags


@pytest.mark.parametrize("text", ["me towel keeps slippin off me foot", "me back's fallin apart"])
def test_things_slipping_and_falling_are_no_fall(text: str) -> None:
    assert Triage.default().assess(text).level != "emergency"


def test_pain_that_has_been_there_a_month_has_not_eased() -> None:
    text = "me back's sore and it's been there a month"
    assert "not_easing" in Triage.default().assess(text).flags


@pytest.mark.parametrize(
    "text",
    ["that's grabbin somethin fierce in my back", "something like a shock run down my leg",
     "something like a shock run down mih leg"],
)  # fmt: skip
def test_pain_said_in_passing_is_caught(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.FEELING, ev.RED_FLAG)


@pytest.mark.parametrize(
    ("text", "routine"),
    [("mih back ketch a spasm it jumping and locking up help meh nah", "back_spasm"),
     ("run the sciatica routine", "sciatica")],
)  # fmt: skip
def test_a_softened_or_plain_request_starts_its_routine(text: str, routine: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slot("routine")) == (ev.START_ROUTINE, routine)


def test_the_twist_done_sitting_down_is_the_seated_twist() -> None:
    event = default_recogniser().parse("how yuh do di twist when yuh siddung pon di chair")
    assert (event.name, event.slot("exercise")) == (ev.EXPLAIN_EXERCISE, "seated_twist")


@pytest.mark.parametrize(
    "text",
    ["stop the mixer is enough", "turn off the engine", "yes ma'am i'll be right there"],
)  # fmt: skip
def test_speech_to_machines_and_to_people_elsewhere_is_no_action(text: str) -> None:
    assert default_recogniser().parse(text).name not in ACTIONS


@pytest.mark.parametrize(
    "text",
    ["stop the session", "stop", "hold on the kettle's boiling", "hold on i'll be right there",
     "stop the stretch i need to turn off the oven", "can you stop i have to turn off the tap"],
)  # fmt: skip
def test_stopping_the_coach_is_still_heard(text: str) -> None:
    assert default_recogniser().parse(text).name in (ev.STOP, ev.PAUSE)
