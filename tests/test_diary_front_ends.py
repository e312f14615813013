"""The pain diary through both front ends: typed words through the local recogniser, and
Alexa requests through the web service (session attributes carried like Alexa does)."""

from __future__ import annotations

from local_runner.session import LocalSession
from skill.alexa.webservice import create_app
from skill.core.coach import Coach
from skill.core.modes import Mode
from skill.stores.memory import MemoryStore
from tests.conftest import USER_ID, AlexaConversation, fixed_clock, speech


def test_local_words_fill_the_diary() -> None:
    store = MemoryStore()
    local = LocalSession(coach=Coach(clock=fixed_clock, ask_pain=True), store=store)
    local.start()
    asked = local.say("start the lower back routine")
    assert "from zero to ten" in asked.spoken_text()
    local.say("about a six out of ten")
    while local.state.session.mode == Mode.SCREEN:
        local.say("no")
    assert local.state.session.mode == Mode.ROUTINE
    heard = local.say("my back's a three now")
    assert local.state.session.mode == Mode.ROUTINE  # noted, not "where does it hurt?"
    assert "three out of ten" in heard.spoken_text()
    local.say("that felt better")
    history = store.data["local-user"]["history"]
    assert [(line.get("moment", ""), line["score"]) for line in history] == [("before", 6), ("", 3)]
    skipped = LocalSession(coach=Coach(clock=fixed_clock, ask_pain=True), store=MemoryStore())
    skipped.start()
    skipped.say("do the breathing routine")
    skipped.say("not now")
    assert skipped.state.session.mode == Mode.ROUTINE


def test_alexa_asks_before_and_after_and_answers_how_am_i_doing() -> None:
    store = MemoryStore()
    app = create_app(verify=False, store=store, coach=Coach(clock=fixed_clock, ask_pain=True))
    with app.test_client() as client:
        alexa = AlexaConversation(client)
        alexa.launch()
        asked = alexa.intent("StartRoutineIntent", routine="breathing")
        assert "zero to ten" in speech(asked)
        assert "zero to ten" in str(asked["response"]["reprompt"])
        alexa.intent("PainScoreIntent", score="6")
        alexa.intent("FeelingIntent", feeling="better")
        payload = alexa.intent("AMAZON.NextIntent")
        for _ in range(20):
            if "How's your back now" in speech(payload):
                break
            payload = alexa.intent("AMAZON.NextIntent")
        assert "How's your back now" in speech(payload)
        assert alexa.attributes["mode"] == Mode.ASK_PAIN_AFTER
        noted = alexa.intent("PainScoreIntent", score="4")
        assert "against six" in speech(noted)
        progress = alexa.intent("ProgressIntent")
        assert "average pain before stretching this week is six" in speech(progress)
        assert alexa.attributes["time_zone"] == "UTC"  # no Settings API here: the UTC fallback
    lines = store.data[USER_ID]["history"]
    assert [line.get("kind", "routine") for line in lines] == ["score", "routine", "score"]
    assert lines[1]["feelings"] == ["relaxation_breathing:better"]
