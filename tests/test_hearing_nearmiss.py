"""Near misses by sound and spelling, scored as whisper writes (sounds.py, written.py,
nearmiss.py); the whisper test synthesises its WAV at test time with espeak-ng."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from local_runner.hearing import nearmiss, sounds
from local_runner.hearing import simulate as sim
from local_runner.hearing.decision import UNCLEAR_DOUBT, decide
from local_runner.hearing.engines import Transcript
from local_runner.hearing.written import as_written, closing
from local_runner.recogniser import default_recogniser
from skill.core import events as ev


def scores(decoded: float, **sentences: float) -> Callable[[Sequence[str]], list[float]]:
    """A fake `Transcript.rescore`: the decoded text first, then model sentences by name."""

    def rescore(texts: Sequence[str]) -> list[float]:
        named = {k.replace("_", " "): v for k, v in sentences.items()}
        return [decoded, *(named.get(text, -6.0) for text in texts[1:])]

    return rescore


def test_a_key_is_the_phones_whatever_the_spelling() -> None:
    assert sounds.key("Hold for 45 seconds.") == sounds.key("hold for forty five seconds")
    assert sounds.key("sun flight") == sounds.key("sun") + sounds.key("flight") != ""
    assert sounds.key("pain's") == sounds.key("pain") + sounds.SYMBOL["Z"]
    assert sounds.key("zqxv")  # no dictionary has it: spelt out, not dropped


def test_sound_reaches_a_sentence_spelling_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    # A sentence with no slot: which expansions of slotted samples the index holds moves with
    # every synonym added.
    said, meant = "Neck Sex are size.", "next exercise"
    assert meant in nearmiss.candidates(said)
    monkeypatch.setattr(nearmiss, "SOUND_LIMIT", 0)
    assert meant not in nearmiss.candidates(said)


def test_a_model_sentence_is_written_as_whisper_writes() -> None:
    assert as_written("i think i want forty five seconds") == (
        "I think I want forty five seconds.",
        "I think I want 45 seconds.",
    )
    assert as_written("what are the choices", "?") == ("What are the choices?",)
    assert as_written("Stop. No.") == ("Stop. No.",)  # whisper's own reading, as it is
    assert [closing(said) for said in ("Is it bad?", "Next.", "next")] == ["?", ".", "."]


def nearest_office_stretch(said: str) -> str:
    """The first office-stretch request among `said`'s near misses: which one it is moves with
    every synonym the model gains (a sample stands for a spread of its expansions)."""
    return next(
        c
        for c in nearmiss.candidates(said)
        if default_recogniser().parse(c).slots == {"routine": "desk_break"}
    )


def test_a_classifier_reading_the_audio_contradicts_becomes_the_near_miss() -> None:
    said = "Can we do a quick office trash?"
    meant = nearest_office_stretch(said)
    confirmed = Transcript(said, 0.8, rescore=scores(-0.3, **{meant.replace(" ", "_"): -1.2}))
    heard = decide(confirmed, trusted_from=0.45).heard
    assert heard is not None and not heard.unsure and heard.intent == ev.START_ROUTINE
    assert str(heard) == meant
    unconfirmed = Transcript(said, 0.8, rescore=scores(-0.3))  # every candidate far below
    heard = decide(unconfirmed, trusted_from=0.45).heard
    assert heard is not None and str(heard) == said
    assert heard.intent == default_recogniser().parse(said).name


def test_a_model_sentence_placed_by_exact_words_is_not_second_guessed() -> None:
    asked: list[Sequence[str]] = []

    def rescore(texts: Sequence[str]) -> list[float]:
        asked.append(texts)
        return [0.0] * len(texts)

    heard = decide(Transcript("Skip this one.", 0.9, rescore=rescore), trusted_from=0.45).heard
    assert asked == [] and heard is not None and heard.intent == ev.SKIP


@pytest.mark.skipif(not sim.have("espeak-ng"), reason="needs espeak-ng")
def test_whisper_scores_a_model_sentence_as_well_as_its_own_reading() -> None:
    # Whisper writes "Hold for 45 seconds."; the model's "hold for forty five seconds" scored
    # as written (capital, digits, full stop) is about as likely, and a wrong number is not.
    pytest.importorskip("faster_whisper")
    from local_runner.hearing.whisper import WhisperEngine

    engine = WhisperEngine()
    transcript = engine.transcribe(sim.speak("hold for forty five seconds", "en-us", 150))
    assert transcript.rescore is not None and "45" in transcript.text, transcript.text
    decoded, right, wrong = transcript.rescore(
        [transcript.text, "hold for forty five seconds", "hold for fifteen seconds"]
    )
    assert right >= decoded - 0.3 and wrong < right - 1.0, (decoded, right, wrong)


def test_short_speech_near_a_safety_phrase_is_asked_about_not_rescored() -> None:
    # A "stop" in a reverberant room read "Next time.": the near miss "next one" scores as
    # well as the reading, but so does "stop": the hold pauses to ask about the stop instead
    # of moving on.
    rescore = scores(-0.5, next_one=-0.5, stop=-1.0)
    near_stop = Transcript("Next time.", 0.3, could_be="stop", rescore=rescore)
    heard = decide(near_stop, trusted_from=0.45).heard
    assert heard is not None and heard.unsure and heard.doubt == UNCLEAR_DOUBT
    assert heard.could_be == "stop" and heard.guess == ev.NEXT


def test_a_sure_reading_near_a_pain_phrase_is_acted_on_only_if_the_audio_prefers_it() -> None:
    # A "that hurts" in a reverberant room read "Next." just above the trusted confidence: the
    # audio explains "that hurts" nearly as well, so the hold pauses to ask, it does not move on.
    def rescore(said: float, hurts: float) -> Callable[[Sequence[str]], list[float]]:
        named = {"Next.": said, "next": said, "that hurts": hurts}
        return lambda texts: [named.get(text, -6.0) for text in texts]

    close = Transcript("Next.", 0.49, could_be="that hurts", rescore=rescore(-2.4, -3.5))
    heard = decide(close, trusted_from=0.45).heard
    assert heard is not None and heard.unsure and heard.doubt == UNCLEAR_DOUBT
    assert heard.could_be == "that hurts" and heard.guess == ev.NEXT
    clear = Transcript("Next.", 0.49, could_be="that hurts", rescore=rescore(-0.5, -5.0))
    heard = decide(clear, trusted_from=0.45).heard
    assert heard is not None and not heard.unsure and heard.intent == ev.NEXT


def test_a_near_miss_the_audio_prefers_to_every_safety_phrasing_is_acted_on() -> None:
    # "What are the choices" read "Work on the choices.": short, so near a safety phrase, but
    # the audio explains the model sentence far better than any stop, pause or pain.
    rescore = scores(-0.8, what_are_the_choices=-1.0)  # every safety phrasing: -6
    said = Transcript("Work on the choices.", 0.3, could_be="pause", rescore=rescore)
    heard = decide(said, trusted_from=0.45).heard
    assert heard is not None and not heard.unsure and heard.intent == ev.LIST_ROUTINES
    assert not heard.doubt


def test_a_pain_phrasing_close_behind_the_near_miss_keeps_it_a_question() -> None:
    # "It's hurting" read "It's starting.": near "let's start", but "it's hurting" (not the
    # phrase the audio was found nearest, "that hurts") explains the audio nearly as well.
    named = {"let's start": -0.6, "it's hurting": -1.2}

    def rescore(texts: Sequence[str]) -> list[float]:
        return [-0.5, *(named.get(text, -6.0) for text in texts[1:])]

    said = Transcript("It's starting.", 0.3, could_be="that hurts", rescore=rescore)
    heard = decide(said, trusted_from=0.45).heard
    assert heard is not None and heard.unsure and heard.doubt == UNCLEAR_DOUBT
    assert heard.guess == ev.START_ROUTINE  # the near miss is what the coach asks about


def test_the_engines_next_reading_brings_its_own_near_misses() -> None:
    # The best reading is near nothing; the runner-up is near the office stretch, which the
    # audio confirms.
    said, other = (
        "The committee will meet again on Tuesday.",
        "Can we do it with all of us stretch?",
    )
    meant = nearest_office_stretch(other).replace(" ", "_")
    confirmed = Transcript(said, 0.3, alternatives=((other, 0.25),),
                           rescore=scores(-0.4, **{meant: -0.6}))  # fmt: skip
    heard = decide(confirmed, trusted_from=0.45).heard
    assert heard is not None and not heard.unsure and heard.intent == ev.START_ROUTINE



@pytest.mark.skipif(not (sim.have("espeak-ng") and sim.have("sox")), reason="needs espeak-ng, sox")
@pytest.mark.parametrize(
    ("text", "voice", "rate", "intent"),
    [  # measured: "Work on the choices." and "The last one appeared.", short and near "ouch" /
        # "that hurts"; the model sentences explain the audio far better than any safety one
        ("what are the choices", "en-us-nyc+m3", 150, ev.LIST_ROUTINES),
        ("the last one again", "en-029+f2", 155, ev.PREVIOUS),
    ],
)
def test_short_near_misses_in_a_reverberant_room_are_acted_on(
    whisper: Any, text: str, voice: str, rate: int, intent: str
) -> None:
    transcript = whisper.transcribe(sim.room(sim.pad(sim.speak(text, voice, rate), 0.25, 0.3), 50))
    assert transcript.could_be, transcript  # short speech, so near some safety phrase
    heard = decide(transcript, whisper.trusted_from).heard
    assert heard is not None and not heard.unsure and heard.intent == intent, transcript
