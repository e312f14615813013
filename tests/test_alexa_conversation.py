"""Conversations through the Flask endpoint with real Alexa request envelopes."""

from __future__ import annotations

import json

import pytest
from flask.testing import FlaskClient

from skill.core.content import default_library
from skill.stores.memory import MemoryStore
from tests.conftest import USER_ID, AlexaConversation, envelope, intent_request, speech

LIBRARY = default_library()


def start(alexa: AlexaConversation, routine_id: str) -> dict:
    """Start a routine and answer the checks it asks first (safety questions, which leg)."""
    payload = alexa.intent("StartRoutineIntent", routine=(routine_id.replace("_", " "), routine_id))
    while payload["sessionAttributes"].get("mode") in ("screen", "ask_side", "ask_recent"):
        mode = payload["sessionAttributes"]["mode"]
        if mode == "ask_side":
            payload = alexa.intent("SideIntent", side=("left", "left"))
        else:
            payload = alexa.intent("AMAZON.NoIntent")
    return payload


def test_first_launch_gives_disclaimer_once_and_lists_routines(alexa: AlexaConversation) -> None:
    first = alexa.launch()
    assert "not a substitute for professional medical advice" in speech(first)
    assert "lower back routine" in speech(first)
    assert first["response"]["shouldEndSession"] is False
    assert first["response"]["reprompt"]["outputSpeech"]["ssml"]
    second = alexa.launch()
    assert "not a substitute" not in speech(second)


@pytest.mark.parametrize("routine_id", sorted(LIBRARY.routines))
def test_each_routine_starts_with_its_first_exercise(
    alexa: AlexaConversation, routine_id: str
) -> None:
    alexa.launch()
    payload = start(alexa, routine_id)
    routine = LIBRARY.routine(routine_id)
    text = speech(payload)
    if not routine.checks:
        assert f"Let's begin the {routine.name}" in text
    first = routine.steps[0].exercise
    assert f"{first.name}." in text
    assert first.setup.split(",")[0] in text
    steps = routine.short_steps if routine.short_by_default else routine.steps
    assert payload["response"]["card"]["title"].endswith(f"1 of {len(steps)}")
    assert payload["sessionAttributes"]["mode"] == "routine"


def test_walk_lower_back_to_the_end(alexa: AlexaConversation, store: MemoryStore) -> None:
    alexa.launch()
    steps = [s.exercise for s in LIBRARY.routine("lower_back").steps]
    payload = start(alexa, "lower_back")
    assert "cat cow" in speech(payload)

    help_reply = alexa.intent("AMAZON.HelpIntent")
    assert "You're in the lower back routine, at cat cow" in speech(help_reply)

    payload = alexa.intent("AMAZON.NextIntent")
    assert steps[1].name in speech(payload)  # child's pose
    payload = alexa.intent("AMAZON.PreviousIntent")
    assert "Going back one" in speech(payload) and "cat cow" in speech(payload)
    payload = alexa.intent("AMAZON.NextIntent")
    assert steps[1].name in speech(payload)

    repeated = alexa.intent("AMAZON.RepeatIntent")
    assert steps[1].setup in speech(repeated)  # repeat gives the full instructions again

    paused = alexa.intent("AMAZON.PauseIntent")
    assert "Paused" in speech(paused) and paused["sessionAttributes"]["mode"] == "paused"
    assert "resume" in speech(alexa.intent("AMAZON.HelpIntent"))
    resumed = alexa.intent("AMAZON.ResumeIntent")
    assert "picking up" in speech(resumed) and steps[1].name in speech(resumed)

    skipped = alexa.intent("SkipIntent")
    assert f"Skipping {steps[1].name}" in speech(skipped) and steps[2].name in speech(skipped)

    worse = alexa.intent("FeelingIntent", feeling=("worse", "worse"))
    assert f"stop {steps[2].name}" in speech(worse)
    assert "gentler option" in speech(worse)
    assert worse["sessionAttributes"]["mode"] == "offer_gentler"
    declined = alexa.intent("AMAZON.NoIntent")
    assert steps[3].name in speech(declined)
    assert steps[2].id in store.data[USER_ID]["avoided_exercises"]

    better = alexa.intent("FeelingIntent", feeling=("good", "better"))
    assert steps[4].name in speech(better)
    finished = alexa.intent("AMAZON.NextIntent")
    assert "That's the end of the lower back routine" in speech(finished)
    assert finished["response"]["shouldEndSession"] is False
    assert store.data[USER_ID]["history"][0]["routine_id"] == "lower_back"
    assert store.data[USER_ID]["resume"] is None

    goodbye = alexa.intent("AMAZON.StopIntent")
    assert goodbye["response"]["shouldEndSession"] is True


def test_avoided_exercise_is_left_out_next_time(alexa: AlexaConversation) -> None:
    alexa.launch()
    start(alexa, "lower_back")
    alexa.intent("FeelingIntent", feeling=("worse", "worse"))  # cat cow made it worse
    alexa.intent("AMAZON.StopIntent")
    alexa.launch()
    alexa.intent("AMAZON.NoIntent")  # don't resume
    payload = start(alexa, "lower_back")
    assert "cat cow, since it made things worse" in speech(payload)


def test_stop_mid_routine_offers_resume_on_next_launch(alexa: AlexaConversation) -> None:
    alexa.launch()
    start(alexa, "sciatica")
    alexa.intent("AMAZON.NextIntent")
    alexa.intent("AMAZON.NextIntent")
    stopped = alexa.intent("AMAZON.CancelIntent")
    assert "I can pick up from" in speech(stopped)
    assert stopped["response"]["shouldEndSession"] is True
    relaunch = alexa.launch()
    assert "Would you like to pick up where you left off" in speech(relaunch)
    resumed = alexa.intent("AMAZON.YesIntent")
    assert "Picking up the sciatica routine at exercise three" in speech(resumed)


def test_fallback_unknown_intent_and_missing_slots_keep_the_session_open(
    alexa: AlexaConversation,
) -> None:
    alexa.launch()
    for payload in (
        alexa.intent("AMAZON.FallbackIntent"),
        alexa.intent("SomethingWeMadeUpIntent"),
    ):
        assert "didn't catch that" in speech(payload)
        assert payload["response"]["shouldEndSession"] is False
        assert payload["response"]["reprompt"]
    missing = alexa.intent("StartRoutineIntent", routine=None)
    assert "Which routine would you like?" in speech(missing)
    unresolved = alexa.intent("StartRoutineIntent", routine=("yoga for cats", None))
    assert "I don't have a routine called yoga for cats" in speech(unresolved)
    assert unresolved["response"]["shouldEndSession"] is False
    explain = alexa.intent("ExplainExerciseIntent", exercise=("handstand", None))
    assert "I don't know an exercise called handstand" in speech(explain)
    hold = alexa.intent("HoldTimeIntent", seconds="?")
    assert "How long should I hold" in speech(hold)


def test_explain_avoid_list_says_why_and_what_instead(alexa: AlexaConversation) -> None:
    alexa.launch()
    payload = alexa.intent("ExplainExerciseIntent", exercise=("sit ups", "sit_ups"))
    text = speech(payload)
    assert "I'd leave out sit-ups" in text and "pelvic tilts" in text


def test_hold_time_is_clamped_and_used(alexa: AlexaConversation) -> None:
    alexa.launch()
    clamped = alexa.intent("HoldTimeIntent", seconds="5")
    assert "so I'll use ten" in speech(clamped)
    start(alexa, "hamstrings")
    assert "Hold for ten seconds" in speech(alexa.intent("AMAZON.RepeatIntent"))


def test_session_ended_with_error_is_answered_quietly(alexa: AlexaConversation) -> None:
    alexa.launch()
    payload = alexa.send(
        {
            "type": "SessionEndedRequest",
            "reason": "ERROR",
            "error": {"type": "INVALID_RESPONSE", "message": "test error"},
        }
    )
    assert "outputSpeech" not in payload["response"]


def post(
    client: FlaskClient, data: str | bytes, content_type: str = "application/json"
) -> tuple[int, str]:
    response = client.post("/", data=data, content_type=content_type)
    return response.status_code, response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        ("{not json", "application/json"),
        (json.dumps({"hello": "world"}), "application/json"),
        (json.dumps([1, 2, 3]), "application/json"),
        (json.dumps(envelope({"type": "LaunchRequest"})), "text/plain"),
        (json.dumps(envelope({"type": "MadeUpRequest"})), "application/json"),
        (json.dumps({**envelope({"type": "LaunchRequest"}), "context": {}}), "application/json"),
        (json.dumps(envelope({"type": "IntentRequest"})), "application/json"),
        (b"\xff\xfe\x00", "application/json"),
    ],
)
def test_malformed_requests_get_400_not_500(
    client: FlaskClient, data: str, content_type: str
) -> None:
    status, body = post(client, data, content_type)
    assert status == 400
    assert "Traceback" not in body and "error" in json.loads(body)


def test_get_is_not_a_500(client: FlaskClient) -> None:
    assert client.get("/").status_code == 405


@pytest.mark.parametrize(
    "attributes",
    [
        {"mode": "no-such-mode"},
        {"mode": "routine", "routine_id": "no_such_routine", "step_index": 0},
        {"mode": "routine", "routine_id": None},
        {"step_index": "three"},
        {"unexpected": 1},
    ],
)
def test_corrupt_session_attributes_get_a_spoken_recovery(
    client: FlaskClient, attributes: dict
) -> None:
    body = envelope(intent_request("AMAZON.NextIntent"), attributes)
    response = client.post("/", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    text = speech(response.get_json())
    assert "lost track of where we were" in text


def test_corrupt_stored_profile_is_kept_aside_not_lost(
    client: FlaskClient, store: MemoryStore
) -> None:
    store.data[USER_ID] = {"hold_seconds": "forever", "history": "lots"}
    body = envelope({"type": "LaunchRequest"}, new=True)
    response = client.post("/", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    saved = store.data[USER_ID]
    assert saved["_unreadable_profiles"] == [{"hold_seconds": "forever", "history": "lots"}]
    assert saved["hold_seconds"] == 30
    # The kept copy survives further turns.
    client.post("/", data=json.dumps(body), content_type="application/json")
    assert store.data[USER_ID]["_unreadable_profiles"][0]["history"] == "lots"


def test_delete_data_needs_confirmation_then_erases(
    alexa: AlexaConversation, store: MemoryStore
) -> None:
    alexa.launch()
    alexa.intent("HoldTimeIntent", seconds="45")
    assert store.data[USER_ID]["hold_seconds"] == 45
    asked = alexa.intent("DeleteDataIntent")
    assert "Are you sure" in speech(asked)
    done = alexa.intent("AMAZON.YesIntent")
    assert "deleted your data" in speech(done)
    assert USER_ID not in store.data


def test_skill_disabled_event_deletes_user_data(client: FlaskClient, store: MemoryStore) -> None:
    store.data[USER_ID] = {"hold_seconds": 45}
    body = envelope({"type": "AlexaSkillEvent.SkillDisabled"})
    response = client.post("/", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    assert USER_ID not in store.data
