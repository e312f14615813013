"""Store calls leave the gevent event loop (a slow disk must stall one turn, not a worker)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from skill.alexa.offload import OffloadedStore, offloaded
from skill.stores.memory import MemoryStore

ROOT = Path(__file__).resolve().parent.parent


def test_every_store_call_goes_through_the_runner() -> None:
    calls: list[str] = []

    def run(function: Any, args: tuple[Any, ...]) -> Any:
        calls.append(function.__name__)
        return function(*args)

    inner = MemoryStore()
    store = OffloadedStore(inner, run)
    store.save("u", {"hold_seconds": 30})
    assert store.load("u") == {"hold_seconds": 30}
    store.update("u", lambda old: {**(old or {}), "hold_seconds": 40})
    assert inner.data["u"] == {"hold_seconds": 40}
    store.delete("u")
    assert store.load("u") is None
    assert calls == ["save", "load", "update", "delete", "load"]


def test_outside_gevent_the_store_is_unchanged() -> None:
    store = MemoryStore()
    assert offloaded(store) is store


def under_gevent(code: str) -> list[str]:
    """The words `code` prints, run in a fresh interpreter with gevent's monkey patching."""
    code = "from gevent import monkey; monkey.patch_all()\n" + code
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_under_gevent_calls_run_on_its_thread_pool() -> None:
    code = (
        "import threading\n"
        "from skill.alexa.offload import offloaded\n"
        "from skill.stores.memory import MemoryStore\n"
        "class Probe(MemoryStore):\n"
        "    def load(self, user_id):\n"
        "        return {'thread': threading.get_native_id()}\n"
        "store = offloaded(Probe())\n"
        "print(type(store).__name__, store.load('u')['thread'] != threading.get_native_id())\n"
    )
    assert under_gevent(code) == ["OffloadedStore", "True"]


def test_under_gevent_sqlite_gets_one_thread_of_its_own(tmp_path: Path) -> None:
    # One writer at a time: more threads only queue on SQLite's lock with its busy sleeps.
    code = (
        "from pathlib import Path\n"
        "from gevent import get_hub\n"
        "from skill.alexa.offload import offloaded\n"
        "from skill.stores.memory import MemoryStore\n"
        "from skill.stores.sqlite import SqliteStore\n"
        f"path = Path({str(tmp_path / 'p.sqlite3')!r})\n"
        "sqlite, memory = offloaded(SqliteStore(path)), offloaded(MemoryStore())\n"
        "sqlite.save('u', {'hold_seconds': 40})\n"
        "pool = sqlite.run.__self__\n"
        "print(pool.maxsize, pool is get_hub().threadpool, sqlite.load('u')['hold_seconds'],\n"
        "      memory.run.__self__ is get_hub().threadpool)\n"
    )
    assert under_gevent(code) == ["1", "False", "40", "True"]
