"""What every store shares: the hashed user key, the JSON encoding, and what counts as unreadable.

User ids are never stored or logged as they are: a store keys rows by `user_key` (the SHA-256
prefix the old JSON-file store used for file names, so its files migrate by name) and logs only
`log_ref`, a shorter prefix of that.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

KEY_HEX_CHARS = 32  # 128 bits of SHA-256: the old file names, and collision-free in practice
MAX_DEPTH = 64  # profiles nest 4 levels; deeper is damage (and would strain the encoder)


class Unreadable(ValueError):
    """A stored profile could not be decoded; `reason` names the kind of damage, never the data."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StoreError(RuntimeError):
    """The store could not do what was asked (misconfigured, unreachable, too contended)."""


def user_key(user_id: str) -> str:
    return hashlib.sha256(user_id.encode("utf-8")).hexdigest()[:KEY_HEX_CHARS]


def log_ref(key: str) -> str:
    """A short reference to a user for logs: a prefix of the hashed key, never the id."""
    return key[:10]


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def encode(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode(
        "utf-8"
    )


def _depth(value: Any) -> int:
    """Nesting depth of decoded JSON, level by level (stops once past MAX_DEPTH)."""
    depth, level = 0, [value] if isinstance(value, dict | list) else []
    while level and depth <= MAX_DEPTH:
        depth += 1
        below: list[Any] = []
        for item in level:
            children = item.values() if isinstance(item, dict) else item
            below.extend(child for child in children if isinstance(child, dict | list))
        level = below
    return depth


def decode_json(raw: bytes) -> Any:
    """JSON from stored bytes, or `Unreadable` (bad UTF-8, bad JSON, nested too deeply)."""
    try:
        text = bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        raise Unreadable("invalid UTF-8") from None
    try:
        value = json.loads(text)
    except RecursionError:
        raise Unreadable("JSON nested too deeply") from None
    except ValueError:
        raise Unreadable("invalid JSON") from None
    if _depth(value) > MAX_DEPTH:
        raise Unreadable("JSON nested too deeply")
    return value


def decode_profile(raw: bytes) -> dict[str, Any]:
    value = decode_json(raw)
    if not isinstance(value, dict):
        raise Unreadable("not a JSON object")
    return value
