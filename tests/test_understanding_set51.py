"""What blind set 51 (Pittsburgh, Belfast, Hawaii Pidgin, a Filipino nurse, Sheffield, Ghanaian
London) taught: Tagalog said in Filipino English ("masakit", "nahulog ako", "paano", "balik sa",
"oo sige"), hesitations drawn out as a transcript spells them ("uhhh", "ummm"), "pass us that"
hands something over, and "no better and no worse" is no change."""

from __future__ import annotations

import pytest

from local_runner.recogniser import default_recogniser
from skill.core import events as ev
from skill.core.triage import Triage

SAFETY = (ev.FEELING, ev.RED_FLAG)


@pytest.mark.parametrize(
    "text",
    ["masakit po my lower back", "makirot my lower back", "parang may kuryente sa binti ko"],
)
def test_tagalog_pain_mid_stretch_is_heard(text: str) -> None:
    event = default_recogniser().parse(text)
    assert event.name in SAFETY
    assert event.name == ev.RED_FLAG or event.slots.get("feeling") == "worse"


@pytest.mark.parametrize(
    ("text", "flag"),
    [("nahulog ako sa hagdan and my back is masakit", "serious_injury"),
     ("manhid yung both legs ko", "both_legs")],
)  # fmt: skip
def test_a_fall_or_numb_legs_said_in_tagalog_is_an_emergency(text: str, flag: str) -> None:
    answer = Triage.default().assess(text)
    assert (answer.level, flag in answer.flags) == ("emergency", True)


@pytest.mark.parametrize(
    ("text", "name", "slot"),
    [("paano ba the child's pose i forgot already", ev.EXPLAIN_EXERCISE, "childs_pose"),
     ("paano gawin the cat cow", ev.EXPLAIN_EXERCISE, "cat_cow"),
     ("balik sa previous one", ev.PREVIOUS, None),
     ("oo sige", ev.YES, None),
     ("remind me bukas at seven", ev.SET_REMINDER, "07:00")],
)  # fmt: skip
def test_tagalog_words_in_requests_are_read(text: str, name: str, slot: str | None) -> None:
    event = default_recogniser().parse(text)
    assert event.name == name
    assert slot is None or slot in event.slots.values()


def test_a_scots_tennis_ba_is_still_a_ball() -> None:
    event = default_recogniser().parse("eh've nae tennis ba")
    assert (event.name, event.slots.get("equipment")) == (ev.NO_EQUIPMENT, "tennis_ball")


@pytest.mark.parametrize(
    ("text", "name"),
    [("uhh yes", ev.YES), ("ummm next", ev.NEXT), ("errr yes", ev.YES), ("ehh no", ev.NO),
     ("uhhh skip this one", ev.SKIP)],
)  # fmt: skip
def test_a_drawn_out_hesitation_is_a_hesitation(text: str, name: str) -> None:
    assert default_recogniser().parse(text).name == name


def test_a_lone_m_is_no_hesitation() -> None:
    event = default_recogniser().parse("remind me seven a m")
    assert (event.name, event.slots.get("time")) == (ev.SET_REMINDER, "07:00")


def test_pass_us_that_hands_a_thing_over_and_pass_on_this_one_skips() -> None:
    assert default_recogniser().parse("pass us that chisel will ya").name == ev.FALLBACK
    assert default_recogniser().parse("pass on this one").name == ev.SKIP


@pytest.mark.parametrize("text", ["it's no better and no worse", "no better and no worse"])
def test_no_better_and_no_worse_is_the_same(text: str) -> None:
    event = default_recogniser().parse(text)
    assert (event.name, event.slots.get("feeling")) == (ev.FEELING, "same")
