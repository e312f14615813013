"""ask-sdk persistence adapter over the core `UserStore` (persistent attributes per user).

Whatever store STRETCH_COACH_STORE chose (SQLite, DynamoDB) sits behind it. `get_attributes`
then `save_attributes` are two separate steps, so two turns of one user racing each other can
still overwrite one another; a turn that reads and writes the profile should go through
`update_attributes`, which the store runs as one unit (and may re-run on a conflict).
"""

from __future__ import annotations

from typing import Any

from ask_sdk_core.attributes_manager import AbstractPersistenceAdapter
from ask_sdk_model.request_envelope import RequestEnvelope

from ..core.store import Change, UserStore


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
        """Everything kept about the user goes, set-aside copies of damaged data included."""
        self.store.delete(user_id_of(request_envelope))

    def update_attributes(self, request_envelope: RequestEnvelope, change: Change) -> None:
        """Read, change and write this user's attributes as one unit (no lost updates)."""
        self.store.update(user_id_of(request_envelope), change)
