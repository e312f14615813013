"""Self-hosted Alexa endpoint: a small Flask app that runs the ASK SDK skill itself.

POST / is the skill; GET /healthz answers whether the process and its store are alive. A
request goes through bounded, cheapest-first steps: content type and body size (before
reading), JSON, envelope shape, skill id, timestamp, signature (see `verification.py`); only
then is it deserialized and handed to the skill. Refusals get 4xx with a short JSON reason;
Alexa requests we cannot follow get a spoken apology. Never a 500, never a stack trace.
Verification is ON by default.
"""

from __future__ import annotations

import logging
from typing import Any

from ask_sdk_model.request_envelope import RequestEnvelope
from flask import Flask, Response, request

from ..core.coach import Coach
from ..core.phrases import APOLOGY
from ..core.store import UserStore
from . import hygiene, weblog
from .envelope import shape_problem
from .hygiene import Refusal
from .skill_factory import build_skill, default_store
from .verification import RequestGate, SignatureVerifier, VerificationException

log = logging.getLogger(__name__)
HEALTH_PROBE_USER = "healthz-probe"


def _spoken_recovery() -> dict[str, Any]:
    speech = {"type": "SSML", "ssml": f"<speak>{APOLOGY}</speak>"}
    return {
        "version": "1.0",
        "response": {
            "outputSpeech": speech,
            "reprompt": {"outputSpeech": speech},
            "shouldEndSession": False,
        },
    }


def create_app(
    *,
    verify: bool = True,
    skill_id: str | None = None,
    store: UserStore | None = None,
    coach: Coach | None = None,
    signature_verifier: SignatureVerifier | None = None,
) -> Flask:
    app = Flask("back_stretch_coach")
    # One byte over our own limit, so reading limit + 1 bytes shows a body is too large.
    app.config["MAX_CONTENT_LENGTH"] = hygiene.MAX_BODY_BYTES + 1
    hygiene.install(app)
    store = store or default_store()
    skill = build_skill(store, coach)
    serializer = skill.serializer
    gate = RequestGate(
        skill_id=skill_id,
        signature=(signature_verifier or SignatureVerifier()) if verify else None,
    )

    def answer(raw: bytes, record: weblog.RequestRecord) -> Response:
        body = hygiene.parse_json(raw)
        problem = shape_problem(body)
        if problem:
            raise Refusal(400, problem)
        record.describe(body)
        try:
            gate.check(request.headers, raw, body)
        except VerificationException as error:
            raise Refusal(400, f"verification failed: {error}") from error
        envelope = serializer.deserialize(payload=raw.decode("utf-8"), obj_type=RequestEnvelope)
        try:
            reply = serializer.serialize(skill.invoke(request_envelope=envelope, context=None))
        except Exception as error:  # the SDK's own dispatch errors; handlers catch the rest
            record.error = type(error).__name__
            reply = _spoken_recovery()
        return hygiene.json_response(reply)

    @app.post("/")
    def invoke_skill() -> Response:
        record = weblog.RequestRecord()
        try:
            response = answer(hygiene.read_body(request), record)
        except Refusal as refusal:
            record.refused = refusal.reason
            response = hygiene.refusal_response(refusal)
        except Exception as error:  # never a 500; the type is enough to find it
            record.error = type(error).__name__
            response = hygiene.refusal_response(Refusal(400, "request could not be processed"))
        record.status = response.status_code
        record.emit()
        return response

    @app.get("/healthz")
    def healthz() -> Response:
        try:
            store.load(HEALTH_PROBE_USER)
        except Exception as error:
            log.warning("health check: store failed", extra={"error": type(error).__name__})
            return hygiene.json_response({"status": "unavailable"}, 503)
        return hygiene.json_response({"status": "ok"})

    return app


__all__ = ["create_app"]
