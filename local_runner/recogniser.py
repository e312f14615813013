"""The local recogniser; it lives in `local_runner.understanding` (one module per stage)."""

from .understanding import Recogniser, Understanding, default_recogniser

__all__ = ["Recogniser", "Understanding", "default_recogniser"]
