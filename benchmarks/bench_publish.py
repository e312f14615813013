#!/usr/bin/env python3
"""Publishing costs: what APL adds to a skill turn, and how long validation and export take.

1. Every step of every routine answered through the Lambda handler, on a device without a
   screen (the baseline) and with APL: the largest response in bytes against Alexa's 24 KB
   limit, and the median turn time; ratios are APL over the baseline, measured in the same run.
2. Validating the manifest and all five locale models, and the whole export (validation, the
   ASK CLI project and the Lambda zip), best of a few runs.

    .venv/bin/python benchmarks/bench_publish.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from export_skill_package import export, load_package  # noqa: E402

from interaction_model.validate import problems  # noqa: E402
from skill.alexa.skill_factory import skill_builder  # noqa: E402
from skill.core.coach import Coach  # noqa: E402
from skill.core.modes import Mode  # noqa: E402
from skill.core.state import CoachState, Session  # noqa: E402
from skill.stores.memory import MemoryStore  # noqa: E402

LIMIT = 24 * 1024
APL = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2023.2"}}}


def envelope(attributes: dict[str, Any], screen: bool) -> dict[str, Any]:
    system = {
        "application": {"applicationId": "a"},
        "user": {"userId": "bench"},
        "device": {"deviceId": "d", "supportedInterfaces": APL if screen else {}},
    }
    return {
        "version": "1.0",
        "session": {"new": False, "sessionId": "s", "application": system["application"],
                    "user": system["user"], "attributes": attributes},
        "context": {"System": system},
        "request": {"type": "IntentRequest", "requestId": "r", "locale": "en-US",
                    "timestamp": "2026-01-01T00:00:00Z",
                    "intent": {"name": "AMAZON.RepeatIntent", "slots": {}}},
    }  # fmt: skip


def step_turns(repeat: int) -> list[tuple[str, int, float, int, float]]:
    coach = Coach()
    handler = skill_builder(MemoryStore(), coach).lambda_handler()
    rows = []
    for routine in coach.library.routines.values():
        sizes: dict[bool, list[int]] = {False: [], True: []}
        times: dict[bool, list[float]] = {False: [], True: []}
        for index in range(len(routine.steps)):
            session = Session(mode=Mode.ROUTINE, routine_id=routine.id, step_index=index,
                              started=True, checks_done=len(routine.checks))  # fmt: skip
            attributes = CoachState(session=session).session_dict()
            for screen in (False, True):
                for _ in range(repeat):
                    start = time.perf_counter()
                    out = handler(envelope(attributes, screen), None)
                    times[screen].append(time.perf_counter() - start)
                sizes[screen].append(len(json.dumps(out).encode()))
        rows.append((routine.id, max(sizes[False]), statistics.median(times[False]) * 1000,
                     max(sizes[True]), statistics.median(times[True]) * 1000))  # fmt: skip
    return rows


def best_of(runs: int, work: Any) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="turns per step and device")
    args = parser.parse_args()
    print("| routine | max bytes, no screen | max bytes, APL | bytes ratio | APL share of 24 KB "
          "| median ms, no screen | median ms, APL | time ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for routine, plain, plain_ms, shown, shown_ms in step_turns(args.repeat):
        print(f"| {routine} | {plain} | {shown} | {shown / plain:.2f} | {shown / LIMIT:.0%} "
              f"| {plain_ms:.2f} | {shown_ms:.2f} | {shown_ms / plain_ms:.2f} |")  # fmt: skip
    manifest, models = load_package()
    validate = best_of(5, lambda: problems(manifest, models))
    with tempfile.TemporaryDirectory() as tmp:
        whole = best_of(3, lambda: export(Path(tmp) / "out"))
        zipped = (Path(tmp) / "out" / "lambda.zip").stat().st_size
    print()
    print("| step | seconds |")
    print("|---|---|")
    print(f"| validate manifest + {len(models)} models | {validate:.3f} |")
    print(f"| whole export (check, validate, write, zip of {zipped // 1024} KB) | {whole:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
