"""Structured logs for the web service: one JSON line per request, and nothing the user said.

Each request line carries a request id, a hashed user id, the request type, the intent name
(only names from our language contract; anything else is "other"), latency, status and, for a
refusal, the short reason. Never utterances, symptoms, pain scores, slot values or raw ids:
those reach the logs only at DEBUG level, which is off unless asked for (`--log-level debug`).
gunicorn's own lines (access and error) use the same formatter (see `serving.py`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from pythonjsonlogger.json import JsonFormatter

from ..core.events import ALL_INTENTS

REQUEST_LOGGER = "stretch_coach.request"
# Hashes are salted so a leaked log cannot be matched against known Alexa user ids.
LOG_SALT_ENV = "STRETCH_COACH_LOG_SALT"
KNOWN_INTENTS = frozenset(ALL_INTENTS)
KNOWN_TYPES = frozenset(
    {"LaunchRequest", "IntentRequest", "SessionEndedRequest", "CanFulfillIntentRequest"}
)

log = logging.getLogger(REQUEST_LOGGER)


def formatter() -> logging.Formatter:
    # "time" is seconds since the epoch: formatting a date string costs more than the rest.
    return JsonFormatter(
        "%(created)f %(levelname)s %(name)s %(message)s",
        rename_fields={"levelname": "level", "created": "time"},
    )


def configure(level: str = "info") -> None:
    """JSON lines on stderr for the whole process (our loggers, Flask's, the SDK's)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())


def user_hash(user_id: str | None) -> str | None:
    if not user_id:
        return None
    salt = os.environ.get(LOG_SALT_ENV, "back-stretch-coach")
    return hashlib.sha256(f"{salt}:{user_id}".encode()).hexdigest()[:16]


def _type_name(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    if value in KNOWN_TYPES:
        return value
    return value.split(".", 1)[0] + ".*" if "." in value else "other"


@dataclass
class RequestRecord:
    """What one request line says; filled in as the request goes through the pipeline."""

    request_id: str = field(default_factory=lambda: os.urandom(8).hex())
    started: float = field(default_factory=time.perf_counter)
    user: str | None = None
    request_type: str | None = None
    intent: str | None = None
    status: int = 200
    refused: str | None = None
    error: str | None = None

    def describe(self, body: dict[str, Any]) -> None:
        """Takes the loggable facts from a well-shaped envelope (hashing the user id)."""
        request = body["request"]
        self.request_type = _type_name(request.get("type"))
        intent = request.get("intent")
        if isinstance(intent, dict):
            name = intent.get("name")
            self.intent = name if name in KNOWN_INTENTS else "other"
        user = body["context"]["System"].get("user")
        self.user = user_hash(user.get("userId") if isinstance(user, dict) else None)

    def emit(self) -> None:
        level = logging.WARNING if self.status >= 400 else logging.INFO
        if not log.isEnabledFor(level):
            return
        fields = {
            "request_id": self.request_id,
            "user": self.user,
            "request_type": self.request_type,
            "intent": self.intent,
            "status": self.status,
            "latency_ms": round((time.perf_counter() - self.started) * 1000, 2),
        }
        if self.refused:
            fields["refused"] = self.refused
        if self.error:
            fields["error"] = self.error
        log.log(level, "request", extra=fields)
