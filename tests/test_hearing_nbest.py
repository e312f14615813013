"""Choosing among the engine's readings (nbest.py): a runner-up the coach's language knows wins
over a slightly likelier near miss; a safety reading is never traded; speech that is nothing the
coach knows stays what it is; whisper hands its beam's runners-up over."""

from __future__ import annotations

import math

import pytest

from local_runner.hearing import simulate as sim
from local_runner.hearing.decision import decide
from local_runner.hearing.engines import Transcript
from local_runner.hearing.nbest import WEIGHT, best_reading, known
from skill.core import events as ev
from tests.test_hearing import isolated_cache  # noqa: F401 (autouse fixture)


def readings(*pairs: tuple[str, float]) -> Transcript:
    """A transcript whose readings have these mean log-probabilities per token."""
    (text, score), *others = pairs
    return Transcript(
        text, math.exp(score), alternatives=tuple((t, math.exp(s)) for t, s in others)
    )


def test_a_model_sentence_just_behind_a_near_miss_is_what_was_said() -> None:
    # whisper in 10 dB fan noise (measured): "What kind of choice is it?" -0.26, then the
    # model's own "What are the choices?" at -0.45
    transcript = readings(("What kind of choice is it?", -0.26), ("What are the choices?", -0.45))
    heard = decide(transcript, trusted_from=0.45).heard
    assert heard is not None and not heard.unsure
    assert heard.intent == "ListRoutinesIntent" and heard.transcript == "What are the choices?"


def test_a_misheard_stop_in_the_runners_up_is_acted_on() -> None:
    transcript = readings(("Let's talk now.", -0.50), ("Stop now.", -0.57))
    heard = decide(transcript, trusted_from=0.45).heard
    assert heard is not None and heard.intent == ev.STOP


def test_the_bonus_is_small_a_much_less_likely_model_sentence_does_not_win() -> None:
    far = -0.26 - WEIGHT - 0.1
    transcript = readings(("What kind of choice is it?", -0.26), ("What are the choices?", far))
    assert best_reading(transcript).text == "What kind of choice is it?"


def test_a_pain_reading_is_never_traded_for_a_likelier_sounding_known_one() -> None:
    transcript = readings(("That's really hurts.", -0.45), ("That's really good.", -0.30))
    assert best_reading(transcript).text == "That's really hurts."
    heard = decide(transcript, trusted_from=0.45).heard
    assert heard is not None and heard.transcript == "That's really hurts."


def test_chatter_stays_chatter() -> None:
    said = "The committee will meet again on Tuesday to discuss the budget."
    transcript = readings(
        (said, -0.2), (said.replace("Tuesday", "Thursday"), -0.35), (said[:-1] + "!", -0.4)
    )
    assert best_reading(transcript).text == said
    heard = decide(transcript, trusted_from=0.45).heard
    assert heard is None or heard.unsure or heard.intent == ev.FALLBACK


def test_how_well_the_language_knows_a_reading() -> None:
    assert known("what are the choices") == 1.0  # one of the model's own sentences
    assert 0.0 < known("hold for 45 seconds") < 1.0  # a template
    assert 0.0 < known("what are the choice") < 1.0  # a near miss
    assert known("what kind of choice is it the committee said") == 0.0
    # a classifier answer, however sure, earns nothing: on the development set counting them
    # turned 10 more clips right but made 10 more wrong actions
    assert known("I think that's got the download.") == 0.0


def test_a_classifier_answer_in_the_runners_up_does_not_win() -> None:
    # whisper in fan noise (benchmark, 8 voices): "I haven't got a towel" -> a runner-up the
    # classifier reads as a sure stop; an unplaced best reading stays unsure instead
    transcript = readings(
        ("And they've been got the download.", -0.60), ("I think that's got the download.", -0.62)
    )
    assert best_reading(transcript).text == "And they've been got the download."


def test_one_reading_is_kept_as_it_is() -> None:
    transcript = Transcript("Next.", 0.9)
    assert best_reading(transcript) is transcript


def test_whisper_hands_over_its_beams_runners_up() -> None:
    from local_runner.hearing.engines import EngineUnavailable
    from local_runner.hearing.whisper import WhisperEngine

    if not sim.have("espeak-ng"):
        pytest.skip("needs espeak-ng")
    try:
        engine = WhisperEngine()
    except EngineUnavailable as error:
        pytest.skip(str(error))
    speech = sim.pad(sim.speak("what are the choices", "en-gb-x-rp", 165), 0.25, 0.3)
    transcript = engine.transcribe(sim.mix(speech, sim.steady_noise(3.0, 5), 10.0))
    others = transcript.alternatives
    assert len(others) >= 2 and all(text for text, _ in others)
    assert all(0.0 < sure <= 1.0 for _, sure in others)
    assert len({transcript.text, *(text for text, _ in others)}) == 1 + len(others)
