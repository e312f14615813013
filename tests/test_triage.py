"""Red-flag triage: the dev set, a wider table of phrasings, the screen and in-routine safety."""

from __future__ import annotations

from pathlib import Path

import pytest

from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.events import Event
from skill.core.state import CoachState
from skill.core.triage import RANK, Triage
from tests.conftest import AlexaConversation, fixed_clock, speech

DEV_SET = Path(__file__).resolve().parent / "data" / "redflags_dev.tsv"
TRIAGE = Triage.default()


def passes(expected: str, got: str) -> bool:
    """The dev set's scoring rule: at or above for flags; no false alarm (urgent+) for selfcare."""
    if expected == "selfcare":
        return got not in ("emergency", "urgent")
    return RANK[got] <= RANK[expected]


def read_tsv(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, level = line.split("\t")[:2]
            rows.append((text, level.strip()))
    return rows


@pytest.mark.parametrize(("text", "expected"), read_tsv(DEV_SET))
def test_dev_set(text: str, expected: str) -> None:
    assert passes(expected, TRIAGE.assess(text).level)


# Our own wider table: everyday words, word order, negation, several flags, ASR-ish slips.
OWN_TABLE = [
    # emergency
    ("my inner thighs feel numb", "emergency"),
    ("tingling around my bottom", "emergency"),
    ("I've lost feeling between my legs", "emergency"),
    ("numbness in my groan", "emergency"),
    ("i can't control my bowl movements", "emergency"),
    ("tinglin round my back passage", "emergency"),
    ("my genitals feel numb", "emergency"),
    ("pins and needles in my saddle area", "emergency"),
    ("I wet myself and my back hurts", "emergency"),
    ("I can't pee properly since yesterday", "emergency"),
    ("I've had accidents with my bowels", "emergency"),
    ("trouble passing water", "emergency"),
    ("i can't tell when i need the toilet", "emergency"),
    ("both my legs feel weak", "emergency"),
    ("my legs keep giving way", "emergency"),
    ("numbness in both legs", "emergency"),
    ("I was in a car crash last week and my back hurts", "emergency"),
    ("I fell down the stairs", "emergency"),
    ("back pain and chest pain", "emergency"),
    ("new problems getting an erection", "emergency"),
    ("no fever but I wet myself", "emergency"),
    # urgent
    ("I have a high temperature and my back aches", "urgent"),
    ("feeling really unwell with back pain", "urgent"),
    ("I had breast cancer years ago and now my back hurts", "urgent"),
    ("I've lost a lot of weight without trying", "urgent"),
    ("the pain wakes me up at night", "urgent"),
    ("it hurts even when I lie still", "urgent"),
    ("my right foot is dragging", "urgent"),
    ("my left leg feels weaker than before", "urgent"),
    ("the numbness is spreading down my leg", "urgent"),
    ("I have osteoporosis and slipped on a step", "urgent"),
    ("I'm 67 and this pain came on suddenly and it's severe", "urgent"),
    ("I'm on long term steroids", "urgent"),
    ("the pain is unbearable", "urgent"),
    # doctor
    ("it's been a week and it's no better", "doctor"),
    ("my back still hurts after five days", "doctor"),
    ("the pain is getting worse", "doctor"),
    ("my back spasms keep coming back", "doctor"),
    ("spasms that don't respond to stretching", "doctor"),
    ("pins and needles in my calf", "doctor"),
    ("shooting pain down my leg", "doctor"),
    ("my leg is going numb", "doctor"),
    # selfcare
    ("stiff back in the mornings", "selfcare"),
    ("my back is a bit sore after gardening", "selfcare"),
    ("tight lower back after sitting all day", "selfcare"),
    ("I pulled something lifting the shopping", "selfcare"),
    ("achy after the gym", "selfcare"),
    ("I fell asleep on the sofa and now my back is stiff", "selfcare"),
    ("no numbness, just stiffness", "selfcare"),
    ("I don't have a fever, my back is just tight", "selfcare"),
    ("I injured my back lifting a box", "selfcare"),
    ("my back twinges when I bend", "selfcare"),
]


@pytest.mark.parametrize(("text", "expected"), OWN_TABLE)
def test_own_table(text: str, expected: str) -> None:
    got = TRIAGE.assess(text).level
    assert passes(expected, got), (text, got)
    if expected == "selfcare":
        assert got == "selfcare", (text, got)  # not even a needless appointment


def test_highest_level_wins_and_all_flags_are_reported() -> None:
    result = TRIAGE.assess("I have a fever and I can't control my bladder")
    assert result.level == "emergency"
    assert {"fever", "bladder_bowel"} <= set(result.flags)


def test_hedged_negation_still_escalates() -> None:
    assert TRIAGE.assess("I'm not sure but my groin feels numb").level == "emergency"
    assert TRIAGE.assess("no numbness in my groin").level != "emergency"


def test_unrecognised_description_is_never_selfcare() -> None:
    assert TRIAGE.assess("something feels off").level == "doctor"


def test_advice_by_level() -> None:
    emergency = TRIAGE.assess("numbness in my groin").advice
    assert "emergency number" in emergency and "stop" in emergency.lower()
    assert "today" in TRIAGE.assess("fever with back pain").advice
    assert "book an appointment" in TRIAGE.assess("pain is getting worse").advice
    selfcare = TRIAGE.assess("stiff back").advice
    assert "three days" in selfcare and "both legs" in selfcare


# ------------------------------------------------------------------ the yes/no screen over Alexa


def test_screen_all_no(alexa: AlexaConversation) -> None:
    alexa.launch()
    reply = alexa.intent("RedFlagIntent")
    assert "groin" in speech(reply)  # emergency questions first
    asked = [speech(reply)]
    for _ in range(TRIAGE.screen_length - 1):
        reply = alexa.intent("AMAZON.NoIntent")
        asked.append(speech(reply))
    final = alexa.intent("AMAZON.NoIntent")
    assert "ordinary back pain" in speech(final)
    assert final["response"]["shouldEndSession"] is False
    for question in TRIAGE.questions:
        assert any(question.text.replace("'", "&apos;") in a or question.text in a for a in asked)


@pytest.mark.parametrize(
    "index", [i for i, q in enumerate(TRIAGE.questions) if q.level == "emergency"]
)
def test_screen_yes_to_an_emergency_question(alexa: AlexaConversation, index: int) -> None:
    alexa.launch()
    alexa.intent("RedFlagIntent")
    for _ in range(index):
        alexa.intent("AMAZON.NoIntent")
    answer = alexa.intent("AMAZON.YesIntent")
    assert "emergency" in speech(answer)
    assert answer["response"]["shouldEndSession"] is True


def test_screen_repeat_reasks_and_stop_leaves(alexa: AlexaConversation) -> None:
    alexa.launch()
    first = speech(alexa.intent("RedFlagIntent"))
    second = speech(alexa.intent("AMAZON.NoIntent"))
    assert TRIAGE.questions[0].text in first and TRIAGE.questions[1].text in second
    assert speech(alexa.intent("AMAZON.RepeatIntent")) == second
    other = speech(alexa.intent("StartRoutineIntent", routine=("lower back", "lower_back")))
    assert TRIAGE.questions[1].text in other  # anything else re-asks the same question
    assert "Let's begin" not in other
    stopped = alexa.intent("AMAZON.StopIntent")
    assert stopped["response"]["shouldEndSession"] is True
    assert TRIAGE.screen_stopped.split(",")[0] in speech(stopped)


def test_screen_yes_names_the_warning_sign() -> None:
    coach = Coach(clock=fixed_clock)
    state, _ = coach.handle(CoachState(), Event(ev.RED_FLAG))
    state, _ = coach.handle(state, Event(ev.NO))  # not the saddle question
    state, reply = coach.handle(state, Event(ev.YES))  # yes to bladder or bowel changes
    assert "A change in your bladder or bowel control can be a sign" in reply.spoken_text()


def test_red_flag_with_symptom_over_alexa(alexa: AlexaConversation) -> None:
    alexa.launch()
    reply = alexa.intent("RedFlagIntent", symptom="numbness in my groin")
    assert "emergency department" in speech(reply)
    assert reply["response"]["shouldEndSession"] is True


# ------------------------------------------------------------------ in-routine safety


def in_routine(routine: str = "desk_break") -> tuple[Coach, CoachState]:
    coach = Coach(clock=fixed_clock)
    state, _ = coach.handle(CoachState(), Event(ev.START_ROUTINE, {"routine": routine}))
    return coach, state


def test_pain_during_a_routine_stops_and_triages_first() -> None:
    coach, state = in_routine()
    state, reply = coach.handle(state, Event(ev.RED_FLAG, {"symptom": "my leg is going numb"}))
    texts = [s.text for s in reply.segments if hasattr(s, "text")]
    assert texts[0].startswith("Stop there")
    assert "book an appointment" in texts[1]
    assert texts[-1].startswith("Would you like to carry on gently")  # never moves on by itself
    assert state.session.mode == "carry_on_check"
    state, reply = coach.handle(state, Event(ev.AUTO_ADVANCE))
    assert state.session.mode == "carry_on_check" and reply.wait_seconds == 0


def test_gentler_exercise_already_in_the_routine_is_not_offered_twice() -> None:
    coach, state = in_routine("lower_back")  # cat cow's gentler option is the next step
    state, reply = coach.handle(state, Event(ev.FEELING, {"feeling": "worse"}))
    assert state.session.mode == "routine"
    assert "Exercise two of five: child's pose" in reply.spoken_text()


def test_emergency_during_a_routine_ends_it() -> None:
    coach, state = in_routine()
    state, reply = coach.handle(state, Event(ev.RED_FLAG, {"symptom": "I've wet myself"}))
    assert not reply.expect_reply
    assert state.profile.resume is None and state.session.mode == "menu"
    assert "triage_emergency" in reply.events


def test_red_flag_question_during_a_routine_starts_the_screen() -> None:
    coach, state = in_routine()
    state, reply = coach.handle(state, Event(ev.RED_FLAG))
    assert reply.spoken_text().startswith("Stop there")
    assert state.session.mode == "screen"


HELD_OUT = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "redflags_heldout.tsv"


@pytest.mark.parametrize(("text", "expected"), read_tsv(HELD_OUT))
def test_held_out_phrasings(text: str, expected: str) -> None:
    assert passes(expected, TRIAGE.assess(text).level)


def test_negated_exclusion_does_not_cancel_a_flag() -> None:
    assert TRIAGE.assess("I've lost weight and I haven't been dieting").level == "urgent"
    assert TRIAGE.assess("I've lost weight because I've been dieting").level != "urgent"
