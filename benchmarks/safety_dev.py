#!/usr/bin/env python3
"""Safety-phrase diagnosis on clips the benchmark never uses: why is a safety phrase only asked
about, and what would let it be acted on?

Safety phrasings worded unlike the benchmark's ("stop now", "hold on", "it's hurting"...) and
short everyday commands (benchmarks/data/everyday_heldout.tsv, three words or fewer), said by
voices and at rates the benchmark does not use, clean / 10 dB and 5 dB fan noise (other seeds)
/ a reverberant room, are streamed through the microphone's path (Listener). For each one
utterance handed over, whisper's forced-decoding scores (`Transcript.rescore`) of what it read,
of its other readings, of the model sentences nearest those (nearmiss.candidates) and of every
safety phrasing of hearing/verdict.py are kept with what the coach made of it. `--save`
pickles the rows for analysis; the report counts acted on / asked about / missed per group.

    .venv/bin/python benchmarks/safety_dev.py [--voices N] [--save FILE] [--show]
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

from benchmarks.bench_listening import correct, paused_to_ask, stream  # noqa: E402
from benchmarks.listening_dev import Recording  # noqa: E402
from local_runner.hearing import simulate as sim  # noqa: E402
from local_runner.hearing.decision import Heard  # noqa: E402
from local_runner.hearing.engines import make_engine  # noqa: E402
from local_runner.hearing.listener import Listener  # noqa: E402
from local_runner.hearing.nearmiss import candidates  # noqa: E402
from local_runner.hearing.verdict import PHRASINGS  # noqa: E402
from local_runner.recogniser import default_recogniser  # noqa: E402

DEV = ROOT / "benchmarks" / "data" / "everyday_heldout.tsv"
STOP, PAUSE = "AMAZON.StopIntent|AMAZON.CancelIntent", "AMAZON.PauseIntent"
SAFETY = [("stop now", STOP), ("please stop", STOP), ("okay stop", STOP), ("just stop", STOP),
          ("pause it", PAUSE), ("pause please", PAUSE), ("hold on", PAUSE), ("wait", PAUSE),
          ("it hurts", "pain"), ("that really hurts", "pain"), ("ow that hurts", "pain"),
          ("ouch", "pain"), ("it's hurting", "pain")]  # fmt: skip
VOICES = [("espeak-ng", "en-gb-x-rp", 165), ("espeak-ng", "en-us-nyc+m3", 120),
          ("espeak-ng", "en-029+f2", 155), ("flite", "kal16", 140),
          ("espeak-ng", "en-gb-x-gbclan+f4", 190),
          ("espeak-ng", "en-gb-x-gbcwmd", 145)]  # fmt: skip
CONDITIONS = ("clean", "noise 10 dB", "noise 5 dB", "reverb room")


@dataclass
class Row:
    text: str
    expected: str
    voice: str
    cond: str
    safety: bool
    acted: bool = False  # the right intent acted on
    reached: bool = False  # acted on, or the hold paused to ask about the right one
    paused: bool = False  # (an ordinary command) a hold paused to ask about a safety word
    heard: list[str] = field(default_factory=list)
    transcript: str = ""
    readings: list[str] = field(default_factory=list)
    maybe: str = ""
    could_be: str = ""
    scores: dict[str, float] = field(default_factory=dict)  # text -> forced-decoding score
    seconds: float = 0.0


def ordinary(limit: int) -> list[tuple[str, str]]:
    """Short everyday commands (three words or fewer) the text recogniser gets right."""
    recogniser = default_recogniser()
    rows = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, expected = line.split("\t")[:2]
            short = len(text.split()) <= 3 and "pain" not in expected
            if short and recogniser.parse(text).name in expected.split("|"):
                rows.append((text, expected))
    step = max(1, len(rows) // limit)
    return rows[::step][:limit]


def condition(speech: np.ndarray, cond: str, seed: int) -> np.ndarray:
    if cond.startswith("noise"):
        return sim.mix(speech, sim.steady_noise(3.0, 2000 + seed), float(cond.split()[1]))
    if cond == "reverb room":
        return sim.room(speech, (45, 65)[seed % 2])
    return speech


def run(
    voices: list[tuple[str, str, int]], rows: list[tuple[str, str]], scored: bool = True
) -> list[Row]:
    recording = Recording(make_engine("whisper"))
    now = [0.0]
    listener = Listener(recording, clock=lambda: now[0], background=False)
    out: list[Row] = []
    for index, (text, expected) in enumerate(rows):
        is_safety = (text, expected) in SAFETY
        for tts, voice, rate in voices:
            speech = sim.speak(text, voice, rate, tts)
            for cond in CONDITIONS:
                audio = sim.pad(condition(speech, cond, index), 0.5, 1.0)
                before = len(recording.seen)
                heard: list[Heard] = stream(listener, audio, now)
                row = Row(text, expected, voice, cond, is_safety)
                row.acted = correct(heard, expected, text)
                row.reached = row.acted or paused_to_ask(heard, expected)
                row.paused = any(h.doubt for h in heard)
                row.heard = [f"{'unsure ' if h.unsure else ''}{h.doubt} {h.guess} {h.meant!r}"
                             for h in heard]  # fmt: skip
                seen = recording.seen[before:]
                if len(seen) == 1:
                    samples, transcript = seen[0]
                    row.seconds = len(samples) / 16000
                    row.transcript, row.maybe = transcript.text, transcript.maybe
                    row.could_be = transcript.could_be
                    row.readings = [said for said, _ in transcript.alternatives]
                    texts = [transcript.text, *row.readings]
                    near = [s for said in texts[:3] if said for s in candidates(said)]
                    phrasings = [p for group in PHRASINGS.values() for p in group]
                    asked = list(dict.fromkeys([t for t in texts if t] + near + phrasings))
                    if scored and transcript.rescore is not None:
                        row.scores = dict(zip(asked, transcript.rescore(asked), strict=True))
                out.append(row)
    return out


def report(rows: list[Row], show: bool) -> None:
    for name, group in (("safety", [r for r in rows if r.safety]),
                        ("ordinary", [r for r in rows if not r.safety])):  # fmt: skip
        print(f"{name}: {len(group)} clips, {_counts(group)}")
        for cond in CONDITIONS:
            mine = [r for r in group if r.cond == cond]
            print(f"  {cond:12} {_counts(mine)}")
    asked = Counter(r.text for r in rows if r.safety and r.reached and not r.acted)
    print("safety phrases only asked about:", dict(asked))
    if show:
        for r in rows:
            if (r.safety and not r.acted) or (not r.safety and (r.paused or not r.acted)):
                print(f"  {r.cond:11} {r.voice:18} {r.text!r}: {r.transcript!r} {r.readings[:2]} "
                      f"maybe={r.maybe!r} could_be={r.could_be!r} -> {r.heard}")


def _counts(rows: list[Row]) -> str:
    acted, reached = sum(r.acted for r in rows), sum(r.reached for r in rows)
    return f"acted on right {acted}/{len(rows)}, reached {reached}, paused a hold " + str(
        sum(r.paused for r in rows)
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voices", type=int, default=len(VOICES))
    parser.add_argument("--ordinary", type=int, default=24, help="short everyday commands")
    parser.add_argument("--save", type=Path, help="pickle the rows, with their scores, here")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    voices = [v for v in VOICES[: args.voices] if sim.have(v[0])]
    started = time.perf_counter()
    rows = run(voices, SAFETY + ordinary(args.ordinary), scored=args.save is not None)
    print(f"{len(rows)} clips, {time.perf_counter() - started:.0f} s\n")
    report(rows, args.show)
    if args.save:
        args.save.write_bytes(pickle.dumps(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
