"""Drives the ASK SDK skill directly (no Flask) with envelopes a test shapes itself: screen
devices, the reminders permission, another locale."""

from __future__ import annotations

from typing import Any

from skill.alexa.skill_factory import skill_builder
from skill.core.coach import Coach
from skill.stores.memory import MemoryStore
from tests.conftest import envelope, fixed_clock

APL = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2023.2"}}}


class DirectSkill:
    """One user's conversation, carrying session attributes like Alexa does."""

    def __init__(self, *, screen: bool = False, consent: bool = True, locale: str = "en-US"):
        self.handler = skill_builder(MemoryStore(), Coach(clock=fixed_clock)).lambda_handler()
        self.screen, self.consent, self.locale = screen, consent, locale
        self.attributes: dict[str, Any] = {}

    def send(self, request: dict[str, Any]) -> dict[str, Any]:
        body = envelope({**request, "locale": self.locale}, self.attributes)
        system = body["context"]["System"]
        system["apiAccessToken"] = "test-token"
        if self.screen:
            system["device"]["supportedInterfaces"] = dict(APL)
        if self.consent:
            system["user"]["permissions"] = {"consentToken": "test-consent"}
        payload: dict[str, Any] = self.handler(body, None)
        self.attributes = payload.get("sessionAttributes") or {}
        return payload


def directives(payload: dict[str, Any]) -> list[dict[str, Any]]:
    return list(payload["response"].get("directives") or [])
