"""One Alexa request from raw HTTP to response, in bounded, cheapest-first steps.

Content type and body size (before reading), JSON, envelope shape, skill id, timestamp,
signature (`verification.py`); only then is the envelope built and handed to the skill.
Refusals get 4xx with a short JSON reason; Alexa requests the skill cannot follow get a spoken
apology. Never a 500. One JSON log line per request (`weblog.py`).

`SkillRoute` serves POST / straight from WSGI: Flask's request context, URL matching and
response processing (and werkzeug's request and response objects) cost more per turn than the
rest of the web layer together, and the skill route needs none of them (Flask still serves
every other path, and answers 405 on GET /).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ask_sdk_core.skill import CustomSkill
from ask_sdk_model.request_envelope import RequestEnvelope
from werkzeug.http import HTTP_STATUS_CODES

from ..core.phrases import APOLOGY
from . import hygiene, weblog
from .envelope import shape_problem
from .gate import RequestGate
from .hygiene import Refusal
from .serializer import FastSerializer
from .verification import CERT_URL_HEADER, SIGNATURE_HEADER, VerificationException

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def spoken_recovery() -> dict[str, Any]:
    speech = {"type": "SSML", "ssml": f"<speak>{APOLOGY}</speak>"}
    return {
        "version": "1.0",
        "response": {
            "outputSpeech": speech,
            "reprompt": {"outputSpeech": speech},
            "shouldEndSession": False,
        },
    }


class SkillPipeline:
    def __init__(self, skill: CustomSkill, gate: RequestGate) -> None:
        self.skill = skill
        self.gate = gate
        # The SDK's serializer, less two per-request costs it pays for nothing (serializer.py).
        self.serializer = FastSerializer()
        # The body is parsed once, for the cheap checks; the SDK's serializer then builds its
        # model from that dict (its public deserialize() would parse the text a second time).
        self.to_envelope = getattr(self.serializer, "_DefaultSerializer__deserialize")  # noqa: B009

    def handle(self, environ: dict[str, Any]) -> tuple[int, bytes]:
        """HTTP status and JSON body for one request; never raises."""
        record = weblog.RequestRecord()
        try:
            status, payload = 200, self._answer(environ, record)
        except Refusal as refusal:
            record.refused = refusal.reason
            status, payload = refusal.status, {"error": refusal.reason}
        except Exception as error:  # never a 500; the type is enough to find it
            record.error = type(error).__name__
            status, payload = 400, {"error": "request could not be processed"}
        record.status = status
        record.emit()
        return status, hygiene.to_json(payload)

    def _answer(self, environ: dict[str, Any], record: weblog.RequestRecord) -> Any:
        raw = hygiene.read_body(environ)
        body = hygiene.parse_json(raw)
        problem = shape_problem(body)
        if problem:
            raise Refusal(400, problem)
        record.describe(body)
        try:
            self.gate.check(signature_headers(environ), raw, body)
        except VerificationException as error:
            raise Refusal(400, f"verification failed: {error}") from error
        envelope = self.to_envelope(body, RequestEnvelope)
        try:
            result = self.skill.invoke(request_envelope=envelope, context=None)
            return self.serializer.serialize(result)
        except Exception as error:  # the SDK's own dispatch errors; handlers catch the rest
            record.error = type(error).__name__
            return spoken_recovery()


def signature_headers(environ: dict[str, Any]) -> dict[str, str]:
    """The two headers the signature check reads, straight from the WSGI environ."""
    found = {
        CERT_URL_HEADER: environ.get("HTTP_SIGNATURECERTCHAINURL"),
        SIGNATURE_HEADER: environ.get("HTTP_SIGNATURE_256"),
    }
    return {name: str(value) for name, value in found.items() if value is not None}


class SkillRoute:
    """WSGI: POST / goes straight to the pipeline; everything else to the wrapped app."""

    def __init__(self, app: WsgiApp, pipeline: SkillPipeline) -> None:
        self.app = app
        self.pipeline = pipeline

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get("REQUEST_METHOD") == "POST" and environ.get("PATH_INFO") in ("/", ""):
            status, body = self.pipeline.handle(environ)
            start_response(
                f"{status} {HTTP_STATUS_CODES.get(status, '')}",
                [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
            )
            return [body]
        return self.app(environ, start_response)
