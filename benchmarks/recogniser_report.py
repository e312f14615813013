#!/usr/bin/env python3
"""Recogniser quality and speed: what issue 10 asks to measure.

For the dev sets (tests/data) and the held-out sets written before tuning (benchmarks/data):
intent accuracy per file and per intent, the commonest confusions, slot accuracy, pain-set
recall (FeelingIntent/RedFlagIntent, never Fallback), the out-of-domain false-action rate, and
time per utterance. Then start-up (cold build with training vs classifier loaded from the
cache, each in a fresh interpreter), and a k-fold over paraphrase families: each template line
of language.toml is a family; a fold's families are removed from the model, the recogniser is
rebuilt from the rest and tested on the removed sentences, so the figure measures
generalisation, not memory. `--compare` also scores other linear models on the same folds.

    .venv/bin/python benchmarks/recogniser_report.py [--folds 5] [--compare] [--quick]
"""

from __future__ import annotations

import argparse
import collections
import copy
import json
import os
import random
import statistics
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_interaction_model import expand  # noqa: E402
from pain_grid import pain_grid_report  # noqa: E402

from local_runner.understanding import Recogniser, default_recogniser  # noqa: E402
from local_runner.understanding.classifier import train  # noqa: E402
from local_runner.understanding.model import LanguageModel  # noqa: E402
from local_runner.understanding.ood import ACTIONS  # noqa: E402
from local_runner.understanding.slots import SlotSpotter  # noqa: E402
from local_runner.understanding.training import examples, sample_sentences  # noqa: E402

DATA = ROOT / "tests" / "data"
HELD = ROOT / "benchmarks" / "data"
INTENT_SETS = [
    DATA / "utterances_dev.tsv",
    HELD / "utterances_heldout.tsv",
    HELD / "everyday_heldout.tsv",
    HELD / "fresh_heldout.tsv",
    HELD / "blind_utterances.tsv",
    HELD / "blind2_utterances.tsv",
    HELD / "blind3_utterances.tsv",
    HELD / "blind4_utterances.tsv",
    HELD / "blind5_utterances.tsv",
    HELD / "blind6_utterances.tsv",
    HELD / "blind7_utterances.tsv",
    HELD / "blind8_utterances.tsv",
    HELD / "blind9_utterances.tsv",
    HELD / "blind10_utterances.tsv",
    HELD / "blind11_utterances.tsv",
    HELD / "blind12_utterances.tsv",
    HELD / "blind13_utterances.tsv",
    HELD / "blind14_utterances.tsv",
    HELD / "blind15_utterances.tsv",
    HELD / "blind16_utterances.tsv",
    HELD / "blind17_utterances.tsv",
    HELD / "blind18_utterances.tsv",
    HELD / "blind19_utterances.tsv",
    HELD / "blind20_utterances.tsv",
    HELD / "blind21_utterances.tsv",
    HELD / "blind22_utterances.tsv",
    HELD / "blind23_utterances.tsv",
    HELD / "blind24_utterances.tsv",
    HELD / "blind25_utterances.tsv",
    HELD / "blind26_utterances.tsv",
    HELD / "blind27_utterances.tsv",
    HELD / "blind28_utterances.tsv",
    HELD / "blind29_utterances.tsv",
    HELD / "blind30_utterances.tsv",
    HELD / "blind31_utterances.tsv",
    HELD / "blind32_utterances.tsv",
    HELD / "blind33_utterances.tsv",
    HELD / "blind34_utterances.tsv",
    HELD / "blind35_utterances.tsv",
    HELD / "blind36_utterances.tsv",
    HELD / "blind38_utterances.tsv",
    HELD / "blind39_utterances.tsv",
    HELD / "blind40_utterances.tsv",
    HELD / "blind41_utterances.tsv",
    HELD / "blind42_utterances.tsv",
    HELD / "blind43_utterances.tsv",
    HELD / "blind44_utterances.tsv",
    HELD / "blind45_utterances.tsv",
    HELD / "blind46_utterances.tsv",
    HELD / "blind47_utterances.tsv",
    HELD / "blind48_utterances.tsv",
    HELD / "blind49_utterances.tsv",
    HELD / "blind50_utterances.tsv",
    HELD / "blind51_utterances.tsv",
    HELD / "blind52_utterances.tsv",
    HELD / "blind37_utterances.tsv",
]
PAIN_SETS = [
    DATA / "pain_dev.tsv",
    HELD / "pain_heldout.tsv",
    HELD / "fresh_pain_heldout.tsv",
    HELD / "blind_pain.tsv",
    HELD / "blind2_pain.tsv",
    HELD / "blind3_pain.tsv",
    HELD / "blind4_pain.tsv",
    HELD / "blind5_pain.tsv",
    HELD / "blind6_pain.tsv",
    HELD / "blind7_pain.tsv",
    HELD / "blind8_pain.tsv",
    HELD / "blind9_pain.tsv",
    HELD / "blind10_pain.tsv",
    HELD / "blind11_pain.tsv",
    HELD / "blind12_pain.tsv",
    HELD / "blind13_pain.tsv",
    HELD / "blind14_pain.tsv",
    HELD / "blind15_pain.tsv",
    HELD / "blind16_pain.tsv",
    HELD / "blind17_pain.tsv",
    HELD / "blind18_pain.tsv",
    HELD / "blind19_pain.tsv",
    HELD / "blind20_pain.tsv",
    HELD / "blind21_pain.tsv",
    HELD / "blind22_pain.tsv",
    HELD / "blind23_pain.tsv",
    HELD / "blind24_pain.tsv",
    HELD / "blind25_pain.tsv",
    HELD / "blind26_pain.tsv",
    HELD / "blind27_pain.tsv",
    HELD / "blind28_pain.tsv",
    HELD / "blind29_pain.tsv",
    HELD / "blind30_pain.tsv",
    HELD / "blind31_pain.tsv",
    HELD / "blind32_pain.tsv",
    HELD / "blind33_pain.tsv",
    HELD / "blind34_pain.tsv",
    HELD / "blind35_pain.tsv",
    HELD / "blind36_pain.tsv",
    HELD / "blind38_pain.tsv",
    HELD / "blind39_pain.tsv",
    HELD / "blind40_pain.tsv",
    HELD / "blind41_pain.tsv",
    HELD / "blind42_pain.tsv",
    HELD / "blind43_pain.tsv",
    HELD / "blind44_pain.tsv",
    HELD / "blind45_pain.tsv",
    HELD / "blind46_pain.tsv",
    HELD / "blind47_pain.tsv",
    HELD / "blind48_pain.tsv",
    HELD / "blind49_pain.tsv",
    HELD / "blind50_pain.tsv",
    HELD / "blind51_pain.tsv",
    HELD / "blind52_pain.tsv",
    HELD / "blind37_pain.tsv",
]
OOD_SETS = [
    DATA / "ood_dev.tsv",
    HELD / "ood_heldout.tsv",
    HELD / "fresh_ood_heldout.tsv",
    HELD / "blind_ood.tsv",
    HELD / "blind2_ood.tsv",
    HELD / "blind3_ood.tsv",
    HELD / "blind4_ood.tsv",
    HELD / "blind5_ood.tsv",
    HELD / "blind6_ood.tsv",
    HELD / "blind7_ood.tsv",
    HELD / "blind8_ood.tsv",
    HELD / "blind9_ood.tsv",
    HELD / "blind10_ood.tsv",
    HELD / "blind11_ood.tsv",
    HELD / "blind12_ood.tsv",
    HELD / "blind13_ood.tsv",
    HELD / "blind14_ood.tsv",
    HELD / "blind15_ood.tsv",
    HELD / "blind16_ood.tsv",
    HELD / "blind17_ood.tsv",
    HELD / "blind18_ood.tsv",
    HELD / "blind19_ood.tsv",
    HELD / "blind20_ood.tsv",
    HELD / "blind21_ood.tsv",
    HELD / "blind22_ood.tsv",
    HELD / "blind23_ood.tsv",
    HELD / "blind24_ood.tsv",
    HELD / "blind25_ood.tsv",
    HELD / "blind26_ood.tsv",
    HELD / "blind27_ood.tsv",
    HELD / "blind28_ood.tsv",
    HELD / "blind29_ood.tsv",
    HELD / "blind30_ood.tsv",
    HELD / "blind31_ood.tsv",
    HELD / "blind32_ood.tsv",
    HELD / "blind33_ood.tsv",
    HELD / "blind34_ood.tsv",
    HELD / "blind35_ood.tsv",
    HELD / "blind36_ood.tsv",
    HELD / "blind38_ood.tsv",
    HELD / "blind39_ood.tsv",
    HELD / "blind40_ood.tsv",
    HELD / "blind41_ood.tsv",
    HELD / "blind42_ood.tsv",
    HELD / "blind43_ood.tsv",
    HELD / "blind44_ood.tsv",
    HELD / "blind45_ood.tsv",
    HELD / "blind46_ood.tsv",
    HELD / "blind47_ood.tsv",
    HELD / "blind48_ood.tsv",
    HELD / "blind49_ood.tsv",
    HELD / "blind50_ood.tsv",
    HELD / "blind51_ood.tsv",
    HELD / "blind52_ood.tsv",
    HELD / "blind37_ood.tsv",
]
SAFE = {"FeelingIntent", "RedFlagIntent"}
# Figures measured before tuning, so the "after" columns can be judged (see the module doc):
# old = the recogniser before issue 10 (table + hassil + fuzzy);
# new = these stages before language.toml was extended (first run of the classifier);
# the fresh_* sets were written after the language was extended against everyday_heldout's
# misses; their first-run figure is before calibration and the threshold changes;
# the blind_* sets were written by someone who never saw the language model.
BEFORE = {
    "everyday_heldout.tsv": "old 20.1%/slot 32.2%; new 44.3%/slot 49.4%",
    "pain_heldout.tsv": "old 43.9%; new 90.2%",
    "ood_heldout.tsv": "old 0/60; new 1/60",
    "fresh_heldout.tsv": "first run 68.7%/slot 63.3%",
    "fresh_pain_heldout.tsv": "first run 93.3%",
    "fresh_ood_heldout.tsv": "first run 0/20",
    # Written blind by a helper who never saw the model or the other sets; first run with the
    # carrier augmentation, before any tuning against them.
    "blind_utterances.tsv": "first run 86.5%/slot 81.9%",
    "blind_pain.tsv": "first run 86.7%",
    "blind_ood.tsv": "first run 4/80",
    # A second blind set, in the voices of five imagined users (slang, regional words), measured
    # after all tuning on the first: the honest figure for phrasings never seen.
    "blind2_utterances.tsv": "first run 75.3%/slot 62.3%",
    "blind2_pain.tsv": "first run 87.5%",
    "blind2_ood.tsv": "first run 0/60",
    # A third, six more imagined users, measured once after all tuning on the first two.
    "blind3_utterances.tsv": "first run 85.0%/slot 75.0%",
    "blind3_pain.tsv": "first run 86.7%",
    "blind3_ood.tsv": "first run 2/50",
    # A fourth (six more voices, disfluent speech), measured once on main before this session's
    # understanding changes.
    "blind4_utterances.tsv": "first run 85.8%/slot 73.2%",
    "blind4_pain.tsv": "first run 83.3%",
    "blind4_ood.tsv": "first run 2/50",
    # A fifth, kept sealed until this session's understanding work was done, then run once.
    "blind5_utterances.tsv": "first run 94.2%/slot 82.7%",
    "blind5_pain.tsv": "first run 90.0%",
    "blind5_ood.tsv": "first run 0/50",
    "blind6_utterances.tsv": "first run 89.2%/slot 81.5%",
    "blind6_pain.tsv": "first run 86.7%",
    "blind6_ood.tsv": "first run 0/50",
    "blind7_utterances.tsv": "first run 90.0%/slot 80.8%",
    "blind7_pain.tsv": "first run 90.0%",
    "blind7_ood.tsv": "first run 2/50",
    "blind8_utterances.tsv": "first run 92.5%/slot 88.9%",
    "blind8_pain.tsv": "first run 90.0%",
    "blind8_ood.tsv": "first run 2/50",
    "blind9_utterances.tsv": "first run 89.2%/slot 88.7%",
    "blind9_pain.tsv": "first run 90.0%",
    "blind9_ood.tsv": "first run 4/50",
    "blind10_utterances.tsv": "first run 89.2%/slot 85.2%",
    "blind10_pain.tsv": "first run 96.7%",
    "blind10_ood.tsv": "first run 2/50",
    "blind11_utterances.tsv": "first run 98.3%/slot 93.9%",
    "blind11_pain.tsv": "first run 93.3%",
    "blind11_ood.tsv": "first run 1/50",
    "blind12_utterances.tsv": "first run 90.8%/slot 86.5%",
    "blind12_pain.tsv": "first run 90.0%",
    "blind12_ood.tsv": "first run 0/50",
    "blind13_utterances.tsv": "first run 86.7%/slot 79.2%",
    "blind13_pain.tsv": "first run 100%",
    "blind13_ood.tsv": "first run 1/50",
    "blind14_utterances.tsv": "first run 90.8%/slot 86.0%",
    "blind14_pain.tsv": "first run 96.7%",
    "blind14_ood.tsv": "first run 0/50",
    "blind15_utterances.tsv": "first run 95.8%/slot 96.2%",
    "blind15_pain.tsv": "first run 96.7%",
    "blind15_ood.tsv": "first run 1/50",
    "blind16_utterances.tsv": "first run 91.7%/slot 88.2%",
    "blind16_pain.tsv": "first run 96.7%",
    "blind16_ood.tsv": "first run 2/50",
    "blind17_utterances.tsv": "first run 92.5%/slot 87.3%",
    "blind17_pain.tsv": "first run 96.7%",
    "blind17_ood.tsv": "first run 0/50",
    "blind18_utterances.tsv": "first run 91.7%/slot 87.8%",
    "blind18_pain.tsv": "first run 96.7%",
    "blind18_ood.tsv": "first run 3/50 (2 lines since removed)",
    "blind19_utterances.tsv": "first run 95.0%/slot 94.4%",
    "blind19_pain.tsv": "first run 100%",
    "blind19_ood.tsv": "first run 2/48",
    "blind20_utterances.tsv": "first run 91.7%/slot 83.3%",
    "blind20_pain.tsv": "first run 100%",
    "blind20_ood.tsv": "first run 0/50",
    "blind21_utterances.tsv": "first run 98.3%/slot 96.3%",
    "blind21_pain.tsv": "first run 100%",
    "blind21_ood.tsv": "first run 2/50",
    "blind22_utterances.tsv": "first run 94.2%/slot 88.0%",
    "blind22_pain.tsv": "first run 93.3%",
    "blind22_ood.tsv": "first run 1/50",
    "blind23_utterances.tsv": "first run 90.0%/slot 88.9%",
    "blind23_pain.tsv": "first run 100%",
    "blind23_ood.tsv": "first run 3/50",
    # Sealed until this session's understanding work was done; first run at 8b1ff6e. The start
    # commit (fbe1b57) on the same sets: 91.7% / 94.2% intent, pain 28/30 each, OOD 4/50, 2/50.
    "blind24_utterances.tsv": "first run 90.0%/slot 76.9%",
    "blind24_pain.tsv": "first run 93.3%",
    "blind24_ood.tsv": "first run 3/50",
    "blind25_utterances.tsv": "first run 93.3%/slot 94.2%",
    "blind25_pain.tsv": "first run 93.3%",
    "blind25_ood.tsv": "first run 2/50",
    "blind26_utterances.tsv": "first run 90.8%/slot 86.3%",
    "blind26_pain.tsv": "first run 100.0%",
    "blind26_ood.tsv": "first run 1/49",
    "blind27_utterances.tsv": "first run 92.5%/slot 88.7%",
    "blind27_pain.tsv": "first run 93.3%",
    "blind27_ood.tsv": "first run 2/48",
    # 28: first run at the start commit of its session (5d1b942); 29: sealed until that session's
    # understanding work was done, then run once (22d88e8).
    "blind28_utterances.tsv": "first run 88.3%/slot 87.5%",
    "blind28_pain.tsv": "first run 100.0%",
    "blind28_ood.tsv": "first run 1/50",
    "blind29_utterances.tsv": "first run 95.8%/slot 91.7%",
    "blind29_pain.tsv": "first run 96.7%",
    "blind29_ood.tsv": "first run 0/50",
    "blind30_utterances.tsv": "first run 80.8%/slot 78.7%",
    "blind30_pain.tsv": "first run 96.7%",
    "blind30_ood.tsv": "first run 3/50",
    "blind31_utterances.tsv": "first run 92.5%/slot 93.4%",
    "blind31_pain.tsv": "first run 96.7%",
    "blind31_ood.tsv": "first run 0/50",
    "blind32_utterances.tsv": "first run 90.8%/slot 91.4%",
    "blind32_pain.tsv": "first run 93.3%",
    "blind32_ood.tsv": "first run 0/50",
    "blind33_utterances.tsv": "first run 88.3%/slot 86.4%",
    "blind33_pain.tsv": "first run 93.3%",
    "blind33_ood.tsv": "first run 0/50",
    "blind34_utterances.tsv": "first run 84.2%/slot 81.8%",
    "blind34_pain.tsv": "first run 96.7%",
    "blind34_ood.tsv": "first run 0/50",
    "blind35_utterances.tsv": "first run 87.5%/slot 94.9%",
    "blind35_pain.tsv": "first run 96.7%",
    "blind35_ood.tsv": "first run 0/50",
    "blind36_utterances.tsv": "first run 93.3%/slot 89.5%",
    "blind36_pain.tsv": "first run 96.7%",
    "blind36_ood.tsv": "first run 1/50",
    "blind38_utterances.tsv": "first run 89.2%/slot 87.1%",
    "blind38_pain.tsv": "first run 100%",
    "blind38_ood.tsv": "first run 1/50",
    "blind39_utterances.tsv": "first run 91.7%/slot 87.7%",
    "blind39_pain.tsv": "first run 100%",
    "blind39_ood.tsv": "first run 1/50",
    "blind40_utterances.tsv": "first run 85.8%/slot 83.3% (sealed)",
    "blind40_pain.tsv": "first run 93.3%",
    "blind40_ood.tsv": "first run 2/50",
    "blind41_utterances.tsv": "first run 84.2%/slot 78.0%",
    "blind41_pain.tsv": "first run 29/30",
    "blind41_ood.tsv": "first run 0/50",
    "blind42_utterances.tsv": "first run 83.3%/slot 81.0% (sealed)",
    "blind42_pain.tsv": "first run 27/30",
    "blind42_ood.tsv": "first run 1/50",
    "blind43_utterances.tsv": "first run 89.2%/slot 85.0%",
    "blind43_pain.tsv": "first run 30/30",
    "blind43_ood.tsv": "first run 0/50",
    "blind44_utterances.tsv": "first run 89.2%/slot 88.1% (sealed)",
    "blind44_pain.tsv": "first run 29/30",
    "blind44_ood.tsv": "first run 2/50",
    "blind45_utterances.tsv": "first run 94.2%/slot 88.1%",
    "blind45_pain.tsv": "first run 30/30",
    "blind45_ood.tsv": "first run 3/50",
    "blind46_utterances.tsv": "first run 86.7%/slot 76.5% (sealed)",
    "blind46_pain.tsv": "first run 27/30",
    "blind46_ood.tsv": "first run 1/50",
    "blind47_utterances.tsv": "first run 95.0%/slot 94.1%",
    "blind47_pain.tsv": "first run 30/30",
    "blind47_ood.tsv": "first run 3/50",
    "blind48_utterances.tsv": "first run 95.0%/slot 89.7% (sealed)",
    "blind48_pain.tsv": "first run 29/30",
    "blind48_ood.tsv": "first run 3/50",
    "blind49_utterances.tsv": "first run 95.8%/slot 94.0%",
    "blind49_pain.tsv": "first run 30/30",
    "blind49_ood.tsv": "first run 3/50",
    "blind50_utterances.tsv": "first run 94.2%/slot 89.7% (sealed)",
    "blind50_pain.tsv": "first run 30/30",
    "blind50_ood.tsv": "first run 1/50",
    "blind51_utterances.tsv": "first run 95.0%/slot 94.1%",
    "blind51_pain.tsv": "first run 28/30",
    "blind51_ood.tsv": "first run 3/50",
    "blind52_utterances.tsv": "first run 93.3%/slot 89.7% (sealed)",
    "blind52_pain.tsv": "first run 28/30",
    "blind52_ood.tsv": "first run 2/50",
    "blind37_utterances.tsv": "first run 86.7%/slot 81.0%",
    "blind37_pain.tsv": "first run 100%",
    "blind37_ood.tsv": "first run 1/50",
}


def rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def timed(recogniser: Recogniser, text: str, times: list[float]) -> str:
    start = time.perf_counter()
    event = recogniser.parse(text)
    times.append((time.perf_counter() - start) * 1000)
    return event.name, event.slots  # type: ignore[return-value]


def _slot_ok(want: str, slots: dict[str, str]) -> bool:
    slot, _, value = want.partition("=")
    return slots.get(slot) == value if value else bool(slots.get(slot))


def intent_report(recogniser: Recogniser, times: list[float], show: bool) -> None:
    per_intent: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    confusions: collections.Counter[tuple[str, str]] = collections.Counter()
    for path in INTENT_SETS:
        ok = slot_ok = slot_total = 0
        misses = []
        table = rows(path)
        for parts in table:
            text, wanted = parts[0], parts[1].split("|")
            name, slots = timed(recogniser, text, times)
            good = name in wanted
            ok += good
            per_intent[wanted[0]][0] += good
            per_intent[wanted[0]][1] += 1
            if not good:
                confusions[(wanted[0], name)] += 1
                misses.append(f"intent {name} (want {parts[1]}) <- {text}")
            if len(parts) > 2 and parts[2].strip():
                slot_total += 1
                hit = any(_slot_ok(want, slots) for want in parts[2].strip().split("|"))
                slot_ok += hit and good
                if good and not hit:
                    misses.append(f"slot {parts[2]} got {slots} <- {text}")
        slot_text = ""
        if slot_total:
            slot_text = f", slot {100 * slot_ok / slot_total:5.1f}% of {slot_total}"
        print(
            f"{path.name:26} intent {100 * ok / len(table):5.1f}% of {len(table)}{slot_text}"
            f"   (before: {BEFORE.get(path.name, '-')})"
        )
        for miss in misses if show else []:
            print("    " + miss)
    print("\nper intent (all intent sets):")
    for name, (good, total) in sorted(per_intent.items()):
        print(f"  {name:28} {good:3}/{total:<3} {100 * good / total:5.1f}%")
    print("\ncommonest confusions (expected -> got):")
    for (want, got), n in confusions.most_common(12):
        print(f"  {n:2}  {want} -> {got}")


def safety_report(recogniser: Recogniser, times: list[float], show: bool) -> None:
    for path in PAIN_SETS:
        table = rows(path)
        got = [(p[0], timed(recogniser, p[0], times)[0]) for p in table]
        misses = [f"{name} <- {text}" for text, name in got if name not in SAFE]
        print(
            f"{path.name:26} pain recall {100 * (1 - len(misses) / len(table)):5.1f}% of"
            f" {len(table)}   (before: {BEFORE.get(path.name, '-')})"
        )
        for miss in misses if show else []:
            print("    " + miss)
    for path in OOD_SETS:
        table = rows(path)
        got = [(p[0], timed(recogniser, p[0], times)[0]) for p in table]
        acted = [f"{name} <- {text}" for text, name in got if name in ACTIONS]
        print(
            f"{path.name:26} became an action {len(acted)}/{len(table)}"
            f" ({100 * len(acted) / len(table):.1f}%, target <= 5%)"
            f"   (before: {BEFORE.get(path.name, '-')})"
        )
        for miss in acted if show else []:
            print("    " + miss)


def startup_report() -> None:
    """Wall and CPU time of building a recogniser in a fresh interpreter (imports included;
    the median of five runs, the cold build once).

    CPU time is what a quiet machine would take as wall time; on a shared machine wall time
    also counts waiting for a core."""
    code = (
        "import time; w, c = time.perf_counter(), time.process_time(); {setup}; "
        "print(time.perf_counter() - w, time.process_time() - c)"
    )
    runs = (
        ("baseline: import numpy", "import numpy"),
        ("cold build (trains)", BUILD.format(False)),
        ("classifier from cache", BUILD.format(True)),
        # Ready for input, hassil's templates still compiling on their own thread (~0.1 s;
        # the row above includes waiting for them, as its first sentence needs them).
        ("from cache, ready", READY),
    )
    # An installed package has its bytecode compiled; without it (PYTHONDONTWRITEBYTECODE, set
    # on some CI machines) each run would also time Python compiling every module.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for label, setup in runs:
        times = []
        for _ in range(1 if "cold" in label else 5):
            out = subprocess.run(
                [sys.executable, "-c", code.format(setup=setup)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
                env=env,
            ).stdout.split()
            times.append((float(out[0]), float(out[1])))
        wall, cpu = sorted(times)[len(times) // 2]
        print(f"  start-up, {label:24} wall {wall * 1000:7.0f} ms, cpu {cpu * 1000:7.0f} ms")
    print("  (target: from cache < 300 ms)")


BUILD = (
    "from local_runner.understanding import Recogniser; "
    "r = Recogniser.from_model(use_cache={}); r.parse('hold for twenty seconds')"
)
READY = (
    "from local_runner.understanding import Recogniser; r = Recogniser.from_model(); "
    "r.parse('next')"
)


def families() -> list[tuple[str, list[str]]]:
    source = tomllib.loads((ROOT / "interaction_model" / "language.toml").read_text())
    return [
        (name, expand(t))
        for name, spec in source["intent"].items()
        for t in spec.get("samples", [])
    ]


def fold_model(raw: dict[str, object], removed: set[str]) -> LanguageModel:
    reduced = copy.deepcopy(raw)
    for intent in reduced["interactionModel"]["languageModel"]["intents"]:  # type: ignore[index]
        intent["samples"] = [s for s in intent["samples"] if s not in removed]
    return LanguageModel.from_dict(reduced)  # type: ignore[arg-type]


def kfold_report(folds: int, compare: bool) -> None:
    full = LanguageModel.load()
    groups = families()
    rng = random.Random(10)
    rng.shuffle(groups)
    scores: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for k in range(folds):
        held = [g for i, g in enumerate(groups) if i % folds == k]
        removed = {s for _, samples in held for s in samples}
        model = fold_model(full.raw, removed)
        tests = []
        for intent, samples in held:
            for sample in samples:
                sentences = sample_sentences(full, intent, sample)
                tests.extend((intent, s) for s in rng.sample(sentences, min(2, len(sentences))))
        recogniser = Recogniser(model)
        for intent, text in tests:
            got = recogniser.parse(text).name
            for name, hit in (
                ("pipeline: right intent", got == intent),
                ("pipeline: fell back (safe miss)", got == "AMAZON.FallbackIntent"),
                ("pipeline: wrong action", got != intent and got in ACTIONS),
            ):
                scores[name][0] += hit
                scores[name][1] += 1
        if compare:
            compare_models(model, tests, scores)
    print(
        f"\nk-fold over {len(groups)} paraphrase families ({folds} folds; each sentence tested"
        " with its family removed from the model):"
    )
    for name, (good, total) in scores.items():
        print(f"  {name:34} {100 * good / total:5.1f}% of {total}")


def compare_models(
    model: LanguageModel, tests: list[tuple[str, str]], scores: dict[str, list[int]]
) -> None:
    from sklearn.linear_model import LogisticRegression, RidgeClassifier
    from sklearn.svm import LinearSVC

    spotter = SlotSpotter(model)
    train_rows, labels = examples(model, spotter)
    test_rows = [spotter.delexicalise(t, spotter.spans(t)) for _, t in tests]
    candidates = {
        "LogisticRegression C=32": LogisticRegression(
            C=32.0, max_iter=2000, class_weight="balanced"
        ),
        "LogisticRegression C=8 (chosen)": LogisticRegression(
            C=8.0, max_iter=2000, class_weight="balanced"
        ),
        "LogisticRegression C=1": LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced"),
        "LinearSVC C=1": LinearSVC(C=1.0, class_weight="balanced"),
        "RidgeClassifier": RidgeClassifier(class_weight="balanced"),
    }
    for name, estimator in candidates.items():
        fitted = train(train_rows, labels, estimator)
        pairs = zip(test_rows, tests, strict=True)
        scores["classifier alone: " + name][0] += sum(
            fitted.predict(r).best[0] == i for r, (i, _) in pairs
        )
        scores["classifier alone: " + name][1] += len(tests)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--quick", action="store_true", help="skip start-up and k-fold")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args()
    recogniser = default_recogniser()
    times: list[float] = []
    intent_report(recogniser, times, args.misses)
    print()
    safety_report(recogniser, times, args.misses)
    pain_grid_report(recogniser, args.misses)
    p99 = statistics.quantiles(times, n=100)[98]
    median = statistics.median(times)
    print(f"\ntime per utterance over {len(times)} parses: median {median:.3f} ms,")
    print(f"  p99 {p99:.3f} ms (target median < 1 ms)")
    if not args.quick:
        startup_report()
        kfold_report(args.folds, args.compare)
    print(json.dumps({"note": "machine shared with other jobs; re-run on a quiet machine"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
