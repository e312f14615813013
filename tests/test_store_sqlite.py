"""The SQLite store takes its write lock in short steps when another process holds it."""

from __future__ import annotations

import sqlite3

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
