"""The SQLite store's tables, and bringing an older file up to date.

Schema 2 added `users.revision` (a counter bumped by every write, for optimistic updates); a
schema-1 file gains the column with 0 for every user.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 2  # PRAGMA user_version of an up-to-date database (2: users.revision)
ROW_VERSION = 1  # users.schema_version: 0 = whole profile in one blob (adopted old files)
SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    user_key TEXT PRIMARY KEY,
    profile BLOB NOT NULL,
    schema_version INTEGER NOT NULL,
    has_history INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS history (
    user_key TEXT NOT NULL,
    seq INTEGER NOT NULL,
    entry BLOB NOT NULL,
    PRIMARY KEY (user_key, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS set_aside (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_key TEXT NOT NULL,
    kept_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    profile BLOB NOT NULL,
    history BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS set_aside_user ON set_aside (user_key);
"""


def create_schema(conn: sqlite3.Connection) -> None:
    """Creates what is missing (or adds what an older schema lacks) in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in SCHEMA.split(";"):
            conn.execute(statement)
        columns = {row[1] for row in conn.execute("PRAGMA table_info(users)")}
        if "revision" not in columns:  # a schema-1 file
            conn.execute("ALTER TABLE users ADD COLUMN revision INTEGER NOT NULL DEFAULT 0")
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
