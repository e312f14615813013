"""The classifier's training set, generated from the interaction model.

Every sample, with custom slots filled by each of their values, is delexicalised by the slot
spotter (values become type placeholders) and de-duplicated; free-text and number slots get a
few stand-in values. The out-of-domain sentences of `ood` are added under their own label.
"""

from __future__ import annotations

from .classifier import LinearModel, train
from .model import NUMBER_TYPE, SLOT, LanguageModel
from .ood import OUT_OF_DOMAIN, corpus
from .slots import SlotSpotter
from .text import normalise

# Bump with any change here: cached models are keyed by it.
TRAINING_VERSION = "2"
STAND_INS = {
    "AMAZON.SearchQuery": ["numbness in my leg", "pain down my leg", "tingling in my foot"],
    "AMAZON.TIME": ["seven", "six pm", "tomorrow morning"],
    NUMBER_TYPE: ["twenty"],
}


def sample_sentences(model: LanguageModel, intent: str, sample: str) -> list[str]:
    """Normalised sentences one sample stands for."""
    if not model.is_templated(intent, sample):
        return model.concrete(intent, sample)
    kinds = model.slot_types[intent]
    out = []
    for n in range(3):
        text = sample
        for slot in SLOT.findall(sample):
            text = text.replace("{" + slot + "}", _stand_in(kinds[slot], n), 1)
        out.append(normalise(text))
    return list(dict.fromkeys(out))


def _stand_in(slot_type: str, n: int) -> str:
    options = STAND_INS.get(slot_type, [""])
    return options[n % len(options)]


def examples(
    model: LanguageModel, spotter: SlotSpotter, families: dict[str, list[str]] | None = None
) -> tuple[list[list[str]], list[str]]:
    """(delexicalised token lists, labels); `families` limits each intent to those samples."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    rows: list[list[str]] = []
    labels: list[str] = []

    def add(label: str, text: str) -> None:
        tokens = spotter.delexicalise(text, spotter.spans(text))
        key = (label, tuple(tokens))
        if tokens and key not in seen:
            seen.add(key)
            rows.append(tokens)
            labels.append(label)

    for intent, samples in (families or model.samples).items():
        for sample in samples:
            for text in sample_sentences(model, intent, sample):
                add(intent, text)
    for text in corpus():
        add(OUT_OF_DOMAIN, normalise(text))
    return rows, labels


def train_classifier(model: LanguageModel, spotter: SlotSpotter) -> LinearModel:
    rows, labels = examples(model, spotter)
    return train(rows, labels)
