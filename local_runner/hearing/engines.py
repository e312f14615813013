"""One small interface for speech recognisers, and how an engine is chosen.

`Engine.transcribe(samples)` takes one whole utterance (16 kHz mono float32) and returns its
text with a confidence in [0, 1]. Two engines: faster-whisper with Whisper tiny.en (accurate;
the default when its model is present) and pocketsphinx (light, always installed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

ENGINES = ("whisper", "pocketsphinx")


@dataclass(frozen=True)
class Transcript:
    text: str
    confidence: float  # 0..1, the engine's own estimate that the words are right
    # A safety phrase ("stop", "pause", "that hurts") the audio may have been although `text`
    # is not it: the engine's own second opinion on short utterances ("" when none, or when
    # the engine cannot tell). The coach pauses and asks about it (decision.py).
    maybe: str = ""
    # Weaker: for a short utterance that is neither clearly a safety phrase nor clearly
    # anything else, the safety phrase it comes closest to ("" when none is close at all).
    # Acted on only during a hold, where the coach pauses and asks (decision.py, unsure.py).
    could_be: str = ""
    # The engine's score for other texts against this same audio (mean log-probability per
    # token, higher is likelier), when it can give one: lets the decision check a near-miss
    # mapping onto a model sentence against what was actually said (None: it cannot).
    rescore: Callable[[Sequence[str]], list[float]] | None = field(default=None, compare=False)
    # The engine's other readings of the same audio (its beam's runners-up), best first, each
    # with its confidence on the scale of `confidence`: the decision may prefer one the coach's
    # language knows (nbest.py). Empty when the engine keeps only one.
    alternatives: tuple[tuple[str, float], ...] = ()


class Engine(Protocol):
    name: str
    trusted_from: float  # confidences below this are "unsure": never acted on (decision.py)

    def transcribe(self, samples: np.ndarray) -> Transcript:
        """The words in one utterance (16 kHz mono float32)."""


class EngineUnavailable(RuntimeError):
    """An engine that cannot run here; the message is one sentence a user can act on."""


def make_engine(name: str | None, notice: Callable[[str], None] = lambda _: None) -> Engine:
    """The named engine, or the best one that loads (whisper, then pocketsphinx).

    Raises EngineUnavailable when nothing loads. When an engine was not asked for by name and
    whisper fails, `notice` is told why before falling back to pocketsphinx.
    """
    if name is not None and name not in ENGINES:
        raise EngineUnavailable(f"unknown speech engine {name!r}; choose {' or '.join(ENGINES)}")
    if name in (None, "whisper"):
        try:
            from .whisper import WhisperEngine

            return WhisperEngine()
        except EngineUnavailable as error:
            if name == "whisper":
                raise
            notice(f"{error} Listening with pocketsphinx instead.")
    from .sphinx import SphinxEngine

    return SphinxEngine()
