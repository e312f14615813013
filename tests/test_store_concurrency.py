"""No lost updates: several processes (and threads) updating users at once, counted.

Each worker process runs `update` turns that add one to its own field and to a shared total:
the read-modify-write that lost up to 73% of writes with the old JSON files. SQLite and DynamoDB
(moto server) both have to end with every count exact.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest

from skill.stores.dynamodb import DynamoDbStore
from skill.stores.factory import STORE_ENV, store_from_env
from skill.stores.sqlite import SqliteStore
from tests.test_store_moto import dynamo_env

ROOT = Path(__file__).resolve().parent.parent
# argv: worker name, number of users, turns. Waits for "go" on stdin so all start together.
WORKER = """
import sys
from skill.stores.factory import store_from_env
name, users, turns = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
store = store_from_env()
def bump(profile):
    profile = dict(profile or {})
    profile[name] = profile.get(name, 0) + 1
    profile["total"] = profile.get("total", 0) + 1
    return profile
print("ready", flush=True)
sys.stdin.readline()
for turn in range(turns):
    store.update(f"user-{turn % users}", bump)
print("done", flush=True)
"""


def run_workers(env: dict[str, str], workers: int, users: int, turns: int) -> None:
    full_env = {**os.environ, **env}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, f"w{i}", str(users), str(turns)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=full_env,
        )
        for i in range(workers)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0 and out.strip() == "done"


def lost_updates(store: Any, workers: int, users: int, turns: int) -> int:
    """Expected minus counted, over every worker field and the shared totals."""
    lost = 0
    for u in range(users):
        profile = store.load(f"user-{u}") or {}
        mine = len(range(u, turns, users))
        lost += sum(mine - profile.get(f"w{i}", 0) for i in range(workers))
        lost += workers * mine - profile.get("total", 0)
    return lost


def sqlite_env(tmp_path: Path) -> dict[str, str]:
    return {STORE_ENV: f"sqlite:///{tmp_path / 'shared.sqlite3'}"}


def dynamo_table_env() -> dict[str, str]:
    return {**dynamo_env(), STORE_ENV: f"dynamodb://conc-{uuid.uuid4().hex[:12]}"}


@pytest.fixture(params=["sqlite", "dynamodb"])
def shared_env(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    if request.param == "sqlite":
        return sqlite_env(tmp_path)
    env = dynamo_table_env()
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    DynamoDbStore(env[STORE_ENV].removeprefix("dynamodb://")).init_schema()
    return env


def turns_for(env: dict[str, str], sqlite_turns: int, dynamo_turns: int) -> int:
    # Every moto request is an HTTP round trip into this process: fewer turns keep it fast.
    return sqlite_turns if env[STORE_ENV].startswith("sqlite") else dynamo_turns


def store_for(env: dict[str, str]) -> Any:
    return store_from_env(environ={**os.environ, **env})


def test_processes_updating_many_users_lose_nothing(shared_env: dict[str, str]) -> None:
    workers, users, turns = 4, 8, turns_for(shared_env, 100, 24)
    run_workers(shared_env, workers, users, turns)
    assert lost_updates(store_for(shared_env), workers, users, turns) == 0


def test_two_workers_changing_different_fields_of_one_user(shared_env: dict[str, str]) -> None:
    turns = turns_for(shared_env, 150, 30)
    run_workers(shared_env, 2, 1, turns)
    profile = store_for(shared_env).load("user-0")
    assert profile == {"w0": turns, "w1": turns, "total": 2 * turns}


def test_threads_sharing_one_sqlite_store_lose_nothing(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "threads.sqlite3")

    def work(name: str) -> None:
        for _ in range(100):
            store.update("one", lambda p: {**(p or {}), name: (p or {}).get(name, 0) + 1})

    threads = [threading.Thread(target=work, args=(f"t{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.load("one") == {f"t{i}": 100 for i in range(4)}
