"""The pain diary: asked before the day's first routine and after it, volunteered scores kept
with their time, bad scores re-asked, alarming ones sent through the safety model."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from skill.core import events as ev
from skill.core.coach import Coach
from skill.core.coach.diary import parse_score
from skill.core.coach.progress import diary_sessions
from skill.core.events import Event
from skill.core.modes import Mode
from skill.core.reply import Reply
from skill.core.state import CoachState, StateError, parse_profile, parse_session
from tests.conftest import FIXED_NOW


class Clock:
    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def said(reply: Reply) -> str:
    return reply.spoken_text()


def talk(coach: Coach, state: CoachState, *events: Event) -> tuple[CoachState, Reply]:
    reply = None
    for event in events:
        state, reply = coach.handle(state, event)
    assert reply is not None
    return state, reply


def start(routine: str = "breathing") -> Event:
    return Event(ev.START_ROUTINE, {"routine": routine})


def score(value: str, text: str = "") -> Event:
    return Event(ev.PAIN_SCORE, {"score": value}, text=text)


def to_the_end(coach: Coach, state: CoachState) -> tuple[CoachState, Reply]:
    reply = None
    for _ in range(60):
        if state.session.mode not in (Mode.ROUTINE, Mode.SCREEN):
            break
        event = Event(ev.NO) if state.session.mode == Mode.SCREEN else Event(ev.NEXT)
        state, reply = coach.handle(state, event)
    assert reply is not None
    return state, reply


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def diary(clock: Clock) -> Coach:
    return Coach(clock=clock, ask_pain=True)


def test_a_day_with_scores_before_and_after_is_one_session(diary: Coach) -> None:
    state, asked = talk(diary, CoachState(), start())
    assert state.session.mode == Mode.ASK_PAIN_BEFORE
    assert "from zero to ten" in said(asked)
    state, begun = talk(diary, state, score("6"))
    assert "six out of ten" in said(begun)
    assert state.session.mode == Mode.ROUTINE
    state, _ = talk(diary, state, Event(ev.FEELING, {"feeling": "better"}))
    state, finished = to_the_end(diary, state)
    assert state.session.mode == Mode.ASK_PAIN_AFTER
    assert "How's your back now" in said(finished)
    state, noted = talk(diary, state, score("4"))
    assert "against six before you started" in said(noted)
    assert state.session.mode == Mode.MENU

    assert {e.routine_id for e in state.profile.history} == {"breathing"}
    kinds = [(e.kind, e.moment, e.score) for e in state.profile.history]
    assert kinds == [("score", "before", 6), ("routine", "", None), ("score", "after", 4)]
    (session,) = diary_sessions(state.profile.history)
    assert (session.routine_id, session.before, session.after) == ("breathing", 6, 4)
    assert session.finished and session.steps_done >= 1
    assert session.feelings and session.feelings[0].endswith(":better")
    assert session.started == FIXED_NOW.isoformat()


def test_never_asked_twice_in_a_day_but_again_the_next_day(diary: Coach, clock: Clock) -> None:
    state, _ = talk(diary, CoachState(), start(), Event(ev.SKIP))
    state, _ = talk(diary, state, Event(ev.STOP))
    state, again = talk(diary, state, start("lower_back"))
    assert state.session.mode != Mode.ASK_PAIN_BEFORE
    assert "zero to ten" not in said(again)
    clock.now += timedelta(days=1)
    state, _ = talk(diary, state, Event(ev.STOP), start())
    assert state.session.mode == Mode.ASK_PAIN_BEFORE


@pytest.mark.parametrize("answer", [Event(ev.SKIP), Event(ev.NO), Event(ev.NEXT)])
def test_skipping_starts_the_routine_and_asks_nothing_after(diary: Coach, answer: Event) -> None:
    state, reply = talk(diary, CoachState(), start(), answer)
    assert state.session.mode == Mode.ROUTINE
    assert "leave the score" in said(reply)
    state, _finished = to_the_end(diary, state)
    assert state.session.mode == Mode.MENU
    assert [e.kind for e in state.profile.history] == ["routine"]


@pytest.mark.parametrize(
    ("asked", "begins"), [("breathing", "breathing"), ("hamstrings", "hamstrings")]
)
def test_a_routine_asked_for_instead_of_a_score_begins_without_one(
    diary: Coach, asked: str, begins: str
) -> None:
    # "my back's wrecked, can we just do the stretches": an answer, not "sorry, I didn't catch that"
    state, reply = talk(diary, CoachState(), start(), start(asked))
    assert (state.session.mode, state.session.routine_id) == (Mode.ROUTINE, begins)
    assert "didn't catch" not in said(reply)
    assert [e.kind for e in state.profile.history if e.kind != "routine"] == []


@pytest.mark.parametrize("value", ["11", "-2", "banana", "", "4.5", "nan"])
def test_a_score_that_cannot_be_used_is_asked_again_gently(diary: Coach, value: str) -> None:
    state, _ = talk(diary, CoachState(), start())
    state, reply = talk(diary, state, score(value))
    assert state.session.mode == Mode.ASK_PAIN_BEFORE
    assert "whole number from zero to ten" in said(reply)
    assert state.profile.history == []
    state, reply = talk(diary, CoachState(), score(value))  # volunteered: the same
    assert state.profile.history == [] and "zero to ten" in said(reply)


def test_a_score_volunteered_mid_routine_is_kept_with_its_time(diary: Coach, clock: Clock) -> None:
    state, _ = talk(diary, CoachState(), start("lower_back"), score("5"))
    state, _ = to_the_end_of_checks(diary, state)
    clock.now += timedelta(minutes=3)
    state, reply = talk(diary, state, score("3", text="my back's a three now"))
    assert state.session.mode == Mode.ROUTINE  # not "where does it hurt?"
    assert "three out of ten" in said(reply)
    last = state.profile.history[-1]
    assert (last.score, last.moment, last.routine_id) == (3, "", "lower_back")
    assert last.finished_at == clock.now.isoformat()
    assert last.session == state.profile.history[0].session != ""


def to_the_end_of_checks(coach: Coach, state: CoachState) -> tuple[CoachState, Reply]:
    reply = None
    while state.session.mode == Mode.SCREEN:
        state, reply = coach.handle(state, Event(ev.NO))
    assert state.session.mode == Mode.ROUTINE
    return state, reply or Reply(())


def test_a_score_outside_any_routine_is_a_line_of_its_own(diary: Coach) -> None:
    state, _reply = talk(diary, CoachState(), score("2"))
    assert state.session.mode == Mode.MENU
    (line,) = state.profile.history
    assert (line.kind, line.score, line.routine_id, line.session) == ("score", 2, "", "")


def test_pain_that_jumps_by_three_after_a_routine_goes_through_the_safety_model(
    diary: Coach,
) -> None:
    state, _ = talk(diary, CoachState(), start(), score("3"))
    state, _ = to_the_end(diary, state)
    state, reply = talk(diary, state, score("6"))
    text = said(reply)
    assert "three points more than before" in text
    assert (
        "should be checked by a doctor or physiotherapist" in text
    )  # the triage's doctor-level advice
    assert state.session.mode == Mode.SCREEN  # the red-flag screen's questions
    assert diary.triage.screen_question(0).text in text
    state, answered = talk(diary, state, Event(ev.YES))  # yes to an emergency question
    assert not answered.expect_reply


@pytest.mark.parametrize("value", ["9", "10"])
def test_a_nine_or_ten_mid_routine_stops_it_and_screens(diary: Coach, value: str) -> None:
    state, _ = talk(diary, CoachState(), start("lower_back"), Event(ev.SKIP))
    state, _ = to_the_end_of_checks(diary, state)
    state, reply = talk(diary, state, score(value))
    assert state.session.mode == Mode.SCREEN
    assert state.session.routine_id is None  # the routine stopped
    assert "a lot of pain" in said(reply)
    assert state.profile.resume is not None  # it can be picked up another day
    state, _clear = talk(diary, state, *[Event(ev.NO)] * diary.triage.screen_length)
    assert state.session.mode == Mode.MENU


def test_a_nine_before_the_routine_screens_before_any_stretch(diary: Coach) -> None:
    state, _reply = talk(diary, CoachState(), start(), score("9"))
    assert state.session.mode == Mode.SCREEN and state.session.routine_id is None
    assert state.profile.history[-1].score == 9


def test_without_the_diary_switched_on_nothing_is_asked() -> None:
    coach = Coach(clock=Clock())
    state, _ = talk(coach, CoachState(), start())
    assert state.session.mode == Mode.ROUTINE


def test_diary_lines_round_trip_and_old_profiles_still_load(diary: Coach) -> None:
    state, _ = talk(diary, CoachState(), start(), score("7"), Event(ev.PAUSE))
    stored = state.profile_dict()
    assert stored["version"] == 3
    assert parse_profile(stored) == state.profile
    assert parse_session(state.session_dict()) == state.session
    old = parse_profile(
        {"version": 2, "history": [{"routine_id": "breathing", "finished_at": "2026-01-01"}]}
    )
    assert (old.history[0].kind, old.history[0].score) == ("routine", None)


@pytest.mark.parametrize(
    "entry",
    [
        {"routine_id": "", "finished_at": "x", "kind": "score", "score": 11},
        {"routine_id": "", "finished_at": "x", "kind": "score"},
        {"routine_id": "", "finished_at": "x", "kind": "mood", "score": 1},
        {"routine_id": "", "finished_at": "x", "moment": "during"},
        {"routine_id": "", "finished_at": "x", "feelings": "worse"},
        {"routine_id": "", "finished_at": "x", "secret": 1},
    ],
)
def test_damaged_diary_lines_are_refused(entry: dict[str, object]) -> None:
    with pytest.raises(StateError):
        parse_profile({"history": [entry]})


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("6", 6), ("6.0", 6), ("six", 6), ("Ten", 10), ("zero", 0), ("3 out of ten", 3),
     ("11", None), ("-1", None), ("?", None), (None, None), ("inf", None), ("6.5", None)],
)  # fmt: skip
def test_scores_are_read_strictly(raw: str | None, expected: int | None) -> None:
    assert parse_score(raw) == expected


def test_the_input_state_is_never_changed(diary: Coach) -> None:
    state, _ = talk(diary, CoachState(), start(), score("5"))
    state, _ = to_the_end_of_checks(diary, state)
    before = state.session_dict()
    diary.handle(state, Event(ev.FEELING, {"feeling": "same"}))
    assert state.session_dict() == before


def test_a_score_given_while_another_question_is_open_is_noted_and_the_question_repeated() -> None:
    coach = Coach(clock=Clock())
    state, asked = talk(coach, CoachState(), start("sciatica"), Event(ev.NO), Event(ev.NO))
    assert state.session.mode == Mode.ASK_SIDE
    state, reply = talk(coach, state, score("5"))
    assert state.session.mode == Mode.ASK_SIDE
    assert state.profile.history[-1].score == 5
    assert reply.reprompt == asked.reprompt
