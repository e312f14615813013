"""Where a user's profile is kept between sessions: one interface, two implementations.

The Alexa persistence adapter and the local runner both go through `UserStore`, so a later
database-backed store only has to implement these three methods.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)

# Where profiles are kept, for every front end (overrides each one's default folder).
DATA_DIR_ENV = "STRETCH_COACH_DATA_DIR"


# Given the stored profile (None: nothing stored), returns what to store (None: delete it all).
Change = Callable[[dict[str, Any] | None], dict[str, Any] | None]


class UserStore(Protocol):
    def load(self, user_id: str) -> dict[str, Any] | None: ...
    def save(self, user_id: str, data: dict[str, Any]) -> None: ...
    def delete(self, user_id: str) -> None: ...
    def update(self, user_id: str, change: Change) -> None:
        """Read, change and write one user's profile as one unit (no lost updates).

        `change` may be called more than once (a store that detects a conflicting write runs
        it again on the fresh value), so it must do nothing but compute its result.
        """


class MemoryStore:
    """Keeps profiles in a dict (tests, and Lambda until the persistence issue lands)."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

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
        self.data[user_id] = json.loads(json.dumps(data))

    def delete(self, user_id: str) -> None:
        self.data.pop(user_id, None)


class JsonFileStore:
    """One JSON file per user, written atomically. Unreadable files are set aside, never lost."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def _path(self, user_id: str) -> Path:
        # Alexa user ids are long and full of punctuation; hash them into a safe file name.
        digest = hashlib.sha256(user_id.encode("utf-8")).hexdigest()[:32]
        return self.directory / f"{digest}.json"

    def load(self, user_id: str) -> dict[str, Any] | None:
        path = self._path(user_id)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            return data
        except ValueError as error:
            backup = path.with_suffix(f".corrupt-{int(time.time())}")
            os.replace(path, backup)
            log.warning("stored profile %s unreadable (%s); kept as %s", path, error, backup)
            return None

    def save(self, user_id: str, data: dict[str, Any]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self._path(user_id)
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=1, sort_keys=True)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def delete(self, user_id: str) -> None:
        self._path(user_id).unlink(missing_ok=True)

    def update(self, user_id: str, change: Change) -> None:
        # Not safe against a concurrent writer of the same user; the database stores are.
        result = change(self.load(user_id))
        if result is None:
            self.delete(user_id)
        else:
            self.save(user_id, result)
