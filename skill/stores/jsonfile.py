"""The old one-JSON-file-per-user store, kept only to read (and benchmark) that layout.

Files are named `<user_key>.json`. It is not safe against two writers of one user and does not
fsync; `migration` moves its files into the database stores, which are.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .codec import Unreadable, decode_profile, log_ref, user_key

if TYPE_CHECKING:
    from ..core.store import Change

log = logging.getLogger(__name__)


class JsonFileStore:
    """One JSON file per user, replaced atomically; unreadable files are renamed aside."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def _path(self, user_id: str) -> Path:
        return self.directory / f"{user_key(user_id)}.json"

    def load(self, user_id: str) -> dict[str, Any] | None:
        path = self._path(user_id)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            return decode_profile(raw)
        except Unreadable as error:
            backup = path.with_suffix(f".corrupt-{time.time_ns()}")
            os.replace(path, backup)
            log.warning(
                "profile of user %s unreadable (%s); set aside",
                log_ref(user_key(user_id)),
                error.reason,
            )
            return None

    def save(self, user_id: str, data: dict[str, Any]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=1, sort_keys=True)
            os.replace(tmp, self._path(user_id))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def delete(self, user_id: str) -> None:
        self._path(user_id).unlink(missing_ok=True)

    def update(self, user_id: str, change: Change) -> None:
        # Last writer wins between processes: the reason this layout is being retired.
        result = change(self.load(user_id))
        if result is None:
            self.delete(user_id)
        else:
            self.save(user_id, result)
