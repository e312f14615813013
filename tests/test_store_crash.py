"""A writer killed with SIGKILL mid-write leaves a readable database holding its last turn.

The writer commits turn after turn (a profile and its history rows, changed together) and says
each turn number after its commit; it is killed while writing. The database must pass SQLite's
integrity check and hold the last reported turn (or the one after, committed before the report
got out), with profile and history from the same turn.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from skill.stores.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parent.parent
WRITER = """
import sys
from skill.stores.sqlite import SqliteStore
store = SqliteStore(sys.argv[1])
pad = "x" * 30000
turn = 0
while True:
    turn += 1
    entries = [{"finished_at": f"{turn}-{i}"} for i in range(turn % 40)]
    store.update("local-user", lambda p, t=turn, e=entries: {"turn": t, "pad": pad, "history": e})
    print(turn, flush=True)
"""


@pytest.mark.parametrize("kill_after", [25, 160])
def test_sigkilled_writer_leaves_last_committed_turn(tmp_path: Path, kill_after: int) -> None:
    path = tmp_path / "crash.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert writer.stdout is not None
    last = 0
    while last < kill_after:
        last = int(writer.stdout.readline())
    writer.send_signal(signal.SIGKILL)
    reported = [int(line) for line in writer.stdout.read().split()]
    writer.wait(timeout=30)
    last = max([last, *reported])
    assert writer.returncode == -signal.SIGKILL

    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    profile = SqliteStore(path).load("local-user")
    assert profile is not None
    turn = profile["turn"]
    assert turn in (last, last + 1)
    assert profile["pad"] == "x" * 30000
    assert profile["history"] == [{"finished_at": f"{turn}-{i}"} for i in range(turn % 40)]
