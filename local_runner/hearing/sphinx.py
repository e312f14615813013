"""The light engine: pocketsphinx 5 with its bundled en-us model and our domain LM.

Always installable (the wheel carries the acoustic model and CMU dictionary), fast enough for
one core; less accurate than whisper, so it is the fallback. The domain dictionary and bigram
LM come from lexicon.py (cached per model hash).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from .audio import RATE, to_int16
from .engines import EngineUnavailable, Transcript
from .enhance import spectral_subtraction
from .lexicon import build, cmudict_path
from .vocabulary import Vocabulary, default_vocabulary


class SphinxEngine:
    name = "pocketsphinx"
    # Its sentence posteriors separate right from wrong poorly: on 60 synthetic commands this
    # threshold rejected 12 of 31 wrong transcripts and 3 of 29 right ones.
    trusted_from = 0.001

    def __init__(self, vocabulary: Vocabulary | None = None, cache: Path | None = None) -> None:
        try:
            import pocketsphinx
        except ImportError as error:
            raise EngineUnavailable("pocketsphinx is not installed.") from error
        model = Path(pocketsphinx.get_model_path())
        cmudict = cmudict_path()
        if cmudict is None:
            raise EngineUnavailable("pocketsphinx's English dictionary is missing.")
        artefacts = build(vocabulary or default_vocabulary(), cmudict, cache)
        self._decoder: Any = pocketsphinx.Decoder(
            hmm=str(model / "en-us" / "en-us"),
            lm=str(artefacts.language_model),
            dict=str(artefacts.dictionary),
            samprate=RATE,
            loglevel="FATAL",
        )

    def transcribe(self, samples: np.ndarray) -> Transcript:
        decoder = self._decoder
        decoder.start_utt()
        decoder.process_raw(to_int16(spectral_subtraction(samples)), full_utt=True)
        decoder.end_utt()
        hypothesis = decoder.hyp()
        if hypothesis is None or not hypothesis.hypstr.strip():
            return Transcript("", 0.0)
        # `prob` is the hypothesis' posterior (linear); whole-sentence posteriors run low, so
        # the engine's own trust threshold (below) is low too.
        return Transcript(hypothesis.hypstr.strip(), _clamp(float(hypothesis.prob)))


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, value))
