"""Builds the ASK SDK skill from the coach core, a user store and (optionally) a skill id."""

from __future__ import annotations

from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder

from ..core.coach import Coach
from ..core.store import UserStore
from ..stores.factory import store_from_env
from .handlers import (
    CatchAllExceptionHandler,
    CoachRequestHandler,
    OtherRequestHandler,
    SessionEndedHandler,
    SkillDisabledHandler,
)
from .persistence import StorePersistenceAdapter
from .reminders import TimedApiClient

SKILL_ID_ENV = "STRETCH_COACH_SKILL_ID"


def default_store() -> UserStore:
    """The store STRETCH_COACH_STORE names (default: SQLite in the data dir, else the temp dir)."""
    return store_from_env()


def skill_builder(
    store: UserStore, coach: Coach | None = None, skill_id: str | None = None
) -> CustomSkillBuilder:
    coach = coach or Coach(ask_pain=True)  # the pain diary asks before and after routines
    builder = CustomSkillBuilder(
        persistence_adapter=StorePersistenceAdapter(store), api_client=TimedApiClient()
    )
    if skill_id:
        builder.skill_id = skill_id  # type: ignore[assignment]  # typed as None upstream
    builder.add_request_handler(CoachRequestHandler(coach, store))
    builder.add_request_handler(SessionEndedHandler(coach, store))
    builder.add_request_handler(SkillDisabledHandler())
    builder.add_request_handler(OtherRequestHandler())
    builder.add_exception_handler(CatchAllExceptionHandler())
    return builder


def build_skill(store: UserStore, coach: Coach | None = None) -> CustomSkill:
    # The web service checks the skill id itself (as HTTP 400), so none is set here.
    return skill_builder(store, coach).create()
