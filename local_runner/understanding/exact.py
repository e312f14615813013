"""Stage 1: the model's own sentences, looked up exactly, then near misses by edit distance."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from .model import Concrete, LanguageModel

FUZZY_CUTOFF = 86.0
# Slips are only looked for in short commands; longer sentences are the classifier's job.
FUZZY_MAX_WORDS = 4


class ExactTable:
    def __init__(self, model: LanguageModel) -> None:
        self.table: dict[str, Concrete] = {}
        self.collisions: list[tuple[str, str, str]] = []
        for intent, samples in model.samples.items():
            for sample in samples:
                if model.is_templated(intent, sample):
                    continue
                for key, concrete in model.concrete(intent, sample):
                    claimed = self.table.get(key)
                    if claimed is not None and claimed.intent != intent:
                        # The first intent keeps it; the model tests list every collision.
                        self.collisions.append((key, claimed.intent, intent))
                        continue
                    self.table.setdefault(key, concrete)
        self.short = [s for s in self.table if len(s.split()) <= FUZZY_MAX_WORDS + 1]

    def lookup(self, utterance: str) -> Concrete | None:
        return self.table.get(utterance)

    def near(self, utterance: str) -> Concrete | None:
        """The model sentence a slip of the tongue or keyboard was aiming at ("nest one")."""
        if len(utterance) < 3 or len(utterance.split()) > FUZZY_MAX_WORDS:
            return None
        match = process.extractOne(
            utterance, self.short, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        return None if match is None else self.table[match[0]]
