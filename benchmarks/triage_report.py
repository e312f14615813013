#!/usr/bin/env python3
"""Red-flag triage quality on TSV sets, and how long an assessment takes by text length.

Quality, per file (description <TAB> expected level [<TAB> suggested routine id]):
  emergency answered emergency (target 100%), urgent answered urgent or above (100%),
  doctor answered doctor or above BY A RULE (>= 90%; the "unsure" answer, which is also
  doctor, does not count), selfcare answered selfcare and recognised (false alarms, urgent or
  emergency, listed separately: <= 10%), the suggested routine where the file names one, and
  "none" lines (not symptoms: recognised and pain must both be False). Every miss is listed.
Timing: the indexed matcher against the plain-scan reference (the original algorithm) on the
same texts in the same run, uncapped, plus the capped `assess` the coach calls.

    .venv/bin/python benchmarks/triage_report.py [FILE.tsv ...]   (defaults: dev + held-out sets)
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skill.core.triage import RANK, IndexedFinder, ScanFinder, Triage  # noqa: E402

DEFAULTS = [
    ROOT / "tests" / "data" / "redflags_dev.tsv",
    ROOT / "benchmarks" / "data" / "redflags_heldout.tsv",
    ROOT / "benchmarks" / "data" / "redflags_heldout2.tsv",
    ROOT / "benchmarks" / "data" / "redflags_heldout3.tsv",
    ROOT / "benchmarks" / "data" / "blind_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind2_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind3_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind4_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind5_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind6_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind7_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind8_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind9_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind10_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind11_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind12_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind13_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind14_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind15_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind16_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind17_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind18_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind19_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind20_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind21_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind22_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind23_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind24_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind25_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind26_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind27_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind28_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind29_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind30_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind31_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind32_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind33_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind34_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind35_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind36_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind38_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind39_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind40_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind41_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind42_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind43_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind44_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind45_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind46_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind47_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind48_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind49_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind50_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind51_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind52_redflags.tsv",
    ROOT / "benchmarks" / "data" / "blind37_redflags.tsv",
]
SIZES = (100, 1_000, 10_000, 100_000)
SCAN_LIMIT = 10_000  # the reference takes ~0.15 ms a character: 100 KB would take ~18 s
OLD_MS_PER_CHAR = 0.15  # measured before the rewrite (100 KB took 18 s)


def rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        [part.strip() for part in line.split("\t")]
        for line in lines
        if line.strip() and not line.startswith("#")
    ]


def quality(triage: Triage, path: Path) -> None:
    hits: dict[str, list[bool]] = defaultdict(list)
    misses: list[str] = []
    for text, expected, *rest in rows(path):
        result = triage.assess(text)
        got = result.level
        if expected == "none":
            ok = not result.recognised and not result.pain
            detail = f"recognised={result.recognised} pain={result.pain}"
        elif expected == "selfcare":
            ok = got == "selfcare" and result.recognised
            hits["false alarm"].append(got in ("emergency", "urgent"))
            detail = f"{got}"
            if rest:
                hits["routine"].append(result.suggested_routine == rest[0])
                if result.suggested_routine != rest[0]:
                    misses.append(f"routine {result.suggested_routine} (want {rest[0]}) <- {text}")
        else:
            ok = RANK[got] <= RANK[expected] and bool(result.flags)
            detail = f"{got} flags={list(result.flags)}"
        hits[expected].append(ok)
        if not ok:
            misses.append(f"want {expected:<9} got {detail} <- {text}")

    def rate(key: str) -> str:
        results = hits.get(key, [])
        if not results:
            return "n/a"
        return f"{100 * sum(results) / len(results):5.1f}% of {len(results)}"

    print(f"\n== {path.relative_to(ROOT)}")
    print(f"{'figure':<46} {'value':>14}  target")
    print(f"{'emergency answered emergency':<46} {rate('emergency'):>14}  100%")
    print(f"{'urgent answered urgent or above':<46} {rate('urgent'):>14}  100%")
    print(f"{'doctor answered doctor or above by a rule':<46} {rate('doctor'):>14}  >= 90%")
    print(f"{'selfcare answered selfcare (recognised)':<46} {rate('selfcare'):>14}")
    print(f"{'selfcare answered urgent/emergency':<46} {rate('false alarm'):>14}  <= 10%")
    print(f"{'selfcare with the expected routine':<46} {rate('routine'):>14}")
    print(f"{'not symptoms left unrecognised':<46} {rate('none'):>14}  100%")
    for miss in misses:
        print("  miss: " + miss)


def timed_ms(triage: Triage, text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        triage.assess(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def timing(triage: Triage, sentences: list[str]) -> None:
    uncapped = dataclasses.replace(triage, max_chars=None)
    indexed = dataclasses.replace(triage, max_chars=None, finder=IndexedFinder)
    scan = dataclasses.replace(triage, max_chars=None, finder=ScanFinder)
    print("\n== one sentence at a time (median of each sentence's best of 3 runs, ms)")
    for name, which in (("trie (default)", uncapped), ("indexed", indexed)):
        each = [timed_ms(which, sentence, 3) for sentence in sentences]
        print(f"{name:<16} {statistics.median(each):6.3f}   mean {statistics.mean(each):6.3f}")
    source = " ".join(sentences)
    print(f"\n== timing (best of several runs, ms; cap MAX_TRIAGE_CHARS={triage.max_chars})")
    header = f"{'chars':>8} {'trie':>8} {'indexed':>9} {'scan (old)':>11} {'ratio':>7}"
    print(f"{header} {'old figure':>11} {'capped assess':>14}")
    for size in SIZES:
        text = (source * (size // len(source) + 1))[:size]
        fast = timed_ms(uncapped, text, 9)
        middle = timed_ms(indexed, text, 9 if size < SCAN_LIMIT else 3)
        if size <= SCAN_LIMIT:
            slow = timed_ms(scan, text, 3 if size < SCAN_LIMIT else 1)
            slow_text, ratio = f"{slow:11.1f}", f"{slow / fast:6.0f}x"
        else:
            slow_text, ratio = f"{'(skipped)':>11}", f"{'':>7}"
        old = f"{OLD_MS_PER_CHAR * size:11.0f}"
        capped = timed_ms(triage, text, 9)
        print(f"{size:>8} {fast:8.2f} {middle:9.2f} {slow_text} {ratio} {old} {capped:14.2f}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("files", nargs="*", type=Path, help="TSV sets (default: dev + held-out)")
    paths = parser.parse_args(argv).files
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        parser.error(f"no such file: {', '.join(missing)}")
    triage = Triage.default()
    files = [p.resolve() for p in paths] or DEFAULTS
    for path in files:
        quality(triage, path)
    timing(triage, [row[0] for path in files for row in rows(path)])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
