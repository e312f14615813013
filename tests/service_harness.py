"""Runs the service under gunicorn exactly as `stretch-coach serve` does, but with a test CA.

Used by the gunicorn tests and `benchmarks/bench_service.py`. The child trusts the test root
through $STRETCH_COACH_EXTRA_TRUST_ROOTS and reads the "downloaded" chain from a file, so
verification stays ON with no network. `--app minimal` serves a one-handler ASK SDK skill the
same way (the baseline); `--store memory` keeps profiles in memory instead of the default file
store. Loopback only.

    python -m tests.service_harness --port P --pki DIR [--app coach|minimal] [--workers N]
        [--store file|memory] [--slow-route]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization

from skill.alexa.compat import ensure_flask_ask_sdk_importable

ensure_flask_ask_sdk_importable()

from ask_sdk_core.dispatch_components.request_components import (  # noqa: E402
    AbstractRequestHandler,
)
from ask_sdk_core.handler_input import HandlerInput  # noqa: E402
from ask_sdk_core.skill import CustomSkill  # noqa: E402
from ask_sdk_core.skill_builder import SkillBuilder  # noqa: E402
from ask_sdk_model.response import Response  # noqa: E402
from ask_sdk_webservice_support.verifier import AbstractVerifier, TimestampVerifier  # noqa: E402
from flask import Flask  # noqa: E402
from flask_ask_sdk.skill_adapter import (  # noqa: E402
    VERIFY_SIGNATURE_APP_CONFIG,
    VERIFY_TIMESTAMP_APP_CONFIG,
    SkillAdapter,
)

from skill.alexa.verification import (  # noqa: E402
    EXTRA_ROOTS_ENV,
    SignatureVerifier,
    fetch_url,
)

LOOPBACK = "127.0.0.1"
CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem"


class HelloHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak("Hello").ask("Hello?").response


def minimal_skill() -> CustomSkill:
    builder = SkillBuilder()
    builder.add_request_handler(HelloHandler())
    return builder.create()


def minimal_app(verifiers: list[AbstractVerifier] | None = None) -> Flask:
    """The smallest ASK SDK skill behind flask-ask-sdk's adapter: the baseline."""
    app = Flask("minimal")
    app.config[VERIFY_SIGNATURE_APP_CONFIG] = False
    app.config[VERIFY_TIMESTAMP_APP_CONFIG] = False
    SkillAdapter(
        skill=minimal_skill(), skill_id="minimal", verifiers=verifiers or [], app=app
    ).register(app, "/")
    return app


def write_pki(pki: Any, directory: Path) -> dict[str, str]:
    """Root, chain and leaf key as files; returns the environment a child needs."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "root.pem").write_bytes(pki.root_pem())
    (directory / "chain.pem").write_bytes(pki.chain_pem())
    (directory / "leaf.key").write_bytes(
        pki.leaf_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return {EXTRA_ROOTS_ENV: str(directory / "root.pem")}


def main() -> None:
    from skill.alexa.offload import offloaded
    from skill.alexa.serving import ServeOptions, serve
    from skill.alexa.skill_factory import default_store
    from skill.alexa.webservice import create_app
    from skill.stores.memory import MemoryStore

    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pki", type=Path, required=True)
    parser.add_argument("--app", choices=["coach", "minimal"], default="coach")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--store", choices=["file", "memory"], default="file", help="file: the default store"
    )
    parser.add_argument(
        "--slow-route", action="store_true", help="GET /slow: touch PKI/slow-started, sleep 1 s"
    )
    parser.add_argument(
        "--hanging-fetch", metavar="URL", help="download every chain from URL (1 s timeout)"
    )
    args = parser.parse_args()
    chain = (args.pki / "chain.pem").read_bytes()

    def fetch(url: str) -> bytes:
        if args.hanging_fetch:  # a real download from a loopback server that never answers
            return fetch_url(args.hanging_fetch, timeout=1.0)
        return chain

    def slow() -> str:  # an in-flight request for the graceful-shutdown test
        (args.pki / "slow-started").touch()
        time.sleep(1.0)
        return "done"

    def make_app() -> Flask:
        # Trusts certifi's roots plus $STRETCH_COACH_EXTRA_TRUST_ROOTS (the test root).
        verifier = SignatureVerifier(fetch=fetch)
        if args.app == "minimal":
            app = minimal_app([verifier, TimestampVerifier()])
        else:
            store = MemoryStore() if args.store == "memory" else offloaded(default_store())
            app = create_app(store=store, signature_verifier=verifier)
        if args.slow_route:
            app.add_url_rule("/slow", "slow", slow)
        return app

    options = ServeOptions(host=LOOPBACK, port=args.port, workers=args.workers, access_log=False)
    serve(make_app, options)


if __name__ == "__main__":
    main()
