#!/usr/bin/env python3
"""Local runner timing: whole routines on a clock-accurate fake speaker, a real 60 s hold,
and how fast commands and interruptions are answered.

1. Every routine, hands-free with no input after "start the ... routine", on a virtual clock
   with a speaker that occupies the clock for each utterance's duration (estimated at 150
   wpm, or measured from espeak-ng audio with --espeak). Per routine: the length the coach
   announces, the planned length (sum of the Replies' estimated_seconds() plus the hands-free
   waits), the measured length, the pace, the shortest gap between a change of position and
   the first count, cue overlaps (must be 0) and late cues (re-anchored). A second run per
   routine says "pause" and "resume" every 45 s and reports the longest an utterance waited
   before the first word of its answer (target <= 0.5 s).
2. A 60 s hold played with the real clock: the largest deviation of any count from its
   scheduled time and the drift at the end (target < 50 ms), against a naive loop that sleeps
   the gap between cues after speaking each one (what drifts), measured in the same run.
3. Real clock: typed command -> first word handed to the speaker (target < 50 ms), and
   "that hurts" arriving on the input thread mid-hold -> first word of the answer (< 500 ms).

    .venv/bin/python benchmarks/bench_local_runner.py [--quick] [--espeak]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from local_runner.display import PlainDisplay  # noqa: E402
from local_runner.player import Player, QueueInbox, VirtualClock, texts_of  # noqa: E402
from local_runner.runner import run_live  # noqa: E402
from local_runner.session import LocalSession  # noqa: E402
from local_runner.speaker import RecordingSpeaker  # noqa: E402
from local_runner.tts import SynthSpeaker  # noqa: E402
from skill.core.coach import Coach  # noqa: E402
from skill.core.coach.timeline import planned_seconds  # noqa: E402
from skill.core.content import default_library  # noqa: E402
from skill.core.events import Event  # noqa: E402
from skill.core.reply import Reply  # noqa: E402
from skill.core.timing import hold  # noqa: E402
from skill.core.words import parse_number  # noqa: E402
from skill.stores.memory import MemoryStore  # noqa: E402
from skill.stores.sqlite import SqliteStore  # noqa: E402
from tests.fakes import ScriptedInbox  # noqa: E402

ROUTINES = ("lower_back", "sciatica", "back_spasm", "hamstrings", "desk_break", "breathing")
SPEECH_COST_SECONDS = 0.004  # a stand-in for the time a real engine call takes to return
INTERRUPT_EVERY = 45.0


class RecordingSession(LocalSession):
    """Keeps every reply and the position of the exercise each step reply delivered."""

    def __init__(self) -> None:
        super().__init__(store=MemoryStore())
        self.replies: list[Reply] = []
        self.positions: dict[int, str] = {}  # id(reply) -> position

    def handle(self, event: Event, *, fresh: bool = False) -> Reply:
        reply = super().handle(event, fresh=fresh)
        self.replies.append(reply)
        session = self.state.session
        if "step_delivered" in reply.events and session.routine_id is not None:
            steps = default_library().routine(session.routine_id).steps
            if session.step_index < len(steps):
                self.positions[id(reply)] = steps[session.step_index].exercise.position
        return reply


class TimelineDisplay(PlainDisplay):
    """Notes when each reply starts and when each count is said."""

    def __init__(self, clock: Callable[[], float]) -> None:
        super().__init__(io.StringIO())
        self.clock = clock
        self.events: list[tuple[float, str, Reply | None]] = []

    def reply_started(self, reply: Reply) -> None:
        self.events.append((self.clock(), "reply", reply))

    def cue(self, at: float, text: str) -> None:
        self.events.append((self.clock(), "cue", None))


def shortest_position_gap(session: RecordingSession, display: TimelineDisplay) -> float:
    """Seconds from a step that changes position starting to be said to its first count."""
    gaps: list[float] = []
    previous: str | None = None
    for index, (when, kind, reply) in enumerate(display.events):
        if kind != "reply" or reply is None or id(reply) not in session.positions:
            continue
        position = session.positions[id(reply)]
        if previous is not None and position != previous:
            first_cue = next((t for t, k, _ in display.events[index + 1 :] if k == "cue"), None)
            if first_cue is not None:
                gaps.append(first_cue - when)
        previous = position
    return min(gaps) if gaps else float("nan")


def announced_seconds(said: str) -> float:
    """The length in "It takes about six and a half minutes" (or "three minutes and forty
    seconds"), in seconds."""
    found = re.search(r"It takes about (.+?) minutes(?: and (.+?) seconds)?\.", said)
    if not found:
        return float("nan")
    minutes, seconds = found.group(1), found.group(2)
    half = minutes.endswith(" and a half")
    whole = parse_number(minutes.removesuffix(" and a half")) or 0
    return whole * 60.0 + (30.0 if half else 0.0) + (parse_number(seconds or "") or 0)


def play_routine(
    routine_id: str, durations: Callable[[str], float] | None, interrupt: bool
) -> dict[str, float]:
    clock = VirtualClock(0.0)
    start_line = f"start the {routine_id.replace('_', ' ')} routine"
    lines = [(1.0, start_line)]
    # Routines that ask before starting (sciatica: two safety questions, which leg, how recent)
    # get their answers once the first question has surely been asked.
    checks = default_library().routine(routine_id).checks
    if checks:
        answers = ["no", "no", "my left leg", "no"]
        lines += [(40.0 + 6.0 * i, answer) for i, answer in enumerate(answers)]
    if interrupt:
        routine = default_library().routine(routine_id)
        length = planned_seconds(Coach().ctx, routine_id, short=routine.short_by_default)
        for k in range(1, int(length // INTERRUPT_EVERY)):
            lines += [(k * INTERRUPT_EVERY, "pause"), (k * INTERRUPT_EVERY + 4.0, "resume")]
    inbox = ScriptedInbox(clock, lines)
    session = RecordingSession()
    speaker = RecordingSpeaker(clock, durations=durations)
    display = TimelineDisplay(clock)
    player = Player(speaker, display, session, inbox, clock)
    run_live(session, player, inbox, hands_free=True, clock=clock)
    routine = default_library().routine(routine_id)
    begins = f"Let's begin the {routine.name}"
    started = next(i for i, r in enumerate(session.replies) if begins in r.spoken_text())
    played = session.replies[started:]
    words = sum(len(text.split()) for _, text in speaker.spoken)
    return {
        "announced": announced_seconds(played[0].spoken_text()),
        "planned": sum(r.estimated_seconds() + r.wait_seconds for r in played),
        "measured": clock() - 1.0,
        "wpm": words * 60.0 / speaker.speech_seconds if speaker.speech_seconds else 0.0,
        "gap": shortest_position_gap(session, display),
        "overlaps": float(speaker.overlaps),
        "late": float(player.stats.late_cues),
        "max_late": player.stats.max_late,
        "moved": player.stats.reanchored,
        "worst_answer": max(player.stats.answer_delays, default=0.0),
        "answers": float(len(player.stats.answer_delays)),
    }


def espeak_speaker() -> SynthSpeaker | None:
    from local_runner.synthesisers import make_synthesiser
    from local_runner.tts import SynthSpeaker

    try:
        start = time.monotonic()
        speaker = SynthSpeaker(make_synthesiser(), 150.0, play=False)
    except Exception as error:
        print(f"(espeak-ng unavailable: {error}; using estimates)")
        return None
    print(
        f"espeak-ng calibrated in {time.monotonic() - start:.2f} s: engine rate "
        f"{speaker.calibration.engine_rate} -> {speaker.calibration.measured_wpm:.0f} wpm measured"
    )
    return speaker


def answer_synthesis_ms(speaker: SynthSpeaker) -> list[float]:
    """Time to synthesise the first sentence of answers to interruptions (not cached ahead)."""
    session = LocalSession(store=MemoryStore())
    session.say("start the lower back routine")
    samples = []
    for line in ("that hurts", "is this a red flag", "I don't have a stability ball", "stop"):
        reply = session.say(line)
        first = next(texts_of(reply))
        start = time.monotonic()
        speaker.duration(first)
        samples.append((time.monotonic() - start) * 1000)
    return samples


def routine_table(durations: Callable[[str], float] | None) -> None:
    source = "espeak-ng WAV durations" if durations else "estimated at 150 wpm"
    print(f"Every routine, hands-free, virtual clock, speech {source}")
    head = (
        f"{'routine':<11} {'announced':>9} {'planned':>8} {'measured':>8} {'meas/ann':>8} "
        f"{'wpm*':>5} {'pos->count':>10} {'overlaps':>8} {'late':>4} {'max late':>8} {'moved':>6} "
        f"{'answers':>7} {'worst answer':>12}"
    )
    print(head)
    for routine_id in ROUTINES:
        quiet = play_routine(routine_id, durations, interrupt=False)
        busy = play_routine(routine_id, durations, interrupt=True)
        gap = "-" if quiet["gap"] != quiet["gap"] else f"{quiet['gap']:.1f}s"  # nan: one position
        print(
            f"{routine_id:<11} {quiet['announced']:>8.0f}s {quiet['planned']:>7.0f}s "
            f"{quiet['measured']:>7.0f}s {quiet['measured'] / quiet['announced']:>8.2f} "
            f"{quiet['wpm']:>5.0f} {gap:>10} "
            f"{quiet['overlaps'] + busy['overlaps']:>8.0f} {quiet['late']:>4.0f} "
            f"{quiet['max_late']:>7.1f}s {quiet['moved']:>5.1f}s "
            f"{busy['answers']:>7.0f} {busy['worst_answer']:>11.2f}s"
        )
    print(
        "wpm*: words per minute of the time speech occupied (pauses at commas and 0.15 s around\n"
        "each utterance included; the voiced pace is what --rate calibrates)\n"
        "late: cues that waited for the previous utterance; moved: how far that re-anchored the\n"
        "schedule; answers/worst answer: a second run with pause and resume every 45 s"
    )


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
        session = LocalSession(store=SqliteStore(Path(data) / "users.sqlite3"))
        speaker = FirstWordSpeaker(words_per_minute=0)
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


def interruption_latency(runs: int, after: float) -> list[float]:
    """ "that hurts" typed on the input thread `after` s into a hold -> first word of the answer."""
    samples = []
    for _ in range(runs):
        session = LocalSession(store=MemoryStore())
        session.say("start the lower back routine")
        typed_at: list[float] = []

        def typing(typed_at: list[float] = typed_at) -> Iterator[str]:
            time.sleep(after)
            typed_at.append(time.monotonic())
            yield "that hurts"

        speaker = RecordingSpeaker()
        player = Player(speaker, PlainDisplay(io.StringIO()), session, QueueInbox(typing()))
        interrupted = player.play(Reply((hold(30),)))
        assert interrupted is not None
        player.speaker = first_word = FirstWordSpeaker(words_per_minute=0)
        with contextlib.suppress(_FirstWord):
            player.play(interrupted.reply)
        samples.append((first_word.spoken[0][0] - typed_at[0]) * 1000)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a 10 s hold, fewer samples")
    parser.add_argument("--espeak", action="store_true", help="durations from espeak-ng audio")
    parser.add_argument("--hold", type=int, default=60)
    parser.add_argument("--commands", type=int, default=400)
    args = parser.parse_args()
    hold_seconds = 10 if args.quick else args.hold
    commands = 100 if args.quick else args.commands
    synth = espeak_speaker() if args.espeak else None
    routine_table(synth.duration if synth else None)
    print()
    cost = SPEECH_COST_SECONDS * 1000
    print(f"A {hold_seconds} s hold, a count every 5 s, real clock ({cost:.0f} ms per speech call)")
    print(f"{'scheduler':<44} {'max deviation':>14} {'drift at end':>13}")
    for name, run in (
        ("naive sleep-after-speaking (baseline)", naive_hold),
        ("player, monotonic schedule", real_hold),
    ):
        worst, drift = run(hold_seconds)
        print(f"{name:<44} {worst * 1000:>11.1f} ms {drift * 1000:>10.1f} ms")
    samples = command_latency(commands)
    p99 = statistics.quantiles(samples, n=100)[98]
    print()
    print(f"Typed command -> first word handed to the speech engine ({commands} commands)")
    print(f"  median {statistics.median(samples):.2f} ms, p99 {p99:.2f} ms   (target < 50 ms)")
    runs = 5 if args.quick else 20
    hurts = interruption_latency(runs, after=0.7)
    print(f'"that hurts" mid-hold -> first word of the answer, real clock ({runs} runs)')
    median = statistics.median(hurts)
    print(f"  median {median:.1f} ms, max {max(hurts):.1f} ms   (target < 500 ms)")
    if synth is not None:
        synthesis = answer_synthesis_ms(synth)
        worst = max(synthesis)
        print(f"  + espeak-ng synthesis of the answer's first sentence: max {worst:.0f} ms")
        synth.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
