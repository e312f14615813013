"""The user's time zone on Alexa, for the pain diary's days, weeks and streaks.

The device's own setting comes from the Alexa Settings API through ask-sdk's service client
factory (`get_ups_service().get_system_time_zone(device_id)`), asked once a session: the core
keeps the answer in the session state and the handler only asks when the session has none.
When the API cannot be reached (no API client configured, no access token, a network or
permission error) we use the request's own timestamp, which Alexa sends in UTC: the coach's
clock is UTC already, so that means the zone "UTC". The core never calls the API itself.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


def device_time_zone(handler_input: Any) -> str:
    """The device's IANA zone name ("Europe/London"), or "" when it cannot be had."""
    try:
        system = handler_input.request_envelope.context.system
        device_id = system.device.device_id
        factory = handler_input.service_client_factory
        if factory is None or not device_id or not system.api_access_token:
            return ""  # no way to ask (and no need to pay for a failing call)
        zone = factory.get_ups_service().get_system_time_zone(device_id)
    except Exception as error:  # any failure of the API: the request's UTC time will do
        log.info("device time zone unavailable (%s); using UTC", type(error).__name__)
        return ""
    return zone if isinstance(zone, str) else ""


def zone_for_turn(handler_input: Any, session: dict[str, Any]) -> str:
    """The zone this session already knows, else the device's (one API call a session), else
    UTC, the zone of the request's timestamp (kept too, so a failing API is asked only once)."""
    known = session.get("time_zone")
    if isinstance(known, str) and known:
        return known
    return device_time_zone(handler_input) or "UTC"
