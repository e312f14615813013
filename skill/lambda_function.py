"""AWS Lambda entry point: set the handler to `skill.lambda_function.lambda_handler`.

Only ask-sdk-core and the coach core are imported here (no Flask), to keep cold starts short.
STRETCH_COACH_SKILL_ID enables the skill id check; STRETCH_COACH_DATA_DIR sets where profiles
are kept until the persistence issue adds a database-backed store.
"""

from __future__ import annotations

import os

from .alexa.skill_factory import SKILL_ID_ENV, default_store, skill_builder

lambda_handler = skill_builder(
    default_store(), skill_id=os.environ.get(SKILL_ID_ENV)
).lambda_handler()
