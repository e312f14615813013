"""The coach core driven directly: every mode answers every event, as the table declares."""

from __future__ import annotations

import json

import pytest

from skill.core import events as ev
from skill.core.coach import MACHINE, Coach
from skill.core.coach.machine import Handler, Machine, MachineError, Row
from skill.core.events import Event
from skill.core.modes import MODES, Mode
from skill.core.state import CoachState, ResumePoint, parse_profile, parse_session
from tests.conftest import fixed_clock

COACH = Coach(clock=fixed_clock)
DIARY_COACH = Coach(clock=fixed_clock, ask_pain=True)


def _run(state: CoachState, *events: Event) -> CoachState:
    for event in events:
        state, _ = COACH.handle(state, event)
    return state


def state_in(mode: Mode) -> CoachState:
    """A realistic state in `mode`, reached by talking to the coach."""
    start = Event(ev.START_ROUTINE, {"routine": "lower_back"})
    states = {
        Mode.MENU: lambda: CoachState(),
        Mode.ROUTINE: lambda: _run(CoachState(), start),
        Mode.PAUSED: lambda: _run(CoachState(), start, Event(ev.PAUSE)),
        Mode.OFFER_GENTLER: lambda: _run(
            CoachState(), start, Event(ev.NEXT), Event(ev.FEELING, {"feeling": "worse"})
        ),
        Mode.CONFIRM_DELETE: lambda: _run(CoachState(), Event(ev.DELETE_DATA)),
        Mode.SCREEN: lambda: _run(CoachState(), Event(ev.RED_FLAG), Event(ev.NO)),
        Mode.OFFER_RESUME: lambda: _run(_with_resume(), Event(ev.LAUNCH)),
        Mode.PAIN_CHECK: lambda: _run(CoachState(), start, Event(ev.FALLBACK, text="ouch")),
        Mode.CARRY_ON_CHECK: lambda: _run(
            CoachState(), start, Event(ev.RED_FLAG, {"symptom": "pins and needles down my leg"})
        ),
        Mode.ASK_SIDE: lambda: _run(CoachState(), *SCIATICA_CHECKS),
        Mode.OFFER_ROUTINE: lambda: _run(
            CoachState(), Event(ev.RED_FLAG, {"symptom": "my back keeps seizing up"})
        ),
        Mode.ASK_RECENT: lambda: _run(
            CoachState(), *SCIATICA_CHECKS, Event(ev.SIDE, {"side": "left"})
        ),
        Mode.ASK_PAIN_BEFORE: lambda: DIARY_COACH.handle(CoachState(), start)[0],
        Mode.ASK_PAIN_AFTER: _after_routine,
        Mode.CONFIRM_SWITCH: lambda: _run(
            CoachState(), start, Event(ev.START_ROUTINE, {"routine": "hamstrings"})
        ),
        Mode.CONFIRM_REMINDER: lambda: _run(
            CoachState(),
            Event(ev.SET_REMINDER, {"time": "07:30", "days": "weekdays"}, can_remind=True),
        ),
    }
    state = states[mode]()
    assert state.session.mode == mode
    return state


def _after_routine() -> CoachState:
    """The breathing routine done with the diary on: asked for a score after it."""
    state, _ = DIARY_COACH.handle(CoachState(), Event(ev.START_ROUTINE, {"routine": "breathing"}))
    state, _ = DIARY_COACH.handle(state, Event(ev.PAIN_SCORE, {"score": "5"}))
    for _ in range(50):
        if state.session.mode != Mode.ROUTINE:
            break
        state, _ = DIARY_COACH.handle(state, Event(ev.NEXT))
    return state


SCIATICA_CHECKS = (
    Event(ev.START_ROUTINE, {"routine": "sciatica"}),
    Event(ev.NO),
    Event(ev.NO),
)


def _with_resume() -> CoachState:
    state = CoachState()
    state.profile.resume = ResumePoint("sciatica", 1)
    return state


SLOTS: dict[str, list[dict[str, str]]] = {
    ev.START_ROUTINE: [{"routine": "sciatica"}, {}],
    ev.RED_FLAG: [{}, {"symptom": "my back is stiff"}, {"symptom": "numbness in my groin"}],
    ev.FEELING: [{"feeling": "better"}, {"feeling": "worse"}, {}],
    ev.EXPLAIN_EXERCISE: [{"exercise": "cat_cow"}, {"exercise": "sit_ups"}],
    ev.HOLD_TIME: [{"seconds": "45"}, {"seconds": "500"}, {"minutes": "1"}],
    ev.NO_EQUIPMENT: [{"equipment": "towel"}],
    ev.HAVE_EQUIPMENT: [{"equipment": "towel"}],
    ev.PAIN_SCORE: [{"score": "4"}, {"score": "10"}, {"score": "eleven"}, {}],
    ev.SIDE: [{"side": "left"}],
    ev.SET_REMINDER: [{"time": "07:00"}],
}
CASES = [
    (mode, Event(name, slots))
    for mode in MODES
    for name in ev.ALL_EVENTS
    for slots in SLOTS.get(name, [{}])
]


@pytest.mark.parametrize(("mode", "event"), CASES, ids=lambda x: str(getattr(x, "name", x)))
def test_every_mode_answers_every_event_as_declared(mode: Mode, event: Event) -> None:
    before = state_in(mode)
    handler = MACHINE.dispatch(COACH.ctx, before, event)
    after, reply = COACH.handle(before, event)
    assert after.session.mode in handler.enters | {mode}, (handler.name, after.session.mode)
    if event.name == ev.SESSION_ENDED:
        assert not reply.segments and not reply.expect_reply
    else:
        assert reply.spoken_text().strip()
    if reply.expect_reply:
        assert reply.reprompt and reply.reprompt.strip()
    # Whatever happened, the state still round-trips through JSON and parses back.
    parse_session(json.loads(json.dumps(after.session_dict())))
    parse_profile(json.loads(json.dumps(after.profile_dict())))
    assert before.session.mode == mode  # the input state is never modified


def test_every_event_has_a_row_and_every_mode_is_reachable() -> None:
    assert set(MACHINE.rows) == set(ev.ALL_EVENTS)
    entered = {Mode.MENU}.union(*(h.enters for h in MACHINE.handlers()))
    assert entered == set(MODES)


def test_machine_refuses_an_unreachable_mode() -> None:
    stay = Handler(lambda ctx, state, event: None, frozenset())  # type: ignore[arg-type,return-value]
    with pytest.raises(MachineError, match="no handler enters"):
        Machine(rows={ev.HELP: Row(stay)}, mode_defaults={}, unknown=stay)


def test_machine_refuses_a_row_for_an_unknown_mode() -> None:
    every = Handler(lambda ctx, state, event: None, frozenset(MODES))  # type: ignore[arg-type,return-value]
    with pytest.raises(MachineError, match="unknown modes"):
        Machine(rows={ev.HELP: Row(every, {"nowhere": every})}, mode_defaults={}, unknown=every)  # type: ignore[dict-item]


def test_screen_mode_re_asks_for_events_that_are_not_answers() -> None:
    state = state_in(Mode.SCREEN)
    question = COACH.triage.screen_question(state.session.screen_index).text
    after, reply = COACH.handle(state, Event(ev.SKIP))
    assert after.session.mode == Mode.SCREEN
    assert reply.spoken_text().endswith(question)


def test_describe_prints_one_row_per_event_and_one_column_per_mode() -> None:
    lines = MACHINE.describe().splitlines()
    table = lines[lines.index("| event | " + " | ".join(MODES) + " |") :]
    assert len(table) == 2 + len(ev.ALL_EVENTS)
    assert all(
        f"- Before the table, in {', '.join(sorted(g.modes))}" in lines[i]
        for i, g in enumerate(MACHINE.guards)
    )
    yes_row = next(line for line in table if line.startswith(f"| {ev.YES} |"))
    assert "screen_yes" in yes_row and "delete_confirmed" in yes_row


def test_worse_twice_leaves_the_exercise_out_and_says_why() -> None:
    state = state_in(Mode.OFFER_GENTLER)
    assert state.profile.avoided_exercises == {"childs_pose": "2026-12-05"}  # two weeks
    state, reply = COACH.handle(state, Event(ev.NO))
    assert state.session.mode == Mode.ROUTINE and "Let's move on" in reply.spoken_text()
    # A second start of the routine swaps child's pose for its gentler stand-in.
    state, reply = COACH.handle(state, Event(ev.START_ROUTINE, {"routine": "lower_back"}))
    assert "start it again from the beginning" in reply.spoken_text()
    state, reply = COACH.handle(state, Event(ev.YES))
    state, reply = COACH.handle(state, Event(ev.NEXT))
    assert "I'll swap child's pose for supported legs rest" in reply.spoken_text()


def test_auto_advance_moves_on_only_during_a_routine() -> None:
    _, reply = COACH.handle(state_in(Mode.ROUTINE), Event(ev.AUTO_ADVANCE))
    assert reply.spoken_text().startswith("Let's move on. Exercise two of five")
    paused, reply = COACH.handle(state_in(Mode.PAUSED), Event(ev.AUTO_ADVANCE))
    assert paused.session.mode == Mode.PAUSED
    assert reply.spoken_text() == "Say resume to carry on, or stop to finish for now."


def test_hold_resumed_carries_on_without_redelivering_the_step() -> None:
    state, reply = COACH.handle(state_in(Mode.PAUSED), Event(ev.HOLD_RESUMED))
    assert state.session.mode == Mode.ROUTINE
    assert reply.spoken_text() == "Okay, picking up where we were."


def test_replies_say_what_they_expect_next_and_the_local_session_passes_it_on() -> None:
    from local_runner.session import LocalSession
    from skill.stores.memory import MemoryStore

    at_childs_pose = _run(state_in(Mode.ROUTINE), Event(ev.NEXT))
    state, reply = COACH.handle(at_childs_pose, Event(ev.FEELING, {"feeling": "worse"}))
    assert state.session.mode == Mode.OFFER_GENTLER
    assert reply.expects == (ev.YES, ev.NO)  # "would you like to try it?"
    session = LocalSession(coach=COACH, store=MemoryStore())
    heard: list[tuple[str, ...]] = []
    parse = session.recogniser.parse
    session.recogniser.parse = lambda text, expects=(): heard.append(tuple(expects)) or parse(text, expects)  # type: ignore[method-assign]
    session.start()
    session.say("start the lower back routine")
    session.say("better")
    assert heard == [(), (ev.FEELING, ev.NEXT)]  # after a step: how did it feel, or next


@pytest.mark.parametrize(("slots", "seconds"), [({"minutes": "2"}, 120), ({"seconds": "45"}, 45)])
def test_a_hold_said_in_minutes_is_that_many_minutes(slots: dict[str, str], seconds: int) -> None:
    after, _ = COACH.handle(state_in(Mode.MENU), Event(ev.HOLD_TIME, slots))
    assert after.profile.hold_seconds == seconds


def test_the_main_menu_asked_for_mid_routine_keeps_the_place_and_reads_the_routines() -> None:
    state = _run(CoachState(), Event(ev.START_ROUTINE, {"routine": "lower_back"}), Event(ev.NEXT))
    state, reply = COACH.handle(state, Event(ev.NAVIGATE_HOME))
    said = reply.spoken_text()
    assert reply.expect_reply  # the session stays open: home is the coach's menu
    assert state.session.mode == Mode.MENU
    assert state.profile.resume is not None and state.profile.resume.routine_id == "lower_back"
    assert "Next time, I can pick up from" in said
    assert "Sciatica" in said and "Desk break" in said
    state, reply = COACH.handle(state, Event(ev.RESUME))
    assert state.session.mode == Mode.ROUTINE and state.session.routine_id == "lower_back"
