"""DynamoDB store, for deployments that outgrow one machine (boto3, imported when first used).

Why boto3 and not `ask-sdk-dynamodb-persistence-adapter`: that adapter's `save_attributes` is an
unconditional `put_item` and it has no read-modify-write call, so two turns of one user racing
each other silently lose one of them; it also keys items by the raw Alexa user id. Here each
user's profile is one item with a `version` attribute: `update` reads it (strongly consistent),
runs the change and writes with a condition on that version, and runs the change again on the
fresh item when another writer got there first.

Table: partition key `user_key` (the hashed user id), sort key `item`: `profile` for the profile
(the whole JSON profile, history included, as a binary attribute; DynamoDB caps an item at
400 KB, room for the 500 history entries the core keeps), `aside#...` for damaged profiles kept
aside (never overwritten: the sort key names the version and a hash of the bytes). Region and
endpoint come from boto3's usual settings (AWS_REGION / AWS_DEFAULT_REGION,
AWS_ENDPOINT_URL_DYNAMODB, credentials chain).
"""

from __future__ import annotations

import hashlib
import logging
import random
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .codec import StoreError, Unreadable, decode_profile, encode, log_ref, now_iso, user_key
from .migration import forget_legacy_files

if TYPE_CHECKING:
    from ..core.store import Change

log = logging.getLogger(__name__)

PROFILE = "profile"
ROW_VERSION = 1  # 0: adopted from an old JSON file (same encoding, kept for the record)
CONFLICT = "ConditionalCheckFailedException"


class DynamoDbStore:
    def __init__(
        self,
        table: str,
        *,
        legacy_dirs: Iterable[Path] = (),
        client: Any = None,
        max_attempts: int = 50,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.table = table
        self.legacy_dirs = tuple(legacy_dirs)
        self.max_attempts = max_attempts
        self._sleep = sleep
        self._client = client
        self._lock = threading.Lock()

    @property
    def client(self) -> Any:
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = _new_client()
        return self._client

    # -- the UserStore interface ---------------------------------------------------------------

    def load(self, user_id: str) -> dict[str, Any] | None:
        key = user_key(user_id)
        profile, _ = self._read(key, self._get(key))
        return profile

    def save(self, user_id: str, data: dict[str, Any]) -> None:
        # Through the version check too, so a plain save never undoes a concurrent update.
        self.update(user_id, lambda _old: data)

    def delete(self, user_id: str) -> None:
        key = user_key(user_id)
        self._erase(key, None)
        forget_legacy_files(key, self.legacy_dirs)

    def update(self, user_id: str, change: Change) -> None:
        key = user_key(user_id)
        for attempt in range(self.max_attempts):
            item = self._get(key)
            profile, version = self._read(key, item, drop=False)
            result = change(profile)
            try:
                if result is None:
                    self._erase(key, version)
                    forget_legacy_files(key, self.legacy_dirs)
                else:
                    self._put(key, result, version)
                return
            except Exception as error:
                if _code(error) != CONFLICT:
                    raise
            # Another writer changed the item between our read and write: back off, run again.
            self._sleep(random.uniform(0, min(0.05, 0.002 * 2**attempt)))
        raise StoreError(f"gave up after {self.max_attempts} conflicting writes")

    def adopt(self, key: str, raw: bytes) -> bool:
        item = _profile_item(key, raw, version=0, row_version=0)
        try:
            self.client.put_item(TableName=self.table, Item=item, **_expect(None))
        except Exception as error:
            if _code(error) != CONFLICT:
                raise
            return False
        return True

    def init_schema(self) -> str:
        try:
            self.client.create_table(
                TableName=self.table,
                KeySchema=[
                    {"AttributeName": "user_key", "KeyType": "HASH"},
                    {"AttributeName": "item", "KeyType": "RANGE"},
                ],
                AttributeDefinitions=[
                    {"AttributeName": "user_key", "AttributeType": "S"},
                    {"AttributeName": "item", "AttributeType": "S"},
                ],
                BillingMode="PAY_PER_REQUEST",
            )
        except Exception as error:
            if _code(error) != "ResourceInUseException":
                raise
            return f"DynamoDB table {self.table} already exists"
        self.client.get_waiter("table_exists").wait(TableName=self.table)
        return f"DynamoDB table {self.table} created"

    # -- items -----------------------------------------------------------------------------------

    def _get(self, key: str) -> dict[str, Any] | None:
        found = self.client.get_item(
            TableName=self.table,
            Key={"user_key": {"S": key}, "item": {"S": PROFILE}},
            ConsistentRead=True,
        )
        item: dict[str, Any] | None = found.get("Item")
        return item

    def _read(
        self, key: str, item: dict[str, Any] | None, *, drop: bool = True
    ) -> tuple[dict[str, Any] | None, int | None]:
        """The profile and the version it was read at; a damaged one is set aside (and dropped)."""
        if item is None:
            return None, None
        version = int(item.get("version", {}).get("N", "0"))
        raw = bytes(item.get("profile", {}).get("B", b""))
        try:
            return decode_profile(raw), version
        except Unreadable as error:
            self._set_aside(key, raw, version, error.reason)
        if drop:
            try:
                self._delete_profile(key, version)
            except Exception as error:  # rewritten meanwhile: the new profile stands
                if _code(error) != CONFLICT:
                    raise
        return None, version

    def _set_aside(self, key: str, raw: bytes, version: int, reason: str) -> None:
        digest = hashlib.sha256(raw).hexdigest()[:16]
        try:
            self.client.put_item(
                TableName=self.table,
                Item={
                    "user_key": {"S": key},
                    "item": {"S": f"aside#{version:012d}#{digest}"},  # sorts in order kept
                    "profile": {"B": raw},
                    "reason": {"S": reason},
                    "kept_at": {"S": now_iso()},
                },
                ConditionExpression="attribute_not_exists(#k)",
                ExpressionAttributeNames={"#k": "user_key"},
            )
        except Exception as error:
            if _code(error) != CONFLICT:  # already kept by an earlier read
                raise
            return
        log.warning(
            "stored profile of user %s unreadable (%s): set aside, starting fresh",
            log_ref(key),
            reason,
        )

    def _put(self, key: str, profile: dict[str, Any], version: int | None) -> None:
        item = _profile_item(key, encode(profile), (version or 0) + 1, ROW_VERSION)
        self.client.put_item(TableName=self.table, Item=item, **_expect(version))

    def _delete_profile(self, key: str, version: int | None) -> None:
        self.client.delete_item(
            TableName=self.table,
            Key={"user_key": {"S": key}, "item": {"S": PROFILE}},
            **_expect(version),
        )

    def _erase(self, key: str, version: int | None) -> None:
        """Delete the profile (only if still at `version`, when given), then every other item."""
        if version is not None:
            self._delete_profile(key, version)
        pages = self.client.get_paginator("query").paginate(
            TableName=self.table,
            KeyConditionExpression="#k = :k",
            ExpressionAttributeNames={"#k": "user_key", "#i": "item"},  # ITEM is a reserved word
            ExpressionAttributeValues={":k": {"S": key}},
            ProjectionExpression="#k, #i",
            ConsistentRead=True,
        )
        for page in pages:
            for found in page.get("Items", []):
                self.client.delete_item(TableName=self.table, Key=found)


def _profile_item(key: str, raw: bytes, version: int, row_version: int) -> dict[str, Any]:
    return {
        "user_key": {"S": key},
        "item": {"S": PROFILE},
        "profile": {"B": raw},
        "version": {"N": str(version)},
        "schema_version": {"N": str(row_version)},
        "updated_at": {"S": now_iso()},
    }


def _expect(version: int | None) -> dict[str, Any]:
    """The write condition: the item is absent (version None) or still at `version`."""
    if version is None:
        return {
            "ConditionExpression": "attribute_not_exists(#k)",
            "ExpressionAttributeNames": {"#k": "user_key"},
        }
    return {
        "ConditionExpression": "#v = :v",
        "ExpressionAttributeNames": {"#v": "version"},
        "ExpressionAttributeValues": {":v": {"N": str(version)}},
    }


def _code(error: Exception) -> str | None:
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code"))
    return None


def _new_client() -> Any:
    try:
        import boto3
        from botocore.config import Config
    except ImportError as error:  # pragma: no cover - boto3 is a pinned dependency
        raise StoreError("the DynamoDB store needs boto3 (pip install boto3)") from error
    config = Config(
        retries={"mode": "standard", "max_attempts": 5}, connect_timeout=3, read_timeout=10
    )
    try:
        return boto3.session.Session().client("dynamodb", config=config)
    except Exception as error:  # NoRegionError and the like: say what to set
        raise StoreError(f"cannot reach DynamoDB ({error}); set AWS_REGION") from error
