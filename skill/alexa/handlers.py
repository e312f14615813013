"""Thin ASK SDK handlers: request envelope -> core Event -> Coach -> Reply -> Alexa response.

No routine logic lives here. The handlers translate slots (entity-resolution ids where the slot
type has them, the words heard otherwise), load and save state through the attributes manager,
and render the Reply with the SSML renderer.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from ask_sdk_core.dispatch_components.exception_components import AbstractExceptionHandler
from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils.predicate import is_request_type
from ask_sdk_model.response import Response
from ask_sdk_model.slu.entityresolution.status_code import StatusCode
from ask_sdk_model.ui.simple_card import SimpleCard

from ..core import events as ev
from ..core.coach import Coach, run_turn
from ..core.events import Event
from ..core.phrases import APOLOGY
from ..core.reply import Reply
from ..core.store import UserStore
from . import apl, reminders
from .persistence import user_id_of
from .ssml import reprompt_ssml, to_ssml
from .timezone import zone_for_turn

log = logging.getLogger(__name__)

CARD_LIMIT = 8000


def event_from_request(handler_input: HandlerInput) -> Event:
    request = handler_input.request_envelope.request
    locale = str(getattr(request, "locale", None) or ev.DEFAULT_LOCALE)
    if is_request_type("LaunchRequest")(handler_input):
        return Event(ev.LAUNCH, locale=locale)
    if is_request_type(apl.USER_EVENT)(handler_input):
        return replace(apl.event_from_user_event(request), locale=locale)
    intent = getattr(request, "intent", None)
    if intent is None or not intent.name:
        return Event(ev.FALLBACK, locale=locale)
    slots: dict[str, str] = {}
    heard: dict[str, str] = {}
    for name, slot in (intent.slots or {}).items():
        value = getattr(slot, "value", None)
        if value:
            heard[name] = str(value)
        resolved = _resolved_id(slot)
        if resolved is not None:
            slots[name] = resolved
        elif value and not _has_resolutions(slot):
            slots[name] = str(value)  # built-in or free-text slot: the words are the value
    return Event(intent.name, slots, heard, locale=locale, can_remind=True)


def _authorities(slot: Any) -> list[Any]:
    resolutions = getattr(slot, "resolutions", None)
    return list(getattr(resolutions, "resolutions_per_authority", None) or [])


def _has_resolutions(slot: Any) -> bool:
    return bool(_authorities(slot))


def _resolved_id(slot: Any) -> str | None:
    for authority in _authorities(slot):
        status = getattr(getattr(authority, "status", None), "code", None)
        if status == StatusCode.ER_SUCCESS_MATCH and authority.values:
            value = authority.values[0].value
            return str(value.id or value.name)
    return None


def render(handler_input: HandlerInput, reply: Reply) -> Response:
    builder = handler_input.response_builder
    if reply.segments:
        builder.speak(to_ssml(reply))
        builder.set_card(SimpleCard(title=reply.title, content=reply.card_text[:CARD_LIMIT]))
    if reply.reminder is not None and reply.reminder.kind == "consent":
        builder.set_card(reminders.consent_card())
    if reply.screen is not None and apl.supports_apl(handler_input):
        shown = apl.directive(reply.screen)
        if shown is not None:
            builder.add_directive(shown)
    reprompt = reprompt_ssml(reply)
    if reprompt:
        builder.ask(reprompt)
    builder.set_should_end_session(not reply.expect_reply)
    return builder.response


class CoachRequestHandler(AbstractRequestHandler):
    """Launch and every intent request go to the coach core."""

    def __init__(self, coach: Coach, store: UserStore) -> None:
        self.coach = coach
        self.store = store

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(
            is_request_type("LaunchRequest")(handler_input)
            or is_request_type("IntentRequest")(handler_input)
            or is_request_type(apl.USER_EVENT)(handler_input)
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        return coach_turn(self.coach, self.store, handler_input, event_from_request(handler_input))


class SessionEndedHandler(AbstractRequestHandler):
    def __init__(self, coach: Coach, store: UserStore) -> None:
        self.coach = coach
        self.store = store

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("SessionEndedRequest")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        error = getattr(request, "error", None)
        if error is not None:
            # The error message can quote what the user said: only its type is logged.
            log.warning("session ended with error: %s", getattr(error, "object_type", None))
        coach_turn(self.coach, self.store, handler_input, Event(ev.SESSION_ENDED))
        return handler_input.response_builder.response


class SkillDisabledHandler(AbstractRequestHandler):
    """The user disabled the skill: delete what we stored for them (DESIGN §7)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return bool(is_request_type("AlexaSkillEvent.SkillDisabled")(handler_input))

    def handle(self, handler_input: HandlerInput) -> Response:
        handler_input.attributes_manager.delete_persistent_attributes()
        return handler_input.response_builder.response


class OtherRequestHandler(AbstractRequestHandler):
    """Request types we do not act on (events, errors reported by the device): answer quietly."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        log.info("ignoring request type %s", getattr(request, "object_type", None))
        return handler_input.response_builder.response


class CatchAllExceptionHandler(AbstractExceptionHandler):
    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        # Exception texts can quote slot values: the type only, the traceback at debug level.
        log.error(
            "unhandled error in a skill turn: %s",
            type(exception).__name__,
            exc_info=exception if log.isEnabledFor(logging.DEBUG) else None,
        )
        builder = handler_input.response_builder
        builder.speak(f"<speak>{APOLOGY}</speak>").ask(f"<speak>{APOLOGY}</speak>")
        builder.set_should_end_session(False)
        return builder.response


def coach_turn(
    coach: Coach, store: UserStore, handler_input: HandlerInput, event: Event
) -> Response:
    """The core's turn protocol on this user's stored profile, then the reply as a response."""
    manager = handler_input.attributes_manager
    user_id = user_id_of(handler_input.request_envelope)
    session = dict(manager.session_attributes or {})
    event = replace(event, time_zone=zone_for_turn(handler_input, session))
    turn = run_turn(coach, store, user_id, session, event)
    action = turn.reply.reminder
    if action is not None and action.kind != "consent":
        # The core asked for a Reminders API call: make it, and say the core's answer to it.
        outcome = reminders.carry_out(handler_input, action, event.locale)
        turn = run_turn(coach, store, user_id, turn.state.session_dict(), outcome)
    for name in turn.reply.events:
        log.debug("coach event: %s", name)  # events name triage outcomes: debug only
    manager.session_attributes = turn.state.session_dict()
    return render(handler_input, turn.reply)
