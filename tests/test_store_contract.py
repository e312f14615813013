"""Every store through one contract: round trip, update, delete, damaged rows, migration, history.

SQLite runs on a file in tmp_path; DynamoDB runs for real against moto's server mode, started
once for the session on 127.0.0.1 (no mock objects). Concurrency across processes is in
test_store_concurrency.py, which uses the same server through `dynamo_env`.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from skill.stores.codec import user_key
from skill.stores.dynamodb import DynamoDbStore
from skill.stores.migration import BACKUP_DIR, migrate_json_profiles
from skill.stores.sqlite import SqliteStore
from tests.test_store_moto import dynamo_env

USER = "amzn1.ask.account.CONTRACT-user"
OTHER = "amzn1.ask.account.CONTRACT-other"
PROFILE: dict[str, Any] = {
    "version": 1,
    "disclaimer_heard": True,
    "hold_seconds": 45,
    "avoided_exercises": ["childs_pose"],
    "resume": {"routine_id": "sciatica", "step_index": 3},
    "note": "naïve café ✓",
    "history": [
        {"routine_id": "lower_back", "finished_at": "2026-11-20T09:00:00+00:00"},
        {"routine_id": "sciatica", "finished_at": "2026-11-21T09:00:00+00:00", "pain": [6, 4]},
    ],
}
DEEP = b'{"a":' * 200 + b"1" + b"}" * 200
DAMAGE = {
    "invalid_utf8": b'{"hold_seconds": 30, "note": "\xff\xfe"}',
    "bad_json": b'{"hold_seconds": 30,',
    "deeply_nested": DEEP,
    "very_deeply_nested": b"[" * 100_000 + b"]" * 100_000,
    "not_an_object": b"[1, 2, 3]",
}


@dataclass
class Harness:
    store: Any
    damage: Callable[[str, bytes], None]  # store these bytes as the user's profile
    set_aside: Callable[[str], list[bytes]]  # the kept copies of damaged profiles
    leftovers: Callable[[str], int]  # rows/items anywhere that still belong to the user
    row_version: Callable[[str], int]


def sqlite_harness(path: Path) -> Harness:
    store = SqliteStore(path / "store.sqlite3", legacy_dirs=[path / "legacy"])

    def db() -> sqlite3.Connection:
        return sqlite3.connect(path / "store.sqlite3")

    def damage(user_id: str, raw: bytes) -> None:
        store.save(user_id, {"placeholder": True})
        with db() as conn:
            conn.execute("UPDATE users SET profile = ? WHERE user_key = ?", (raw, user_key(user_id)))

    def set_aside(user_id: str) -> list[bytes]:
        rows = db().execute(
            "SELECT profile FROM set_aside WHERE user_key = ? ORDER BY id", (user_key(user_id),)
        )
        return [bytes(row[0]) for row in rows]

    def leftovers(user_id: str) -> int:
        conn = db()
        return sum(
            conn.execute(f"SELECT count(*) FROM {table} WHERE user_key = ?", (user_key(user_id),))
            .fetchone()[0]
            for table in ("users", "history", "set_aside")
        )

    def row_version(user_id: str) -> int:
        query = "SELECT schema_version FROM users WHERE user_key = ?"
        return int(db().execute(query, (user_key(user_id),)).fetchone()[0])

    return Harness(store, damage, set_aside, leftovers, row_version)


def dynamo_harness(path: Path) -> Harness:
    store = DynamoDbStore(f"contract-{uuid.uuid4().hex[:12]}", legacy_dirs=[path / "legacy"])
    store.init_schema()
    client, table = store.client, store.table

    def items(user_id: str) -> list[dict[str, Any]]:
        found = client.query(
            TableName=table,
            KeyConditionExpression="user_key = :k",
            ExpressionAttributeValues={":k": {"S": user_key(user_id)}},
            ConsistentRead=True,
        )
        return list(found["Items"])

    def damage(user_id: str, raw: bytes) -> None:
        store.save(user_id, {"placeholder": True})
        client.update_item(
            TableName=table,
            Key={"user_key": {"S": user_key(user_id)}, "item": {"S": "profile"}},
            UpdateExpression="SET profile = :p",
            ExpressionAttributeValues={":p": {"B": raw}},
        )

    def set_aside(user_id: str) -> list[bytes]:
        kept = [item for item in items(user_id) if item["item"]["S"].startswith("aside#")]
        return [bytes(item["profile"]["B"]) for item in kept]  # the query returns them in order

    def row_version(user_id: str) -> int:
        (profile,) = [item for item in items(user_id) if item["item"]["S"] == "profile"]
        return int(profile["schema_version"]["N"])

    return Harness(store, damage, set_aside, lambda user_id: len(items(user_id)), row_version)


@pytest.fixture(params=["sqlite", "dynamodb"])
def harness(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Harness]:
    if request.param == "sqlite":
        yield sqlite_harness(tmp_path)
    else:
        request.getfixturevalue("dynamo")
        yield dynamo_harness(tmp_path)


@pytest.fixture
def dynamo(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in dynamo_env().items():
        monkeypatch.setenv(name, value)


def test_round_trip_keeps_every_value_and_hands_out_copies(harness: Harness) -> None:
    store = harness.store
    assert store.load(USER) is None
    store.save(USER, PROFILE)
    loaded = store.load(USER)
    assert loaded == PROFILE
    loaded["history"].append({"finished_at": "mutated"})
    assert store.load(USER) == PROFILE
    assert store.load(OTHER) is None
    store.save(USER, {"hold_seconds": 30})  # a profile without history stays without one
    assert store.load(USER) == {"hold_seconds": 30}


def test_update_reads_changes_and_writes_one_user(harness: Harness) -> None:
    store, seen = harness.store, []

    def bump(profile: dict[str, Any] | None) -> dict[str, Any]:
        seen.append(profile)
        profile = profile or {"count": 0}
        return {**profile, "count": profile["count"] + 1}

    store.update(USER, bump)
    store.update(USER, bump)
    assert seen == [None, {"count": 1}]
    assert store.load(USER) == {"count": 2}

    def boom(profile: dict[str, Any] | None) -> dict[str, Any]:
        raise RuntimeError("change failed")

    with pytest.raises(RuntimeError):
        store.update(USER, boom)
    assert store.load(USER) == {"count": 2}  # nothing half-written
    store.update(USER, lambda profile: None)
    assert store.load(USER) is None


def test_delete_leaves_nothing_of_that_user(harness: Harness) -> None:
    harness.store.save(USER, PROFILE)
    harness.store.save(OTHER, {"hold_seconds": 20})
    harness.damage(USER, b"\xff")
    harness.store.load(USER)  # sets the damaged copy aside
    harness.store.save(USER, PROFILE)
    assert harness.leftovers(USER) > 1
    harness.store.delete(USER)
    assert harness.leftovers(USER) == 0
    assert harness.store.load(USER) is None
    assert harness.store.load(OTHER) == {"hold_seconds": 20}
    harness.store.delete("never-seen")  # deleting nobody is fine


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damaged_profile_is_set_aside_and_user_starts_fresh(
    harness: Harness, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    raw = DAMAGE[kind]
    harness.store.save(OTHER, {"hold_seconds": 20})
    harness.damage(USER, raw)
    with caplog.at_level(logging.WARNING):
        assert harness.store.load(USER) is None
    assert harness.set_aside(USER) == [raw]
    assert harness.store.load(OTHER) == {"hold_seconds": 20}
    assert "unreadable" in caplog.text
    assert USER not in caplog.text and "hold_seconds" not in caplog.text
    harness.store.update(USER, lambda profile: {"fresh": profile is None})
    assert harness.store.load(USER) == {"fresh": True}


def test_second_damage_never_overwrites_the_first_copy(harness: Harness) -> None:
    first, second = DAMAGE["invalid_utf8"], DAMAGE["bad_json"]
    harness.damage(USER, first)
    harness.store.update(USER, lambda profile: {"fresh": profile is None})
    harness.damage(USER, second)  # within the same second as the first
    harness.store.update(USER, lambda profile: {"fresh": profile is None})
    assert harness.set_aside(USER) == [first, second]
    assert harness.store.load(USER) == {"fresh": True}
    harness.store.update(USER, lambda profile: None)  # "delete my data"
    assert harness.leftovers(USER) == 0


def test_old_format_rows_are_read_and_upgraded_on_the_next_write(harness: Harness) -> None:
    key = user_key(USER)
    old = b'{"hold_seconds": 40, "history": [{"routine_id": "breathing", "finished_at": "t0"}]}'
    assert harness.store.adopt(key, old)
    assert not harness.store.adopt(key, b"{}")  # never over existing data
    assert harness.row_version(USER) == 0
    assert harness.store.load(USER) == {
        "hold_seconds": 40,
        "history": [{"routine_id": "breathing", "finished_at": "t0"}],
    }

    def finish(profile: dict[str, Any] | None) -> dict[str, Any]:
        assert profile is not None
        return {**profile, "history": [*profile["history"], {"finished_at": "t1"}]}

    harness.store.update(USER, finish)
    assert harness.row_version(USER) == 1
    assert harness.store.load(USER)["history"] == [
        {"routine_id": "breathing", "finished_at": "t0"},
        {"finished_at": "t1"},
    ]


def test_json_files_of_the_old_store_migrate_once_and_stay_as_backup(
    harness: Harness, tmp_path: Path
) -> None:
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    key, other = user_key(USER), user_key(OTHER)
    (legacy / f"{key}.json").write_text('{"hold_seconds": 50, "history": []}')
    (legacy / f"{other}.json").write_bytes(b"{broken")
    (legacy / ".tmp-abc123.json").write_text('{"half": "written"}')  # a killed writer's orphan
    (legacy / f"{key}.corrupt-1700000000").write_text("{old set-aside copy")

    assert migrate_json_profiles(harness.store, [legacy]) == 2
    assert migrate_json_profiles(harness.store, [legacy]) == 0
    assert harness.store.load(USER) == {"hold_seconds": 50, "history": []}
    assert harness.store.load(OTHER) is None and harness.set_aside(OTHER) == [b"{broken"]
    assert sorted(os.listdir(legacy / BACKUP_DIR)) == sorted([f"{key}.json", f"{other}.json"])
    assert not (legacy / ".tmp-abc123.json").exists()

    harness.store.delete(USER)  # reaches the backup and the old set-aside copy too
    assert not (legacy / BACKUP_DIR / f"{key}.json").exists()
    assert not list(legacy.glob(f"{key}*"))
    assert (legacy / BACKUP_DIR / f"{other}.json").exists()


def test_history_survives_many_turns_of_append_and_trim(harness: Harness) -> None:
    limit = 500
    history = [{"routine_id": "lower_back", "finished_at": f"t{i:04}"} for i in range(limit)]
    harness.store.save(USER, {"hold_seconds": 30, "history": history})

    def finish(number: int) -> Callable[[dict[str, Any] | None], dict[str, Any]]:
        def change(profile: dict[str, Any] | None) -> dict[str, Any]:
            assert profile is not None
            entry = {"finished_at": f"n{number:04}", "feeling": "better", "pain": 3}
            return {**profile, "history": [*profile["history"], entry][-limit:]}

        return change

    for number in range(20):
        harness.store.update(USER, finish(number))
    expected = history[20:] + [
        {"finished_at": f"n{i:04}", "feeling": "better", "pain": 3} for i in range(20)
    ]
    assert harness.store.load(USER)["history"] == expected

    # An entry edited in the middle (not just appended) is kept as well.
    expected[7] = {"finished_at": "edited"}
    harness.store.save(USER, {"hold_seconds": 30, "history": expected})
    assert harness.store.load(USER)["history"] == expected


def test_change_that_edits_entries_in_place_is_stored(harness: Harness) -> None:
    harness.store.save(USER, {"history": [{"finished_at": "t0", "pain": 5}, {"finished_at": "t1"}]})

    def edit(profile: dict[str, Any] | None) -> dict[str, Any]:
        assert profile is not None
        profile["history"][0]["pain"] = 2  # the same dict objects the store handed out
        profile["history"].append({"finished_at": "t2"})
        return profile

    harness.store.update(USER, edit)
    assert harness.store.load(USER) == {
        "history": [{"finished_at": "t0", "pain": 2}, {"finished_at": "t1"}, {"finished_at": "t2"}]
    }


def test_store_init_creates_the_dynamodb_table_once(
    dynamo: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from skill.cli import main

    table = f"init-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("STRETCH_COACH_STORE", f"dynamodb://{table}")
    assert main(["store", "init"]) == 0
    assert main(["store", "init"]) == 0
    out = capsys.readouterr().out
    assert f"DynamoDB table {table} created" in out and "already exists" in out
    store = DynamoDbStore(table)
    store.save(USER, PROFILE)
    assert store.load(USER) == PROFILE


def test_lambda_skill_keeps_profiles_in_dynamodb(dynamo: None) -> None:
    from skill.alexa.skill_factory import skill_builder
    from skill.core.coach import Coach
    from tests.conftest import USER_ID, envelope, fixed_clock, launch_request, speech

    store = DynamoDbStore(f"lambda-{uuid.uuid4().hex[:12]}")
    store.init_schema()
    first = skill_builder(store, Coach(clock=fixed_clock)).lambda_handler()
    assert "medical advice" in speech(first(envelope(launch_request(), new=True), None))
    cold = skill_builder(DynamoDbStore(store.table), Coach(clock=fixed_clock)).lambda_handler()
    assert "medical advice" not in speech(cold(envelope(launch_request(), new=True), None))
    assert store.load(USER_ID)["disclaimer_heard"] is True


def test_a_file_that_cannot_be_migrated_stays_put(tmp_path: Path) -> None:
    class Refusing:
        def adopt(self, key: str, raw: bytes) -> bool:
            raise OSError("disk full")

    legacy = tmp_path / "legacy"
    legacy.mkdir()
    path = legacy / f"{user_key(USER)}.json"
    path.write_text("{}")
    assert migrate_json_profiles(Refusing(), [legacy]) == 0
    assert path.exists()


def test_sqlite_turn_writes_only_the_new_history_rows(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "store.sqlite3")
    history = [{"finished_at": f"t{i:04}"} for i in range(500)]
    store.save(USER, {"history": history})
    conn = store._conn()
    before = conn.total_changes
    store.update(USER, lambda p: {"history": [*p["history"], {"finished_at": "new"}][-500:]})
    # users row upsert + one history row deleted + one inserted (not 500 rewritten)
    assert conn.total_changes - before <= 3
    rows = conn.execute("SELECT count(*) FROM history").fetchone()[0]
    assert rows == 500


def test_sqlite_database_file_is_private(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "private" / "store.sqlite3")
    store.save(USER, PROFILE)
    assert (tmp_path / "private" / "store.sqlite3").stat().st_mode & 0o077 == 0
