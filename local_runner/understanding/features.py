"""Features the classifier reads: word 1-2-grams and in-word character 3-5-grams.

One function for training and recognition, so both see a sentence the same way. Placeholders
from slot spotting are single tokens and get no character n-grams.
"""

from __future__ import annotations

import itertools

from .slots import PLACEHOLDER

# Bump when features, training data or training settings change: cached models are rebuilt.
FEATURE_VERSION = "1"
CHAR_SIZES = (3, 4, 5)


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
