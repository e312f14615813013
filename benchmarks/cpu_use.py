"""Who used the 2 cores during a benchmark row: the server, the load generator, or the others.

On a shared 2-core machine a latency row means little without it: the server's workers, wrk
and whatever else runs (other engineers' builds and tests) all compete for the same cores.
Read from /proc (Linux only): the server as the sum over its master and workers, the client as
this process's finished children (wrk) plus this process itself (the asyncio client), the
machine from /proc/stat. Worker pids are kept too, so a worker restart during a row shows.
"""

from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _stat_fields(pid: int) -> list[str]:
    return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()


def workers_of(master: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int(_stat_fields(int(entry.name))[1]) == master:
                    found.append(int(entry.name))
            except (OSError, ValueError, IndexError):
                continue
    return found


def process_seconds(pids: set[int]) -> dict[int, float]:
    """CPU seconds (user + system) so far of each pid still alive."""
    found = {}
    for pid in pids:
        try:
            fields = _stat_fields(pid)
            found[pid] = (int(fields[11]) + int(fields[12])) / TICKS
        except (OSError, ValueError, IndexError):
            continue  # a worker that exited took its ticks with it
    return found


def machine_busy_seconds() -> float:
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / TICKS


def client_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = resource.getrusage(resource.RUSAGE_SELF)
    return children.ru_utime + children.ru_stime + own.ru_utime + own.ru_stime


@dataclass
class CpuUse:
    """Cores used on average during one row (1.0 = one core busy all the time)."""

    master: int
    started: float = field(default_factory=time.monotonic)
    pids: set[int] = field(default_factory=set)
    server: float = 0.0
    client: float = 0.0
    other: float = 0.0
    restarts: int = 0

    def __post_init__(self) -> None:
        self.pids = set(workers_of(self.master))
        self._server = process_seconds({self.master, *self.pids})
        self._client = client_seconds()
        self._busy = machine_busy_seconds()

    def stop(self) -> CpuUse:
        wall = max(time.monotonic() - self.started, 1e-6)
        now_pids = set(workers_of(self.master))
        self.restarts = len(now_pids - self.pids)
        # A worker that exited mid-row is missing from the end figure: a lower bound then.
        now = process_seconds({self.master, *now_pids})
        self.server = sum(spent - self._server.get(pid, 0.0) for pid, spent in now.items()) / wall
        self.client = (client_seconds() - self._client) / wall
        busy = (machine_busy_seconds() - self._busy) / wall
        self.other = max(busy - self.server - self.client, 0.0)
        return self
