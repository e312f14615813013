"""Recognising WAV files (`stretch-coach parse --audio`): one result dict per file.

The whole file is decoded as one utterance after trimming to where the VAD hears speech, so a
file of silence or noise yields an empty transcript (a Fallback) rather than a hallucination.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from skill.core import events as ev

from .audio import AudioError, read_wav
from .decision import decide
from .engines import Engine
from .vad import FRAME, OPEN_PROB, SileroStream

PAD_FRAMES = 8  # kept either side of the speech found (~0.25 s)


def speech_span(samples: np.ndarray) -> np.ndarray:
    """The part of `samples` between the first and last frames Silero calls speech."""
    score = SileroStream()
    count = len(samples) // FRAME
    speech = [i for i in range(count) if score(samples[i * FRAME : (i + 1) * FRAME]) >= OPEN_PROB]
    if not speech:
        return samples[:0]
    start = max(0, speech[0] - PAD_FRAMES) * FRAME
    end = min(count, speech[-1] + 1 + PAD_FRAMES) * FRAME
    return samples[start:end]


def recognise_file(path: Path, engine: Engine) -> dict[str, Any]:
    try:
        samples = read_wav(path)
    except AudioError as error:
        return {"file": str(path), "error": str(error)}
    speech = speech_span(samples)
    if not len(speech):
        return {"file": str(path), "intent": ev.FALLBACK, "slots": {}, "transcript": "",
                "confidence": 0.0}  # fmt: skip
    transcript = engine.transcribe(speech)
    decision = decide(transcript, engine.trusted_from)
    heard = decision.heard
    result: dict[str, Any] = {
        "file": str(path),
        "intent": heard.intent if heard else ev.FALLBACK,
        "slots": decision.slots,
        "transcript": transcript.text,
        "confidence": round(transcript.confidence, 3),
    }
    if heard is not None and heard.unsure:
        result["unsure_of"] = heard.guess
    if heard is not None and heard.doubt:
        result["maybe"] = heard.meant  # may have been this safety phrase: the coach would ask
    return result
