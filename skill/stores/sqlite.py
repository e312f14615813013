"""SQLite store (the default): one database file, safe for many threads and processes at once.

An `update` reads the user's row and its revision, works out the change outside the write lock,
then writes in one `BEGIN IMMEDIATE` transaction only if the revision is unchanged; if another
worker wrote in between, the change runs again on the fresh value under the lock, so two workers
changing one user never overwrite each other. WAL mode lets readers go on while one writer
commits; a waiting writer retries (sqlite_lock.py) instead of failing.
`synchronous=NORMAL` in WAL mode keeps every committed turn through a crash of the process
(SIGKILL included); a power cut may lose the last turns but never damages the file. Pass
`synchronous="FULL"` to fsync each commit instead.

The profile's `history` list is kept as rows of its own, so a turn that appends one entry (and
trims one from the front) writes two small rows, not the whole history. Damaged rows are copied
into `set_aside` (append-only) and the user starts fresh; `delete` removes those copies too.
"""

from __future__ import annotations

import logging
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import history as hist
from .codec import Unreadable, decode_profile, encode, log_ref, now_iso, user_key
from .migration import forget_legacy_files
from .sqlite_lock import begin_immediate
from .sqlite_schema import ROW_VERSION, SCHEMA_VERSION, create_schema

if TYPE_CHECKING:
    from ..core.store import Change

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Damaged(Exception):
    def __init__(self, reason: str, profile: bytes, rows: list[hist.Row]) -> None:
        super().__init__(reason)
        self.reason, self.profile, self.rows = reason, profile, rows


class SqliteStore:
    def __init__(
        self,
        path: Path,
        *,
        legacy_dirs: Iterable[Path] = (),
        busy_timeout: float = 60.0,
        synchronous: str = "NORMAL",
    ) -> None:
        if synchronous.upper() not in ("NORMAL", "FULL", "EXTRA"):
            raise ValueError(f"unsupported synchronous mode {synchronous!r}")
        self.path = Path(path)
        self.legacy_dirs = tuple(legacy_dirs)
        self.busy_timeout = busy_timeout
        self.synchronous = synchronous.upper()
        self._local = threading.local()
        self._inherited: list[sqlite3.Connection] = []

    # -- connections -------------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        # One connection per thread, and a new one after a fork (gunicorn --preload).
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None or self._local.pid != os.getpid():
            if conn is not None:  # the parent's: never use or close it here, just keep it
                self._inherited.append(conn)
            conn = self._connect()
            self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Health data: create the file readable by its owner only (sqlite would use 0644).
        os.close(os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600))
        conn = sqlite3.connect(
            self.path, timeout=self.busy_timeout, isolation_level=None, check_same_thread=True
        )
        self._use_wal(conn)
        conn.execute(f"PRAGMA synchronous={self.synchronous}")
        if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            create_schema(conn)
        return conn

    def _use_wal(self, conn: sqlite3.Connection) -> None:
        # WAL is a property of the file: set once. Switching needs a moment alone with it, and
        # sqlite answers "locked" at once (no busy wait) when processes open a new file together.
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(random.uniform(0.005, 0.02))

    def init_schema(self) -> str:
        self._conn()
        return f"SQLite database ready at {self.path} (schema {SCHEMA_VERSION})"

    # -- the UserStore interface ---------------------------------------------------------------

    def load(self, user_id: str) -> dict[str, Any] | None:
        key, conn = user_key(user_id), self._conn()
        conn.execute("BEGIN")  # one snapshot for the profile row and its history rows
        try:
            profile, _ = self._read(conn, key)
            conn.execute("COMMIT")
            return profile
        except _Damaged:
            conn.execute("ROLLBACK")
        # Take the write lock, look again, and set the damaged row aside.
        return self._in_write(lambda conn: self._read_or_set_aside(conn, key)[0])

    def save(self, user_id: str, data: dict[str, Any]) -> None:
        # Through `update`, so a damaged row is set aside rather than overwritten.
        self.update(user_id, lambda _old: data)

    def delete(self, user_id: str) -> None:
        key = user_key(user_id)
        self._in_write(lambda conn: self._erase(conn, key))
        forget_legacy_files(key, self.legacy_dirs)

    def update(self, user_id: str, change: Change) -> None:
        """Optimistic first: read and change outside the write lock, then write only if the
        user's row is still at the revision read (the lock is held for the write alone, not the
        whole turn). Otherwise, or if the row is damaged, the whole turn runs under the lock."""
        key = user_key(user_id)
        optimistic = self._optimistic(key, change)
        if optimistic is not None:
            if optimistic:
                forget_legacy_files(key, self.legacy_dirs)
            return

        def turn(conn: sqlite3.Connection) -> bool:
            profile, stored = self._read_or_set_aside(conn, key)
            result = change(profile)
            if result is None:
                self._erase(conn, key)
            else:
                self._write(conn, key, result, stored)
            return result is None

        if self._in_write(turn):
            forget_legacy_files(key, self.legacy_dirs)

    def _optimistic(self, key: str, change: Change) -> bool | None:
        """True/False: written (True if erased); None: the row moved on or is damaged."""
        conn = self._conn()
        conn.execute("BEGIN")  # the revision, the profile and its history from one snapshot
        try:
            seen = self._revision(conn, key)
            profile, stored = self._read(conn, key)
        except _Damaged:
            return None
        finally:
            conn.execute("COMMIT")
        result = change(profile)

        def commit(conn: sqlite3.Connection) -> bool | None:
            if self._revision(conn, key) != seen:
                return None
            if result is None:
                self._erase(conn, key)
            else:
                self._write(conn, key, result, stored)
            return result is None

        return self._in_write(commit)

    @staticmethod
    def _revision(conn: sqlite3.Connection, key: str) -> int | None:
        row = conn.execute("SELECT revision FROM users WHERE user_key = ?", (key,)).fetchone()
        return None if row is None else int(row[0])

    def adopt(self, key: str, raw: bytes) -> bool:
        """Take an old JSON file's bytes for `key` as a version-0 row, unless the key has data."""

        def insert(conn: sqlite3.Connection) -> bool:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO users (user_key, profile, schema_version, updated_at)"
                " VALUES (?, ?, 0, ?)",
                (key, raw, now_iso()),
            )
            return cursor.rowcount == 1

        return self._in_write(insert)

    # -- inside a transaction ------------------------------------------------------------------

    def _in_write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        conn = self._conn()
        begin_immediate(conn, self.busy_timeout)
        try:
            result = work(conn)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return result

    def _read(
        self, conn: sqlite3.Connection, key: str
    ) -> tuple[dict[str, Any] | None, hist.Stored]:
        row = conn.execute(
            "SELECT profile, schema_version, has_history FROM users WHERE user_key = ?", (key,)
        ).fetchone()
        if row is None:
            return None, hist.Stored([], [])
        raw, version, has_history = row
        rows = hist.existing(conn, key)
        try:
            profile = decode_profile(raw)
            entries = hist.join(rows)
        except Unreadable as error:
            raise _Damaged(error.reason, raw, rows) from None
        if version >= 1 and has_history:
            profile["history"] = entries
        return profile, hist.Stored(rows, hist.shallow_copy(entries))

    def _read_or_set_aside(
        self, conn: sqlite3.Connection, key: str
    ) -> tuple[dict[str, Any] | None, hist.Stored]:
        try:
            return self._read(conn, key)
        except _Damaged as damage:
            conn.execute(
                "INSERT INTO set_aside (user_key, kept_at, reason, profile, history)"
                " VALUES (?, ?, ?, ?, ?)",
                (key, now_iso(), damage.reason, damage.profile, hist.raw_lines(damage.rows)),
            )
            conn.execute("DELETE FROM users WHERE user_key = ?", (key,))
            conn.execute("DELETE FROM history WHERE user_key = ?", (key,))
            log.warning(
                "stored profile of user %s unreadable (%s): set aside, starting fresh",
                log_ref(key),
                damage.reason,
            )
            return None, hist.Stored([], [])

    def _write(
        self, conn: sqlite3.Connection, key: str, profile: dict[str, Any], stored: hist.Stored
    ) -> None:
        entries = profile.get("history")
        has_history = isinstance(entries, list)
        rest = {k: v for k, v in profile.items() if k != "history"} if has_history else profile
        conn.execute(
            "INSERT INTO users (user_key, profile, schema_version, has_history, updated_at,"
            " revision) VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (user_key) DO UPDATE SET"
            " profile = excluded.profile, schema_version = excluded.schema_version,"
            " has_history = excluded.has_history, updated_at = excluded.updated_at,"
            " revision = users.revision + 1",
            (key, encode(rest), ROW_VERSION, int(has_history), now_iso()),
        )
        hist.sync(conn, key, stored, entries if isinstance(entries, list) else [])

    def _erase(self, conn: sqlite3.Connection, key: str) -> None:
        for table in ("users", "history", "set_aside"):
            conn.execute(f"DELETE FROM {table} WHERE user_key = ?", (key,))
