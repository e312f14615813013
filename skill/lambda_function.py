"""AWS Lambda entry point: set the handler to `skill.lambda_function.lambda_handler`.

Only ask-sdk-core and the coach core are imported here (no Flask), to keep cold starts short.
STRETCH_COACH_SKILL_ID enables the skill id check. Profiles need STRETCH_COACH_STORE set to
`dynamodb://TABLE`: anything else lives in the container's /tmp and is lost with it, which is
said once per cold start as a WARNING.
"""

from __future__ import annotations

import logging
import os

from .alexa.skill_factory import SKILL_ID_ENV, skill_builder
from .stores.factory import STORE_ENV, configured_url, store_from_env

log = logging.getLogger(__name__)


def _durable_or_warn() -> None:
    url = configured_url()
    if url.kind != "dynamodb":
        log.warning(
            "no durable store: profiles are kept in %s inside this Lambda container and are "
            "lost when it is recycled (users lose their resume point, avoided exercises and "
            "history). Set %s=dynamodb://TABLE.",
            url.target,
            STORE_ENV,
        )


_durable_or_warn()
lambda_handler = skill_builder(
    store_from_env(), skill_id=os.environ.get(SKILL_ID_ENV)
).lambda_handler()
