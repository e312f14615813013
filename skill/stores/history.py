"""A profile's `history` list as rows (SQLite): read back in order, changed by the smallest edit.

The core appends entries at the end and trims old ones from the front, so the stored rows are
almost always a prefix-trimmed version of the new list: `sync` finds the longest tail of the
stored rows that starts the new list, deletes the rows before it and inserts only what is new.
Anything else (an edited entry) falls back to rewriting the rows. Entries are opaque JSON.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from .codec import Unreadable, decode_json, encode

Row = tuple[int, bytes]  # (seq, the entry as canonical JSON)


@dataclass
class Stored:
    """The history rows as read, and copies of their entries decoded."""

    rows: list[Row]
    entries: list[Any]


def shallow_copy(entries: list[Any]) -> list[Any]:
    """Copies to compare against later, safe from a change that edits entries in place."""
    return [dict(entry) if isinstance(entry, dict) else entry for entry in entries]


def existing(conn: sqlite3.Connection, key: str) -> list[Row]:
    query = "SELECT seq, entry FROM history WHERE user_key = ? ORDER BY seq"
    return conn.execute(query, (key,)).fetchall()


def join(rows: list[Row]) -> list[Any]:
    """The entries as one list; decoded in one call, which is much cheaper than one per row."""
    if not rows:
        return []
    value = decode_json(b"[" + b",".join(entry for _, entry in rows) + b"]")
    if not isinstance(value, list) or len(value) != len(rows):
        raise Unreadable("invalid JSON in history")  # e.g. a row holding "1,2"
    return value


def raw_lines(rows: list[Row]) -> bytes:
    return b"\n".join(entry for _, entry in rows)


def _kept_from(old: list[Any], new: list[Any]) -> int:
    """The first index k such that old[k:] is the start of new (len(old): nothing kept).

    Compares decoded entries (much cheaper than encoding all of them every turn); Python
    equality treats 1, 1.0 and True alike, a difference no history entry relies on.
    """
    count = len(old)
    if not new:
        return count
    for k in range(count):
        if old[k] == new[0] and old[k:] == new[: count - k]:
            return k
    return count


def sync(conn: sqlite3.Connection, key: str, stored: Stored, new: list[Any]) -> None:
    """Make the rows hold `new`, touching only rows that changed."""
    rows = stored.rows
    k = _kept_from(stored.entries, new)
    if k == len(rows):
        if rows:
            conn.execute("DELETE FROM history WHERE user_key = ?", (key,))
    elif k:
        conn.execute("DELETE FROM history WHERE user_key = ? AND seq < ?", (key, rows[k][0]))
    added = new[len(rows) - k :]
    if added:
        start = rows[-1][0] + 1 if rows else 0
        conn.executemany(
            "INSERT INTO history (user_key, seq, entry) VALUES (?, ?, ?)",
            [(key, start + i, encode(entry)) for i, entry in enumerate(added)],
        )
