"""HTTP hygiene of the Flask endpoint: health, methods, content type, size, headers, logs."""

from __future__ import annotations

import io
import json
import logging
from typing import Any

import pytest
from flask.testing import FlaskClient

from skill.alexa.hygiene import MAX_BODY_BYTES, SECURITY_HEADERS
from skill.alexa.webservice import create_app
from skill.stores.memory import MemoryStore
from tests.conftest import USER_ID, envelope, intent_request


def _body(request: dict[str, Any]) -> str:
    return json.dumps(envelope(request, new=True))


def test_healthz_answers_ok_and_asks_the_store(client: FlaskClient, store: MemoryStore) -> None:
    asked: list[str] = []
    original = store.load

    def load(user_id: str) -> dict[str, Any] | None:
        asked.append(user_id)
        return original(user_id)

    store.load = load  # type: ignore[method-assign]
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert asked == ["healthz-probe"]


def test_healthz_reports_a_broken_store() -> None:
    class BrokenStore(MemoryStore):
        def load(self, user_id: str) -> dict[str, Any] | None:
            raise OSError("disk on fire at /secret/path")

    with create_app(verify=False, store=BrokenStore()).test_client() as client:
        response = client.get("/healthz")
    assert response.status_code == 503
    assert "secret" not in response.get_data(as_text=True)


@pytest.mark.parametrize("method", ["get", "put", "delete", "patch", "options", "head"])
def test_skill_route_is_post_only(client: FlaskClient, method: str) -> None:
    response = getattr(client, method)("/", data=_body({"type": "LaunchRequest"}))
    assert response.status_code == 405
    if method != "head":
        assert response.get_json() == {"error": "method not allowed"}


def test_unknown_path_is_a_json_404(client: FlaskClient) -> None:
    response = client.get("/admin")
    assert response.status_code == 404
    assert response.is_json


def test_json_content_type_is_required(client: FlaskClient) -> None:
    response = client.post("/", data=_body({"type": "LaunchRequest"}), content_type="text/plain")
    assert response.status_code == 400
    assert "content type" in response.get_json()["error"]


def test_oversized_body_is_refused_413_before_parsing(client: FlaskClient) -> None:
    huge = b'{"pad": "' + b"x" * (MAX_BODY_BYTES + 10) + b'"}'
    response = client.post("/", data=huge, content_type="application/json")
    assert response.status_code == 413


def test_oversized_chunked_body_is_refused_413(client: FlaskClient) -> None:
    # No Content-Length: the limit must hold while reading (gunicorn marks the input terminated).
    response = client.post(
        "/",
        input_stream=io.BytesIO(b"x" * (MAX_BODY_BYTES + 10)),
        content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 413


@pytest.mark.parametrize("path,method", [("/", "post"), ("/healthz", "get"), ("/nope", "get")])
def test_every_response_carries_security_headers(
    client: FlaskClient, path: str, method: str
) -> None:
    response = getattr(client, method)(
        path, data=_body({"type": "LaunchRequest"}), content_type="application/json"
    )
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value


def test_a_crash_in_the_web_layer_reveals_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from skill.alexa import envelope as envelope_module

    def explode(body: Any) -> None:
        raise RuntimeError("internal detail /srv/secret")

    monkeypatch.setattr("skill.alexa.pipeline.shape_problem", explode)
    assert envelope_module.shape_problem is not explode
    with create_app(verify=False, store=MemoryStore()).test_client() as client:
        response = client.post("/", data=_body({"type": "LaunchRequest"}), content_type="application/json")
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "secret" not in text and "Traceback" not in text and "RuntimeError" not in text


def _request_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "stretch_coach.request"]


def test_one_log_line_per_request_with_no_user_data(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    symptom = "numbness in my groin and I cannot pee"
    request = intent_request("RedFlagIntent", symptom=symptom)
    response = client.post("/", data=_body(request), content_type="application/json")
    assert response.status_code == 200
    client.post("/", data=_body(intent_request("PainScoreIntent", score="7")), content_type="application/json")
    lines = _request_lines(caplog)
    assert len(lines) == 2
    first = lines[0].__dict__
    assert first["intent"] == "RedFlagIntent" and first["request_type"] == "IntentRequest"
    assert first["status"] == 200 and first["latency_ms"] >= 0 and len(first["request_id"]) == 16
    assert first["user"] and first["user"] != USER_ID and len(first["user"]) == 16
    everything = " ".join(r.getMessage() + json.dumps(r.__dict__, default=str) for r in caplog.records)
    assert "groin" not in everything and USER_ID not in everything
    assert "coach event" not in everything  # they name triage outcomes: debug level only


def test_refusals_are_logged_with_a_reason_and_no_traceback(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    client.post("/", data=b"not json", content_type="application/json")
    client.post("/", data=_body({"type": "MadeUpRequest"}), content_type="application/json")
    lines = _request_lines(caplog)
    assert [line.__dict__["refused"] for line in lines] == [
        "body is not valid JSON",
        "unknown request type",
    ]
    assert all(line.exc_info is None for line in caplog.records)


def test_unknown_intent_names_are_not_logged_verbatim(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    client.post("/", data=_body(intent_request("MyPainIsSevenIntent")), content_type="application/json")
    assert _request_lines(caplog)[0].__dict__["intent"] == "other"


def test_session_ended_error_message_is_not_logged(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    request = {
        "type": "SessionEndedRequest",
        "reason": "ERROR",
        "error": {"type": "INVALID_RESPONSE", "message": "user said: my groin is numb"},
    }
    response = client.post("/", data=_body(request), content_type="application/json")
    assert response.status_code == 200
    assert "groin" not in " ".join(r.getMessage() for r in caplog.records)


def test_json_log_format_is_one_json_object_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    from skill.alexa import weblog

    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        weblog.configure("info")
        record = weblog.RequestRecord(status=400, refused="request is for another skill")
        record.emit()
    finally:
        root.handlers[:], _ = saved[0], root.setLevel(saved[1])
    line = capsys.readouterr().err.strip().splitlines()[-1]
    payload = json.loads(line)
    assert payload["refused"] == "request is for another skill" and payload["status"] == 400
    assert payload["level"] == "WARNING" and payload["message"] == "request"


def test_a_crash_in_any_other_route_is_a_plain_400(caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(verify=False, store=MemoryStore())

    def boom() -> str:
        raise RuntimeError("internal detail /srv/secret")

    app.add_url_rule("/boom", "boom", boom)
    with app.test_client() as client:
        response = client.get("/boom")
    assert response.status_code == 400
    assert "secret" not in response.get_data(as_text=True)
    assert "secret" not in caplog.text
    assert [r.__dict__.get("error") for r in caplog.records] == ["RuntimeError"]
