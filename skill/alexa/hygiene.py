"""HTTP hygiene for the Alexa endpoint: what every response carries and how refusals look.

Every response gets the same security headers; every refusal is a tiny JSON body naming the
problem in a few words (never a stack trace, an exception text or anything the client sent).
The body limit is enforced from Content-Length before anything is read, and again while
reading (a chunked body has no length), so a huge body costs nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.wrappers import Response
from werkzeug.wsgi import get_input_stream

log = logging.getLogger(__name__)

# Real Alexa requests are a few KB; 128 KB leaves room for long session attributes.
MAX_BODY_BYTES = 128 * 1024

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Strict-Transport-Security": "max-age=31536000",
}


_HEADER_LIST = list(SECURITY_HEADERS.items())
StartResponse = Callable[..., Any]


class SecurityHeaders:
    """WSGI middleware adding the security headers to every response, whoever made it.

    Appending ready-made tuples at start_response costs far less per request than setting
    them one by one on a werkzeug Response (which validates each value every time).
    """

    def __init__(self, app: Callable[[dict[str, Any], StartResponse], Iterable[bytes]]) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            return start_response(status, headers + _HEADER_LIST, exc_info)

        return self.app(environ, start)


class Refusal(Exception):
    """A request we will not serve: HTTP status and a short reason (safe to show and log)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def to_json(payload: Any) -> bytes:
    return json.dumps(payload, separators=(",", ":")).encode()


def json_response(payload: Any, status: int = 200) -> Response:
    return Response(to_json(payload), status=status, mimetype="application/json")


def read_body(environ: dict[str, Any]) -> bytes:
    """The raw body of a JSON POST, or a Refusal (400 wrong type, 413 too large)."""
    mimetype = str(environ.get("CONTENT_TYPE", "")).split(";", 1)[0].strip().lower()
    if mimetype != "application/json":
        raise Refusal(400, "content type must be application/json")
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError as error:
        raise Refusal(400, "bad content length") from error
    if length > MAX_BODY_BYTES:
        raise Refusal(413, "body too large")
    # werkzeug's stream: never reads past Content-Length, and without one reads only a body
    # the server has de-chunked (else nothing); reading limit + 1 bytes shows one too large.
    stream = get_input_stream(environ, max_content_length=MAX_BODY_BYTES + 1)
    try:
        data = stream.read(MAX_BODY_BYTES + 1)
    except RequestEntityTooLarge as error:
        raise Refusal(413, "body too large") from error
    if len(data) > MAX_BODY_BYTES:
        raise Refusal(413, "body too large")
    return data


def parse_json(data: bytes) -> Any:
    try:
        return json.loads(data)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise Refusal(400, "body is not valid JSON") from error


def install(app: Flask) -> None:
    """Security headers on every response; HTTP errors and crashes answered as short JSON."""

    app.wsgi_app = SecurityHeaders(app.wsgi_app)  # type: ignore[method-assign]

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        return json_response({"error": error.name.lower()}, error.code or 500)

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Response:
        # The type only (a message can quote the request); the client learns nothing.
        log.warning("unexpected error", extra={"error": type(error).__name__})
        return json_response({"error": "request could not be processed"}, 400)
