"""Carries out a Reply's reminder action through Alexa's Reminders API, and reports the outcome.

The core decided what to create, list or cancel; this module makes the calls with ask-sdk's
ReminderManagementServiceClient and turns what happened into the slots of a
`Coach.ReminderResult` event (the words come from the core). Without the reminders permission
no call is made. Every failure maps to an outcome the core can explain: 401 unauthorized,
403 no permission, 429 throttled, 5xx (and anything unexpected) server error, no answer timeout.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from ask_sdk_core.api_client import DefaultApiClient
from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.services.reminder_management.alert_info import AlertInfo
from ask_sdk_model.services.reminder_management.push_notification import PushNotification
from ask_sdk_model.services.reminder_management.push_notification_status import (
    PushNotificationStatus,
)
from ask_sdk_model.services.reminder_management.recurrence import Recurrence
from ask_sdk_model.services.reminder_management.reminder_request import ReminderRequest
from ask_sdk_model.services.reminder_management.spoken_info import SpokenInfo
from ask_sdk_model.services.reminder_management.spoken_text import SpokenText
from ask_sdk_model.services.reminder_management.trigger import Trigger
from ask_sdk_model.services.reminder_management.trigger_type import TriggerType
from ask_sdk_model.services.service_exception import ServiceException
from ask_sdk_model.ui.ask_for_permissions_consent_card import AskForPermissionsConsentCard

from ..core import events as ev
from ..core.events import Event
from ..core.reply import ReminderAction

log = logging.getLogger(__name__)

PERMISSION = "alexa::alerts:reminders:skill:readwrite"
Now = Callable[[], datetime]


def consent_card() -> AskForPermissionsConsentCard:
    return AskForPermissionsConsentCard(permissions=[PERMISSION])


def has_permission(handler_input: HandlerInput) -> bool:
    system = getattr(handler_input.request_envelope.context, "system", None)
    permissions = getattr(getattr(system, "user", None), "permissions", None)
    return bool(getattr(permissions, "consent_token", None))


def device_time_zone(handler_input: HandlerInput) -> str | None:
    """The device's IANA time zone from the Settings API (best effort: None if unavailable).
    Amazon asks for it on every reminder, or a reminder may ring at the wrong hour."""
    system = getattr(handler_input.request_envelope.context, "system", None)
    device = getattr(system, "device", None)
    try:
        ups = handler_input.service_client_factory.get_ups_service()
        zone = ups.get_system_time_zone(getattr(device, "device_id", ""))
        ZoneInfo(str(zone))
    except Exception as error:  # the reminder still works without it, in the device's zone
        log.info("device time zone unavailable: %s", error)
        return None
    return str(zone)


def reminder_request(
    action: ReminderAction, locale: str, now: datetime, zone: str | None = None
) -> ReminderRequest:
    """A weekly recurring reminder on the action's days at its time, in the device's zone."""
    if zone is not None:
        now = now.astimezone(ZoneInfo(zone))
    hour, minute = (int(part) for part in action.time.split(":"))
    start = now.replace(hour=hour, minute=minute, second=0, microsecond=0, tzinfo=None)
    if start <= now.replace(tzinfo=None):
        start += timedelta(days=1)
    rule = f"FREQ=WEEKLY;BYDAY={','.join(action.days)};BYHOUR={hour};BYMINUTE={minute};BYSECOND=0"
    return ReminderRequest(
        request_time=now.replace(tzinfo=None),
        trigger=Trigger(
            object_type=TriggerType.SCHEDULED_ABSOLUTE,
            time_zone_id=zone,
            recurrence=Recurrence(start_date_time=start, recurrence_rules=[rule]),
        ),
        alert_info=AlertInfo(SpokenInfo([SpokenText(locale=locale, text=action.text)])),
        push_notification=PushNotification(status=PushNotificationStatus.ENABLED),
    )


def _time_of(alert: Any) -> str:
    trigger = getattr(alert, "trigger", None)
    for rule in getattr(getattr(trigger, "recurrence", None), "recurrence_rules", None) or []:
        parts = dict(p.split("=", 1) for p in str(rule).split(";") if "=" in p)
        if "BYHOUR" in parts:
            return f"{int(parts['BYHOUR']):02d}:{int(parts.get('BYMINUTE', 0)):02d}"
    scheduled = getattr(trigger, "scheduled_time", None)
    return scheduled.strftime("%H:%M") if isinstance(scheduled, datetime) else ""


def _active(client: Any) -> list[Any]:
    alerts = getattr(client.get_reminders(), "alerts", None) or []
    return [a for a in alerts if str(getattr(a, "status", "ON")).upper().endswith("ON")]


def _call(
    handler_input: HandlerInput, action: ReminderAction, locale: str, now: datetime
) -> dict[str, str]:
    client = handler_input.service_client_factory.get_reminder_management_service()
    if action.kind == "create":
        zone = device_time_zone(handler_input)
        client.create_reminder(reminder_request(action, locale, now, zone))
        return {"outcome": "created"}
    alerts = _active(client)
    if action.kind == "list":
        times = ",".join(t for t in (_time_of(a) for a in alerts) if t)
        return {"outcome": "listed", "count": str(len(alerts)), "times": times}
    for done, alert in enumerate(alerts):
        try:
            client.delete_reminder(alert.alert_token)
        except Exception as error:
            raise PartlyDone(done) from error
    return {"outcome": "cancelled", "count": str(len(alerts))}


class PartlyDone(Exception):
    """A cancel failed after `done` reminders were already deleted."""

    def __init__(self, done: int) -> None:
        super().__init__(f"{done} deleted before the failure")
        self.done = done


def _failure(error: BaseException) -> str:
    if isinstance(error, ServiceException):
        code = int(getattr(error, "status_code", 500) or 500)
        return {401: "unauthorized", 403: "no_permission", 429: "throttled"}.get(
            code, "server_error"
        )
    if isinstance(error, TimeoutError) or "timed out" in str(error).lower():
        return "timeout"
    return "server_error"


def carry_out(
    handler_input: HandlerInput, action: ReminderAction, locale: str, now: Now | None = None
) -> Event:
    """Make the call the action asks for; the outcome as a `Coach.ReminderResult` event."""
    if not has_permission(handler_input):
        return Event(ev.REMINDER_RESULT, {"outcome": "no_permission"}, locale=locale)
    moment = (now or (lambda: datetime.now(UTC)))()
    try:
        slots = _call(handler_input, action, locale, moment)
    except (ServiceException, ApiClientException, OSError, ValueError, PartlyDone) as error:
        log.warning("reminders API call failed (%s): %s", action.kind, error)
        cause = error.__cause__ if isinstance(error, PartlyDone) else error
        slots = {"outcome": _failure(cause or error)}
        if isinstance(error, PartlyDone) and error.done:
            slots["count"] = str(error.done)  # the user must hear what did change
    return Event(ev.REMINDER_RESULT, slots, locale=locale)


class TimedApiClient(DefaultApiClient):
    """ask-sdk's API client with a timeout: a slow Reminders API must not hang the turn
    (requests waits forever by default; Alexa gives up on the whole response after 8 s)."""

    timeout_seconds = 4.0

    def _resolve_method(self, request: Any) -> Callable[..., Any]:
        method = super()._resolve_method(request)
        return partial(method, timeout=self.timeout_seconds)
