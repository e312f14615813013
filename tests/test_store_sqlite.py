"""The SQLite store takes its write lock in short steps when another process holds it."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from skill.stores import sqlite_lock
from skill.stores.sqlite_lock import begin_immediate


class _LockedTwice:
    """A connection whose write lock is held by another process for the first two tries."""

    def __init__(self) -> None:
        self.statements: list[str] = []
        self.refusals = 2

    def execute(self, statement: str) -> None:
        self.statements.append(statement)
        if statement == "BEGIN IMMEDIATE" and self.refusals:
            self.refusals -= 1
            raise sqlite3.OperationalError("database is locked")


def test_a_taken_write_lock_is_tried_again_within_milliseconds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pauses: list[float] = []
    monkeypatch.setattr(sqlite_lock.time, "sleep", pauses.append)
    conn = _LockedTwice()
    begin_immediate(conn, 60.0)  # type: ignore[arg-type]
    assert conn.statements.count("BEGIN IMMEDIATE") == 3
    assert len(pauses) == 2 and all(p <= sqlite_lock.BUSY_MAX_PAUSE for p in pauses)
    # sqlite's own (slow) busy handler is off while trying, and restored afterwards
    assert conn.statements[0] == "PRAGMA busy_timeout=0"
    assert conn.statements[-1] == "PRAGMA busy_timeout=60000"


def test_an_error_other_than_busy_is_not_retried() -> None:
    class Broken(_LockedTwice):
        def execute(self, statement: str) -> None:
            self.statements.append(statement)
            if statement == "BEGIN IMMEDIATE":
                raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises(sqlite3.OperationalError, match="disk"):
        begin_immediate(Broken(), 60.0)  # type: ignore[arg-type]


def test_a_write_between_read_and_commit_runs_the_change_again_on_the_fresh_value(
    tmp_path: Path,
) -> None:
    from skill.stores.sqlite import SqliteStore

    path = tmp_path / "coach.sqlite3"
    store, other = SqliteStore(path), SqliteStore(path)
    store.save("user", {"count": 0})
    seen: list[int] = []

    def add_one(profile: dict[str, Any] | None) -> dict[str, Any]:
        count = (profile or {})["count"]
        seen.append(count)
        if len(seen) == 1:  # another worker commits while this turn is being worked out
            other.update("user", lambda p: {"count": (p or {})["count"] + 10})
        return {"count": count + 1}

    store.update("user", add_one)
    assert seen == [0, 10]  # the first result was not written over the other worker's
    assert store.load("user") == {"count": 11}


def test_a_schema_1_database_gains_revisions_and_keeps_its_users(tmp_path: Path) -> None:
    import sqlite3 as sqlite

    from skill.stores.sqlite import SqliteStore

    path = tmp_path / "old.sqlite3"
    old = sqlite.connect(path)
    old.executescript(
        "CREATE TABLE users (user_key TEXT PRIMARY KEY, profile BLOB NOT NULL,"
        " schema_version INTEGER NOT NULL, has_history INTEGER NOT NULL DEFAULT 0,"
        " updated_at TEXT NOT NULL) WITHOUT ROWID; PRAGMA user_version=1;"
    )
    old.close()
    store = SqliteStore(path)
    store.save("someone", {"a": 1})
    store.update("someone", lambda p: {**(p or {}), "b": 2})
    assert store.load("someone") == {"a": 1, "b": 2}
