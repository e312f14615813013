"""Shared fixtures: a coach on a fixed clock, a Flask client, and Alexa request envelopes."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from flask.testing import FlaskClient

from skill.alexa.webservice import create_app
from skill.core.coach import Coach
from skill.stores.memory import MemoryStore

# The routine ids fixed by DESIGN §4 (checked from outside; the content must match them).
DESIGN_ROUTINE_IDS = frozenset(
    {"lower_back", "sciatica", "back_spasm", "hamstrings", "desk_break", "breathing"}
)
FIXED_NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
USER_ID = "amzn1.ask.account.TESTUSER"
SKILL_ID = "amzn1.ask.skill.test-skill"


def fixed_clock() -> datetime:
    return FIXED_NOW


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRETCH_COACH_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def coach() -> Coach:
    return Coach(clock=fixed_clock)


def envelope(
    request: dict[str, Any],
    attributes: dict[str, Any] | None = None,
    *,
    new: bool = False,
    user_id: str = USER_ID,
    skill_id: str = SKILL_ID,
    timestamp: str | None = None,
) -> dict[str, Any]:
    application = {"applicationId": skill_id}
    user = {"userId": user_id}
    stamp = timestamp or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "version": "1.0",
        "session": {
            "new": new,
            "sessionId": "amzn1.echo-api.session.test",
            "application": application,
            "attributes": attributes or {},
            "user": user,
        },
        "context": {
            "System": {
                "application": application,
                "user": user,
                "device": {"deviceId": "device-1", "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
            }
        },
        "request": {
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": stamp,
            "locale": "en-US",
            **request,
        },
    }


def launch_request() -> dict[str, Any]:
    return {"type": "LaunchRequest"}


def intent_request(name: str, **slots: Any) -> dict[str, Any]:
    """Slots: a plain string (built-in / free text), or ("heard", "id") / ("heard", None)."""
    alexa_slots: dict[str, Any] = {}
    for slot_name, spec in slots.items():
        slot: dict[str, Any] = {"name": slot_name, "confirmationStatus": "NONE"}
        if isinstance(spec, tuple):
            heard, value_id = spec
            slot["value"] = heard
            authority = "amzn1.er-authority.echo-sdk.test.Type"
            if value_id is None:
                slot["resolutions"] = {
                    "resolutionsPerAuthority": [
                        {"authority": authority, "status": {"code": "ER_SUCCESS_NO_MATCH"}}
                    ]
                }
            else:
                slot["resolutions"] = {
                    "resolutionsPerAuthority": [
                        {
                            "authority": authority,
                            "status": {"code": "ER_SUCCESS_MATCH"},
                            "values": [{"value": {"name": heard, "id": value_id}}],
                        }
                    ]
                }
        elif spec is not None:
            slot["value"] = spec
        alexa_slots[slot_name] = slot
    return {
        "type": "IntentRequest",
        "dialogState": "COMPLETED",
        "intent": {"name": name, "confirmationStatus": "NONE", "slots": alexa_slots},
    }


class AlexaConversation:
    """Posts envelopes to the Flask app, carrying session attributes like Alexa does."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self.attributes: dict[str, Any] = {}
        self.new = True

    def send(self, request: dict[str, Any]) -> dict[str, Any]:
        if request["type"] == "LaunchRequest":
            self.attributes, self.new = {}, True
        body = envelope(request, self.attributes, new=self.new)
        response = self.client.post("/", data=json.dumps(body), content_type="application/json")
        assert response.status_code == 200, response.get_data(as_text=True)
        payload: dict[str, Any] = response.get_json()
        self.attributes = payload.get("sessionAttributes") or {}
        self.new = False
        if payload["response"].get("shouldEndSession"):
            self.attributes, self.new = {}, True
        return payload

    def launch(self) -> dict[str, Any]:
        return self.send(launch_request())

    def intent(self, name: str, **slots: Any) -> dict[str, Any]:
        return self.send(intent_request(name, **slots))


def speech(payload: dict[str, Any]) -> str:
    output = payload["response"].get("outputSpeech") or {}
    return str(output.get("ssml", ""))


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def client(store: MemoryStore) -> Iterator[FlaskClient]:
    app = create_app(verify=False, store=store, coach=Coach(clock=fixed_clock))
    with app.test_client() as test_client:
        yield test_client


@pytest.fixture
def alexa(client: FlaskClient) -> AlexaConversation:
    return AlexaConversation(client)


MakeConversation = Callable[[], AlexaConversation]


@pytest.fixture(scope="session")
def whisper() -> Any:
    """The whisper engine, loaded once for every test that needs it (skipped without its model)."""
    pytest.importorskip("faster_whisper")
    from local_runner.hearing.engines import EngineUnavailable
    from local_runner.hearing.whisper import WhisperEngine

    try:
        return WhisperEngine()
    except EngineUnavailable as error:
        pytest.skip(str(error))
