"""Keeps a blocking profile store from stalling a gevent worker.

Under the gevent worker every connection is a greenlet on one OS thread, so a store call that
blocks in the kernel (the file store's atomic rename costs 3-5 ms on this disk; a database
commit is alike) would stall every other request of that worker. `offloaded` runs the store's
calls on gevent's thread pool instead, where they block only their own turn. Outside gevent
(tests, --dev, Lambda) the store is returned unchanged.

The SQLite store gets a pool of its own with one thread. SQLite lets one transaction write at a
time, and every turn is a write transaction: with gevent's shared pool (10 threads) a worker had
up to 10 turns waiting on the lock, each in SQLite's busy handler, which sleeps 1, 2, 5, 10, 15,
20, 25... ms between tries, so turns waited for each other's sleeps, not for each other's work:
p99 0.5-1.1 s at 32 connections (`bench_service.py`, coach/file). One thread per worker leaves
at most one waiter per process; p99 fell to 0.15-0.29 s in the same conditions. A network store
(DynamoDB) keeps the shared pool: its calls wait on the network and gain from overlapping.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.store import Change, UserStore
from ..stores.sqlite import SqliteStore

Run = Callable[..., Any]
SQLITE_THREADS = 1  # one writer at a time anyway: see the module docstring


class OffloadedStore:
    def __init__(self, store: UserStore, run: Run) -> None:
        self.store = store
        self.run = run

    def load(self, user_id: str) -> dict[str, Any] | None:
        result: dict[str, Any] | None = self.run(self.store.load, (user_id,))
        return result

    def save(self, user_id: str, data: dict[str, Any]) -> None:
        self.run(self.store.save, (user_id, data))

    def delete(self, user_id: str) -> None:
        self.run(self.store.delete, (user_id,))

    def update(self, user_id: str, change: Change) -> None:
        self.run(self.store.update, (user_id, change))


def offloaded(store: UserStore) -> UserStore:
    """`store` with its calls on gevent's thread pool when gevent has patched this process."""
    try:
        from gevent import get_hub, monkey
    except ImportError:
        return store
    if not monkey.is_module_patched("socket"):
        return store
    if isinstance(store, SqliteStore):
        from gevent.threadpool import ThreadPool

        return OffloadedStore(store, ThreadPool(SQLITE_THREADS).apply)
    return OffloadedStore(store, get_hub().threadpool.apply)
