"""Every step of every routine renders to SSML that Alexa accepts (DESIGN §7)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from skill.alexa.ssml import MAX_AUDIO_SECONDS, MAX_SSML_CHARS, breaks, reprompt_ssml, to_ssml
from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.content import default_library
from skill.core.events import Event
from skill.core.modes import Mode
from skill.core.reply import Reply, Say, Timed
from skill.core.state import CoachState
from skill.core.timing import MAX_HOLD, MIN_HOLD
from skill.core.words import number_words
from tests.conftest import fixed_clock

BREAK = re.compile(r'<break time="(\d+)ms"/>')


# How a user answers the checks some routines ask before the first exercise.
CHECK_ANSWERS = {
    Mode.SCREEN: Event(ev.NO),
    Mode.ASK_SIDE: Event(ev.SIDE, {"side": "right"}),
    Mode.ASK_RECENT: Event(ev.YES),
}


def walk(routine_id: str, hold: int, *, short: bool = False) -> list[Reply]:
    coach = Coach(clock=fixed_clock)
    state = CoachState()
    state.profile.hold_seconds = hold
    state.profile.prefer_short = short
    state, first = coach.handle(state, Event(ev.START_ROUTINE, {"routine": routine_id}))
    replies = [first]
    for _ in range(40):
        event = CHECK_ANSWERS.get(state.session.mode, Event(ev.NEXT))
        state, reply = coach.handle(state, event)
        replies.append(reply)
        if "routine_finished" in reply.events:
            return replies
    raise AssertionError(f"{routine_id} did not finish")


def check(reply: Reply) -> None:
    ssml = to_ssml(reply)
    ET.fromstring(ssml)  # well-formed XML
    assert len(ssml) < MAX_SSML_CHARS
    assert all(int(ms) <= 10_000 for ms in BREAK.findall(ssml))
    assert reply.estimated_seconds() <= MAX_AUDIO_SECONDS
    if reply.expect_reply:
        reprompt = reprompt_ssml(reply)
        assert reprompt is not None
        ET.fromstring(reprompt)


@pytest.mark.parametrize("hold", [MIN_HOLD, 30, MAX_HOLD])
@pytest.mark.parametrize("routine_id", sorted(default_library().routines))
def test_every_step_fits_alexa_limits(routine_id: str, hold: int) -> None:
    replies = walk(routine_id, hold)
    for reply in replies:
        check(reply)
    # With full instructions the first time, every step must still be spoken.
    spoken = " ".join(r.spoken_text() for r in replies)
    for step in default_library().routine(routine_id).steps:
        assert step.exercise.name in spoken


def test_long_holds_split_sides_across_turns() -> None:
    replies = walk("hamstrings", MAX_HOLD)
    # 120 s a side cannot fit twice in one 240 s response: the right side comes on the next turn.
    assert any("Say next when you're ready for the other side" in r.spoken_text() for r in replies)
    assert any(r.spoken_text().startswith("Back to seated hamstring stretch") for r in replies)
    holds = [s for r in replies for s in r.segments if isinstance(s, Timed) and s.kind == "hold"]
    assert {h.side for h in holds} == {"left", "right"}
    assert all(h.seconds == MAX_HOLD for h in holds)


def test_breaks_are_split_into_ten_second_tags() -> None:
    assert breaks(25) == '<break time="10000ms"/><break time="10000ms"/><break time="5000ms"/>'


def test_text_is_escaped() -> None:
    reply = Reply((Say('Fish & chips <b> "quoted"'),), True, "a < b")
    ssml = to_ssml(reply)
    assert "&amp;" in ssml and "&lt;b&gt;" in ssml
    ET.fromstring(ssml)
    ET.fromstring(reprompt_ssml(reply) or "")


def test_hold_counts_land_on_schedule_in_ssml() -> None:
    # 30 s hold: the breaks before "Ten" and between counts add up to the schedule.
    reply = walk("hamstrings", 30)[0]
    hold_ssml = to_ssml(Reply(tuple(s for s in reply.segments if isinstance(s, Timed))[:1]))
    gaps = [int(ms) for ms in BREAK.findall(hold_ssml)]
    assert abs(sum(gaps) / 1000 - 30) < 3.5  # cue speech fills the rest


def test_whole_response_is_under_24_kb(alexa) -> None:  # type: ignore[no-untyped-def]
    alexa.launch()
    alexa.intent("HoldTimeIntent", seconds="120")
    payload = alexa.intent("StartRoutineIntent", routine=("back spasm", "back_spasm"))
    assert len(json.dumps(payload).encode()) < 24 * 1024


@pytest.mark.parametrize("routine_id", sorted(default_library().routines))
def test_short_versions_fit_and_do_only_their_steps(routine_id: str) -> None:
    routine = default_library().routine(routine_id)
    replies = walk(routine_id, 30, short=True)
    for reply in replies:
        check(reply)
    headings = [s.text for r in replies for s in r.segments if isinstance(s, Say)]
    count = len(routine.short_steps or routine.steps)
    assert sum(1 for h in headings if h.startswith("Exercise ")) == count
    assert any(
        h.endswith(f"of {number_words(count)}: {routine.steps[0].exercise.name}.") for h in headings
    )
