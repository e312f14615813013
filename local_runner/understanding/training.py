"""The classifier's training set, generated from the interaction model.

Every sample, with custom slots filled by each of their values, is delexicalised by the slot
spotter (values become type placeholders) and de-duplicated; free-text and number slots get a
few stand-in values. The out-of-domain sentences of `ood` are added under their own label.

Every sentence, in-domain or not, is also seen once wrapped in a conversational opener or closer
("okay ...", "... thanks", "... for today"). People wrap any request in these, so
they must carry no weight: seen under every label they get none, and a "cheers" or "ta" is no
longer an unknown word that makes a clear request look like other speech.
"""

from __future__ import annotations

import zlib

from .classifier import LinearModel, train
from .model import NUMBER_TYPE, SLOT, LanguageModel
from .ood import OUT_OF_DOMAIN, corpus
from .slots import SlotSpotter
from .text import normalise

OPENERS = (
    "okay", "ok", "alright", "right", "um", "so", "well", "oh", "yeah so", "hey coach",
    "erm", "now", "and", "oh and", "hmm", "uh", "okay so", "right then", "look",
)  # fmt: skip
CLOSERS = (
    "please", "thanks", "thank you", "ta", "cheers", "mate", "now", "for me", "then",
    "for today", "i think", "if that's ok", "if you don't mind", "yeah", "again", "buddy",
    "thanks coach", "right now", "for a bit", "i guess",
)  # fmt: skip
STAND_INS = {
    # Not slot values of any type ("pain down my leg" names the sciatica routine).
    "AMAZON.SearchQuery": [
        "numbness in my leg",
        "a burning feeling in my calf",
        "tingling in my foot",
    ],
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

    def add_one(label: str, text: str) -> None:
        tokens = spotter.delexicalise(text, spotter.spans(text))
        key = (label, tuple(tokens))
        if tokens and key not in seen:
            seen.add(key)
            rows.append(tokens)
            labels.append(label)

    def add(label: str, text: str) -> None:
        add_one(label, text)
        # One wrapped copy per sentence, an opener or a closer, picked by the sentence's own
        # checksum: reproducible, and a sentence added or removed elsewhere changes no other
        # sentence's pick (a running count re-dealt every later one, and one sentence less in
        # the corpus moved a dozen borderline answers). Both on every sentence trained 3x
        # slower, no better.
        pick = zlib.crc32(f"{label} {text}".encode())
        if pick % 2:
            add_one(label, f"{OPENERS[pick % len(OPENERS)]} {text}")
        else:
            add_one(label, f"{text} {CLOSERS[pick % len(CLOSERS)]}")

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
