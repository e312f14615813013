""" "Sorry, was that ...?": unsure words never act; a yes acts on the guess, anything else does not.

The core decides (skill/core/coach/unsure.py); the local runner's session turns an unsure
`Heard` into Coach.HeardUnsure and the player keeps counting while the question is asked.
"""

from __future__ import annotations

import io
import json

import pytest

from local_runner.display import PlainDisplay
from local_runner.hearing.decision import Heard, decide
from local_runner.hearing.engines import Transcript
from local_runner.player import Player, VirtualClock
from local_runner.session import LocalSession
from local_runner.speaker import RecordingSpeaker
from skill.core import events as ev
from skill.core import phrases as P
from skill.core.coach import Coach
from skill.core.events import Event
from skill.core.modes import Mode
from skill.core.reply import Reply
from skill.core.state import CoachState, StateError, parse_session
from skill.core.timing import hold
from skill.stores.memory import MemoryStore
from tests.conftest import fixed_clock
from tests.fakes import ScriptedInbox

COACH = Coach(clock=fixed_clock)
SKIP_GUESS = {"intent": ev.SKIP, "words": "skip this one"}


def in_routine() -> CoachState:
    state, _ = COACH.handle(CoachState(), Event(ev.START_ROUTINE, {"routine": "lower_back"}))
    assert state.session.mode == Mode.ROUTINE and state.session.step_index == 0
    return state


def asked(state: CoachState, **slots: str) -> tuple[CoachState, Reply]:
    return COACH.handle(state, Event(ev.HEARD_UNSURE, {**SKIP_GUESS, **slots}))


# ---------------------------------------------------------------- the core


def test_an_unsure_skip_is_asked_about_and_changes_nothing() -> None:
    before = in_routine()
    after, reply = asked(before)
    assert reply.spoken_text() == "Sorry, was that 'skip this one'?"
    assert reply.aside and reply.expect_reply  # a hold being counted carries on
    assert after.session.mode == Mode.ROUTINE and after.session.step_index == 0
    assert after.session.unsure_guess == SKIP_GUESS


def test_yes_acts_on_the_guess() -> None:
    state, _ = asked(in_routine())
    after, reply = COACH.handle(state, Event(ev.YES))
    assert after.session.step_index == 1 and reply.spoken_text().startswith("Skipping")
    assert after.session.unsure_guess is None


@pytest.mark.parametrize("answer", [Event(ev.NO), Event(ev.FALLBACK)])
def test_no_or_anything_else_does_not(answer: Event) -> None:
    state, _ = asked(in_routine())
    after, reply = COACH.handle(state, answer)
    assert after.session.step_index == 0 and after.session.unsure_guess is None
    if answer.name == ev.NO:
        assert reply.spoken_text() == P.NOT_THAT and reply.aside
    # The question is answered once: a later yes is just a yes, not a skip.
    later, _ = COACH.handle(after, Event(ev.YES))
    assert later.session.step_index == 0


def test_a_confirmed_delete_still_asks_are_you_sure() -> None:
    state, _ = COACH.handle(
        CoachState(), Event(ev.HEARD_UNSURE, {"intent": ev.DELETE_DATA, "words": "delete my data"})
    )
    after, reply = COACH.handle(state, Event(ev.YES))
    assert after.session.mode == Mode.CONFIRM_DELETE and not reply.delete_user_data


def test_a_confirmed_guess_keeps_its_slots() -> None:
    slots = {"intent": ev.START_ROUTINE, "words": "do the sciatica routine",
             "slot.routine": "hamstrings", "heard.routine": "hamstring"}  # fmt: skip
    state, reply = COACH.handle(CoachState(), Event(ev.HEARD_UNSURE, slots))
    assert reply.spoken_text() == "Sorry, was that 'do the sciatica routine'?"
    after, _ = COACH.handle(state, Event(ev.YES))
    assert after.session.routine_id == "hamstrings"  # the guess's slots, not re-read words


def test_nothing_to_ask_about_is_only_an_apology() -> None:
    state, reply = COACH.handle(
        in_routine(), Event(ev.HEARD_UNSURE, {"intent": ev.FALLBACK, "words": "um"})
    )
    assert reply.spoken_text() == P.DIDNT_CATCH and reply.aside
    assert state.session.unsure_guess is None


def test_a_doubt_about_a_safety_word_pauses_first_then_asks() -> None:
    state, reply = asked(in_routine(), intent=ev.STOP, words="stop", doubt="safety")
    assert state.session.mode == Mode.PAUSED and not reply.aside
    assert reply.spoken_text() == "I've paused, just in case. Did you say 'stop'?"
    stopped, _ = COACH.handle(state, Event(ev.YES))
    assert stopped.session.mode == Mode.MENU and stopped.session.routine_id is None
    still, reply = COACH.handle(state, Event(ev.NO))
    assert still.session.mode == Mode.PAUSED and P.PAUSED_REPROMPT in reply.spoken_text()


def test_a_confirmed_pain_word_is_triaged() -> None:
    state, _ = asked(in_routine(), intent=ev.FEELING, words="that hurts", doubt="safety",
                     **{"slot.feeling": "worse"})  # fmt: skip
    after, reply = COACH.handle(state, Event(ev.YES))
    assert after.session.mode == Mode.PAIN_CHECK and "pain_heard" in reply.events


def test_the_guess_survives_json_and_bad_guesses_are_refused() -> None:
    state, _ = asked(in_routine())
    data = json.loads(json.dumps(state.session_dict()))
    assert parse_session(data).unsure_guess == SKIP_GUESS
    with pytest.raises(StateError, match="unsure_guess"):
        parse_session({**data, "unsure_guess": {"intent": 3}})


# ---------------------------------------------------------------- the local runner


def make_player(lines: list[tuple[float, str]]) -> tuple[Player, RecordingSpeaker]:
    clock = VirtualClock(1000.0)
    speaker = RecordingSpeaker(clock)
    session = LocalSession(coach=Coach(clock=fixed_clock), store=MemoryStore())
    session.say("start the lower back routine")
    player = Player(
        speaker, PlainDisplay(io.StringIO()), session, ScriptedInbox(clock, lines), clock
    )
    return player, speaker


def unsure(text: str) -> Heard:
    heard = decide(Transcript(text, 0.1), trusted_from=0.5).heard
    assert heard is not None and heard.unsure and heard == ""
    return heard


def test_mid_hold_the_question_is_asked_and_the_count_goes_on() -> None:
    player, speaker = make_player([(1005.0, unsure("skip this one")), (1008.0, "no")])
    assert player.play(Reply((hold(30),))) is None  # the hold ran to its end
    said = dict((text, t - 1000.0) for t, text in speaker.spoken)
    assert said["Sorry, was that 'skip this one'?"] == pytest.approx(5.0)
    assert said[P.NOT_THAT] == pytest.approx(8.0)
    assert said["And release."] == pytest.approx(30.0)


def test_mid_hold_a_yes_acts_on_the_guess() -> None:
    player, speaker = make_player([(1005.0, unsure("skip this one")), (1008.0, "yes")])
    interrupted = player.play(Reply((hold(30),)))
    assert interrupted is not None and interrupted.event.name == ev.SKIP
    assert "And release." not in speaker.texts


def test_a_safety_doubt_pauses_the_hold_and_no_then_resume_keeps_its_time() -> None:
    doubt = Heard("", "Up.", 0.3, ev.STOP, meant="stop", doubt="safety")
    player, speaker = make_player([(1012.0, doubt), (1015.0, "no"), (1112.0, "resume")])
    assert player.play(Reply((hold(30),))) is None
    said = dict((text, t - 1000.0) for t, text in speaker.spoken)
    assert said["I've paused, just in case. Did you say 'stop'?"] == pytest.approx(12.0)
    assert said["Twenty."] == pytest.approx(120.0)  # 20 s of hold + 100 s paused


def test_a_safety_doubt_confirmed_stops() -> None:
    doubt = Heard("", "Up.", 0.3, ev.STOP, meant="stop", doubt="safety")
    player, _ = make_player([(1012.0, doubt), (1015.0, "yes")])
    interrupted = player.play(Reply((hold(30),)))
    assert interrupted is not None and interrupted.event.name == ev.STOP


UNCLEAR = {"doubt": "unclear", "could_be": "stop", "could_be.intent": ev.STOP}


def test_an_unclear_doubt_mid_step_pauses_and_asks_about_the_safety_phrase() -> None:
    state, reply = asked(in_routine(), intent=ev.FALLBACK, words="followed", **UNCLEAR)
    assert state.session.mode == Mode.PAUSED and not reply.aside
    assert reply.spoken_text() == "I've paused, just in case. Did you say 'stop'?"
    assert state.session.unsure_guess == {"intent": ev.STOP, "words": "stop"}
    stopped, _ = COACH.handle(state, Event(ev.YES))
    assert stopped.session.mode == Mode.MENU


def test_an_unclear_doubt_outside_a_step_is_any_other_unsure_utterance() -> None:
    menu, _ = COACH.handle(CoachState(), Event(ev.LAUNCH))
    state, reply = asked(menu, **UNCLEAR)  # the words' own guess: "skip this one"
    assert reply.aside and reply.spoken_text() == "Sorry, was that 'skip this one'?"
    assert state.session.unsure_guess == SKIP_GUESS
    state, reply = asked(menu, intent=ev.FALLBACK, words="followed", **UNCLEAR)
    assert reply.aside and reply.spoken_text() == ""  # nothing to ask: let pass in silence
    assert state.session.mode == menu.session.mode and state.session.unsure_guess is None


def test_short_speech_not_made_out_pauses_the_hold() -> None:
    heard = decide(Transcript("Followed.", 0.4, could_be="pause"), trusted_from=0.5).heard
    player, speaker = make_player([(1012.0, heard), (1015.0, "no"), (1112.0, "resume")])
    assert player.play(Reply((hold(30),))) is None
    said = dict((text, t - 1000.0) for t, text in speaker.spoken)
    assert said["I've paused, just in case. Did you say 'pause'?"] == pytest.approx(12.0)
    assert said["Twenty."] == pytest.approx(120.0)  # 20 s of hold + 100 s paused


@pytest.mark.parametrize("near", [{"maybe": "that hurts"}, {"could_be": "that hurts"}])
def test_a_pause_read_where_the_audio_is_near_that_hurts_asks_about_the_pain(
    near: dict[str, str],
) -> None:
    heard = decide(Transcript("Pause.", 0.34, **near), trusted_from=0.5).heard
    assert heard is not None and heard.unsure and heard.meant == "that hurts"
    player, speaker = make_player([(1012.0, heard), (1015.0, "yes")])
    player.play(Reply((hold(30),)))
    spoken = [text for _, text in speaker.spoken]
    assert "I've paused, just in case. Did you say 'that hurts'?" in spoken


@pytest.mark.parametrize(
    "transcript",
    [Transcript("Pause.", 0.34, could_be="stop"), Transcript("Pause.", 0.8, could_be="that hurts")],
)
def test_a_pause_with_no_pain_near_it_or_said_clearly_is_a_pause(transcript: Transcript) -> None:
    heard = decide(transcript, trusted_from=0.5).heard
    assert heard is not None and not heard.unsure and heard.intent == ev.PAUSE
