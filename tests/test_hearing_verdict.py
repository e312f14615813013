"""A safety doubt the audio clearly settles is acted on (verdict.py, decision.py); scores are
faked here, the whisper test synthesises its WAV at test time with espeak-ng and sox noise."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from local_runner.hearing import simulate as sim
from local_runner.hearing import verdict
from local_runner.hearing.decision import SAFETY_DOUBT, UNCLEAR_DOUBT, decide, says_pain
from local_runner.hearing.engines import Transcript
from skill.core import events as ev


def scores(**known: float) -> Callable[[Sequence[str]], list[float]]:
    """A fake `Transcript.rescore`: texts by name (underscores for spaces), others -6."""
    named = {k.replace("_", " "): v for k, v in known.items()}
    return lambda texts: [named.get(text, -6.0) for text in texts]


def test_a_misheard_stop_the_audio_clearly_prefers_is_acted_on() -> None:
    said = "Okay, it's top."
    heard = decide(Transcript(said, 0.4, maybe="stop", rescore=scores(okay_stop=-1.5)), 0.45).heard
    assert heard is not None and not heard.unsure and heard.intent == ev.STOP
    assert str(heard) == "okay stop" and heard.transcript == said


def test_pain_acted_on_is_handed_over_as_words_that_say_pain() -> None:
    hurting = scores(**{"it's hurting": -1.1})
    transcript = Transcript("It's 13.", 0.4, could_be="that hurts", rescore=hurting)
    heard = decide(transcript, 0.45).heard
    assert heard is not None and not heard.unsure and says_pain(heard)


@pytest.mark.parametrize(
    "rescore",
    [
        scores(okay_stop=-1.5, ouch=-2.0),  # another safety intent is nearly as likely
        scores(okay_stop=-1.5, hold_on=-2.2),
        scores(okay_stop=-3.0, okay_then=-2.8),  # a command the coach knows is as likely
        scores(okay_stop=-4.5),  # the phrase itself is unlikely
    ],
)
def test_a_doubt_the_audio_does_not_settle_is_still_asked_about(
    rescore: Callable[[Sequence[str]], list[float]],
) -> None:
    okay = (("Okay.", 0.2),)  # a runner-up reading, near "okay then"
    transcript = Transcript("Okay, it's top.", 0.4, maybe="stop", rescore=rescore, alternatives=okay)
    heard = decide(transcript, 0.45).heard
    assert heard is not None and heard.unsure and heard.doubt == SAFETY_DOUBT


def test_only_a_doubt_is_judged_never_a_command_nor_words_that_are_none() -> None:
    loud = scores(stop=-0.1)  # the audio "prefers" stop to everything
    heard = decide(Transcript("Next one.", 0.9, could_be="stop", rescore=loud), 0.45).heard
    assert heard is not None and heard.intent == ev.NEXT  # clear words: no doubt to judge
    assert decide(Transcript("", 0.0, maybe="stop", rescore=loud), 0.45).heard.unsure  # type: ignore[union-attr]


def test_the_doubt_asks_about_the_safety_intent_the_audio_prefers() -> None:
    """A noisy "pause" read as a weak "Pause." near "that hurts" asked about the pain: when the
    audio prefers pause to every pain phrasing (but not clearly to all else), it asks about
    pause; the hold stops either way."""
    said = "Pause."
    next_one = (("Next.", 0.2),)  # a runner-up reading the audio finds likelier
    weak = Transcript(said, 0.3, maybe="that hurts", rescore=scores(pause=-2.0, next_one=-1.8),
                      alternatives=next_one)  # fmt: skip
    heard = decide(weak, 0.45).heard
    assert heard is not None and heard.doubt == SAFETY_DOUBT and heard.guess == ev.PAUSE
    unsettled = Transcript(said, 0.3, maybe="that hurts", rescore=scores(pause=-2.0, ouch=-2.5))
    heard = decide(unsettled, 0.45).heard
    assert heard is not None and heard.doubt == SAFETY_DOUBT and says_pain(heard.meant)


def test_an_unclear_doubt_names_the_phrase_the_audio_prefers() -> None:
    transcript = Transcript("Lead.", 0.4, could_be="pause", rescore=scores(wait=-3.0, left_side=-2.8))
    heard = decide(transcript, 0.45).heard
    assert heard is not None and heard.doubt == UNCLEAR_DOUBT and heard.could_be == "wait"


def test_the_verdict_weighs_intents_not_phrasings() -> None:
    judged = verdict.judge(Transcript("Out.", 0.4, rescore=scores(ouch=-2.0, ow=-2.1, stop=-3.5)))
    assert judged is not None and judged.intent == verdict.PAIN and judged.phrase == "ouch"
    assert judged.over_safety == pytest.approx(1.5) and judged.acted_on



def test_whisper_hears_okay_stop_in_fan_noise_as_a_stop(whisper: Any) -> None:
    """Measured (benchmarks/safety_dev.py): whisper reads it "Okay, it's top.", a doubt."""
    speech = sim.pad(sim.speak("okay stop", "en-us-nyc+m3", 120), 0.25, 0.3)
    transcript = whisper.transcribe(sim.mix(speech, sim.steady_noise(3.0, 2002), 10.0))
    assert transcript.text != "Okay, stop." and (transcript.maybe or transcript.could_be)
    heard = decide(transcript, whisper.trusted_from).heard
    assert heard is not None and not heard.unsure and heard.intent == ev.STOP
