"""Listening: audio reading, the domain lexicon and its pronunciation check, the safety
decision on transcripts, and the fall-backs that keep a session typed (no microphone needed)."""

from __future__ import annotations

import json
import sys
import types
import wave
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from local_runner.hearing import lexicon
from local_runner.hearing.audio import RATE, AudioError, read_wav
from local_runner.hearing.decision import UNSURE_TEXT, Heard, decide
from local_runner.hearing.engines import EngineUnavailable, Transcript, make_engine
from local_runner.hearing.microphone import MergedInbox, make_listener
from local_runner.hearing.vocabulary import (
    BALANCE,
    MODEL_PATH,
    default_vocabulary,
    load_vocabulary,
    vocabulary_of,
)
from local_runner.player import QueueInbox
from local_runner.recogniser import default_recogniser
from skill.core import events as ev


@pytest.fixture(autouse=True, scope="module")
def isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Generated LMs go to a temporary cache, not the user's; the recogniser's classifier, the
    same for every test, stays where it is (training it again takes most of a minute)."""
    from local_runner.understanding.cache import CACHE_ENV, cache_dir

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(cache_dir()))
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


class FakeEngine:
    """Answers every utterance with a fixed transcript and remembers what it was given."""

    name = "fake"
    trusted_from = 0.5

    def __init__(self, text: str = "next", confidence: float = 0.9) -> None:
        self.text, self.confidence = text, confidence
        self.heard: list[np.ndarray] = []

    def transcribe(self, samples: np.ndarray) -> Transcript:
        self.heard.append(samples)
        return Transcript(self.text, self.confidence)


def cmudict() -> Path:
    import pocketsphinx

    return Path(pocketsphinx.get_model_path()) / "en-us" / "cmudict-en-us.dict"


def tiny_model(*samples: str) -> dict[str, object]:
    intents = [{"name": "AMAZON.NextIntent", "samples": list(samples)}]
    return {"interactionModel": {"languageModel": {"intents": intents, "types": []}}}


# ---------------------------------------------------------------- audio files


def write(path: Path, data: np.ndarray, rate: int, width: int, channels: int) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(data.tobytes())
    return path


@pytest.mark.parametrize(("width", "dtype", "scale"), [(2, "<i2", 32767), (4, "<i4", 2**31 - 1)])
def test_any_rate_and_channel_count_becomes_16k_mono(
    tmp_path: Path, width: int, dtype: str, scale: int
) -> None:
    t = np.arange(44100) / 44100
    tone = 0.5 * np.sin(2 * np.pi * 440 * t)
    stereo = (np.stack([tone, tone], axis=1) * scale).astype(dtype)
    samples = read_wav(write(tmp_path / "s.wav", stereo, 44100, width, 2))
    assert len(samples) == RATE and samples.dtype == np.float32
    assert abs(float(np.abs(samples).max()) - 0.5) < 0.02  # level kept, channels averaged


def test_unreadable_audio_is_one_clear_sentence(tmp_path: Path) -> None:
    junk = tmp_path / "junk.wav"
    junk.write_text("not audio")
    with pytest.raises(AudioError, match="not a readable PCM WAV"):
        read_wav(junk)
    with pytest.raises(AudioError, match="no such file"):
        read_wav(tmp_path / "missing.wav")


# ---------------------------------------------------------------- lexicon and cache


def test_the_real_model_is_pronounceable_and_cached_by_hash(tmp_path: Path) -> None:
    vocabulary = load_vocabulary()
    assert {"sciatica", "next", "pause", "hurts"} <= vocabulary.words
    first = lexicon.build(vocabulary, cmudict(), tmp_path)
    assert vocabulary.digest in str(first.dictionary)
    entries = first.dictionary.read_text().splitlines()
    assert "sciatica S AY AE T IH K AH" in entries  # from our table: CMU lacks it
    assert lexicon.build(vocabulary, cmudict(), tmp_path) == first  # cached, not rebuilt


def test_a_changed_model_is_rebuilt(tmp_path: Path) -> None:
    one = lexicon.build(vocabulary_of(tiny_model("next"), "aaaa"), cmudict(), tmp_path)
    two = lexicon.build(vocabulary_of(tiny_model("next one"), "bbbb"), cmudict(), tmp_path)
    assert one.dictionary.parent != two.dictionary.parent
    assert "one" in two.dictionary.read_text() and "one" not in one.dictionary.read_text()


def test_a_word_nobody_can_pronounce_fails_the_build_by_name(tmp_path: Path) -> None:
    vocabulary = vocabulary_of(tiny_model("next zorblaxian stretch", "sciatica"), "cccc")
    with pytest.raises(lexicon.UnpronounceableWords, match="zorblaxian") as failure:
        lexicon.build(vocabulary, cmudict(), tmp_path)
    assert failure.value.words == ["zorblaxian"]
    assert not any(tmp_path.rglob("*.lm"))  # nothing half-built is left to be trusted


def test_a_command_of_a_small_intent_is_not_drowned_by_slot_filled_requests() -> None:
    requests = [f"start routine number {n}" for n in range(400)]
    intents = [
        {"name": "StartRoutineIntent", "samples": requests},
        {"name": "AMAZON.StopIntent", "samples": ["stop"]},
    ]
    model = {"interactionModel": {"languageModel": {"intents": intents, "types": []}}}
    weighted = dict(vocabulary_of(model, "dddd").weighted())
    assert weighted["start routine number 7"] == 1
    assert weighted["stop"] == int(400**BALANCE) > 50
    arpa = lexicon.bigram_arpa(weighted.items())
    start, stop = (_logprob(arpa, f"<s> {word}") for word in ("start", "stop"))
    assert stop > start - 1.0  # counted once, "stop" would be 400 times (2.6 in log10) rarer


def _logprob(arpa: str, bigram: str) -> float:
    line = next(line for line in arpa.splitlines() if line.endswith(f" {bigram}"))
    return float(line.split()[0])


def test_the_bigram_lm_prefers_model_sentences() -> None:
    arpa = lexicon.bigram_arpa((("next one", 1), ("next please", 1), ("stop", 1)))
    assert "ngram 1=6" in arpa and "ngram 2=7" in arpa
    assert "\n-99.0000 <s>" in arpa


# ---------------------------------------------------------------- the safety decision


def test_an_unsure_command_never_acts_but_keeps_its_guess() -> None:
    decision = decide(Transcript("skip this one", 0.2), trusted_from=0.5)
    heard = decision.heard
    assert heard is not None and heard.unsure and heard == UNSURE_TEXT
    assert heard.guess == ev.SKIP and heard.intent == ev.FALLBACK
    assert default_recogniser().parse(heard).name == ev.FALLBACK  # what the player will do


@pytest.mark.parametrize("text", ["stop", "pause", "that hurts", "ouch", "my leg is going numb"])
def test_pain_and_stop_words_pass_however_unsure(text: str) -> None:
    heard = decide(Transcript(text, 0.01), trusted_from=0.5).heard
    assert heard is not None and not heard.unsure and heard == text


def test_pain_is_judged_on_the_words_heard_not_on_a_fuzzy_match() -> None:
    heard = decide(Transcript("Ouch, that really hurts.", 0.7), trusted_from=0.5).heard
    assert heard == "Ouch, that really hurts." and heard is not None and not heard.unsure


def test_near_misses_act_only_when_long_and_close() -> None:
    near = decide(Transcript("Begin the lower back stretch.", 0.8), trusted_from=0.5).heard
    assert near is not None and not near.unsure and near.intent == ev.START_ROUTINE
    assert default_recogniser().parse(near).slots == {"routine": "lower_back"}
    garbled = decide(Transcript("Plasm.", 0.8), trusted_from=0.5).heard  # "spasm"?
    assert garbled is not None and garbled.unsure and garbled.guess == ev.START_ROUTINE


@pytest.mark.parametrize(
    ("transcript", "guess"),
    [
        (Transcript("Up.", 0.36, maybe="stop"), ev.STOP),  # "stop" in fan noise, heard as "Up."
        (Transcript("", 0.0, maybe="pause"), ev.PAUSE),  # speech, but no words came out
        (Transcript("Both.", 0.8, maybe="pause"), ev.PAUSE),
    ],
)
def test_a_possible_safety_word_is_never_dropped_nor_acted_on_unasked(
    transcript: Transcript, guess: str
) -> None:
    heard = decide(transcript, trusted_from=0.5).heard
    assert heard is not None and heard.unsure and heard.worth_asking
    assert heard.doubt == "safety" and heard.guess == guess and heard.meant == transcript.maybe


def test_words_that_say_stop_win_over_the_second_opinion() -> None:
    heard = decide(Transcript("Stop please.", 0.9, maybe="pause"), trusted_from=0.5).heard
    assert heard is not None and not heard.unsure and heard.intent == ev.STOP


def test_unsure_words_with_nothing_to_ask_about_are_not_handed_over() -> None:
    from local_runner.hearing.listener import Listener
    from local_runner.hearing.vad import Utterance

    mumble = FakeEngine("the um", confidence=0.2)  # no guess: not worth "Sorry, was that?"
    listener = Listener(mumble, clock=lambda: 0.0, background=False)
    listener._decode(Utterance(np.zeros(RATE, dtype=np.float32), 1.0))
    assert listener.get(0) is None and len(mumble.heard) == 1
    unsure = FakeEngine("skip this one", confidence=0.2)
    listener = Listener(unsure, clock=lambda: 0.0, background=False)
    listener._decode(Utterance(np.zeros(RATE, dtype=np.float32), 1.0))
    heard = listener.get(0)
    assert isinstance(heard, Heard) and heard.unsure and heard.guess == ev.SKIP


def test_a_confident_command_passes_and_silence_gives_nothing() -> None:
    heard = decide(Transcript("Next.", 0.9), trusted_from=0.5).heard
    assert heard == "Next." and heard is not None and heard.intent == ev.NEXT
    assert decide(Transcript(" ... ", 0.9), trusted_from=0.5).heard is None


# ---------------------------------------------------------------- fall-backs


def test_no_portaudio_means_one_sentence_and_typed_input(monkeypatch: pytest.MonkeyPatch) -> None:
    notices: list[str] = []
    # A missing libportaudio2 makes `import sounddevice` raise OSError: simulate exactly that.
    import builtins

    real_import = builtins.__import__

    def fake_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", fake_import)
    assert make_listener(None, notices.append) is None
    assert len(notices) == 1 and "PortAudio" in notices[0] and "type" in notices[0]


def test_no_microphone_means_one_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("sounddevice")

    def query_devices(kind: str) -> object:
        raise ValueError("No input device matching")

    fake.query_devices = query_devices  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sounddevice", fake)
    notices: list[str] = []
    assert make_listener("pocketsphinx", notices.append) is None
    assert notices == ["No microphone found, so type your commands instead."]


def test_a_missing_whisper_model_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STRETCH_COACH_WHISPER_MODEL", str(tmp_path))
    with pytest.raises(EngineUnavailable, match="No Whisper model found"):
        make_engine("whisper")
    notices: list[str] = []
    engine = make_engine(None, notices.append)  # not asked for by name: falls back, says so
    assert engine.name == "pocketsphinx" and "pocketsphinx instead" in notices[0]
    with pytest.raises(EngineUnavailable, match="unknown speech engine"):
        make_engine("vosk")


def test_merged_inbox_takes_typed_and_spoken_lines() -> None:
    class Spoken:
        closed = False

        def __init__(self) -> None:
            self.lines = [Heard("pause", "pause", 0.9, ev.PAUSE)]

        def get(self, timeout: float) -> str | None:
            return self.lines.pop() if self.lines else None

    merged = MergedInbox(QueueInbox(["next"]), Spoken())
    got = {merged.get(5.0), merged.get(5.0)}
    assert got == {"next", "pause"}


def test_parse_audio_reports_unreadable_files_without_a_traceback(tmp_path: Path) -> None:
    from tests.test_cli import run

    junk = tmp_path / "junk.wav"
    junk.write_text("nope")
    result = run("parse", "--engine", "pocketsphinx", "--audio", str(junk), env_dir=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert json.loads(result.stdout) == {
        "file": str(junk),
        "error": "not a readable PCM WAV file",
    }


def test_the_light_engines_filter_takes_out_steady_noise_and_leaves_a_quiet_room_alone() -> None:
    from local_runner.hearing import simulate as sim
    from local_runner.hearing.enhance import spectral_subtraction

    t = np.arange(2 * RATE) / RATE
    tone = (0.3 * np.sin(2 * np.pi * 700 * t) * (t > 0.8)).astype(np.float32)  # "speech"
    # silence before it: nothing to take out
    assert np.array_equal(spectral_subtraction(tone), tone)
    noisy = tone + 0.05 * sim.steady_noise(2.0, seed=2)
    cleaned = spectral_subtraction(noisy)
    lead_in = slice(0, int(0.7 * RATE))
    assert sim.rms(cleaned[lead_in]) < 0.6 * sim.rms(noisy[lead_in])  # measured 0.45 (-7 dB)
    assert sim.rms(cleaned[int(1.0 * RATE) :]) > 0.6 * sim.rms(tone[int(1.0 * RATE) :])


def test_an_unsure_utterance_does_not_end_a_hold_but_a_sure_one_does() -> None:
    """The contract with the player: an unsure Heard is a blank line, which it skips."""
    import io

    from local_runner.display import PlainDisplay
    from local_runner.player import Player, VirtualClock
    from local_runner.session import LocalSession
    from local_runner.speaker import RecordingSpeaker
    from skill.core.coach import Coach
    from skill.core.reply import Reply
    from skill.core.timing import hold
    from skill.stores.memory import MemoryStore
    from tests.conftest import fixed_clock
    from tests.fakes import ScriptedInbox

    unsure = decide(Transcript("skip this one", 0.1), trusted_from=0.5).heard
    sure = decide(Transcript("skip this one", 0.9), trusted_from=0.5).heard
    for heard, ends in [(unsure, False), (sure, True)]:
        assert heard is not None
        clock = VirtualClock(1000.0)
        inbox = ScriptedInbox(clock, [(1005.0, heard)])
        session = LocalSession(coach=Coach(clock=fixed_clock), store=MemoryStore())
        session.say("start the lower back routine")  # a hold is playing in a routine
        player = Player(
            RecordingSpeaker(clock), PlainDisplay(io.StringIO()), session, inbox, clock
        )
        interrupted = player.play(Reply((hold(30),)))
        assert (interrupted is not None) == ends
        if interrupted is not None:
            assert interrupted.event.name == ev.SKIP


def test_merged_inbox_does_not_spin_on_a_source_that_answers_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A busy pump held the interpreter and slowed every later test (and a live session)."""
    import threading

    from local_runner.hearing import microphone

    # time.sleep is patched for every thread: a pump left by an earlier test sleeps here too,
    # so only the sleeps of the thread that asks this test's source are counted.
    slept: list[tuple[int, float]] = []
    pump: set[int] = set()
    done = threading.Event()
    monkeypatch.setattr(
        microphone.time, "sleep", lambda seconds: slept.append((threading.get_ident(), seconds))
    )

    class Instant:
        calls = 0
        closed = False

        def get(self, timeout: float) -> str | None:
            self.calls += 1
            pump.add(threading.get_ident())
            if self.calls == 3:
                self.closed = True
                done.set()
            return None

    merged = microphone.MergedInbox(Instant())
    assert done.wait(5)
    waits = [seconds for thread, seconds in slept if thread in pump]
    assert waits == [microphone.PUMP_WAIT, microphone.PUMP_WAIT]  # it waited between asks
    assert merged.get(0) is None


@pytest.mark.parametrize("said", ["Stop. No.", "Lean. Stop.", "Right. Pause."])
def test_a_sentence_that_alone_is_a_safety_word_is_acted_on(said: str) -> None:
    """Whisper splits at a breath: "stop now" in noise came out "Stop. No.", which as a whole
    parses to nothing; its sentence "Stop." is the user's."""
    heard = decide(Transcript(said, 0.8), trusted_from=0.5).heard
    assert heard is not None and not heard.unsure and heard.intent in (ev.STOP, ev.PAUSE)


def test_a_stop_word_in_words_that_parse_to_nothing_is_a_safety_doubt() -> None:
    heard = decide(Transcript("Stop kettle grey.", 0.9), trusted_from=0.5).heard
    assert heard is not None and heard.unsure and heard.doubt == "safety"
    assert heard.guess == ev.STOP and heard.meant == "stop"
    near = decide(Transcript("Stop the timer.", 0.9), trusted_from=0.5).heard  # placed: acted
    assert near is not None and not near.unsure and near.intent == ev.STOP


@pytest.mark.parametrize(
    "transcript",
    [
        Transcript("Followed.", 0.43, could_be="pause"),  # "pause" in noise: unsure, no guess
        Transcript("Both.", 0.78, could_be="pause"),  # sure of words that parse to nothing
        Transcript("Up.", 0.44, could_be="stop"),  # unsure, guessed as resume
        Transcript("", 0.0, could_be="stop"),  # speech, but no words came out
    ],
)
def test_short_speech_not_made_out_near_a_safety_phrase_is_an_unclear_doubt(
    transcript: Transcript,
) -> None:
    heard = decide(transcript, trusted_from=0.5).heard
    assert heard is not None and heard.unsure and heard.worth_asking
    assert heard.doubt == "unclear" and heard.could_be == transcript.could_be
    assert heard.intent == ev.FALLBACK  # never acted on unasked


def test_clear_words_win_over_a_weak_resemblance_to_a_safety_phrase() -> None:
    heard = decide(Transcript("Next one.", 0.9, could_be="stop"), trusted_from=0.5).heard
    assert heard is not None and not heard.unsure and heard.intent == ev.NEXT and not heard.doubt
    mumble = decide(Transcript("the um", 0.2), trusted_from=0.5).heard  # not near any
    assert mumble is not None and not mumble.worth_asking


def scripted_endpointer(probs: list[float]) -> list[int]:
    """Frames of each utterance an Endpointer cuts from VAD scores given frame by frame."""
    from local_runner.hearing.vad import FRAME, Endpointer

    scores = iter(probs)
    endpointer = Endpointer(lambda frame: next(scores))
    cut = [endpointer.push(np.zeros(FRAME, np.float32), i * FRAME / RATE) for i in range(len(probs))]
    return [len(u.samples) // FRAME for u in cut if u is not None]


def test_weak_but_sustained_speech_opens_an_utterance_and_noise_does_not() -> None:
    """A short word in fan noise scored 0.26-0.43 for 0.4 s (measured: "wait" at 10 dB SNR)
    and never reached the opening score 0.5: sustained weaker evidence opens it too."""
    quiet = [0.02] * 20
    assert len(scripted_endpointer([*quiet, 0.33, 0.37, 0.43, 0.36, 0.38, 0.31, 0.33, *quiet])) == 1
    assert scripted_endpointer(quiet + [0.08, 0.12, 0.06] * 10 + quiet) == []  # steady noise
    assert scripted_endpointer(quiet + [0.3, 0.4, 0.3, 0.2] * 4 + quiet) == []  # never 6 in a row
    assert scripted_endpointer([*quiet, 0.9, 0.9, 0.9, *quiet]) == []  # a click: too short


def scores(decoded: float, **sentences: float) -> Callable[[Sequence[str]], list[float]]:
    """A fake `Transcript.rescore`: the decoded text first, then model sentences by name."""

    def rescore(texts: Sequence[str]) -> list[float]:
        named = {k.replace("_", " "): v for k, v in sentences.items()}
        return [decoded, *(named.get(text, -6.0) for text in texts[1:])]

    return rescore


def slump_glide_scores(decoded: float, score: float) -> Callable[[Sequence[str]], list[float]]:
    """A fake `Transcript.rescore` that hears "tell me about ... slump glide" at `score`."""

    def rescore(texts: Sequence[str]) -> list[float]:
        heard = [score if t.startswith("tell me about") and "slump glide" in t else -6.0
                 for t in texts[1:]]  # fmt: skip
        return [decoded, *heard]

    return rescore


def test_a_near_miss_the_audio_confirms_is_acted_on() -> None:
    said = "Tell me I'm out of this lump glide."
    confirmed = Transcript(said, 0.3, rescore=slump_glide_scores(-0.4, -0.9))
    heard = decide(confirmed, trusted_from=0.5).heard
    assert heard is not None and not heard.unsure and heard.intent == ev.EXPLAIN_EXERCISE
    assert str(heard).startswith("tell me about") and "slump glide" in str(heard)
    doubtful = Transcript(said, 0.3, rescore=slump_glide_scores(-0.4, -3.0))
    heard = decide(doubtful, trusted_from=0.5).heard  # too far below what was decoded
    assert heard is not None and heard.unsure and heard.guess == ev.EXPLAIN_EXERCISE
    weak = Transcript(said, 0.3, rescore=slump_glide_scores(-2.0, -2.8))
    heard = decide(weak, trusted_from=0.5).heard  # within the margin, but unlikely itself
    assert heard is not None and heard.unsure


def test_words_far_from_every_model_sentence_are_not_rescored() -> None:
    asked: list[Sequence[str]] = []

    def rescore(texts: Sequence[str]) -> list[float]:
        asked.append(texts)
        return [0.0] * len(texts)

    tv = Transcript("The committee will meet again on Tuesday.", 0.3, rescore=rescore)
    heard = decide(tv, trusted_from=0.5).heard
    assert asked == [] and (heard is None or heard.intent == ev.FALLBACK)


def test_every_routine_name_reaches_the_light_engines_language_model() -> None:
    # The routine slot has several hundred names: capping each sample's expansions at the first
    # ones left most of them (and their pronunciations) out of pocketsphinx's LM.
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    kinds = {t["name"]: t for t in model["interactionModel"]["languageModel"]["types"]}
    names = [
        form.lower().replace("-", " ")
        for value in kinds["RoutineName"]["values"]
        for form in [value["name"]["value"], *value["name"].get("synonyms", [])]
    ]
    text = " | ".join(default_vocabulary().sentences)
    missing = [name for name in names if f" {name} " not in f" {text.replace('|', ' ')} "]
    assert len(names) > 150 and not missing, missing[:5]


def test_every_sample_is_heard_with_each_values_own_name() -> None:
    # The near-miss lookup and the LM see a spread of each sample's expansions; the names the
    # coach itself says ("the slump glide") are always among them, whatever the spread picked.
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    language = model["interactionModel"]["languageModel"]
    names = [v["name"]["value"] for t in language["types"] if t["name"] == "ExerciseName"
             for v in t["values"]]  # fmt: skip
    sentences = set(default_vocabulary().sentences)
    missing = [n for n in names if f"tell me about the {n.lower()}" not in sentences]
    assert len(names) > 10 and not missing, missing
