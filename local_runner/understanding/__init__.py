"""Language understanding for the local runner, compiled from interaction_model/en-US.json.

`Recogniser.parse(text, expects)` -> Event; `Recogniser.understand(text, expects)` ->
Understanding(event, confidence, stage). `default_recogniser()` builds one (classifier loaded
from the user cache when the model has not changed) and keeps it.
"""

from .classified import Understanding
from .recogniser import Recogniser, default_recogniser

__all__ = ["Recogniser", "Understanding", "default_recogniser"]
