"""What the coach can be told, read from the interaction model: sentences, words and a prompt.

Both engines are biased towards this domain from the same source (the Alexa model), so a new
sample or synonym in `interaction_model/en-US.json` reaches speech recognition on the next run:
pocketsphinx gets a language model of the expanded sentences, whisper a prompt naming the
domain's words. `digest` keys the generated artefacts in the cache. A sample with slots stands
for a spread of its expansions (all of them would be millions), plus every combination of the
values' own names, the names the coach says and users repeat ("tell me about the slump glide");
a sample that is a slot alone ("{routine}") stands for every form of its values.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from skill.core.words import number_words

MODEL_PATH = Path(__file__).resolve().parents[2] / "interaction_model" / "en-US.json"
BUILD_VERSION = "5"  # bump to rebuild every cached artefact after a change to how they are made
MAX_EXPANSIONS_PER_SAMPLE = 150
# How much more often a sentence of a small intent counts in the LM than one of the largest:
# (largest intent's sentences / its intent's) ** BALANCE, at most MAX_REPEATS. Unbalanced, the
# slot-filled intents (132,000 routine requests, 117,000 exercise questions) drown the commands
# said most ("stop", "pause", "that hurts" are each one sentence of a few hundred). On the
# listening benchmark's 4 default voices, pocketsphinx: 38% -> 46 / 48 / 46% right at 0.5 / 0.75 /
# 1.0 (safety phrases 19 -> 23 / 24 / 25 of 60); at 0.75 on its 8 voices 36% -> 43%, safety
# phrases 36 -> 50 of 120, other commands taken for a stop, pause or pain 13 -> 16 of 288.
BALANCE = 0.75
MAX_REPEATS = 200
NUMBERS = (*range(0, 13), 15, 20, 25, 30, 40, 45, 50, 60, 90, 120)
# Fillers for free-text slots: what people say there, so the LM has those words and contexts.
FREE_TEXT = {
    "AMAZON.SearchQuery": (
        "numbness in my groin", "pain down my leg", "my leg is numb", "tingling in my foot",
        "trouble peeing", "weakness in both legs", "sharp pain", "a fever", "pins and needles",
        "pain at night", "numb bottom", "losing control of my bladder",
    ),
    "AMAZON.TIME": ("seven", "seven thirty", "eight am", "six pm", "noon", "nine in the morning"),
}  # fmt: skip
PROMPT_TYPES = ("RoutineName",)
# Measured on 80 synthetic clips (10 commands, 4 voices, clean and 10 dB noise): no prompt 46,
# every slot value's name 55, these commands and the routine names 60 right; short is cheaper.
COMMON_COMMANDS = "Next. Pause. Resume. Stop. Skip. Repeat. That hurts. Previous exercise."


def normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("-", " ")
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text).split())


@dataclass(frozen=True)
class Vocabulary:
    sentences: tuple[str, ...]
    terms: tuple[str, ...]  # the routines' names
    digest: str
    repeats: tuple[int, ...]  # how often each sentence counts in the LM (see BALANCE)

    def weighted(self) -> tuple[tuple[str, int], ...]:
        return tuple(zip(self.sentences, self.repeats, strict=True))

    @property
    def words(self) -> frozenset[str]:
        return frozenset(word for sentence in self.sentences for word in sentence.split())

    def prompt(self) -> str:
        """A short text for whisper's initial prompt: common commands, then the domain's names."""
        return f"{COMMON_COMMANDS} Routines: {', '.join(self.terms)}."


def vocabulary_of(model: dict[str, Any], digest: str) -> Vocabulary:
    language = model["interactionModel"]["languageModel"]
    forms: dict[str, list[str]] = {
        t["name"]: [
            normalise(f)
            for v in t["values"]
            for f in [v["name"]["value"], *v["name"].get("synonyms", [])]
        ]
        for t in language.get("types", [])
    }
    terms = tuple(
        dict.fromkeys(
            normalise(v["name"]["value"])
            for t in language.get("types", [])
            if t["name"] in PROMPT_TYPES
            for v in t["values"]
        )
    )
    names = {  # each value's own name: the one the coach says, so the one users repeat
        t["name"]: list(dict.fromkeys(normalise(v["name"]["value"]) for v in t["values"]))
        for t in language.get("types", [])
    }
    forms["AMAZON.NUMBER"] = [number_words(n) for n in NUMBERS]
    forms.update({name: [normalise(p) for p in phrases] for name, phrases in FREE_TEXT.items()})
    by_intent: dict[str, dict[str, None]] = {}
    for intent in language["intents"]:
        kinds = {s["name"]: s["type"] for s in intent.get("slots", [])}
        own = by_intent.setdefault(intent["name"], {})
        for index, sample in enumerate(intent.get("samples", [])):
            used = re.findall(r"\{(\w+)\}", sample)
            options = [forms.get(kinds.get(slot, ""), [slot]) for slot in used]
            named = [names.get(kinds.get(s, ""), o) for s, o in zip(used, options, strict=True)]
            # A value said on its own ("spasm", "hammies") is said in any of its forms: a
            # bare-slot sample stands for all of them, not a spread that moves with each synonym.
            alone = len(used) == 1 and sample.strip() == "{" + used[0] + "}"
            spread = itertools.product(*options) if alone else _spread(options, index)
            for combo in itertools.chain(spread, itertools.product(*named)):
                text = sample
                for slot, form in zip(used, combo, strict=True):
                    text = text.replace("{" + slot + "}", form, 1)
                if normalised := normalise(text):
                    own.setdefault(normalised, None)
    repeats = _balanced(by_intent)
    return Vocabulary(tuple(repeats), terms, digest, tuple(repeats.values()))


def _balanced(by_intent: dict[str, dict[str, None]]) -> dict[str, int]:
    """Each sentence with how often it counts in the LM (see BALANCE), in model order."""
    largest = max((len(own) for own in by_intent.values()), default=1)
    repeats: dict[str, int] = {}
    for own in by_intent.values():
        times = min(MAX_REPEATS, max(1, int((largest / max(1, len(own))) ** BALANCE)))
        for sentence in own:
            repeats[sentence] = max(times, repeats.get(sentence, 0))
    return repeats


def _spread(options: list[list[str]], offset: int) -> Iterator[tuple[str, ...]]:
    """At most MAX_EXPANSIONS_PER_SAMPLE combinations, spread over all of them and started at a
    different place for each sample, so that every value of a long list (439 routine names)
    reaches the LM through some sample, not only the first 150 through all of them."""
    total = math.prod(len(values) for values in options)
    step = max(1, math.ceil(total / MAX_EXPANSIONS_PER_SAMPLE))
    return itertools.islice(itertools.product(*options), offset % step, None, step)


def load_vocabulary(path: Path = MODEL_PATH) -> Vocabulary:
    raw = path.read_bytes()
    digest = hashlib.sha256(raw + BUILD_VERSION.encode()).hexdigest()[:16]
    return vocabulary_of(json.loads(raw), digest)


@cache
def default_vocabulary() -> Vocabulary:
    return load_vocabulary()
