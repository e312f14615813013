"""Choosing among the engine's readings of one utterance: the one the coach's language knows.

Whisper's beam search keeps several readings of the same audio; in noise and in a reverberant
room the one it likes best is often a near miss ("What kind of choice is it?") while a runner-up
a little less likely is what was said and a sentence of the coach's language ("What are the
choices?"). So each reading gets a bonus for how well the recogniser knows it (one of the
model's own sentences; a template or near miss), on the scale of the engine's score (mean
log-probability per token), and the best total wins. A sure classifier answer earns nothing:
the classifier is sure of some nonsense ("I think that's got the download." -> stop, 0.95).

The bonus is small (at most `WEIGHT`, 0.4 nats per token): a reading must be nearly as likely
as the best one to win, so speech that is nothing the coach knows (television, chatter) still
comes out as what it is. A best reading that is a stop, pause or pain word is never traded
for another (a misheard "that hurts" must not become "that's really good").

Chosen on a development set (benchmarks/listening_dev.py: 25 everyday phrasings x 6 voices x
clean / 10 dB fan noise / reverberant room, none of them the benchmark's), from whisper's
readings of its 448 one-utterance clips: right intent 319 -> 336, wrong actions 44 -> 38.
Counting sure classifier answers too: 348 right but 48 wrong actions. Weights 0.2-0.6 gain alike.
"""

from __future__ import annotations

import math
from dataclasses import replace

from skill.core import events as ev

from .engines import Transcript

WEIGHT = 0.4  # nats per token for a reading the coach's language knows for certain
EXACT, TEMPLATE = 1.0, 0.6  # ...times these for each way of knowing it


def known(text: str) -> float:
    """How surely the coach's language places `text`: 1 for a model sentence, 0 for nothing."""
    from local_runner.recogniser import default_recogniser

    understood = default_recogniser().understand(text)
    if understood.event.name == ev.FALLBACK:
        return 0.0
    if understood.stage == "exact":
        return EXACT
    if understood.stage in ("template", "near"):
        return TEMPLATE
    return 0.0  # the classifier's answers are not counted: they made wrong actions (below)


def is_safety(text: str) -> bool:
    """The words are a stop, pause or pain (what the decision acts on whatever else)."""
    from local_runner.recogniser import default_recogniser

    from .decision import SAFETY_INTENTS, says_pain

    return default_recogniser().parse(text).name in SAFETY_INTENTS or says_pain(text)


def best_reading(transcript: Transcript) -> Transcript:
    """`transcript` with the reading the domain prefers as its text (itself if none is)."""
    text = transcript.text.strip()
    if not transcript.alternatives or not text or is_safety(text):
        return transcript
    readings = [(text, transcript.confidence), *transcript.alternatives]
    scored = [(_log(confidence) + WEIGHT * known(said), index)
              for index, (said, confidence) in enumerate(readings)]  # fmt: skip
    best = max(scored, key=lambda pair: (pair[0], -pair[1]))[1]
    if best == 0:
        return transcript
    said, confidence = readings[best]
    others = tuple(reading for index, reading in enumerate(readings) if index != best)
    return replace(transcript, text=said, confidence=confidence, alternatives=others)


def _log(confidence: float) -> float:
    return math.log(confidence) if confidence > 0 else -math.inf
