"""Listening end to end on synthetic audio (espeak-ng WAVs made at test time, noise mixed in):
the simulated microphone path (silence, steady noise, a command, the coach's own counting,
"stop" said over the count) and `parse --audio` accuracy on dev-set commands."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from local_runner.hearing import simulate as sim
from local_runner.hearing.audio import RATE, write_wav
from local_runner.hearing.echo import EchoGuard
from local_runner.hearing.listener import Listener
from skill.core import events as ev
from tests.test_cli import run
from tests.test_hearing import FakeEngine, isolated_cache  # noqa: F401 (autouse fixture)

pytestmark = pytest.mark.skipif(not sim.have("espeak-ng"), reason="needs espeak-ng")
ECHO_DELAY = 0.12  # seconds from the loudspeaker to the microphone
ECHO_GAIN = 0.6


def listen(audio: np.ndarray, engine: FakeEngine, echo: EchoGuard | None = None) -> Listener:
    """Push `audio` through the microphone path in 32 ms blocks, as the sound card would."""
    listener = Listener(engine, echo, clock=lambda: 0.0, background=False)
    for start in range(0, len(audio), 512):
        listener.feed(audio[start : start + 512], start / RATE)
    return listener


def place(total: float, *parts: tuple[float, np.ndarray]) -> np.ndarray:
    out = np.zeros(int(total * RATE), dtype=np.float32)
    for at, samples in parts:
        begin = int(at * RATE)
        out[begin : begin + len(samples)] += samples[: len(out) - begin]
    return out


def test_silence_and_steady_noise_open_no_utterance() -> None:
    engine = FakeEngine()
    listener = listen(np.zeros(3 * RATE, dtype=np.float32), engine)
    listen(0.2 * sim.steady_noise(6.0, seed=3), engine)  # a loud fan with mains hum
    assert engine.heard == [] and listener.get(0) is None


def test_a_command_in_noise_is_one_whole_utterance() -> None:
    engine = FakeEngine("next")
    speech = sim.speak("next one please", "en-us", 150)
    noisy = sim.mix(sim.pad(speech, 0.6, 1.0), sim.steady_noise(3.0, seed=1), 10.0)
    listener = listen(noisy, engine)
    assert len(engine.heard) == 1  # decoded whole: not split, not merged with the noise
    assert abs(len(engine.heard[0]) / RATE - len(speech) / RATE) < 0.9
    assert listener.get(0) == "next"


def coach_counting() -> tuple[np.ndarray, np.ndarray]:
    """The coach's count as played, and as the microphone hears it (delayed, quieter, noisy)."""
    count = sim.speak("one. two. three. four. five. and release", "en-us", 150)
    heard = np.concatenate([np.zeros(int(ECHO_DELAY * RATE)), ECHO_GAIN * count])
    return count, heard.astype(np.float32)


def test_the_coach_counting_is_not_a_command_with_the_guard_and_is_without() -> None:
    played, echo = coach_counting()
    mic = place(6.0, (1.0, echo)) + 0.003 * sim.steady_noise(6.0, seed=4)
    guard = EchoGuard()
    guard.playing(played, RATE, started_at=1.0)
    guarded = FakeEngine()
    listen(mic, guarded, guard)
    assert guarded.heard == []
    assert guard.delay == pytest.approx(ECHO_DELAY * RATE, abs=2)
    unguarded = FakeEngine()
    listen(mic, unguarded)  # control: the same audio without the guard is taken as speech
    assert unguarded.heard


def test_the_guard_reads_what_the_speaker_plays_from_its_wav(tmp_path: Path) -> None:
    played, echo = coach_counting()
    wav = tmp_path / "0001.wav"
    write_wav(wav, played, 22050)  # the speaker's own rate: converted like any file
    guard = EchoGuard()
    guard.playing_wav(wav, started_at=1.0)
    guard.playing_wav(tmp_path / "missing.wav", started_at=1.0)  # ignored, no exception
    engine = FakeEngine()
    listen(place(6.0, (1.0, echo)), engine, guard)
    assert engine.heard == []


def test_listening_options_decide_whether_to_open_the_microphone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argparse

    import local_runner.hearing
    from skill.cli.local import _listener

    asked: list[str | None] = []

    def fake_make_listener(engine: str | None, notice: object) -> None:
        asked.append(engine)

    monkeypatch.setattr(local_runner.hearing, "make_listener", fake_make_listener)
    for listen, text, engine in [(None, False, None), (True, True, "pocketsphinx")]:
        _listener(argparse.Namespace(listen=listen, text=text, engine=engine), print)
    for listen, text in [(False, False), (None, True)]:
        _listener(argparse.Namespace(listen=listen, text=text, engine=None), print)
    assert asked == [None, "pocketsphinx"]  # live by default; --text and --no-listen: typed
    typed = run("--no-listen", stdin="stop\n", env_dir=tmp_path)
    assert typed.returncode == 0 and "Goodbye" in typed.stdout


def test_stop_said_over_the_count_is_still_heard() -> None:
    played, echo = coach_counting()
    stop = sim.speak("stop", "en-gb", 160)
    mic = place(6.0, (1.0, echo), (2.2, 0.6 * stop))
    guard = EchoGuard()
    guard.playing(played, RATE, started_at=1.0)
    engine = FakeEngine("stop")
    listener = listen(mic, engine, guard)
    assert len(engine.heard) == 1 and listener.get(0) == "stop"
    # What reached the recogniser is mostly the user's word, not the coach's count.
    assert 0.2 < len(engine.heard[0]) / RATE < 2.0


DEV_COMMANDS = [  # dev-set lines (tests/data/utterances_dev.tsv) and the safety phrases
    ("start the sciatica stretches", "StartRoutineIntent"),
    ("skip this one", "SkipIntent"),
    ("hold for twenty seconds", "HoldTimeIntent"),
    ("pause", "AMAZON.PauseIntent"),
    ("stop", "AMAZON.StopIntent|AMAZON.CancelIntent"),
    ("how do I do cat cow", "ExplainExerciseIntent"),
]


def test_parse_audio_recognises_spoken_dev_commands(tmp_path: Path) -> None:
    files = []
    for index, (text, _) in enumerate(DEV_COMMANDS):
        voice, rate = (("en-us", 150), ("en-us+f3", 160))[index % 2]
        speech = sim.pad(sim.speak(text, voice, rate), 0.4, 0.6)
        if index % 3 == 2:
            speech = sim.mix(speech, sim.steady_noise(3.0, seed=index), 10.0)
        path = tmp_path / f"{index}.wav"
        write_wav(path, speech, 22050 if index % 2 else RATE)  # any rate is converted
        files.append(str(path))
    result = run("parse", "--engine", "whisper", "--audio", *files, env_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == files
    assert all(set(line) >= {"intent", "slots", "transcript", "confidence"} for line in lines)
    right = [
        line["intent"] in expected.split("|")
        for line, (_, expected) in zip(lines, DEV_COMMANDS, strict=True)
    ]
    said = [(line["transcript"], line["intent"], line.get("unsure_of")) for line in lines]
    assert sum(right) >= 4, said  # measured 4/6 (whisper tiny.en, espeak voices, 2 of 6 in noise)
    assert all(right[3:5]), said  # "pause" and "stop" are never missed


def test_a_misheard_safety_word_pauses_to_ask_and_other_commands_do_not() -> None:
    """Whisper hears "pause" said in 10 dB fan noise by this voice as "Both." / "Fause." and
    "pause it" as "All of it." (measured): its keyword check must still flag a possible
    "pause", so the coach pauses and asks. Short ordinary commands must raise no such doubt."""
    from local_runner.hearing.decision import SAFETY_DOUBT, decide
    from local_runner.hearing.engines import EngineUnavailable
    from local_runner.hearing.whisper import WhisperEngine

    try:
        engine = WhisperEngine()
    except EngineUnavailable as error:
        pytest.skip(str(error))

    def heard(text: str, seed: int) -> list[tuple[bool, str, str]]:
        speech = sim.pad(sim.speak(text, "en-gb-x-rp", 160), 0.25, 0.3)
        transcript = engine.transcribe(sim.mix(speech, sim.steady_noise(3.0, seed), 10.0))
        got = decide(transcript, engine.trusted_from).heard
        return [] if got is None else [(got.unsure, got.guess, got.doubt)]

    for text, seed in [("pause", 0), ("pause", 1), ("pause it", 1)]:
        result = heard(text, seed)
        assert result in ([(False, ev.PAUSE, "")], [(True, ev.PAUSE, SAFETY_DOUBT)]), result
    for text, intent in [("next", ev.NEXT), ("skip this one", ev.SKIP), ("no", ev.NO)]:
        assert heard(text, 0) == [(False, intent, "")]


@pytest.mark.parametrize(
    ("text", "voice", "rate", "room", "seed"),
    [  # whisper tiny.en hears "wait" as "Lift." and "ouch" as "Okay." (measured, unsure):
        # without the unclear doubt they are asked about as "side" / "yes" while a hold goes on
        ("wait", "en-029", 140, False, 151),
        ("please stop", "en-gb-scotland", 170, False, 122),
        ("ouch", "en-gb-scotland", 170, False, 178),
        # 1.9 s, heard in a room as "Out at reality birds." (measured): longer than the keyword
        # check's old 1.8 s window, and not near "that hurts" without "ouch" among its phrases
        ("ouch that really hurts", "en-us", 150, True, 0),
    ],
)
def test_a_safety_word_whisper_cannot_make_out_still_reaches_the_coach(
    text: str, voice: str, rate: int, room: bool, seed: int
) -> None:
    """Through the microphone path: acted on as a safety word, or a doubt that pauses a hold
    ("safety" or "unclear"); never dropped, never acted on as something else."""
    from local_runner.hearing.decision import Heard, says_pain
    from local_runner.hearing.engines import EngineUnavailable
    from local_runner.hearing.whisper import WhisperEngine

    try:
        engine = WhisperEngine()
    except EngineUnavailable as error:
        pytest.skip(str(error))
    speech = sim.speak(text, voice, rate)
    said = sim.room(speech, 40) if room else sim.mix(speech, sim.steady_noise(3.0, seed), 10.0)
    listener = Listener(engine, clock=lambda: 0.0, background=False)
    audio = sim.pad(said, 0.5, 1.0)
    for start in range(0, len(audio), 512):
        listener.feed(audio[start : start + 512], start / RATE)
    heard = [h for h in iter(lambda: listener.get(0), None) if isinstance(h, Heard)]
    assert len(heard) == 1, heard
    got = heard[0]
    safe = got.intent in (ev.STOP, ev.CANCEL, ev.PAUSE) or says_pain(got)  # the words handed on
    assert got.doubt in ("safety", "unclear") if got.unsure else safe, (got.transcript, got.guess)
