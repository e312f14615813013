#!/usr/bin/env python3
"""Red-flag triage quality on a TSV in the dev-set format (description <TAB> expected level).

Prints the four figures of the triage targets:
  emergency answered emergency (target 100%), urgent answered urgent or above (100%),
  doctor answered doctor or above (>= 90%), selfcare answered urgent/emergency (<= 10%),
and lists every miss. Defaults to tests/data/redflags_dev.tsv (a copy of the shared dev set).

    .venv/bin/python benchmarks/triage_report.py [FILE.tsv ...]
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill.core.triage import RANK, Triage  # noqa: E402

DEFAULT = ROOT / "tests" / "data" / "redflags_dev.tsv"


def main(paths: list[str]) -> int:
    triage = Triage.default()
    hits: dict[str, list[bool]] = defaultdict(list)
    misses: list[str] = []
    for path in [Path(p) for p in paths] or [DEFAULT]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            text, expected = (part.strip() for part in line.split("\t")[:2])
            got = triage.assess(text).level
            if expected == "selfcare":
                ok = got in ("emergency", "urgent")  # counts false alarms
                if ok:
                    misses.append(f"false alarm  {got:<9} <- {text}")
            else:
                ok = RANK[got] <= RANK[expected]
                if not ok:
                    misses.append(f"under-triage {got:<9} (want {expected}) <- {text}")
            hits[expected].append(ok)

    def rate(level: str) -> str:
        results = hits.get(level, [])
        return (
            f"{100 * sum(results) / len(results):6.1f}% of {len(results)}" if results else "   n/a"
        )

    print(f"{'figure':<44} {'value':>14}  target")
    print(f"{'emergency answered emergency':<44} {rate('emergency'):>14}  100%")
    print(f"{'urgent answered urgent or above':<44} {rate('urgent'):>14}  100%")
    print(f"{'doctor answered doctor or above':<44} {rate('doctor'):>14}  >= 90%")
    print(f"{'selfcare answered urgent/emergency':<44} {rate('selfcare'):>14}  <= 10%")
    for miss in misses:
        print("  " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
