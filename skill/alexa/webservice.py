"""Self-hosted Alexa endpoint: a Flask app serving the skill through flask-ask-sdk's SkillAdapter.

Verification is ON by default: signature (our `cryptography` verifier), timestamp (150 s) and,
when configured, the skill id. Requests that are not well-formed Alexa requests get HTTP 400 with
a short JSON error; Alexa requests we cannot follow get a spoken recovery. Never a 500.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from ..core.coach import Coach
from ..core.phrases import APOLOGY
from ..core.store import UserStore
from .compat import ensure_flask_ask_sdk_importable
from .skill_factory import build_skill, default_store
from .verification import SignatureVerifier, SkillIdVerifier

ensure_flask_ask_sdk_importable()
from ask_sdk_webservice_support.verifier import (  # noqa: E402
    AbstractVerifier,
    TimestampVerifier,
)
from flask_ask_sdk.skill_adapter import (  # noqa: E402
    VERIFY_SIGNATURE_APP_CONFIG,
    VERIFY_TIMESTAMP_APP_CONFIG,
    SkillAdapter,
)

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 128 * 1024
KNOWN_REQUEST_PREFIXES = (
    "LaunchRequest",
    "IntentRequest",
    "SessionEndedRequest",
    "CanFulfillIntentRequest",
    "AlexaSkillEvent.",
    "System.",
    "Alexa.",
    "Display.",
    "AudioPlayer.",
    "PlaybackController.",
    "Connections.",
    "Messaging.",
    "Reminders.",
    "Dialog.",
)


def _bad_request(message: str) -> tuple[Response, int]:
    return jsonify({"error": message}), 400


def _shape_problem(body: Any) -> str | None:
    """Why a parsed body is not an Alexa request envelope, or None if it looks like one."""
    if not isinstance(body, dict):
        return "body must be a JSON object"
    if not isinstance(body.get("version"), str):
        return "missing 'version'"
    req = body.get("request")
    if not isinstance(req, dict):
        return "missing 'request'"
    for key in ("type", "requestId", "timestamp"):
        if not isinstance(req.get(key), str):
            return f"missing 'request.{key}'"
    if not str(req["type"]).startswith(KNOWN_REQUEST_PREFIXES):
        return f"unknown request type {req['type']!r}"
    system = (
        body.get("context", {}).get("System") if isinstance(body.get("context"), dict) else None
    )
    if not isinstance(system, dict):
        return "missing 'context.System'"
    if req["type"] == "IntentRequest" and not isinstance(req.get("intent"), dict):
        return "IntentRequest without 'intent'"
    session = body.get("session")
    if session is not None and not isinstance(session, dict):
        return "'session' must be an object"
    if isinstance(session, dict) and not isinstance(session.get("attributes", {}), dict):
        return "'session.attributes' must be an object"
    return None


def _spoken_recovery() -> Response:
    speech = {"type": "SSML", "ssml": f"<speak>{APOLOGY}</speak>"}
    return jsonify(
        {
            "version": "1.0",
            "response": {
                "outputSpeech": speech,
                "reprompt": {"outputSpeech": speech},
                "shouldEndSession": False,
            },
        }
    )


def create_app(
    *,
    verify: bool = True,
    skill_id: str | None = None,
    store: UserStore | None = None,
    coach: Coach | None = None,
    signature_verifier: AbstractVerifier | None = None,
) -> Flask:
    app = Flask("back_stretch_coach")
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    # The adapter's own signature check needs certvalidator (see compat.py); we pass ours.
    app.config[VERIFY_SIGNATURE_APP_CONFIG] = False
    app.config[VERIFY_TIMESTAMP_APP_CONFIG] = False
    verifiers: list[AbstractVerifier] = []
    if verify:
        verifiers += [signature_verifier or SignatureVerifier(), TimestampVerifier()]
    if skill_id:
        verifiers.append(SkillIdVerifier(skill_id))
    skill = build_skill(store or default_store(), coach)
    adapter = SkillAdapter(
        skill=skill, skill_id=skill_id or "back-stretch-coach", verifiers=verifiers
    )
    adapter.init_app(app)

    @app.post("/")
    def invoke_skill() -> Any:
        if request.mimetype != "application/json":
            return _bad_request("content type must be application/json")
        try:
            body = json.loads(request.get_data(cache=True).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return _bad_request("body is not valid JSON")
        problem = _shape_problem(body)
        if problem:
            return _bad_request(problem)
        try:
            return adapter.dispatch_request()
        except HTTPException as error:
            if error.code == 400:
                return _bad_request("request failed verification")
            log.error("skill dispatch failed: %s", error.description)
            return _spoken_recovery()

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Any:
        return jsonify({"error": error.name}), error.code

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Any:
        log.exception("unexpected error", exc_info=error)
        return _bad_request("request could not be processed")

    return app
