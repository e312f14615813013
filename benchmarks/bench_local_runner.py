#!/usr/bin/env python3
"""Local runner timing: a real 60 s hold on the monotonic clock, and typed-command latency.

1. A 60 s hold played with the real clock and a speaker that records when each cue was handed
   over: the largest deviation of any count from its scheduled time, and the drift at the end
   (target: both under 50 ms). The baseline is a naive loop that sleeps the gap between cues
   after speaking each one (what drifts), measured in the same run.
2. Time from a typed command to the first word handed to the speech engine (target < 50 ms):
   recognise + coach turn + store save + start of playback, median and p99 over many commands.

    .venv/bin/python benchmarks/bench_local_runner.py [--hold 60]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from local_runner.display import PlainDisplay  # noqa: E402
from local_runner.player import Player, QueueInbox  # noqa: E402
from local_runner.session import LocalSession  # noqa: E402
from local_runner.speaker import RecordingSpeaker  # noqa: E402
from skill.core.reply import Reply  # noqa: E402
from skill.core.store import JsonFileStore, MemoryStore  # noqa: E402
from skill.core.timing import hold  # noqa: E402

SPEECH_COST_SECONDS = 0.004  # a stand-in for the time a real engine call takes to return


class SlowRecordingSpeaker(RecordingSpeaker):
    def say(self, text: str) -> None:
        super().say(text)
        time.sleep(SPEECH_COST_SECONDS)


def real_hold(seconds: int) -> tuple[float, float]:
    segment = hold(seconds, count_every=5)
    speaker = SlowRecordingSpeaker()
    never = QueueInbox([])  # no commands arrive during the hold
    player = Player(speaker, PlainDisplay(io.StringIO()), LocalSession(store=MemoryStore()), never)
    start = time.monotonic()
    player.play(Reply((segment,)))
    deviations = [
        (when - start - cue.at) for (when, _), cue in zip(speaker.spoken, segment.cues, strict=True)
    ]
    return max(abs(d) for d in deviations), deviations[-1]


def naive_hold(seconds: int) -> tuple[float, float]:
    """Baseline: speak, then sleep the gap to the next cue (speech time accumulates)."""
    segment = hold(seconds, count_every=5)
    speaker = SlowRecordingSpeaker()
    start = time.monotonic()
    previous = 0.0
    for cue in segment.cues:
        time.sleep(cue.at - previous)
        previous = cue.at
        speaker.say(cue.text)
    deviations = [
        (when - start - cue.at) for (when, _), cue in zip(speaker.spoken, segment.cues, strict=True)
    ]
    return max(abs(d) for d in deviations), deviations[-1]


class _FirstWord(Exception):
    pass


class FirstWordSpeaker(RecordingSpeaker):
    """Records the first hand-over, then stops playback (so no hold runs in real time)."""

    def say(self, text: str) -> None:
        super().say(text)
        raise _FirstWord


def command_latency(runs: int) -> list[float]:
    """Typed line -> recogniser -> coach -> store save -> Player.play -> speaker.say."""
    with tempfile.TemporaryDirectory() as data:
        session = LocalSession(store=JsonFileStore(Path(data)))
        speaker = FirstWordSpeaker()
        display = PlainDisplay(io.StringIO())
        player = Player(speaker, display, session, QueueInbox([]))
        session.start()
        samples = []
        commands = ["start the lower back routine", "repeat", "what routines do you have", "help"]
        for index in range(runs):
            speaker.spoken.clear()
            start = time.monotonic()
            reply = session.say(commands[index % len(commands)])
            with contextlib.suppress(_FirstWord):
                player.play(reply)
            samples.append((speaker.spoken[0][0] - start) * 1000)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hold", type=int, default=60)
    parser.add_argument("--commands", type=int, default=400)
    args = parser.parse_args()
    cost = SPEECH_COST_SECONDS * 1000
    print(f"A {args.hold} s hold, a count every 5 s, real clock ({cost:.0f} ms per speech call)")
    print(f"{'scheduler':<44} {'max deviation':>14} {'drift at end':>13}")
    for name, run in (
        ("naive sleep-after-speaking (baseline)", naive_hold),
        ("player, monotonic schedule", real_hold),
    ):
        worst, drift = run(args.hold)
        print(f"{name:<44} {worst * 1000:>11.1f} ms {drift * 1000:>10.1f} ms")
    samples = command_latency(args.commands)
    p99 = statistics.quantiles(samples, n=100)[98]
    print()
    print(f"Typed command -> first word handed to the speech engine ({args.commands} commands)")
    print(f"  median {statistics.median(samples):.2f} ms, p99 {p99:.2f} ms   (target < 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
