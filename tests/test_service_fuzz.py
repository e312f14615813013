"""Generated envelopes (random intents, slots, unicode, huge strings, wrong types, missing and
extra fields) through the Flask endpoint: never a 500, and every 200 to a launch or intent
request is a valid Alexa response that says something."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skill.alexa.webservice import create_app
from skill.core.coach import Coach
from skill.core.events import ALL_INTENTS
from skill.stores.memory import MemoryStore
from tests.conftest import envelope, fixed_clock

APP = create_app(verify=False, store=MemoryStore(), coach=Coach(clock=fixed_clock))

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
words = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="é漢字🙂\u202e\x00 ab", max_size=40),
    st.builds(lambda n, c: c * n, st.integers(1000, 20000), st.sampled_from("ab ")),
)
slot = st.one_of(
    st.fixed_dictionaries({"name": st.text(max_size=10), "value": words}),
    st.fixed_dictionaries(
        {
            "name": st.text(max_size=10),
            "value": words,
            "resolutions": st.just(
                {"resolutionsPerAuthority": [{"authority": "x", "status": {"code": "ER_SUCCESS_MATCH"}, "values": [{"value": {"name": "n", "id": "lower_back"}}]}]}
            ),
        }
    ),
    junk,
)
intent_name = st.one_of(st.sampled_from(ALL_INTENTS), st.text(max_size=30), junk)
intent = st.fixed_dictionaries(
    {"name": intent_name},
    optional={
        "slots": st.one_of(st.dictionaries(st.text(max_size=10), slot, max_size=4), junk),
        "confirmationStatus": st.one_of(st.just("NONE"), junk),
    },
)
request = st.one_of(
    st.just({"type": "LaunchRequest"}),
    st.fixed_dictionaries({"type": st.just("IntentRequest"), "intent": intent}),
    st.fixed_dictionaries(
        {"type": st.just("SessionEndedRequest"), "reason": st.one_of(st.just("ERROR"), junk)},
        optional={"error": st.one_of(st.dictionaries(st.text(max_size=8), words), junk)},
    ),
    st.fixed_dictionaries({"type": st.sampled_from(["AlexaSkillEvent.SkillDisabled", "System.ExceptionEncountered"])}),
)
attributes = st.one_of(
    st.just({}),
    st.dictionaries(st.sampled_from(["mode", "routine_id", "step_index", "zz"]), junk, max_size=3),
)
DELETE = object()
mutation = st.one_of(
    st.none(),
    st.tuples(
        st.sampled_from(["", "request", "context", "session", "context.System"]),
        st.sampled_from(["version", "session", "context", "request", "extra", "type", "System",
                         "timestamp", "requestId", "user", "application", "attributes", "new"]),
        st.one_of(junk, st.just(DELETE)),
    ),
)


def _mutate(body: dict[str, Any], where: str, key: str, value: Any) -> None:
    target: Any = body
    for part in filter(None, where.split(".")):
        target = target.get(part) if isinstance(target, dict) else None
    if not isinstance(target, dict):
        return
    if value is DELETE:
        target.pop(key, None)
    else:
        target[key] = value


def _post(body: Any) -> tuple[int, Any]:
    with APP.test_client() as client:
        response = client.post("/", data=json.dumps(body), content_type="application/json")
    return response.status_code, response.get_json(silent=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request=request, attributes=attributes, mutation=mutation, new=st.booleans())
def test_generated_envelopes_never_get_a_500(
    request: dict[str, Any], attributes: dict[str, Any], mutation: Any, new: bool
) -> None:
    body = envelope(request, attributes, new=new)
    if mutation is not None:
        _mutate(body, *mutation)
    status, payload = _post(body)
    assert status in (200, 400), status
    if status == 400:
        assert set(payload) == {"error"}
        return
    assert payload["version"] == "1.0" and isinstance(payload["response"], dict)
    if body["request"].get("type") in ("LaunchRequest", "IntentRequest"):
        ssml = payload["response"]["outputSpeech"]["ssml"]
        assert ssml.startswith("<speak>") and len(ssml) < 8000
        if not payload["response"].get("shouldEndSession"):
            assert payload["response"]["reprompt"]["outputSpeech"]["ssml"]


@settings(max_examples=60, deadline=None)
@given(body=st.recursive(junk, lambda inner: st.dictionaries(st.text(max_size=8), inner, max_size=4) | st.lists(inner, max_size=4), max_leaves=20))
def test_arbitrary_json_is_a_clean_400(body: Any) -> None:
    status, payload = _post(body)
    assert status == 400 and set(payload) == {"error"}
