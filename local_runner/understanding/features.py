"""Features the classifier reads: word 1-2-grams and in-word character 3-5-grams.

One function for training and recognition, so both see a sentence the same way. Placeholders
from slot spotting are single tokens and get no character n-grams.
"""

from __future__ import annotations

import itertools

from .slots import PLACEHOLDER

CHAR_SIZES = (3, 4, 5)
# Endings whose removal leaves a word the model may know: "started" is "start", "badly" "bad".
SUFFIXES = ("'ll", "'ve", "'d", "'s", "ing", "ed", "ly", "es", "s", "d")
MIN_STEM = 3


def features(tokens: list[str]) -> list[str]:
    out = [f"w:{t}" for t in tokens]
    padded = ["<s>", *tokens, "</s>"]
    out.extend(f"b:{a} {b}" for a, b in itertools.pairwise(padded))
    for token in tokens:
        if token.startswith(PLACEHOLDER):
            continue
        marked = f"#{token}#"
        for n in CHAR_SIZES:
            out.extend(f"c:{marked[i : i + n]}" for i in range(len(marked) - n + 1))
    return out


def stems(word: str) -> list[str]:
    """Candidate base forms of `word` by plain suffix stripping (sitting -> sitt, sit; stored ->
    stor, store). Only used to tell a new form of a known word from a word never seen."""
    out = []
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            stem = word[: -len(suffix)]
            out += [stem, stem + "e"]
            if stem[-1] == stem[-2]:
                out.append(stem[:-1])
    return out
