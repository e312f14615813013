"""Self-hosted Alexa endpoint: a small Flask app that runs the ASK SDK skill itself.

POST / is the skill (served by `pipeline.py`: bounded, cheapest-first checks, then the skill);
GET /healthz answers whether the process and its store are alive. Refusals get 4xx with a short
JSON reason, never a 500 or a stack trace; every response carries the security headers of
`hygiene.py`. Verification is ON by default.
"""

from __future__ import annotations

import logging
from typing import Any

from ask_sdk_core.skill import CustomSkill
from flask import Flask, request
from werkzeug.wrappers import Response

from ..core.coach import Coach
from ..core.store import UserStore
from . import hygiene
from .gate import RequestGate
from .pipeline import SkillPipeline, SkillRoute
from .skill_factory import build_skill, default_store
from .verification import SignatureVerifier

log = logging.getLogger(__name__)
HEALTH_PROBE_USER = "healthz-probe"


def create_app(
    *,
    verify: bool = True,
    skill_id: str | None = None,
    store: UserStore | None = None,
    coach: Coach | None = None,
    signature_verifier: SignatureVerifier | None = None,
    skill: CustomSkill | None = None,
) -> Flask:
    """The app; `skill` replaces the coach skill (benchmarks measure the web layer with it)."""
    app = Flask("back_stretch_coach")
    app.config["MAX_CONTENT_LENGTH"] = hygiene.MAX_BODY_BYTES + 1
    store = store or default_store()
    gate = RequestGate(
        skill_id=skill_id,
        signature=(signature_verifier or SignatureVerifier()) if verify else None,
    )
    pipeline = SkillPipeline(skill or build_skill(store, coach), gate)

    # POST only: no automatic OPTIONS either, so every other method gets 405.
    @app.route("/", methods=["POST"], provide_automatic_options=False)
    def invoke_skill() -> Any:  # reached only if the WSGI fast route is bypassed
        status, body = pipeline.handle(request.environ)
        return Response(body, status=status, mimetype="application/json")

    @app.get("/healthz")
    def healthz() -> Response:
        try:
            store.load(HEALTH_PROBE_USER)
        except Exception as error:
            log.warning("health check: store failed", extra={"error": type(error).__name__})
            return hygiene.json_response({"status": "unavailable"}, 503)
        return hygiene.json_response({"status": "ok"})

    app.wsgi_app = SkillRoute(app.wsgi_app, pipeline)  # type: ignore[method-assign]
    hygiene.install(app)  # outermost: its headers go on every response
    return app
