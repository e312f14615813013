#!/usr/bin/env python3
"""What keeping profiles costs: per `update`, per skill turn, and under contention.

1. One `update` (read + change + write of a realistic profile, one history entry appended and
   the oldest trimmed once full) for MemoryStore (baseline), SQLite (20 and 500 history entries;
   synchronous NORMAL and FULL) and DynamoDB on moto's server (an HTTP round trip to a local
   process: says nothing about real DynamoDB latency, only that the code path works).
2. A skill turn through the ASK SDK skill (`skill_builder(store).lambda_handler()`), SQLite
   versus MemoryStore, requests interleaved in the same run.
3. 8 processes x 500 updates of one user at once: lost updates (must be 0) and throughput, for
   SQLite and, for comparison, the old JSON-file store.

    .venv/bin/python benchmarks/bench_store.py [--turns 400] [--quick]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill.alexa.skill_factory import skill_builder  # noqa: E402
from skill.core.coach import Coach  # noqa: E402
from skill.core.store import UserStore  # noqa: E402
from skill.stores.dynamodb import DynamoDbStore  # noqa: E402
from skill.stores.memory import MemoryStore  # noqa: E402
from skill.stores.sqlite import SqliteStore  # noqa: E402
from tests.conftest import envelope, intent_request, launch_request  # noqa: E402
from tests.test_store_moto import dynamo_env  # noqa: E402


def profile(history: int) -> dict[str, Any]:
    return {
        "version": 1,
        "disclaimer_heard": True,
        "hold_seconds": 30,
        "seen_exercises": ["knee_to_chest", "pelvic_tilt", "cat_cow", "childs_pose"],
        "avoided_exercises": ["childs_pose"],
        "missing_equipment": ["foam_roller"],
        "resume": {"routine_id": "lower_back", "step_index": 3},
        "history": [
            {"routine_id": "lower_back", "finished_at": f"2026-01-01T09:00:{i:05}+00:00"}
            for i in range(history)
        ],
    }


def finish_routine(number: int, keep: int) -> Callable[[dict[str, Any] | None], dict[str, Any]]:
    """A turn that finishes a routine: one entry appended, the oldest dropped (history stays at
    `keep` entries, so every sample of a case measures the same size)."""

    def change(stored: dict[str, Any] | None) -> dict[str, Any]:
        stored = stored or profile(0)
        entry = {"routine_id": "sciatica", "finished_at": f"2026-11-25T10:00:{number:05}+00:00"}
        return {**stored, "history": [*stored["history"], entry][-keep:]}

    return change


def stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def table(title: str, rows: list[tuple[str, list[float]]]) -> None:
    base = stats(rows[0][1])[0]
    print(f"\n{title}\n{'case':<44} {'median ms':>10} {'p99 ms':>9} {'vs first':>9}")
    for name, samples in rows:
        median, p99 = stats(samples)
        print(f"{name:<44} {median:>10.3f} {p99:>9.3f} {median / base:>8.2f}x")


def bench_updates(stores: list[tuple[str, UserStore, int]], turns: int) -> None:
    for _, store, history in stores:
        store.save("bench-user", profile(history))
    samples: list[list[float]] = [[] for _ in stores]
    for number in range(turns):  # round robin so machine noise falls on every case alike
        for index, (_, store, history) in enumerate(stores):
            change = finish_routine(number, history)
            start = time.perf_counter()
            store.update("bench-user", change)
            samples[index].append((time.perf_counter() - start) * 1000)
    table("1. one update (read + write) per turn",
          [(name, s) for (name, _, _), s in zip(stores, samples, strict=True)])


SCRIPT = [
    launch_request(),
    intent_request("StartRoutineIntent", routine=("lower back", "lower_back")),
    *[intent_request("AMAZON.NextIntent") for _ in range(6)],
    intent_request("AMAZON.StopIntent"),
]


def bench_skill_turns(directory: Path, rounds: int) -> None:
    cases = [("skill turn, MemoryStore (persistence off)", MemoryStore()),
             ("skill turn, SQLite (persistence on)", SqliteStore(directory / "skill.sqlite3"))]
    handlers = [skill_builder(store, Coach()).lambda_handler() for _, store in cases]
    attributes: list[dict[str, Any]] = [{} for _ in cases]
    samples: list[list[float]] = [[] for _ in cases]
    for round_number in range(rounds + 2):
        for request in SCRIPT:
            new = request["type"] == "LaunchRequest"
            for index, handler in enumerate(handlers):
                body = envelope(request, {} if new else attributes[index], new=new)
                start = time.perf_counter()
                reply = handler(body, None)
                elapsed = (time.perf_counter() - start) * 1000
                if round_number >= 2:  # the first rounds warm caches and lazy imports
                    samples[index].append(elapsed)
                attributes[index] = reply.get("sessionAttributes") or {}
    table("2. skill turn through the ASK SDK skill (Lambda handler, in process)",
          [(name, s) for (name, _), s in zip(cases, samples, strict=True)])
    added = stats(samples[1])[0] - stats(samples[0])[0]
    print(f"SQLite adds {added:.3f} ms to the median turn (target: under 1 ms)")


WORKER = """
import sys
from pathlib import Path
kind, path, turns = sys.argv[1], sys.argv[2], int(sys.argv[3])
if kind == "sqlite":
    from skill.stores.sqlite import SqliteStore
    store = SqliteStore(Path(path))
else:
    from skill.stores.jsonfile import JsonFileStore
    store = JsonFileStore(Path(path))
def bump(p):
    p = dict(p or {})
    p["n"] = p.get("n", 0) + 1
    return p
print("ready", flush=True)
sys.stdin.readline()
for _ in range(turns):
    store.update("one-user", bump)
print("done", flush=True)
"""


def contention(kind: str, path: Path, workers: int, turns: int) -> tuple[int, float]:
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, kind, str(path), str(turns)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
             for _ in range(workers)]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    start = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        proc.communicate(timeout=300)
    elapsed = time.perf_counter() - start
    store: UserStore = SqliteStore(path) if kind == "sqlite" else _json_store(path)
    counted = (store.load("one-user") or {}).get("n", 0)
    return workers * turns - counted, elapsed


def _json_store(path: Path) -> UserStore:
    from skill.stores.jsonfile import JsonFileStore

    return JsonFileStore(path)


def bench_contention(directory: Path, workers: int, turns: int) -> None:
    print(f"\n3. {workers} processes x {turns} updates of one user at once")
    print(f"{'store':<44} {'lost':>6} {'lost %':>7} {'updates/s':>10}")
    cases = (("sqlite", directory / "busy.sqlite3"), ("json files (old)", directory / "json"))
    for kind, path in cases:
        lost, elapsed = contention(kind.split()[0], path, workers, turns)
        total = workers * turns
        print(f"{kind:<44} {lost:>6} {100 * lost / total:>6.1f}% {total / elapsed:>10.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=400)
    parser.add_argument("--quick", action="store_true", help="fewer samples (a smoke run)")
    args = parser.parse_args()
    turns = 40 if args.quick else args.turns
    os.environ.update(dynamo_env())
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        dynamo = DynamoDbStore("bench-users")
        dynamo.init_schema()
        bench_updates([
            ("MemoryStore, 20 history entries", MemoryStore(), 20),
            ("SQLite NORMAL, 20 history entries", SqliteStore(directory / "a.sqlite3"), 20),
            ("SQLite NORMAL, 500 history entries", SqliteStore(directory / "b.sqlite3"), 500),
            ("SQLite FULL (fsync), 20 history entries",
             SqliteStore(directory / "c.sqlite3", synchronous="FULL"), 20),
            ("DynamoDB on moto server, 20 history entries", dynamo, 20),
        ], turns)
        bench_skill_turns(directory, max(2, turns // 20))
        bench_contention(directory, 8, 50 if args.quick else 500)
    print("\nThe machine may be busy; compare rows of one run, not runs.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
