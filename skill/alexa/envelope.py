"""Is a parsed JSON body shaped like an Alexa request envelope? The first, cheapest check.

Only what the later checks and the SDK's deserializer rely on is checked here; anything that
passes is safe to read `body["request"]` and `body["context"]["System"]` from.
"""

from __future__ import annotations

from typing import Any

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


def shape_problem(body: Any) -> str | None:
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
    if not req["type"].startswith(KNOWN_REQUEST_PREFIXES):
        return "unknown request type"
    context = body.get("context")
    if not isinstance(context, dict) or not isinstance(context.get("System"), dict):
        return "missing 'context.System'"
    if req["type"] == "IntentRequest" and not isinstance(req.get("intent"), dict):
        return "IntentRequest without 'intent'"
    session = body.get("session")
    if session is not None and not isinstance(session, dict):
        return "'session' must be an object"
    if isinstance(session, dict) and not isinstance(session.get("attributes", {}), dict):
        return "'session.attributes' must be an object"
    return None
