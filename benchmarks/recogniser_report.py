#!/usr/bin/env python3
"""Intent recogniser quality and speed on TSV files in the dev-set format.

Prints intent accuracy, slot accuracy (over lines that name a slot) and the median / p99 time
per utterance, for each file, and lists the misses. Defaults to the dev set (tests/data) and our
held-out paraphrases.

    .venv/bin/python benchmarks/recogniser_report.py [FILE.tsv ...]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from local_runner.recogniser import default_recogniser  # noqa: E402

DEFAULTS = [
    ROOT / "tests" / "data" / "utterances_dev.tsv",
    ROOT / "benchmarks" / "data" / "utterances_heldout.tsv",
]


def evaluate(path: Path) -> None:
    recogniser = default_recogniser()
    intent_ok = slot_ok = slot_total = total = 0
    times: list[float] = []
    misses: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        text, intents = parts[0], parts[1].split("|")
        for _ in range(5):  # repeat for stable timings; the first call per line is counted too
            start = time.perf_counter()
            event = recogniser.parse(text)
            times.append((time.perf_counter() - start) * 1000)
        total += 1
        good_intent = event.name in intents
        intent_ok += good_intent
        if len(parts) > 2 and parts[2].strip():
            slot_total += 1
            name, _, value = parts[2].strip().partition("=")
            good_slot = event.slots.get(name) == value if value else bool(event.slots.get(name))
            slot_ok += good_slot and good_intent
            if not good_slot:
                misses.append(f"slot   {parts[2]!r} got {event.slots} <- {text}")
        if not good_intent:
            misses.append(f"intent {event.name} (want {parts[1]}) <- {text}")
    print(f"{path.name}: {total} utterances")
    print(f"  intent accuracy {100 * intent_ok / total:6.1f}%   (target >= 95% on unseen)")
    if slot_total:
        print(f"  slot accuracy   {100 * slot_ok / slot_total:6.1f}%   ({slot_total} with a slot)")
    p99 = statistics.quantiles(times, n=100)[98]
    print(f"  time per utterance: median {statistics.median(times):.3f} ms, p99 {p99:.3f} ms")
    for miss in misses:
        print("    " + miss)


def main(paths: list[str]) -> int:
    start = time.perf_counter()
    default_recogniser()
    print(f"compile from en-US.json: {(time.perf_counter() - start) * 1000:.0f} ms")
    for path in [Path(p) for p in paths] or DEFAULTS:
        evaluate(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
