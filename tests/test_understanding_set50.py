"""What sealed blind set 50 (Bangalore, Brummie, Free State Afrikaans, North Wales Welsh, Chicago
South Side, Queensland tradie) taught: "sort it out" asks for help, Indian English "i am having"
is "i have", being back after smoko answers someone
elsewhere, but not a plan said beside a request ("i want to be back in shape")."""

from __future__ import annotations

import pytest

from local_runner.recogniser import default_recogniser
from skill.core import events as ev
from skill.core.triage import Triage


@pytest.mark.parametrize(
    "text",
    ["me back's gone into spasm bab sort it out for us will ya", "back's spasmin mate sort it out"],
)
def test_sort_it_out_asks_for_the_spasm_routine(text: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots.get("routine")) == (ev.START_ROUTINE, "back_spasm")


@pytest.mark.parametrize(
    ("text", "equipment"),
    [("i am having foam roller at home", "foam_roller"),
     ("i'm having a tennis ball here", "tennis_ball")],
)  # fmt: skip
def test_i_am_having_a_thing_is_having_it(text: str, equipment: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots.get("equipment")) == (ev.HAVE_EQUIPMENT, equipment)


def test_back_after_smoko_answers_someone_elsewhere_and_a_pause_with_it_still_pauses() -> None:
    assert default_recogniser().parse("yeah nah i'll be back after smoko").name == ev.FALLBACK
    assert default_recogniser().parse("hold on i'll be back in a minute").name == ev.PAUSE


@pytest.mark.parametrize(
    "text", ["the pain woke me at three this morning", "my back pain wakes me every night"]
)
def test_pain_that_wakes_is_still_night_pain(text: str) -> None:
    assert "night_or_rest_pain" in Triage.default().assess(text).flags


@pytest.mark.parametrize(
    "text",
    ["i want to be back in shape start the lower back routine",
     "turn on the heater then start the lower back routine"],
)  # fmt: skip
def test_a_routine_asked_for_beside_other_plans_is_started(text: str) -> None:
    assert default_recogniser().parse(text).name == ev.START_ROUTINE
