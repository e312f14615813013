#!/usr/bin/env python3
"""What the pain diary costs a turn, with the history full (500 lines).

1. Core only (`Coach.handle`): "how am I doing" with a 250-day streak (reads all 500 lines), with
   the streak broken (reads about two weeks), and a pain score (one line appended), as ratios to
   a turn that leaves the history alone (HoldTimeIntent), measured in the same run.
2. A whole turn through SQLite (`run_turn`): a pain score (one history row inserted, the oldest
   deleted) against the same baseline turn.
3. `diary_sessions` over 500 lines (what `stretch-coach progress` does once).

    .venv/bin/python benchmarks/bench_diary.py [--repeat 300]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill.core import events as ev  # noqa: E402
from skill.core.coach import Coach, run_turn  # noqa: E402
from skill.core.coach.progress import diary_sessions  # noqa: E402
from skill.core.events import Event  # noqa: E402
from skill.core.history import HistoryEntry  # noqa: E402
from skill.core.state import CoachState  # noqa: E402
from skill.stores.sqlite import SqliteStore  # noqa: E402

NOW = datetime(2026, 11, 25, 18, tzinfo=UTC)
BASELINE = Event(ev.HOLD_TIME, {"seconds": "30"})


def full_history() -> list[HistoryEntry]:
    lines = []
    for day in range(250, 0, -1):
        at = (NOW - timedelta(days=day)).isoformat()
        lines.append(HistoryEntry("lower_back", at, "score", at, day % 11, "before"))
        lines.append(HistoryEntry("lower_back", at, "routine", at, None, "", 5, ["cat_cow:same"]))
    return lines


def median_ms(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300)
    repeat = parser.parse_args().repeat
    state = CoachState()
    state.profile.history = full_history()
    streak = Coach(clock=lambda: NOW, time_zone="Europe/London")
    broken = Coach(clock=lambda: NOW + timedelta(days=3), time_zone="Europe/London")
    rows = [
        (
            "core: HoldTimeIntent (baseline)",
            median_ms(lambda: streak.handle(state, BASELINE), repeat),
        )
    ]
    rows.append(
        (
            "core: progress, 250-day streak",
            median_ms(lambda: streak.handle(state, Event(ev.PROGRESS)), repeat),
        )
    )
    rows.append(
        (
            "core: progress, streak broken",
            median_ms(lambda: broken.handle(state, Event(ev.PROGRESS)), repeat),
        )
    )
    score = Event(ev.PAIN_SCORE, {"score": "4"})
    rows.append(("core: pain score", median_ms(lambda: streak.handle(state, score), repeat)))
    print_table("Core turns, history of 500 lines", rows)

    with tempfile.TemporaryDirectory() as folder:
        store = SqliteStore(Path(folder) / "bench.sqlite3")
        store.save("user", state.profile_dict())
        base = median_ms(lambda: run_turn(streak, store, "user", None, BASELINE), repeat)
        added = median_ms(lambda: run_turn(streak, store, "user", None, score), repeat)
        progress = median_ms(
            lambda: run_turn(streak, store, "user", None, Event(ev.PROGRESS)), repeat
        )
    print_table(
        "Whole turns through SQLite (load, handle, store), history full",
        [("HoldTimeIntent (baseline)", base), ("pain score (1 row in, 1 out)", added),
         ("progress", progress)],
    )  # fmt: skip
    print_table(
        "stretch-coach progress",
        [
            (
                "diary_sessions, 500 lines",
                median_ms(lambda: diary_sessions(state.profile.history), 50),
            )
        ],
    )
    return 0


def print_table(title: str, rows: list[tuple[str, float]]) -> None:
    base = rows[0][1]
    print(f"\n{title}\n| case | median ms | x first row |\n|---|---|---|")
    for name, ms in rows:
        print(f"| {name} | {ms:.3f} | {ms / base:.2f} |")


if __name__ == "__main__":
    sys.exit(main())
