"""The pain grid (benchmarks/data/pain_grid.toml): generated short pain sentences, each of which
the recogniser must hear as FeelingIntent or RedFlagIntent (a regression guard, tuned)."""

from __future__ import annotations

import itertools
import tomllib
from collections import Counter
from pathlib import Path

from local_runner.understanding import Recogniser

GRID = Path(__file__).resolve().parent / "data" / "pain_grid.toml"
SAFE = {"FeelingIntent", "RedFlagIntent"}


def sentences(grid: dict[str, list[str]]) -> list[str]:
    combos = itertools.product(grid["leads"], grid["bodies"], grid["patterns"])
    return [lead + pattern.format(b=body) for lead, body, pattern in combos]


def pain_grid_report(recogniser: Recogniser, show: bool) -> None:
    for grid in tomllib.loads(GRID.read_text(encoding="utf-8"))["grid"]:
        said = sentences(grid)
        parsed = [(text, recogniser.parse(text).name) for text in said]
        missed = [(text, name) for text, name in parsed if name not in SAFE]
        got = Counter(name for _, name in missed)
        print(f"pain grid {grid['name']!r:14} heard {len(said) - len(missed)}/{len(said)}"
              f"{'   missed as ' + str(dict(got)) if got else ''}")  # fmt: skip
        for text, name in missed[:20] if show else []:
            print(f"    {name} <- {text}")
