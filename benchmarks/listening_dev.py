#!/usr/bin/env python3
"""Listening diagnosis on a development set the benchmark never uses: why do clips fail?

Other phrasings (benchmarks/data/everyday_heldout.tsv, written for the text recogniser, plus
safety phrases worded unlike the benchmark's) and other voices (espeak-ng accents and variants,
flite's kal16) than bench_listening.py, clean / 10 dB fan noise (other seeds) / a reverberant
room (other reverberances), streamed through the same path as the microphone (Listener). Tune
hearing on this set, then confirm on the benchmark, so the benchmark stays a held-out test.

Each failing clip is given one cause, checked in this order:
- segments: the endpointer handed over no utterance or more than one;
- cut: one utterance, but shorter than the clean clip's by more than 0.15 s (the VAD lost a
  weak first or last sound; the hangover may still carry it);
- beam: whisper misheard, but one of its beam's other readings parses to the right intent;
- words: the transcript and every other reading parse to the wrong intent (whisper misheard);
- doubt: the transcript parses right but was not acted on (low confidence / the doubt rules);
- decision: the transcript parses right but the decision acted on something else.

    .venv/bin/python benchmarks/listening_dev.py [--phrases N] [--voices N] [--show]
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_listening import correct, stream  # noqa: E402
from local_runner.hearing import simulate as sim  # noqa: E402
from local_runner.hearing.audio import RATE  # noqa: E402
from local_runner.hearing.decision import Heard, says_pain  # noqa: E402
from local_runner.hearing.engines import Engine, Transcript, make_engine  # noqa: E402
from local_runner.hearing.listener import Listener  # noqa: E402
from local_runner.recogniser import default_recogniser  # noqa: E402

DEV = ROOT / "benchmarks" / "data" / "everyday_heldout.tsv"
STOP = "AMAZON.StopIntent|AMAZON.CancelIntent"
SAFETY = [("stop now", STOP), ("pause it", "AMAZON.PauseIntent"), ("it hurts", "pain"),
          ("that really hurts", "pain"), ("please stop", STOP)]  # fmt: skip
VOICES = [("espeak-ng", "en-gb-x-rp", 165), ("espeak-ng", "en-us-nyc+m3", 150),
          ("espeak-ng", "en-029+f2", 155), ("flite", "kal16", 140),
          ("espeak-ng", "en-gb-x-gbclan+f4", 175), ("espeak-ng", "en-us+m5", 135)]  # fmt: skip
CONDITIONS = ("clean", "noise 10 dB", "reverb room")
CUT = 0.15  # seconds an utterance may be shorter than the clean clip's


class Recording:
    """An engine wrapper that keeps each utterance it is given and what it made of it."""

    def __init__(self, engine: Engine) -> None:
        self.engine, self.name, self.trusted_from = engine, engine.name, engine.trusted_from
        self.seen: list[tuple[np.ndarray, Transcript]] = []

    def transcribe(self, samples: np.ndarray) -> Transcript:
        transcript = self.engine.transcribe(samples)
        self.seen.append((samples, transcript))
        return transcript


@dataclass
class Case:
    text: str
    expected: str
    voice: str
    cond: str
    ok: bool = False
    cause: str = ""
    transcripts: list[str] = field(default_factory=list)
    heard: list[str] = field(default_factory=list)
    seconds: float = 0.0  # of the one utterance handed over
    segments: list[np.ndarray] = field(default_factory=list, repr=False)


def phrases(count: int) -> list[tuple[str, str]]:
    """Every n-th dev phrase the text recogniser gets right (its own misses are not hearing's)."""
    rows = []
    recogniser = default_recogniser()
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, expected = line.split("\t")[:2]
            if recogniser.parse(text).name in expected.split("|"):
                rows.append((text, expected))
    step = max(1, len(rows) // count)
    return rows[::step][:count]


def condition(speech: np.ndarray, cond: str, seed: int) -> np.ndarray:
    if cond == "noise 10 dB":
        return sim.mix(speech, sim.steady_noise(3.0, 1000 + seed), 10.0)
    if cond == "reverb room":
        return sim.room(speech, (50, 70)[seed % 2])
    return speech


def _right(words: str, expected: str) -> bool:
    if expected == "pain":
        return says_pain(words)
    return default_recogniser().parse(words).name in expected.split("|")


def cause(case: Case, recorded: list[Transcript], clean: Case | None) -> str:
    if len(recorded) != 1:
        return "segments"
    if clean is not None and clean.seconds and clean.seconds - case.seconds > CUT:
        return "cut"
    if not _right(recorded[0].text, case.expected):
        others = recorded[0].alternatives
        return "beam" if any(_right(said, case.expected) for said, _ in others) else "words"
    return "doubt" if case.heard and all(h.startswith("unsure") for h in case.heard) else "decision"


Voice = tuple[str, str, int]


def run(
    engine: Engine,
    rows: list[tuple[str, str]],
    voices: list[Voice],
    conditions: tuple[str, ...] = CONDITIONS,
) -> list[Case]:
    recording = Recording(engine)
    now = [0.0]
    listener = Listener(recording, clock=lambda: now[0], background=False)
    cases: list[Case] = []
    for index, (text, expected) in enumerate(rows):
        for tts, voice, rate in voices:
            speech = sim.speak(text, voice, rate, tts)
            clean: Case | None = None
            for cond in conditions:
                audio = sim.pad(condition(speech, cond, index), 0.5, 1.0)
                before = len(recording.seen)
                heard: list[Heard] = stream(listener, audio, now)
                seen = recording.seen[before:]
                case = Case(text, expected, voice, cond, correct(heard, expected, text))
                case.transcripts = [t.text for _, t in seen]
                case.segments = [samples for samples, _ in seen]
                case.heard = [f"{'unsure ' if h.unsure else ''}{h.guess}" for h in heard]
                case.seconds = len(seen[0][0]) / RATE if len(seen) == 1 else 0.0
                if not case.ok:
                    case.cause = cause(case, [t for _, t in seen], clean)
                clean = clean or case
                cases.append(case)
    return cases


def report(cases: list[Case], show: bool) -> None:
    conditions = [k for k in CONDITIONS if any(c.cond == k for c in cases)]
    print(f"{'':14}" + "".join(f"{c:>14}" for c in conditions) + f"{'all':>8}")
    groups = {voice: [c for c in cases if c.voice == voice] for voice in dict.fromkeys(
        c.voice for c in cases)}  # fmt: skip
    for voice, mine in [*groups.items(), ("all", cases)]:
        shares = [_share([c for c in mine if c.cond == k]) for k in conditions]
        print(f"{voice[:14]:14}" + "".join(f"{s:>14.0%}" for s in shares) + f"{_share(mine):>8.0%}")
    safety = [c for c in cases if (c.text, c.expected) in SAFETY]
    print(f"safety phrases acted on: {sum(c.ok for c in safety)}/{len(safety)}")
    print("\ncauses of misses (per condition):")
    for cond in conditions:
        counts = Counter(c.cause for c in cases if c.cond == cond and not c.ok)
        print(f"  {cond:12} " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    if show:
        for c in cases:
            if not c.ok:
                print(f"  {c.cause:8} {c.cond:11} {c.voice:16} {c.text!r} heard {c.transcripts} "
                      f"-> {c.heard} {c.seconds:.2f} s")  # fmt: skip


def _share(cases: list[Case]) -> float:
    return sum(c.ok for c in cases) / max(1, len(cases))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phrases", type=int, default=20)
    parser.add_argument("--voices", type=int, default=4)
    parser.add_argument("--show", action="store_true", help="list every miss")
    parser.add_argument("--conditions", default=",".join(CONDITIONS), help="comma-separated")
    parser.add_argument("--save", type=Path, help="pickle the cases and their utterances here")
    args = parser.parse_args()
    voices = [v for v in VOICES[: args.voices] if sim.have(v[0])]
    rows = phrases(args.phrases) + SAFETY
    started = time.perf_counter()
    conditions = tuple(c for c in CONDITIONS if c in args.conditions.split(","))
    cases = run(make_engine("whisper"), rows, voices, conditions)
    print(f"{len(cases)} clips, {len(rows)} phrases, voices {[v[1] for v in voices]}, "
          f"{time.perf_counter() - started:.0f} s\n")  # fmt: skip
    report(cases, args.show)
    if args.save:
        args.save.write_bytes(pickle.dumps(cases))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
