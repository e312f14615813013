#!/usr/bin/env python3
"""Listening benchmark: spoken commands -> intent, per engine, across voices, rates, noise, rooms.

Speech is synthesised (espeak-ng and, when installed, flite: two different TTS engines), mixed
with steady fan/hum noise at 10 dB SNR or played in a reverberant room (sox), then streamed in
32 ms frames through the same path as the microphone (echo guard -> Silero endpointer ->
engine -> safety decision). Phrases are held-out phrasings (benchmarks/data), which the
recogniser was not built from, plus the safety phrases. Also: false actions on silence,
steady noise and TV-like chatter; end-of-speech-to-intent latency (endpointer hangover in
stream time + decode time on the wall clock); RTF on one core; memory after loading.
The baseline in the same run is the text recogniser on the same phrases (the ceiling).

    .venv/bin/python benchmarks/bench_listening.py [--phrases N] [--engines whisper,pocketsphinx]

Bounded: about 3 minutes on a quiet 2-core machine with the defaults.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from local_runner.hearing import simulate as sim  # noqa: E402
from local_runner.hearing.audio import RATE  # noqa: E402
from local_runner.hearing.decision import (  # noqa: E402
    SAFETY_DOUBT,
    SAFETY_INTENTS,
    UNCLEAR_DOUBT,
    Heard,
    says_pain,
)
from local_runner.hearing.echo import EchoGuard  # noqa: E402
from local_runner.hearing.engines import Engine, make_engine  # noqa: E402
from local_runner.hearing.listener import Listener  # noqa: E402
from local_runner.recogniser import default_recogniser  # noqa: E402
from skill.core import events as ev  # noqa: E402

HELDOUT = ROOT / "benchmarks" / "data" / "utterances_heldout.tsv"
SAFETY = [("stop", "AMAZON.StopIntent|AMAZON.CancelIntent"), ("pause", "AMAZON.PauseIntent"),
          ("that hurts", "pain"), ("ouch that really hurts", "pain"),
          ("stop please", "AMAZON.StopIntent|AMAZON.CancelIntent")]  # fmt: skip
CHATTER = [
    "and now the weather for the weekend, with rain spreading from the west",
    "the committee will meet again on tuesday to discuss the budget",
    "welcome back to the show, tonight we are cooking a lemon tart",
]
VOICES = [("espeak-ng", "en-us", 150), ("espeak-ng", "en-gb", 180),
          ("flite", "slt", 150), ("flite", "kal", 130)]  # fmt: skip
MORE_VOICES = [("espeak-ng", "en-gb-scotland", 170), ("espeak-ng", "en-us+f3", 160),
               ("flite", "awb", 150), ("flite", "rms", 140)]  # fmt: skip
CONDITIONS = ("clean", "noise 10 dB", "reverb room")
SILENCE_SECONDS = 1.0  # after the command: the endpointer needs its hangover
COUNT = ("One. Two. Three. Four. Five. Six. Seven. Eight. Nine. Ten. Keep breathing slowly. "
         "Eleven. Twelve. Thirteen. Fourteen. Fifteen. And release.")  # fmt: skip


def phrases(count: int) -> list[tuple[str, str]]:
    rows = []
    for line in HELDOUT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            rows.append((parts[0], parts[1]))
    step = max(1, len(rows) // count)
    return rows[::step][:count]


def condition(samples: np.ndarray, name: str, seed: int) -> np.ndarray:
    if name == "noise 10 dB":
        return sim.mix(samples, sim.steady_noise(3.0, seed), 10.0)
    if name == "reverb room":
        return sim.room(samples)
    return samples


def stream(listener: Listener, audio: np.ndarray, now: list[float]) -> list[Heard]:
    """Feed audio frame by frame on a stream clock; collect what the listener hands over."""
    block = 512
    heard: list[Heard] = []
    for start in range(0, len(audio), block):
        now[0] = start / RATE
        listener.feed(audio[start : start + block], start / RATE)
        while (item := listener.get(0)) is not None:
            assert isinstance(item, Heard)
            heard.append(item)
    return heard


def correct(heard: list[Heard], expected: str, text: str) -> bool:
    acted = [h for h in heard if not h.unsure]
    if len(acted) != 1:
        return False
    if expected == "pain":  # what the coach is handed (a verdict's "it hurts" for "It's 13.")
        return says_pain(acted[0])
    return acted[0].guess in expected.split("|")


def paused_to_ask(heard: list[Heard], expected: str) -> bool:
    """Not acted on, but the hold was paused to ask about the right safety word (or, for
    short speech not made out at all, "unclear", about the nearest one: paused all the same)."""
    if len(heard) == 1 and heard[0].doubt == UNCLEAR_DOUBT:
        return True
    if len(heard) != 1 or heard[0].doubt != SAFETY_DOUBT:
        return False
    if expected == "pain":
        return says_pain(heard[0].meant)
    return heard[0].guess in expected.split("|")


def stops_wrongly(heard: Heard, expected: str) -> bool:
    """Acted on as a stop, cancel, pause or pain that `expected` is not."""
    if heard.unsure or expected == "pain" or heard.guess in expected.split("|"):
        return False
    return heard.guess in SAFETY_INTENTS or says_pain(heard)


def describe(heard: list[Heard], expected: str) -> str:
    got = [
        f"{h.transcript!r}@{h.confidence:.2f}->{'unsure, ' if h.unsure else ''}{h.guess}"
        for h in heard
    ]
    said = ", ".join(got) or "nothing"
    asked = "".join(f" '{h.could_be}'" for h in heard if h.could_be)
    return said + (f" (paused to ask{asked})" if paused_to_ask(heard, expected) else "")


def run_engine(engine: Engine, cases: list[tuple[str, str, str, np.ndarray, float, str]]) -> dict:
    now = [0.0]
    listener = Listener(engine, clock=lambda: now[0], background=False)
    results: dict[str, list[bool]] = {c: [] for c in CONDITIONS}
    safety: list[bool] = []
    reached: list[bool] = []  # safety phrases acted on, or the hold paused to ask about them
    guessed: list[bool] = []  # the guess right, acted on or asked about ("sorry, was that...?")
    latencies: list[float] = []
    safety_latencies: list[float] = []  # "stop", "pause", "that hurts": no slower than the rest
    misses: list[str] = []
    pausing: list[bool] = []
    stopped: list[bool] = []  # ...or that were acted on as a stop, pause or pain they were not
    for text, expected, cond, audio, speech_end, voice in cases:
        before = len(listener.timings)
        heard = stream(listener, audio, now)
        ok = correct(heard, expected, text)
        guessed.append(ok or (len(heard) == 1 and heard[0].guess in expected.split("|")))
        results[cond].append(ok)
        is_safety = any(text == s for s, _ in SAFETY)
        if is_safety:
            safety.append(ok)
            reached.append(ok or paused_to_ask(heard, expected))
        else:  # the cost of never dropping a safety word: ordinary commands that pause a hold
            pausing.append(any(h.doubt for h in heard))
            stopped.append(any(stops_wrongly(h, expected) for h in heard))
        wrong_stop = not is_safety and stopped[-1]
        if not ok and (is_safety or wrong_stop or len(misses) < 12):
            misses.append(f"  {cond:12} {voice:15} {text!r}: {describe(heard, expected)}")
        for timing in listener.timings[before:]:
            latency = timing.understood - speech_end + timing.decode_seconds
            latencies.append(latency)
            if is_safety:
                safety_latencies.append(latency)
    decode = sum(t.decode_seconds for t in listener.timings)
    audio_seconds = sum(t.audio_seconds for t in listener.timings)
    return {"results": results, "safety": safety, "latencies": latencies, "misses": misses,
            "safety_latencies": safety_latencies,
            "reached": reached, "pausing": pausing, "stopped": stopped,
            "guessed": sum(guessed) / max(1, len(guessed)),
            "rtf": decode / max(audio_seconds, 1e-9)}  # fmt: skip


def coach_voice() -> tuple[np.ndarray, np.ndarray]:
    """A hold's count as the coach plays it, and as the microphone hears it (delayed, quieter)."""
    count = sim.speak(COUNT, "en-us", 150)
    heard = np.concatenate([np.zeros(int(0.12 * RATE)), 0.6 * count]).astype(np.float32)
    return count, heard


def false_actions(engine: Engine, seconds: float) -> tuple[dict[str, int], dict[str, int]]:
    """Per kind of background: actions (acted on, or a hold paused to ask about a safety word)
    and questions ("Sorry, was that ...?", which change nothing)."""
    tests = {
        "silence": np.zeros(int(seconds * RATE), dtype=np.float32),
        "steady noise": 0.1 * sim.steady_noise(seconds, 7),
    }
    chatter = np.concatenate([sim.pad(sim.speak(t, "en-gb", 170), 0.2, 0.3) for t in CHATTER])
    tests["TV chatter"] = sim.mix(chatter, sim.steady_noise(3.0, 9), 15.0) * 0.5
    played, echo = coach_voice()
    tests["own voice"] = echo + 0.003 * sim.steady_noise(len(echo) / RATE, 4)
    actions, questions = {}, {}
    now = [0.0]
    for name, audio in tests.items():
        guard = EchoGuard()
        if name == "own voice":
            guard.playing(played, RATE, started_at=0.5)  # sim.pad puts 0.5 s before it
        listener = Listener(engine, guard, clock=lambda: now[0], background=False)
        heard = stream(listener, sim.pad(audio), now)
        acted = [h for h in heard if (not h.unsure and h.intent != ev.FALLBACK) or h.doubt]
        actions[name] = len(acted)
        questions[name] = sum(1 for h in heard if h.unsure and not h.doubt and h.worth_asking)
    return actions, questions


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phrases", type=int, default=12)
    parser.add_argument("--engines", default="pocketsphinx,whisper")
    parser.add_argument("--more-voices", action="store_true", help="four more voices")
    args = parser.parse_args()
    voices = [v for v in VOICES + (MORE_VOICES if args.more_voices else []) if sim.have(v[0])]
    rows = phrases(args.phrases) + SAFETY
    text_ok = sum(
        1 for t, e in rows if e == "pain" or default_recogniser().parse(t).name in e.split("|")
    )
    print(f"machine: 2 cores, shared and busy while measured; voices: {len(voices)} "
          f"({', '.join(f'{e}:{v}@{r}' for e, v, r in voices)}); phrases: {len(rows)}")  # fmt: skip
    print(f"baseline (text recogniser on the same phrases): {text_ok}/{len(rows)} "
          f"= {text_ok / len(rows):.0%}\n")  # fmt: skip
    started = time.perf_counter()
    cases = []
    for index, (text, expected) in enumerate(rows):
        for tts, voice, rate in voices:
            speech = sim.speak(text, voice, rate, tts)
            for cond in CONDITIONS:
                audio = condition(speech, cond, index)
                cases.append((text, expected, cond, sim.pad(audio, 0.5, SILENCE_SECONDS),
                              0.5 + len(speech) / RATE, f"{tts}:{voice}"))  # fmt: skip
    print(f"synthesised {len(cases)} utterances in {time.perf_counter() - started:.0f} s\n")
    header = f"{'engine':13}" + "".join(f"{c:>13}" for c in CONDITIONS)
    header += (
        f"{'all':>7}{'guess':>7}{'vs text':>8}{'safety':>8}{'lat p50':>8}{'lat p90':>8}{'RTF':>6}"
    )
    header += f"{'reached':>8}{'pauses':>8}{'RSS MB':>7}  false actions | questions "
    header += "(silence/noise/chatter/own voice)"
    lines, notes = [header], []
    for name in args.engines.split(","):
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        engine = make_engine(name)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        out = run_engine(engine, cases)
        falses, questions = false_actions(engine, 20.0)
        every = [ok for oks in out["results"].values() for ok in oks]
        share = sum(every) / len(every)
        lat = sorted(out["latencies"]) or [float("nan")]
        row = f"{name:13}" + "".join(
            f"{sum(oks) / len(oks):>13.0%}" for oks in out["results"].values()
        )
        row += f"{share:>7.0%}{out['guessed']:>7.0%}{share / (text_ok / len(rows)):>8.2f}"
        row += f"{sum(out['safety'])}/{len(out['safety'])}".rjust(8)
        row += f"{statistics.median(lat):>8.2f}{lat[int(0.9 * (len(lat) - 1))]:>8.2f}"
        row += f"{out['rtf']:>6.2f}" + f"{sum(out['reached'])}/{len(out['reached'])}".rjust(8)
        row += f"{sum(out['pausing'])}/{len(out['pausing'])}".rjust(8)
        row += f"{rss / 1024:>7.0f}  " + "/".join(str(v) for v in falses.values())
        row += " | " + "/".join(str(v) for v in questions.values())
        lines.append(row)
        print(row if len(lines) > 2 else f"{header}\n{row}", flush=True)
        said = out["safety_latencies"] or [float("nan")]
        notes.append(f"{name}: latency p50 of the safety phrases {statistics.median(said):.2f} s, "
                     f"of all {statistics.median(lat):.2f} s")  # fmt: skip
        notes.append(f"{name}: other commands acted on as a stop, pause or pain they were not: "
                     f"{sum(out['stopped'])}/{len(out['stopped'])}")  # fmt: skip
        notes.append(f"{name} misses (safety ones, wrong stops, 12 others), RSS before load "
                     f"{rss_before / 1024:.0f} MB:")  # fmt: skip
        notes.extend(out["misses"])
    print("\nall: acted on with the right intent; guess: right intent acted on or asked about")
    print("latency: seconds from the end of speech to the intent (hangover + decode)")
    print("safety: safety phrases acted on; reached: acted on, or the hold paused to ask")
    print("pauses: other commands that would pause a hold to ask about a safety word (a cost)")
    print("false actions: acted on, or a hold paused to ask; questions: 'Sorry, was that ...?'")
    print("\n".join(notes))
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
