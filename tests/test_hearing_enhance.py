"""Listening in noise: the Wiener filter and SNR estimate (enhance.py), and whisper decoding a
noisy utterance twice, raw and enhanced (espeak-ng speech and fan noise made at test time)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from local_runner.hearing import enhance
from local_runner.hearing import simulate as sim
from local_runner.hearing.audio import RATE

pytestmark = pytest.mark.skipif(not sim.have("espeak-ng"), reason="needs espeak-ng")


def noisy(text: str = "can we do a quick office stretch", seed: int = 5) -> tuple[np.ndarray, ...]:
    """Clean speech with 0.4 s of lead-in, and the same with fan noise throughout at 10 dB."""
    speech = sim.pad(sim.speak(text, "en-us", 150), 0.4, 0.3)
    fan = sim.steady_noise(len(speech) / RATE, seed)
    level = sim.rms(speech[np.abs(speech) > 0.01]) / 10 ** (10 / 20)
    return speech, (speech + level * fan).astype(np.float32)


def snr_against(reference: np.ndarray, signal: np.ndarray) -> float:
    return 20 * float(np.log10(sim.rms(reference) / sim.rms(signal - reference)))


def test_the_snr_estimate_tells_a_noisy_utterance_from_a_clean_one() -> None:
    from local_runner.hearing.whisper import DUAL_BELOW_DB

    clean, loud_fan = noisy()
    assert enhance.snr_db(clean) > DUAL_BELOW_DB + 5
    assert enhance.snr_db(loud_fan) < DUAL_BELOW_DB
    mixed = sim.mix(sim.speak("next one please", "en-gb", 170), sim.steady_noise(3.0, 2), 10.0)
    assert enhance.snr_db(mixed) < DUAL_BELOW_DB  # noise only under the speech, as the benchmark


def test_the_filter_takes_out_steady_noise_and_keeps_the_speech() -> None:
    clean, loud_fan = noisy()
    filtered = enhance.wiener(loud_fan)
    assert len(filtered) == len(loud_fan) and filtered.dtype == np.float32
    lead = slice(0, int(0.35 * RATE))  # fan alone, before the words
    assert sim.rms(filtered[lead]) < 0.4 * sim.rms(loud_fan[lead])  # 8 dB down or more
    assert snr_against(clean, filtered) > snr_against(clean, loud_fan) + 2.0
    words = np.abs(clean) > 0.05
    assert sim.rms(filtered[words]) > 0.6 * sim.rms(clean[words])  # the speech is not taken out


def test_silence_and_short_input_come_back_unharmed() -> None:
    silence = np.zeros(RATE, dtype=np.float32)
    assert np.array_equal(enhance.wiener(silence), silence)
    assert enhance.snr_db(silence) == float("-inf")
    short = np.full(300, 0.1, dtype=np.float32)
    assert np.array_equal(enhance.wiener(short), short) and enhance.snr_db(short) == float("inf")
    clean, _ = noisy("next")
    assert np.isfinite(enhance.wiener(clean)).all()



def test_a_noisy_utterance_is_decoded_raw_and_enhanced_and_a_clean_one_once(
    whisper: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded: list[np.ndarray] = []
    decode = whisper._decode

    def counting(audio: np.ndarray) -> Any:
        decoded.append(audio)
        readings, encoded, frames = decode(audio)
        if len(decoded) == 2:  # the enhanced decode: mark its readings to find them again
            readings = [("Enhanced reading.", 0.99)]
        return readings, encoded, frames

    monkeypatch.setattr(whisper, "_decode", counting)
    clean, loud_fan = noisy()
    whisper.transcribe(clean)
    assert len(decoded) == 1
    decoded.clear()
    transcript = whisper.transcribe(loud_fan)
    assert len(decoded) == 2 and np.array_equal(decoded[0], loud_fan)
    assert sim.rms(decoded[1] - loud_fan) > 0.1 * sim.rms(loud_fan)  # the filtered audio
    assert transcript.text == "Enhanced reading."  # pooled: the likeliest reading leads
    assert transcript.alternatives  # and the raw decode's readings follow


def test_the_encoder_sees_a_15_second_window_unless_the_audio_is_longer(whisper: Any) -> None:
    from local_runner.hearing.whisper import FULL_FRAMES, WINDOW_FRAMES

    speech = sim.speak("next one please", "en-us", 150)
    readings, encoded, frames = whisper._decode(speech)
    assert readings[0][0].lower().startswith("next")
    assert encoded.shape[1] == WINDOW_FRAMES // 2 and frames == len(speech) // 160 + 1
    long = np.concatenate([speech, np.zeros(16 * RATE, dtype=np.float32)])
    assert whisper._decode(long)[1].shape[1] == FULL_FRAMES // 2


@pytest.mark.parametrize(
    ("text", "voice", "rate", "seed", "words", "intents", "may_ask"),
    [  # measured: raw alone, whisper hears "Bains at a fall." and "At least one of them."
        ("pain's at a four", "en-gb-x-rp", 165, 2007, "at a 4", ("PainScoreIntent",), False),
        ("the last one again", "en-us-nyc+m3", 150, 2009, "one again",
         ("AMAZON.PreviousIntent", "AMAZON.RepeatIntent"), True),
    ],
)  # fmt: skip
def test_commands_whisper_mishears_in_fan_noise_are_heard_through_the_filter(
    whisper: Any,
    text: str,
    voice: str,
    rate: int,
    seed: int,
    words: str,
    intents: tuple[str, ...],
    may_ask: bool,
) -> None:
    """The filtered copy gets back the words the raw one lost; what the coach makes of them is
    the recogniser's business ("At least one again." is a coin toss between two intents, so it
    may be left unacted on), but it is never a wrong action."""
    from local_runner.hearing.decision import decide

    speech = sim.pad(sim.speak(text, voice, rate), 0.25, 0.3)
    transcript = whisper.transcribe(sim.mix(speech, sim.steady_noise(3.0, seed), 10.0))
    assert words in transcript.text.lower()
    heard = decide(transcript, whisper.trusted_from).heard
    acted_right = not heard.unsure and heard.guess in intents if heard is not None else False
    assert acted_right or (heard is not None and heard.unsure and may_ask), heard


def test_a_reading_that_names_a_safety_word_without_being_one_is_still_checked(
    whisper: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"Not hurts." names "hurts" but is no pain: the audio (a real "that hurts") is still
    scored against the safety phrases, and prefers a pain phrasing so clearly to everything
    else (verdict.py) that the coach acts on the pain rather than going on (or asking)."""
    from local_runner.hearing.decision import decide, says_pain

    decode = whisper._decode

    def misheard(audio: np.ndarray) -> Any:
        _, encoded, frames = decode(audio)
        return [("Not hurts.", 0.9)], encoded, frames

    monkeypatch.setattr(whisper, "_decode", misheard)
    transcript = whisper.transcribe(sim.pad(sim.speak("that hurts", "en-us+m5", 135), 0.25, 0.3))
    assert transcript.text == "Not hurts." and transcript.maybe == "that hurts"
    heard = decide(transcript, whisper.trusted_from).heard
    assert heard is not None and not heard.unsure and says_pain(heard), heard.meant
