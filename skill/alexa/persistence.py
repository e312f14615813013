"""ask-sdk persistence adapter over the core `UserStore` (persistent attributes per user)."""

from __future__ import annotations

from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_model.request_envelope import RequestEnvelope

from ..core.store import UserStore


def user_id_of(request_envelope: RequestEnvelope) -> str:
    system = getattr(request_envelope.context, "system", None)
    user = getattr(system, "user", None) or getattr(request_envelope.session, "user", None)
    return str(getattr(user, "user_id", None) or "anonymous")


class StorePersistenceAdapter(AbstractPersistenceAdapter):
    def __init__(self, store: UserStore) -> None:
        self.store = store

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        return self.store.load(user_id_of(request_envelope)) or {}

    def save_attributes(
        self, request_envelope: RequestEnvelope, attributes: dict[str, Any]
    ) -> None:
        self.store.save(user_id_of(request_envelope), attributes)

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        self.store.delete(user_id_of(request_envelope))
