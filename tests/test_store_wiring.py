"""The store as the front ends get it: the setting, the Lambda warning, the CLI, the skill turn."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from skill.alexa.skill_factory import default_store, skill_builder
from skill.cli import main
from skill.core.coach import Coach
from skill.stores.codec import StoreError, user_key
from skill.stores.dynamodb import DynamoDbStore
from skill.stores.factory import DEFAULT_DB_NAME, STORE_ENV, parse_store_url, store_from_env
from skill.stores.migration import BACKUP_DIR
from skill.stores.sqlite import SqliteStore
from tests.conftest import USER_ID, envelope, fixed_clock, launch_request, speech

ROOT = Path(__file__).resolve().parent.parent


def test_setting_picks_the_store(tmp_path: Path) -> None:
    here = tmp_path / "data"
    default = parse_store_url(None, here)
    assert (default.kind, default.target) == ("sqlite", str(here / DEFAULT_DB_NAME))
    assert parse_store_url("sqlite:///rel/x.db", here).target == "rel/x.db"
    assert parse_store_url("sqlite:////abs/x.db", here).target == "/abs/x.db"
    assert parse_store_url("dynamodb://stretch-coach-users", here).target == "stretch-coach-users"
    for bad in ("postgres://x", "sqlite://", "dynamodb://x", "dynamodb://bad name"):
        with pytest.raises(StoreError):
            parse_store_url(bad, here)
    env = {"STRETCH_COACH_DATA_DIR": str(here), STORE_ENV: "dynamodb://users-table"}
    store = store_from_env(environ=env)
    assert isinstance(store, DynamoDbStore) and store.table == "users-table"
    assert isinstance(store_from_env(environ={"STRETCH_COACH_DATA_DIR": str(here)}), SqliteStore)


def test_default_store_migrates_old_json_profiles_once(tmp_path: Path) -> None:
    data = Path(os.environ["STRETCH_COACH_DATA_DIR"])
    (data / "profiles").mkdir(parents=True)
    old = {"disclaimer_heard": True, "hold_seconds": 60, "history": []}
    (data / "profiles" / f"{user_key('local-user')}.json").write_text(json.dumps(old))
    store = default_store()
    assert isinstance(store, SqliteStore) and store.path == data / DEFAULT_DB_NAME
    assert store.load("local-user") == old
    assert (data / "profiles" / BACKUP_DIR / f"{user_key('local-user')}.json").exists()


def invoke(store: SqliteStore, request: dict[str, object]) -> str:
    handler = skill_builder(store, Coach(clock=fixed_clock)).lambda_handler()
    return speech(handler(envelope(request, new=True), None))


def test_what_a_user_told_the_skill_survives_a_new_container(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "users.sqlite3"
    with caplog.at_level(logging.DEBUG, logger="skill"):
        first = invoke(SqliteStore(path), launch_request())
        second = invoke(SqliteStore(path), launch_request())  # a new process, same database
    assert USER_ID not in caplog.text and "disclaimer_heard" not in caplog.text
    assert "medical advice" in first
    assert "medical advice" not in second
    stored = SqliteStore(path).load(USER_ID)
    assert stored is not None and stored["disclaimer_heard"] is True
    raw = sqlite3.connect(path).execute("SELECT user_key FROM users").fetchall()
    assert raw == [(user_key(USER_ID),)]  # the raw user id is never stored


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skill.cli", *args], capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, **env}, timeout=60, check=False,
    )


def test_lambda_warns_loudly_without_a_durable_store(tmp_path: Path) -> None:
    code = "import logging; logging.basicConfig(); import skill.lambda_function"
    env = {"STRETCH_COACH_DATA_DIR": str(tmp_path)}
    plain = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=ROOT, env={**os.environ, **env}, check=True)
    assert "WARNING" in plain.stderr and "no durable store" in plain.stderr
    env |= {STORE_ENV: "dynamodb://users", "AWS_DEFAULT_REGION": "eu-west-1"}
    durable = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=ROOT, env={**os.environ, **env}, check=True)
    assert "no durable store" not in durable.stderr


def test_store_init_creates_the_sqlite_schema(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite3"
    result = run_cli("store", "init", env={STORE_ENV: f"sqlite:///{path}"})
    assert result.returncode == 0, result.stderr
    tables = {row[0] for row in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert {"users", "history", "set_aside"} <= tables
    bad = run_cli("store", "init", env={STORE_ENV: "mysql://nope"})
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and STORE_ENV in bad.stderr


def test_forget_leaves_nothing_about_the_local_user(tmp_path: Path) -> None:
    data = Path(os.environ["STRETCH_COACH_DATA_DIR"])
    store = default_store()
    assert isinstance(store, SqliteStore)
    key = user_key("local-user")
    store.save("local-user", {"hold_seconds": 30, "history": [{"finished_at": "t"}]})
    store.adopt(key, b"")  # no-op: the key has data
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE users SET profile = ? WHERE user_key = ?", (b"\xff", key))
    store.load("local-user")  # sets the damaged copy aside
    store.save("local-user", {"hold_seconds": 40, "history": [{"finished_at": "u"}]})
    store.save("someone-else", {"hold_seconds": 20})
    (data / "profiles" / BACKUP_DIR).mkdir(parents=True)
    (data / "profiles" / BACKUP_DIR / f"{key}.json").write_text("{}")

    assert main(["forget"]) == 0
    conn = sqlite3.connect(store.path)
    for table in ("users", "history", "set_aside"):
        query = f"SELECT count(*) FROM {table} WHERE user_key = ?"
        assert conn.execute(query, (key,)).fetchone()[0] == 0, table
    assert not (data / "profiles" / BACKUP_DIR / f"{key}.json").exists()
    assert store.load("someone-else") == {"hold_seconds": 20}


def test_persistence_adapter_updates_and_deletes_through_the_store(tmp_path: Path) -> None:
    from ask_sdk_core.serialize import DefaultSerializer
    from ask_sdk_model.request_envelope import RequestEnvelope

    from skill.alexa.persistence import StorePersistenceAdapter

    body = json.dumps(envelope(launch_request(), new=True))
    request = DefaultSerializer().deserialize(body, RequestEnvelope)
    store = SqliteStore(tmp_path / "adapter.sqlite3")
    adapter = StorePersistenceAdapter(store)
    adapter.update_attributes(request, lambda old: {"hold_seconds": 30, "was": old})
    assert adapter.get_attributes(request) == {"hold_seconds": 30, "was": None}
    assert store.load(USER_ID) == {"hold_seconds": 30, "was": None}
    adapter.delete_attributes(request)
    assert adapter.get_attributes(request) == {}
