"""ask-sdk persistence adapter over the core `UserStore` (persistent attributes per user)."""

from __future__ import annotations

from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_model import RequestEnvelope

from ..core.store import UserStore


def user_id_of(request_envelope: RequestEnvelope) -> str:
    try:
        user_id = request_envelope.context.system.user.user_id
    except AttributeError:
        user_id = None
    if not user_id:
        try:
            user_id = request_envelope.session.user.user_id
        except AttributeError:
            user_id = None
    return str(user_id or "anonymous")


class StorePersistenceAdapter(AbstractPersistenceAdapter):  # type: ignore[misc]
    def __init__(self, store: UserStore) -> None:
        self.store = store

    def get_attributes(self, request_envelope: RequestEnvelope) -> dict[str, Any]:
        return self.store.load(user_id_of(request_envelope)) or {}

    def save_attributes(self, request_envelope: RequestEnvelope, attributes: dict[str, Any]) -> None:
        self.store.save(user_id_of(request_envelope), attributes)

    def delete_attributes(self, request_envelope: RequestEnvelope) -> None:
        self.store.delete(user_id_of(request_envelope))
