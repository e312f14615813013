"""The request model is built as the ASK SDK builds it, minus its per-request waste.

`skill/alexa/serializer.py`: model classes are looked up once, ISO timestamps are read by the
standard library; the models are equal to the SDK's own, field for field, and a timestamp only
the SDK can read (or nobody can) is handled as the SDK handles it.
"""

from __future__ import annotations

from typing import Any

import pytest
from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.request_envelope import RequestEnvelope

from skill.alexa import serializer as fast
from skill.alexa.pipeline import SkillPipeline
from skill.alexa.webservice import create_app
from tests.conftest import envelope, intent_request


def _model(serializer: DefaultSerializer, payload: dict[str, Any]) -> Any:
    return serializer._DefaultSerializer__deserialize(payload, RequestEnvelope)


ENVELOPES = [
    envelope({"type": "LaunchRequest"}, new=True),
    envelope(intent_request("AMAZON.NextIntent"), {"mode": "routine", "step_index": 1}),
    envelope(intent_request("HoldTimeIntent", seconds="45")),
    envelope(intent_request("WhereIsItIntent", area=("lower back", "lower_back"))),
    envelope(intent_request("WhereIsItIntent", area=("elbow", None))),
    envelope({"type": "SessionEndedRequest", "reason": "USER_INITIATED"}),
    envelope({"type": "LaunchRequest"}, timestamp="2026-11-21T09:00:00.123+01:00"),
    envelope({"type": "LaunchRequest"}, timestamp="21 Nov 2026 09:00:00"),  # dateutil only
]


@pytest.mark.parametrize("payload", ENVELOPES)
def test_models_equal_the_sdks_own(payload: dict[str, Any]) -> None:
    ours = _model(fast.FastSerializer(), payload)
    theirs = _model(DefaultSerializer(), payload)
    assert ours == theirs
    assert ours.request.timestamp == theirs.request.timestamp


def test_an_unreadable_timestamp_fails_as_in_the_sdk() -> None:
    payload = envelope({"type": "LaunchRequest"}, timestamp="not a time")
    with pytest.raises(SerializationException):
        _model(fast.FastSerializer(), payload)


def test_classes_are_looked_up_once_and_iso_times_skip_dateutil(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    payload = ENVELOPES[1]
    _model(fast.FastSerializer(), payload)  # fills the class cache
    lookups: list[str] = []
    original = DefaultSerializer._DefaultSerializer__load_class_from_name  # type: ignore[attr-defined]

    def counted(self: DefaultSerializer, name: str) -> Any:
        lookups.append(name)
        return original(self, name)

    def no_dateutil(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("dateutil used for an ISO timestamp")

    monkeypatch.setattr(DefaultSerializer, "_DefaultSerializer__load_class_from_name", counted)
    monkeypatch.setattr("dateutil.parser.parse", no_dateutil)
    model = _model(fast.FastSerializer(), payload)
    assert model.request.object_type == "IntentRequest"
    assert lookups == []


def test_the_skill_route_uses_it() -> None:
    app = create_app(verify=False)
    route = app.wsgi_app
    while not hasattr(route, "pipeline"):
        route = route.app  # type: ignore[attr-defined]
    pipeline: SkillPipeline = route.pipeline
    assert isinstance(pipeline.serializer, fast.FastSerializer)
    assert pipeline.to_envelope.__self__ is pipeline.serializer  # type: ignore[attr-defined]
