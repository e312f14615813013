"""A store in a dict, for tests and benchmarks (nothing survives the process)."""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the core re-exports this class, so no import of the core at run time
    from ..core.store import Change


class MemoryStore:
    """Keeps profiles in a dict; every read and write copies through JSON, like a real store."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, Any]] = {}
        self._lock = threading.RLock()

    def update(self, user_id: str, change: Change) -> None:
        with self._lock:
            result = change(self.load(user_id))
            if result is None:
                self.delete(user_id)
            else:
                self.save(user_id, result)

    def load(self, user_id: str) -> dict[str, Any] | None:
        found = self.data.get(user_id)
        return json.loads(json.dumps(found)) if found is not None else None

    def save(self, user_id: str, data: dict[str, Any]) -> None:
        with self._lock:
            self.data[user_id] = json.loads(json.dumps(data))

    def delete(self, user_id: str) -> None:
        with self._lock:
            self.data.pop(user_id, None)
