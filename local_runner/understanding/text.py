"""Text normalisation shared by every stage: lower case, plain apostrophes, filler words."""

from __future__ import annotations

import re

FILLERS = frozenset(
    {"um", "uh", "er", "erm", "hmm", "mm", "ah", "oh", "alexa", "hey", "so", "well", "like",
     "please", "okay", "ok", "right", "now", "just", "then", "actually", "coach"}
)  # fmt: skip


def normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("-", " ")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    return " ".join(text.split())


def without_fillers(utterance: str) -> list[str]:
    """The utterance, then without filler words ("um okay next please" -> "next")."""
    words = utterance.split()
    kept = [w for w in words if w not in FILLERS]
    trimmed = " ".join(kept)
    return [utterance] if not kept or trimmed == utterance else [utterance, trimmed]
