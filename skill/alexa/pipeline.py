"""One Alexa request from raw HTTP to response, in bounded, cheapest-first steps.

Content type and body size (before reading), JSON, envelope shape, skill id, timestamp,
signature (`verification.py`); only then is the envelope built and handed to the skill.
Refusals get 4xx with a short JSON reason; Alexa requests the skill cannot follow get a spoken
apology. Never a 500. One JSON log line per request (`weblog.py`).

`SkillRoute` serves POST / straight from WSGI: Flask's request context, URL matching and
response processing cost more per turn than the rest of the web layer together, and the skill
route needs none of them (Flask still serves every other path, and answers 405 on GET /).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ask_sdk_core.skill import CustomSkill
from ask_sdk_model.request_envelope import RequestEnvelope
from werkzeug.wrappers import Request, Response

from ..core.phrases import APOLOGY
from . import hygiene, weblog
from .envelope import shape_problem
from .gate import RequestGate
from .hygiene import Refusal
from .verification import VerificationException

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class LimitedRequest(Request):
    # One byte over our own limit, so reading limit + 1 bytes shows a body is too large.
    max_content_length = hygiene.MAX_BODY_BYTES + 1


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
        self.serializer = skill.serializer
        # The body is parsed once, for the cheap checks; the SDK's serializer then builds its
        # model from that dict (its public deserialize() would parse the text a second time).
        self.to_envelope = getattr(self.serializer, "_DefaultSerializer__deserialize")  # noqa: B009

    def handle(self, request: Request) -> Response:
        record = weblog.RequestRecord()
        try:
            response = self._answer(request, record)
        except Refusal as refusal:
            record.refused = refusal.reason
            response = hygiene.refusal_response(refusal)
        except Exception as error:  # never a 500; the type is enough to find it
            record.error = type(error).__name__
            response = hygiene.refusal_response(Refusal(400, "request could not be processed"))
        record.status = response.status_code
        record.emit()
        return response

    def _answer(self, request: Request, record: weblog.RequestRecord) -> Response:
        raw = hygiene.read_body(request)
        body = hygiene.parse_json(raw)
        problem = shape_problem(body)
        if problem:
            raise Refusal(400, problem)
        record.describe(body)
        try:
            self.gate.check(request.headers, raw, body)
        except VerificationException as error:
            raise Refusal(400, f"verification failed: {error}") from error
        envelope = self.to_envelope(body, RequestEnvelope)
        try:
            result = self.skill.invoke(request_envelope=envelope, context=None)
            reply = self.serializer.serialize(result)
        except Exception as error:  # the SDK's own dispatch errors; handlers catch the rest
            record.error = type(error).__name__
            reply = spoken_recovery()
        return hygiene.json_response(reply)


class SkillRoute:
    """WSGI: POST / goes straight to the pipeline; everything else to the wrapped app."""

    def __init__(self, app: WsgiApp, pipeline: SkillPipeline) -> None:
        self.app = app
        self.pipeline = pipeline

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get("REQUEST_METHOD") == "POST" and environ.get("PATH_INFO") in ("/", ""):
            response = self.pipeline.handle(LimitedRequest(environ))
            return response(environ, start_response)
        return self.app(environ, start_response)
